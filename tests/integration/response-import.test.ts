// Survey-response CSV import over real HTTP (the shared import pipeline with the responses kind): answers are
// checked by the public API's rules and each bad row is named by row and field, both modes, clientId
// idempotency, references and the survey resolved only inside the organization, no cases for history, and
// the response export re-imports into a survey of the same shape as the same scores, categories and answers.
// Runs on SQLite and PostgreSQL like the rest of the suite.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { baseURL } from "./http";
import { postCsv, problemRows } from "./import-client";

let A: Org;
let B: Org;
let surveyA: string;
let surveyB: string;
let extA: string;
let emailA: string;

beforeAll(async () => {
  [A, B] = [await createOrg("rx-a"), await createOrg("rx-b")];
  surveyA = (await createSurvey(A.orgId, { touchpointId: A.ids.touchpoint })).id;
  surveyB = (await createSurvey(B.orgId)).id;
  const c = await db.customer.findUniqueOrThrow({ where: { id: A.ids.customer } });
  [extA, emailA] = [c.externalId!, c.email!];
});

const importResponses = (key: string, surveyId: string, body: BodyInit, query: Record<string, string> = {}) =>
  postCsv("/api/v1/imports/responses", key, body, { surveyId, ...query });
const HEADER = "clientId,submittedAt,customer,channel,locale,nps,why_low,why_high,plan,topics,renew";

function mixedFile(p: string, bCustomerExt: string) {
  return [
    HEADER,
    `${p}-1,2025-03-01T09:00:00Z,${extA},phone,de,10,,Fast,Pro,"Price, Speed",yes`,
    `${p}-2,2025-03-02T09:00:00Z,,,,11,,,basic,,`, // row 3: above the NPS scale
    `${p}-3,2025-03-03T09:00:00Z,,,,8,,,gold,,`, // row 4: not an option
    `${p}-4,03/04/2025,,,,8,,,basic,,`, // row 5: bad date
    `${p}-5,2025-03-05T09:00:00Z,${bCustomerExt},,,8,,,basic,,`, // row 6: another organization's customer
    `${p}-6,2025-03-06T09:00:00Z,${emailA.toUpperCase()},,en,3,Too slow,,basic,,no`,
    `${p}-7,2025-03-07T09:00:00Z,,,,5,,,basic,,`, // row 8: the follow-up a detractor must answer is missing
    `${p}-8,2025-03-08T09:00:00Z,,,,5,Meh,Great,basic,,maybe`, // row 9: hidden question answered, not yes/no
  ].join("\n");
}

const storedWith = (surveyId: string, p: string) =>
  db.response.findMany({
    where: { surveyId, clientId: { startsWith: `${p}-` } },
    orderBy: { clientId: "asc" },
    include: { answers: { include: { question: { select: { key: true } } } } },
  });
