// Group commit of new survey responses (lib/surveys/ingest-batch.ts) over real HTTP: many concurrent
// respondents end up in shared transactions, and every rule of the one-response path still holds —
// each accepted response stored exactly once with its answers, duplicates answered from the stored row,
// rate limits exact, one case per detractor, and a survey changed behind the cache never written to with
// its old definition.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, type Org } from "../factories";
import { createSurvey, storedResponses } from "../factories/surveys";
import { startServer } from "../server";
import { http, respondent } from "./http";

let A: Org;
beforeAll(async () => {
  A = await createOrg("batch-a");
  await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } });
});

const cid = () => `batch-${randomUUID()}`;
const post = (publicId: string, body: unknown, ua = "Mozilla/5.0 (batch test)") =>
  http("POST", `/api/v1/public/surveys/${publicId}/responses`, { body, headers: respondent(ua) });
const answersFor = (i: number) => {
  const nps = i % 11;
  return { nps, ...(nps <= 6 ? { why_low: `Reason ${i}` } : {}), plan: i % 2 ? "pro" : "basic" };
};

describe("concurrent new responses (group commit)", () => {
  it("stores every accepted response exactly once, with its answers, and opens one case per detractor", async () => {
    const s = await createSurvey(A.orgId);
    const bodies = Array.from({ length: 60 }, (_, i) => ({ clientId: cid(), answers: answersFor(i), complete: true }));
    // Distinct user agents: distinct respondents for the per-client limit of 30 a minute.
    const results = await Promise.all(bodies.map((b, i) => post(s.publicId, b, `Mozilla/5.0 (respondent ${i})`)));
    expect(results.map((r) => r.status)).toEqual(bodies.map(() => 201));
    expect(results.map((r) => r.body.clientId)).toEqual(bodies.map((b) => b.clientId));

    const stored = await storedResponses(s.id);
    expect(stored).toHaveLength(60);
    const byClient = new Map(stored.map((r) => [r.clientId, r]));
    bodies.forEach((b, i) => {
      const row = byClient.get(b.clientId)!;
      expect(row, b.clientId).toBeDefined();
      expect(row).toMatchObject({
        score: b.answers.nps,
        metric: "nps",
        completed: true,
        surveyVersion: 3,
        orgId: A.orgId,
      });
      expect(row.category).toBe(b.answers.nps >= 9 ? "promoter" : b.answers.nps >= 7 ? "passive" : "detractor");
      expect(row.answers.plan.valueChoice).toBe(i % 2 ? "pro" : "basic");
      expect(row.answers.nps.valueNumber).toBe(b.answers.nps);
      expect(row.comment).toBe(b.answers.nps <= 6 ? `Reason ${i}` : null);
    });
    const detractors = stored.filter((r) => r.category === "detractor");
    const cases = await db.case.findMany({ where: { orgId: A.orgId, responseId: { in: stored.map((r) => r.id) } } });
    expect(cases.map((c) => c.responseId).sort()).toEqual(detractors.map((r) => r.id).sort());
  });

  it("answers concurrent retries of one clientId from the single stored row", async () => {
    const s = await createSurvey(A.orgId);
    const body = { clientId: cid(), answers: answersFor(3), complete: true };
    const results = await Promise.all(Array.from({ length: 8 }, () => post(s.publicId, body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    for (const r of results) {
      // The first sender gets what was stored and its resume token; the retries only { clientId, completed }.
      if (r.status === 201)
        expect(r.body).toMatchObject({
          clientId: body.clientId,
          completed: true,
          answers: body.answers,
          resumeToken: expect.any(String),
        });
      else expect(r.body).toEqual({ clientId: body.clientId, completed: true });
    }
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(1);
    expect(await db.case.count({ where: { orgId: A.orgId, response: { surveyId: s.id } } })).toBe(1);
  });

  it("continues a partial response sent in the same burst as new ones", async () => {
    const s = await createSurvey(A.orgId);
    const partial = { clientId: cid(), answers: { nps: 9 }, complete: false };
    const first = await post(s.publicId, partial);
    expect(first.status).toBe(201);
    const [rest, ...others] = await Promise.all([
      post(s.publicId, {
        clientId: partial.clientId,
        resumeToken: first.body.resumeToken,
        answers: { plan: "pro", why_high: "Quick" },
        complete: true,
      }),
      ...Array.from({ length: 5 }, (_, i) =>
        post(s.publicId, { clientId: cid(), answers: answersFor(i + 7), complete: true }, `ua ${i}`),
      ),
    ]);
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual({ clientId: partial.clientId, completed: true });
    const [row] = (await storedResponses(s.id)).filter((r) => r.clientId === partial.clientId);
    expect(
      Object.fromEntries(
        Object.entries(row.answers).map(([k, a]) => [k, a.valueNumber ?? a.valueText ?? a.valueChoice]),
      ),
    ).toEqual({ nps: 9, plan: "pro", why_high: "Quick" });
    expect(others.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(6);
  });

  it("counts a burst against the survey's limit exactly: the first N are stored, the rest are 429 and stored nowhere", async () => {
    const s = await createSurvey(A.orgId, { settings: { rateLimit: { perSurveyPerMinute: 10 } } });
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        post(s.publicId, { clientId: cid(), answers: answersFor(i + 7), complete: true }, `ua ${i}`),
      ),
    );
    const ok = results.filter((r) => r.status === 201);
    const limited = results.filter((r) => r.status === 429);
    // At the turn of a minute the window restarts, which can only let more through, never more than twice.
    expect(ok.length).toBeGreaterThanOrEqual(10);
    expect(ok.length).toBeLessThanOrEqual(20);
    expect(ok.length + limited.length).toBe(25);
    for (const r of limited) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    const stored = await db.response.findMany({ where: { surveyId: s.id }, select: { clientId: true } });
    expect(stored.map((r) => r.clientId).sort()).toEqual(ok.map((r) => r.body.clientId).sort());
  });

  it("never writes with a definition that changed behind the cache: a new version is stored as such, a closed survey is 410", async () => {
    const s = await createSurvey(A.orgId);
    expect((await http("GET", `/api/v1/public/surveys/${s.publicId}`)).status).toBe(200); // now cached by the server
    await db.survey.update({ where: { id: s.id }, data: { version: 4 } });
    const first = await post(s.publicId, { clientId: cid(), answers: answersFor(9), complete: true });
    expect(first.status).toBe(201);
    expect(
      (await db.response.findFirstOrThrow({ where: { surveyId: s.id, clientId: first.body.clientId } })).surveyVersion,
    ).toBe(4);

    await db.survey.update({ where: { id: s.id }, data: { status: "closed", closedAt: new Date() } });
    const late = await post(s.publicId, { clientId: cid(), answers: answersFor(9), complete: true });
    expect(late.status).toBe(410);
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(1);
  });
});

describe("refusals and failures inside a batch", () => {
  it("refuses an unknown channel or another organization's touchpoint with a 400 naming it, and stores the rest of the burst", async () => {
    const B = await createOrg("batch-b");
    const s = await createSurvey(A.orgId);
    const bodies = Array.from({ length: 12 }, (_, i) => ({
      clientId: cid(),
      answers: answersFor(i + 7),
      complete: true,
      ...(i % 4 === 1 ? { channel: "carrier-pigeon" } : i % 4 === 2 ? { touchpointId: B.ids.touchpoint } : {}),
    }));
    const results = await Promise.all(bodies.map((b, i) => post(s.publicId, b, `ua refused ${i}`)));
    bodies.forEach((b, i) => {
      const expected = "channel" in b ? ["channel"] : "touchpointId" in b ? ["touchpointId"] : null;
      expect(results[i].status, b.clientId).toBe(expected ? 400 : 201);
      if (expected) expect(results[i].body.invalid_params.map((p: { name: string }) => p.name)).toEqual(expected);
    });
    const stored = await storedResponses(s.id);
    expect(stored.map((r) => r.clientId).sort()).toEqual(
      bodies
        .filter((b) => !("channel" in b) && !("touchpointId" in b))
        .map((b) => b.clientId)
        .sort(),
    );
  });

  it("logs a batch that failed as a whole: one line with the error class and the batch size, nothing personal", async () => {
    // A server of its own, to read its log. The survey is cached by it; a question then deleted behind the
    // cache makes the answers' insert fail (foreign key), so the whole batch rolls back.
    const server = await startServer({ databaseUrl: process.env.DATABASE_URL! });
    try {
      const s = await createSurvey(A.orgId);
      expect((await http("GET", `${server.url}/api/v1/public/surveys/${s.publicId}`)).status).toBe(200);
      await db.surveyQuestion.delete({ where: { id: s.questionIds.plan } });
      const secret = "Call me on +44 7700 900123";
      const results = await Promise.all(
        Array.from({ length: 3 }, (_, i) =>
          http("POST", `${server.url}/api/v1/public/surveys/${s.publicId}/responses`, {
            body: {
              clientId: `batch-secret-${i}-${randomUUID()}`,
              answers: { nps: 2, why_low: secret, plan: "pro" },
              complete: true,
            },
            headers: respondent(`ua failing ${i}`),
          }),
        ),
      );
      for (const r of results) expect(r.status).toBeGreaterThanOrEqual(400); // the one-response path fails too
      const lines = server
        .output()
        .split("\n")
        .filter((l) => l.includes("ingest_batch_failed"));
      expect(lines.length).toBeGreaterThanOrEqual(1);
      const entry = JSON.parse(lines[0]);
      expect(entry).toMatchObject({ event: "ingest_batch_failed", batchSize: expect.any(Number) });
      expect(entry.error).toMatch(/^\w+( \w+)?$/);
      // Every request that reached a batch while the cache still held the question is in one of the lines.
      const sizes = lines.map((l) => JSON.parse(l).batchSize as number);
      expect(sizes.every((n) => n >= 1) && sizes.reduce((a, b) => a + b, 0) <= 3).toBe(true);
      expect(lines.join("\n")).not.toMatch(/7700|batch-secret|why_low/);
    } finally {
      await server.stop();
    }
  });
});
