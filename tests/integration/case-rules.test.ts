// Closed loop: a triggering event opens exactly one follow-up case, owned by the least-loaded agent,
// due per the organization's rules; events that don't meet a rule open none.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openCaseForResponse } from "@/lib/cases/rules";
import { listCases } from "@/lib/cases/service";
import { getLoopClosure } from "@/lib/cases/loop-closure";
import { caseListQuery } from "@/lib/cases/schema";
import { createOrg, createUser, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { customerToken } from "./customer-tokens";
import { http } from "./http";

let A: Org;
let secondAgent: string;
beforeAll(async () => {
  A = await createOrg("rules");
  secondAgent = (await createUser("rules-agent2")).id;
  await db.membership.create({ data: { orgId: A.orgId, userId: secondAgent, role: "agent" } });
});

describe("case rules", () => {
  it("an interaction marked follow-up opens one case, also when the request is retried", async () => {
    const body = {
      customerId: A.ids.customer,
      outcome: "follow_up",
      note: "Call back about the router",
      clientId: `cr-${randomUUID()}`,
    };
    const first = await http("POST", "/api/v1/interactions", { key: A.keys.agent, body });
    const retry = await http("POST", "/api/v1/interactions", { key: A.keys.agent, body });
    expect([first.status, retry.status]).toEqual([201, 200]);
    const cases = await db.case.findMany({ where: { orgId: A.orgId, interactionId: first.body.id } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      triggerKey: `follow-up:${first.body.id}`,
      status: "open",
      title: "Follow up: Call back about the router",
      customerId: A.ids.customer,
    });
    // the factory's agent already owns a case, so the other agent gets this one
    expect(cases[0].ownerId).toBe(secondAgent);
    const dueInHours = (cases[0].dueAt!.getTime() - cases[0].createdAt.getTime()) / 3_600_000;
    expect(dueInHours).toBeCloseTo(48, 1);
  });

  it("a resolved interaction opens none", async () => {
    const res = await http("POST", "/api/v1/interactions", {
      key: A.keys.agent,
      body: { customerId: A.ids.customer, outcome: "resolved" },
    });
    expect(await db.case.count({ where: { orgId: A.orgId, interactionId: res.body.id } })).toBe(0);
  });

  it("a detractor response opens one case however often the rule is evaluated", async () => {
    const r = await db.response.create({
      data: {
        orgId: A.orgId,
        surveyId: A.ids.survey,
        clientId: `cr-${randomUUID()}`,
        customerId: A.ids.customer,
        metric: "nps",
        score: 2,
        category: "detractor",
      },
    });
    await db.$transaction((tx) => openCaseForResponse(tx, r));
    await db.$transaction((tx) => openCaseForResponse(tx, r));
    expect(await db.case.count({ where: { orgId: A.orgId, responseId: r.id } })).toBe(1);
    const promoter = await db.response.create({
      data: {
        orgId: A.orgId,
        surveyId: A.ids.survey,
        clientId: `cr-${randomUUID()}`,
        metric: "nps",
        score: 9,
        category: "promoter",
      },
    });
    expect(await db.$transaction((tx) => openCaseForResponse(tx, promoter))).toBeNull();
  });

  it("a detractor answering the public survey opens one case, kept through completion", async () => {
    const survey = await createSurvey(A.orgId);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: A.ids.customer } });
    const clientId = `cr-${randomUUID()}`;
    const path = `/api/v1/public/surveys/${survey.publicId}/responses`;
    const token = await customerToken(A, survey.publicId, customer.externalId!);
    const partial = await http("POST", path, {
      body: {
        clientId,
        complete: false,
        answers: { nps: 3 },
        customerExternalId: customer.externalId,
        customerToken: token,
      },
    });
    expect(partial.status).toBe(201);
    const done = await http("POST", path, {
      body: {
        clientId,
        resumeToken: partial.body.resumeToken,
        complete: true,
        answers: { nps: 3, why_low: "Waited an hour", plan: "pro" },
      },
    });
    expect(done.status).toBe(200);
    const response = await db.response.findUniqueOrThrow({
      where: { surveyId_clientId: { surveyId: survey.id, clientId } },
    });
    const cases = await db.case.findMany({ where: { orgId: A.orgId, responseId: response.id } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      triggerKey: `detractor:${response.id}`,
      title: "Detractor: NPS 3",
      customerId: customer.id,
    });
  });

  it("follows the organization's rules: follow-up cases can be switched off", async () => {
    await db.organization.update({
      where: { id: A.orgId },
      data: { settings: { caseRules: { interactionFollowUp: false } } },
    });
    const res = await http("POST", "/api/v1/interactions", {
      key: A.keys.agent,
      body: { customerId: A.ids.customer, outcome: "follow_up" },
    });
    expect(res.status).toBe(201);
    expect(await db.case.count({ where: { orgId: A.orgId, interactionId: res.body.id } })).toBe(0);
    await db.organization.update({ where: { id: A.orgId }, data: { settings: {} } });
  });
});