const answersOf = (r: Awaited<ReturnType<typeof storedWith>>[number]) =>
  Object.fromEntries(
    r.answers
      .map((a) => [a.question.key, a.valueChoice ?? a.valueText ?? a.valueNumber])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

describe("response import", () => {
  it("all_or_nothing stores none and names row and field of every bad row (answers checked by the public API's rules)", async () => {
    const p = `RAON-${uid()}`;
    const bExt = (await db.customer.findUniqueOrThrow({ where: { id: B.ids.customer } })).externalId!;
    const r = await importResponses(A.keys.manager, surveyA, mixedFile(p, bExt), { mode: "all_or_nothing" });
    expect(r.status).toBe(200);
    expect(r.result).toMatchObject({ done: true, rows: 8, inserted: 0, skipped: 0, invalid: 6 });
    expect(problemRows(r.result)).toEqual([
      "3:answers.nps",
      "4:answers.plan",
      "5:submittedAt",
      "6:customer",
      "8:answers.why_low",
      "9:answers.renew",
      "9:answers.why_high",
    ]);
    const reason = (row: number, field: string) =>
      r.result.problems.find((x: { row: number; field: string }) => x.row === row && x.field === field).reason;
    expect(reason(3, "answers.nps")).toBe("Must be from 0 to 10");
    expect(reason(4, "answers.plan")).toContain("Not an option");
    expect(reason(8, "answers.why_low")).toBe("Required to complete the response");
    expect(await db.response.count({ where: { clientId: { startsWith: `${p}-` } } })).toBe(0);
  });

  it("skip_bad_rows stores exactly the good rows with the live headline, category and answers, and opens no case", async () => {
    const p = `RSBR-${uid()}`;
    const bExt = (await db.customer.findUniqueOrThrow({ where: { id: B.ids.customer } })).externalId!;
    const casesBefore = await db.case.count({ where: { orgId: A.orgId } });
    const r = await importResponses(A.keys.manager, surveyA, mixedFile(p, bExt), { mode: "skip_bad_rows" });
    expect(r.result).toMatchObject({ done: true, rows: 8, inserted: 2, invalid: 6 });
    const stored = await storedWith(surveyA, p);
    expect(
      stored.map((s) => [
        s.clientId,
        s.orgId,
        s.customerId,
        s.touchpointId,
        s.channelId,
        s.submittedAt.toISOString(),
        s.completedAt?.toISOString(),
        s.completed,
        s.locale,
        s.metric,
        s.score,
        s.category,
        s.comment,
        s.hasComment,
      ]),
    ).toEqual([
      [
        `${p}-1`,
        A.orgId,
        A.ids.customer,
        A.ids.touchpoint,
        A.ids.channel,
        "2025-03-01T09:00:00.000Z",
        "2025-03-01T09:00:00.000Z",
        true,
        "de",
        "nps",
        10,
        "promoter",
        "Fast",
        true,
      ],
      [
        `${p}-6`,
        A.orgId,
        A.ids.customer,
        A.ids.touchpoint,
        A.ids.channel,
        "2025-03-06T09:00:00.000Z",
        "2025-03-06T09:00:00.000Z",
        true,
        "en",
        "nps",
        3,
        "detractor",
        "Too slow",
        true,
      ],
    ]);
    expect(stored.map(answersOf)).toEqual([
      { nps: 10, plan: "pro", renew: 1, topics: ["price", "speed"], why_high: "Fast" },
      { nps: 3, plan: "basic", renew: 0, why_low: "Too slow" },
    ]);
    expect(await db.case.count({ where: { orgId: A.orgId } })).toBe(casesBefore); // a detractor from history opens no case
    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, action: "responses.imported" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.data).toMatchObject({ mode: "skip_bad_rows", inserted: 2, invalid: 6 });
    expect((await db.customer.findUniqueOrThrow({ where: { id: A.ids.customer } })).lastSeenAt).not.toBeNull();
  });

  it("re-importing the same file for the same survey creates nothing new, with or without a clientId column", async () => {
    const p = `RDUP-${uid()}`;
    const file = [HEADER, ...[1, 2, 3].map((i) => `${p}-${i},2025-04-0${i}T08:00:00Z,,,,${i + 6},,,basic,,`)].join(
      "\n",
    );
    expect((await importResponses(A.keys.manager, surveyA, file)).result).toMatchObject({
      inserted: 3,
      skipped: 0,
      invalid: 0,
    });
    const again = await importResponses(A.keys.manager, surveyA, file + `\n${p}-9,2025-04-09T08:00:00Z,,,,9,,,pro,,`);
    expect(again.result).toMatchObject({ inserted: 1, skipped: 3, invalid: 0 });
    expect((await storedWith(surveyA, p)).map((r) => r.category)).toEqual([
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);

    const anonymous = `submittedAt,nps,plan\n2025-05-01T10:00:00Z,9,pro\n2025-05-01T10:05:00Z,7,basic`;
    const count = () => db.response.count({ where: { surveyId: surveyA } });
    const before = await count();
    expect((await importResponses(A.keys.manager, surveyA, anonymous)).result).toMatchObject({ inserted: 2 });
    expect(
      (await importResponses(A.keys.manager, surveyA, anonymous, { mode: "all_or_nothing" })).result,
    ).toMatchObject({ inserted: 0, skipped: 2, invalid: 0 });
    expect(await count()).toBe(before + 2);

    const twice = await importResponses(
      A.keys.manager,
      surveyA,
      `${HEADER}\n${p}-x1,2025-04-01T08:00:00Z,,,,9,,,pro,,\n${p}-x1,2025-04-01T08:00:00Z,,,,9,,,pro,,`,
    );
    expect(problemRows(twice.result)).toEqual(["3:clientId"]);
  });

  it("another organization's survey is a 404 before anything is read; its references are row errors; agents may not import", async () => {
    const p = `RXO-${uid()}`;
    const foreign = await importResponses(
      A.keys.manager,
      surveyB,
      `${HEADER}\n${p}-1,2025-05-01T08:00:00Z,,,,9,,,pro,,`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.contentType).toContain("application/problem+json");
    expect(JSON.stringify(foreign.body)).not.toContain(surveyB);
    expect(await db.response.count({ where: { clientId: { startsWith: `${p}-` } } })).toBe(0);
    const missing = await postCsv("/api/v1/imports/responses", A.keys.manager, `${HEADER}\n`);
    expect(missing.status).toBe(400);
    expect(missing.body.invalid_params.map((x: { name: string }) => x.name)).toEqual(["surveyId"]);

    const file = [
      "clientId,submittedAt,touchpoint,channel,nps,plan",
      `${p}-1,2025-05-01T08:00:00Z,${B.ids.touchpoint},,9,pro`,
      `${p}-2,2025-05-01T08:00:00Z,,nochannel,9,pro`,
      `${p}-3,2025-05-01T08:00:00Z,Call,Phone,9,pro`, // this organization's touchpoint and channel, by name
    ].join("\n");
    const r = await importResponses(A.keys.manager, surveyA, file, { mode: "skip_bad_rows" });
    expect(problemRows(r.result)).toEqual(["2:touchpoint", "3:channel"]);
    expect((await storedWith(surveyA, p)).map((s) => [s.touchpointId, s.channelId])).toEqual([
      [A.ids.touchpoint, A.ids.channel],
    ]);
    expect((await importResponses(A.keys.agent, surveyA, `${HEADER}\n`)).status).toBe(403);
    const noDate = await importResponses(A.keys.manager, surveyA, "nps,plan\n9,pro");
    expect(noDate.status).toBe(400);
    expect(noDate.body.invalid_params.map((x: { name: string }) => x.name)).toEqual(["mapping"]);
  });
});

describe("response export → import", () => {
  it("the export of one survey imports as is into a survey of the same shape in another organization", async () => {
    const src = await createOrg("rx-src");
    const dest = await createOrg("rx-dest");
    const s1 = (await createSurvey(src.orgId, { touchpointId: src.ids.touchpoint })).id;
    const s2 = (await createSurvey(dest.orgId)).id;
    const email = (await db.customer.findUniqueOrThrow({ where: { id: src.ids.customer } })).email!;
    await db.customer.update({ where: { id: dest.ids.customer }, data: { email } }); // the same person in both
    const p = `RRT-${uid()}`;
    const file = [
      HEADER,
      `${p}-1,2025-06-01T08:00:00Z,${email},phone,de,10,,"=great, said ""wow""",pro,"Price, Speed",yes`,
      `${p}-2,2025-06-02T08:00:00Z,,,,6,slow,,basic,Speed,no`,
      `${p}-3,2025-06-03T08:00:00Z,,,,8,,,,,`, // complete without the required plan: bad (stored as a partial below)
    ].join("\n");
    expect((await importResponses(src.keys.manager, s1, file, { mode: "skip_bad_rows" })).result).toMatchObject({
      inserted: 2,
      invalid: 1,
    });
    expect(
      (
        await importResponses(
          src.keys.manager,
          s1,
          `clientId,submittedAt,nps,completed\n${p}-3,2025-06-03T08:00:00Z,8,false`,
        )
      ).result,
    ).toMatchObject({ inserted: 1 });

    const res = await fetch(`${baseURL()}/api/v1/exports/responses?surveyId=${s1}`, {
      headers: { authorization: `Bearer ${src.keys.viewer}` },
    });
    expect(res.status).toBe(200);
    const csv = await res.text();

    // Into the same survey: every row is already there (the export's id column is the stored response's id).
    expect((await importResponses(src.keys.manager, s1, csv, { mode: "all_or_nothing" })).result).toMatchObject({
      inserted: 0,
      skipped: 3,
      invalid: 0,
    });

    // Into the copy, with no mapping given: the export's columns map themselves.
    const r = await importResponses(dest.keys.manager, s2, csv, { mode: "all_or_nothing" });
    expect(r.result).toMatchObject({ inserted: 3, invalid: 0 });
    const shape = async (surveyId: string) =>
      (
        await db.response.findMany({
          where: { surveyId },
          orderBy: { submittedAt: "asc" },
          include: {
            answers: { include: { question: { select: { key: true } } } },
            customer: true,
            channel: true,
            touchpoint: true,
          },
        })
      ).map((x) => ({
        at: x.submittedAt.toISOString(),
        headline: [x.metric, x.score, x.category, x.comment, x.hasComment, x.completed, x.locale],
        who: [x.customer?.email ?? null, x.touchpoint?.name ?? null, x.channel?.key ?? null],
        answers: Object.fromEntries(
          x.answers
            .map((a) => [a.question.key, a.valueChoice ?? a.valueText ?? a.valueNumber])
            .sort(([a], [b]) => String(a).localeCompare(String(b))),
        ),
      }));
    const [before, after] = [await shape(s1), await shape(s2)];
    expect(after).toEqual(before);
    expect(before.map((b) => [b.headline[2], b.headline[5], b.who[0], b.who[1], b.who[2]])).toEqual([
      ["promoter", true, email, "Call", "phone"],
      ["detractor", true, null, "Call", "phone"],
      ["passive", false, null, "Call", "phone"],
    ]);
    expect(before[0].answers).toMatchObject({ why_high: '=great, said "wow"', topics: ["price", "speed"] });
    expect(
      await db.case.count({ where: { orgId: dest.orgId, responseId: { not: null }, response: { surveyId: s2 } } }),
    ).toBe(0);
  });
});
