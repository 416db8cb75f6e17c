// A customer who replaces their score (another of the invitation e-mail's one-click score links, which continue the
// one response of the invitation) gets a follow-up case that reflects the current score (docs/cases.md, "When the
// customer changes their score"): an untouched case the rule opened is closed with a system note when the new
// score no longer meets the rule, a case staff worked is kept with a note, and a score that meets a rule again
// reopens or opens one. Through the public submit path the hosted page uses, on the real database.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitPublicResponse } from "@/lib/surveys/public-service";
import { updateCase } from "@/lib/cases/service";
import { createOrg, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";

let A: Org;
let survey: { id: string; publicId: string };
const meta = { userAgent: null, ip: "127.0.0.7" };

beforeAll(async () => {
  A = await createOrg("score-change");
  survey = await createSurvey(A.orgId, {
    questions: [
      { key: "nps", type: "score", required: true, headline: true, scaleMin: 0, scaleMax: 10, text: { en: "NPS?" } },
      { key: "why", type: "text", text: { en: "Why?" } },
    ],
  });
});

/** One response answered like the e-mail's score links do: a partial response, each click continuing it. */
function respondent() {
  const clientId = `sc-${randomUUID()}`;
  let resumeToken: string | undefined;
  return {
    clientId,
    async score(nps: number, extra: Record<string, unknown> = {}) {
      const { response, created } = await submitPublicResponse(
        survey.publicId,
        { clientId, answers: { nps, ...extra }, complete: false, ...(resumeToken ? { resumeToken } : {}) },
        meta,
      );
      if (created && "resumeToken" in response) resumeToken = response.resumeToken;
      return db.response.findUniqueOrThrow({ where: { surveyId_clientId: { surveyId: survey.id, clientId } } });
    },
  };
}
const casesOf = (responseId: string) => db.case.findMany({ where: { orgId: A.orgId, responseId } });
const historyOf = (caseId: string) =>
  db.auditEvent.findMany({
    where: { orgId: A.orgId, entityType: "Case", entityId: caseId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

describe("a replaced score re-decides the follow-up case", () => {
  it("2 then 9: the untouched case is closed with a system note; 3 later reopens it", async () => {
    const r = respondent();
    const first = await r.score(2);
    const [opened] = await casesOf(first.id);
    expect(opened).toMatchObject({ status: "open", title: "Detractor: NPS 2", resolvedAt: null });

    const second = await r.score(9);
    expect(second.id).toBe(first.id);
    expect(second.score).toBe(9);
    const [closed] = await casesOf(first.id);
    expect(closed.status).toBe("resolved");
    expect(closed.resolvedAt).not.toBeNull();
    expect(closed.resolution).toContain("The customer changed their score from 2 to 9.");
    const events = await historyOf(closed.id);
    expect(events.map((e) => [e.action, e.actorId, e.apiKeyId])).toEqual([["case.auto_closed", null, null]]);
    expect(events[0].data).toMatchObject({ from: 2, to: 9 });

    await r.score(3);
    const cases = await casesOf(first.id);
    expect(cases).toHaveLength(1); // the same case, reopened: its history stays together
    expect(cases[0]).toMatchObject({ status: "open", title: "Detractor: NPS 3", resolvedAt: null });
    expect((await historyOf(cases[0].id)).map((e) => e.action)).toEqual(["case.auto_closed", "case.reopened"]);
  });

  it("a case staff have worked stays open, with a note that the score changed", async () => {
    const r = respondent();
    const first = await r.score(1);
    const [kase] = await casesOf(first.id);
    await updateCase(A.ctx("agent"), kase.id, { status: "in_progress" });
    await r.score(10);
    const [kept] = await casesOf(first.id);
    expect(kept).toMatchObject({ status: "in_progress", resolvedAt: null, resolution: null });
    const events = await historyOf(kept.id);
    expect(events.map((e) => e.action)).toEqual(["case.updated", "case.score_changed"]);
    expect(events[1]).toMatchObject({ actorId: null, apiKeyId: null });
    expect(events[1].data).toMatchObject({ from: 1, to: 10, kept: true });
  });

  it("a reassigned case counts as worked, though still open", async () => {
    const r = respondent();
    const first = await r.score(0);
    const [kase] = await casesOf(first.id);
    await updateCase(A.ctx("manager"), kase.id, { ownerId: A.users.manager.id });
    await r.score(8);
    expect((await casesOf(first.id))[0]).toMatchObject({ status: "open", ownerId: A.users.manager.id });
  });

  it("2 then 4 keeps the case open with the current score in its title", async () => {
    const r = respondent();
    const first = await r.score(2);
    await r.score(4);
    const cases = await casesOf(first.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: "open", title: "Detractor: NPS 4" });
  });

  it("9 then 2 opens a case as a new answer would; adding a comment changes nothing", async () => {
    const r = respondent();
    const first = await r.score(9);
    expect(await casesOf(first.id)).toHaveLength(0);
    await r.score(2);
    expect(await casesOf(first.id)).toMatchObject([{ status: "open", title: "Detractor: NPS 2" }]);
    await r.score(2, { why: "slow" });
    const cases = await casesOf(first.id);
    expect(cases).toHaveLength(1);
    expect(await historyOf(cases[0].id)).toHaveLength(0);
  });

  it("a case staff resolved is reopened when the new score meets the rule again", async () => {
    const r = respondent();
    const first = await r.score(5);
    const [kase] = await casesOf(first.id);
    await updateCase(A.ctx("agent"), kase.id, { status: "resolved", resolution: "Called back" });
    await r.score(6);
    expect((await casesOf(first.id))[0]).toMatchObject({ status: "open", resolvedAt: null });
  });
});