describe("my cases", () => {
  it("is a queue of my unresolved cases, overdue first, no due date last", async () => {
    const org = await createOrg("queue");
    const me = org.users.agent.id;
    const day = 86_400_000;
    const mk = (title: string, dueAt: Date | null, status = "open", ownerId = me) =>
      db.case.create({ data: { orgId: org.orgId, title, dueAt, status, ownerId } });
    await mk("later", new Date(Date.now() + 3 * day));
    await mk("overdue", new Date(Date.now() - 2 * day));
    await mk("no due date", null, "in_progress");
    await mk("done", new Date(Date.now() - 5 * day), "resolved");
    await mk("someone else's", new Date(Date.now() - 9 * day), "open", org.users.manager.id);
    const res = await listCases(org.ctx("agent"), caseListQuery.parse({ mine: "true" }));
    // the factory's own case (no due date, owned by the agent) sorts with the undated ones
    const titles = res.data.map((c) => c.title);
    expect(titles.slice(0, 2)).toEqual(["overdue", "later"]);
    expect(titles).not.toContain("done");
    expect(titles).not.toContain("someone else's");
    expect(titles.slice(2).sort()).toEqual(["Call back detractor", "no due date"]);
  });
});

describe("loop-closure rate", () => {
  it("n counts detractor responses (as the dashboard does), not detractor cases; acted on = case worked or resolved, or the customer contacted, within 48 h", async () => {
    const org = await createOrg("loop");
    const other = await createOrg("loop-other");
    const h = 3_600_000;
    const t0 = new Date("2026-09-01T09:00:00.000Z");
    const at = (hours: number) => new Date(t0.getTime() + hours * h);
    const survey = await db.survey.create({
      data: { orgId: org.orgId, publicId: `loop-${randomUUID()}`, name: "NPS", type: "nps", status: "live" },
    });
    const customer = async () =>
      (await db.customer.create({ data: { orgId: org.orgId, name: `c ${Math.random()}` } })).id;
    const response = (o: { score: number; metric?: string; customerId?: string | null; when?: Date; orgId?: string }) =>
      db.response.create({
        data: {
          orgId: o.orgId ?? org.orgId,
          surveyId: survey.id,
          clientId: randomUUID(),
          metric: o.metric ?? "nps",
          score: o.score,
          category:
            (o.metric ?? "nps") === "nps"
              ? o.score <= 6
                ? "detractor"
                : o.score <= 8
                  ? "passive"
                  : "promoter"
              : "dissatisfied",
          customerId: o.customerId ?? null,
          completed: true,
          submittedAt: o.when ?? at(0),
        },
      });
    const caseFor = (r: { id: string; customerId: string | null }, extra: { resolvedAt?: Date } = {}) =>
      db.case.create({
        data: {
          orgId: org.orgId,
          title: `Detractor ${r.id}`,
          triggerKey: `detractor:${r.id}`,
          responseId: r.id,
          customerId: r.customerId,
          createdAt: at(0),
          ...extra,
        },
      });

    // 1. case resolved in 47 h → acted on
    await caseFor(await response({ score: 2, customerId: await customer() }), { resolvedAt: at(47) });
    // 2. case resolved in 49 h → not
    await caseFor(await response({ score: 3, customerId: await customer() }), { resolvedAt: at(49) });
    // 3. case worked (audit) after 30 h → acted on
    const worked = await caseFor(await response({ score: 0, customerId: await customer() }));
    await db.auditEvent.create({
      data: { orgId: org.orgId, action: "case.updated", entityType: "Case", entityId: worked.id, createdAt: at(30) },
    });
    // 4. no case (the rule was off), customer phoned after 12 h → acted on
    const called = await customer();
    await response({ score: 6, customerId: called });
    await db.interaction.create({
      data: { orgId: org.orgId, customerId: called, occurredAt: at(12), outcome: "resolved" },
    });
    // 5. no case, customer phoned after 60 h → not
    const calledLate = await customer();
    await response({ score: 5, customerId: calledLate });
    await db.interaction.create({
      data: { orgId: org.orgId, customerId: calledLate, occurredAt: at(60), outcome: "resolved" },
    });
    // 6.–8. anonymous detractors: nobody can act on them, and they still count
    for (let i = 0; i < 3; i++) await response({ score: 1 });
    // Not counted: a passive, a low CSAT, a detractor outside the period, another organization's detractor, and a
    // detractor case made by hand (no response).
    await response({ score: 7 });
    await response({ score: 1, metric: "csat" });
    await response({ score: 1, when: at(-48) });
    await response({ score: 1, orgId: other.orgId });
    await db.case.create({
      data: { orgId: org.orgId, title: "by hand", triggerKey: "detractor:none", createdAt: at(0) },
    });

    const got = await getLoopClosure(org.ctx("viewer"), { from: at(-24), to: at(24) });
    expect(got).toMatchObject({ n: 8, actedOn: 3, rate: 37.5, enough: false });
    expect(got.low!).toBeLessThan(37.5);
    expect(got.high!).toBeGreaterThan(37.5);
  });
});
