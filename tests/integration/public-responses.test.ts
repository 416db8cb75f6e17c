// The public survey API over real HTTP, without any login: the definition in the respondent's language,
// idempotent and partial responses, bad input that changes nothing, and the organization boundary
// (another organization's touchpoint or customer is never attached). CORS and rate limits: public-api-guards.test.ts.
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, type Org } from "../factories";
import { createSurvey, storedResponses } from "../factories/surveys";
import { customerToken } from "./customer-tokens";
import { http } from "./http";

const UA = {
  desktop:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
};
let A: Org;
let B: Org;
let webChannel: string;
let emailChannel: string;

beforeAll(async () => {
  [A, B] = [await createOrg("public-a"), await createOrg("public-b")];
  webChannel = (await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } })).id;
  emailChannel = (await db.channel.create({ data: { orgId: A.orgId, key: "email", name: "Email" } })).id;
});

const cid = () => `test-${randomUUID()}`;
const post = (publicId: string, body: unknown, headers: Record<string, string> = {}) =>
  http("POST", `/api/v1/public/surveys/${publicId}/responses`, {
    body,
    headers: { "user-agent": UA.desktop, ...headers },
  });
const namesOf = (res: { body: { invalid_params?: { name: string }[] } }) =>
  (res.body.invalid_params ?? []).map((p) => p.name).sort();

describe("GET /api/v1/public/surveys/:publicId", () => {
  it("serves a live survey in the respondent's language, without internal ids or a login", async () => {
    const s = await createSurvey(A.orgId);
    const de = await http("GET", `/api/v1/public/surveys/${s.publicId}`, {
      headers: { "accept-language": "fr;q=0.9, de-CH, en;q=0.5" },
    });
    expect(de.status).toBe(200);
    expect(de.headers.get("content-language")).toBe("de");
    expect(de.body).toMatchObject({
      publicId: s.publicId,
      type: "nps",
      locale: "de",
      defaultLocale: "en",
      languages: ["en", "de"],
    });
    expect(de.body.questions.map((q: { key: string }) => q.key)).toEqual([
      "nps",
      "why_low",
      "why_high",
      "plan",
      "topics",
      "renew",
    ]);
    expect(de.body.questions[0]).toMatchObject({
      type: "score",
      text: "Wie wahrscheinlich empfehlen Sie uns weiter?",
      required: true,
      headline: true,
    });
    expect(de.body.questions[0].scale).toEqual({
      min: 0,
      max: 10,
      minLabel: "Überhaupt nicht wahrscheinlich",
      maxLabel: "Äußerst wahrscheinlich",
    });
    expect(de.body.questions[1].showIf).toEqual({ question: "nps", in: [0, 1, 2, 3, 4, 5, 6] });
    expect(de.body.questions[3].options).toEqual([
      { key: "basic", label: "Basis" },
      { key: "pro", label: "Profi" },
    ]);
    expect(de.body.strings.submit).toBe("Senden");
    const text = JSON.stringify(de.body);
    for (const internal of [s.id, A.orgId, ...Object.values(s.questionIds)]) expect(text).not.toContain(internal);

    const explicit = await http("GET", `/api/v1/public/surveys/${s.publicId}?lang=en`, {
      headers: { "accept-language": "de" },
    });
    expect(explicit.body.questions[0].text).toBe("How likely are you to recommend us?");
    const unknown = await http("GET", `/api/v1/public/surveys/${s.publicId}`, { headers: { "accept-language": "it" } });
    expect(unknown.body.locale).toBe("en");
    expect((await http("GET", `/api/v1/public/surveys/${s.publicId}?lang=not_a_tag`)).status).toBe(400);
  });

  it("is 404 for unknown and draft surveys and 410 for closed ones, for reads and writes alike", async () => {
    const draft = await createSurvey(A.orgId, { status: "draft" });
    const closed = await createSurvey(A.orgId, { status: "closed" });
    for (const publicId of ["does-not-exist", draft.publicId]) {
      const res = await http("GET", `/api/v1/public/surveys/${publicId}`);
      expect(res.status).toBe(404);
      expect(res.contentType).toContain("application/problem+json");
      expect((await post(publicId, { clientId: cid(), answers: { nps: 9 }, complete: false })).status).toBe(404);
    }
    expect((await http("GET", `/api/v1/public/surveys/${closed.publicId}`)).status).toBe(410);
    expect((await post(closed.publicId, { clientId: cid(), answers: { nps: 9 }, complete: false })).status).toBe(410);
    expect(await db.response.count({ where: { surveyId: { in: [draft.id, closed.id] } } })).toBe(0);
  });
});

describe("POST /api/v1/public/surveys/:publicId/responses", () => {
  it("stores a complete response with its headline computed at write time", async () => {
    const s = await createSurvey(A.orgId, { touchpointId: A.ids.touchpoint });
    const clientId = cid();
    const res = await post(s.publicId, {
      clientId,
      complete: true,
      answers: { nps: 10, why_high: "  Fast and friendly  ", plan: "pro", topics: ["speed", "price"], renew: true },
      locale: "de-ch",
      pageUrl: "https://www.example.com/account/billing?email=someone@example.com#top",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clientId,
      completed: true,
      answers: { nps: 10, why_high: "Fast and friendly", topics: ["price", "speed"], renew: true },
    });
    const [row] = await storedResponses(s.id);
    expect(row).toMatchObject({
      orgId: A.orgId,
      surveyVersion: 3,
      clientId,
      metric: "nps",
      score: 10,
      category: "promoter",
      comment: "Fast and friendly",
      hasComment: true,
      completed: true,
      locale: "de-CH",
      pageUrl: "https://www.example.com/account/billing",
      userAgentCategory: "desktop",
      touchpointId: A.ids.touchpoint,
      channelId: webChannel,
      customerId: null,
    });
    expect(row.completedAt).toBeInstanceOf(Date);
    expect(row.answers.nps.valueNumber).toBe(10);
    expect(row.answers.plan.valueChoice).toBe("pro");
    expect(row.answers.topics.valueChoice).toEqual(["price", "speed"]);
    expect(row.answers.renew.valueNumber).toBe(1);
    expect(Object.values(row.answers).every((a) => a.orgId === A.orgId)).toBe(true);
  });

  it("is idempotent by clientId: a repeat and five racing duplicates leave one response", async () => {
    const s = await createSurvey(A.orgId);
    const body = { clientId: cid(), answers: { nps: 8, plan: "basic" }, complete: true };
    const first = await post(s.publicId, body);
    const again = await post(s.publicId, body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual({ clientId: body.clientId, completed: true }); // a replay: never the stored answers

    const racing = { clientId: cid(), answers: { nps: 2, why_low: "Slow", plan: "pro" }, complete: true };
    const results = await Promise.all(Array.from({ length: 5 }, () => post(s.publicId, racing)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const rows = await storedResponses(s.id);
    expect(rows.filter((r) => r.clientId === racing.clientId)).toHaveLength(1);
    expect(await db.answer.count({ where: { response: { surveyId: s.id, clientId: racing.clientId } } })).toBe(3);
    expect(rows).toHaveLength(2);
  });

  it("saves a partial response, merges the rest into it, and then keeps it final", async () => {
    const s = await createSurvey(A.orgId);
    const clientId = cid();
    const partial = await post(s.publicId, { clientId, answers: { nps: 3 }, complete: false });
    expect(partial.status).toBe(201);
    const { resumeToken } = partial.body;
    let [row] = await storedResponses(s.id);
    expect(row).toMatchObject({
      completed: false,
      completedAt: null,
      metric: "nps",
      score: 3,
      category: "detractor",
      hasComment: false,
    });

    // Completing without the required follow-up is refused and changes nothing.
    const incomplete = await post(s.publicId, { clientId, resumeToken, answers: { plan: "pro" }, complete: true });
    expect(incomplete.status).toBe(400);
    expect(namesOf(incomplete)).toEqual(["answers.why_low"]);

    const rest = await post(s.publicId, {
      clientId,
      resumeToken,
      answers: { nps: 5, why_low: "Waited 40 minutes", plan: "pro" },
      complete: true,
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual({ clientId, completed: true });
    [row] = await storedResponses(s.id);
    expect(row).toMatchObject({
      completed: true,
      score: 5,
      category: "detractor",
      comment: "Waited 40 minutes",
      hasComment: true,
    });
    expect(row.completedAt).toBeInstanceOf(Date);
    expect(Object.keys(row.answers).sort()).toEqual(["nps", "plan", "why_low"]);

    const replay = await post(s.publicId, { clientId, resumeToken, answers: { nps: 5, plan: "pro" }, complete: true });
    expect(replay.status).toBe(200); // a retried request whose answers are already stored
    const change = await post(s.publicId, { clientId, resumeToken, answers: { nps: 9 }, complete: true });
    expect(change.status).toBe(409);
    expect(change.contentType).toContain("application/problem+json");
    [row] = await storedResponses(s.id);
    expect(row.score).toBe(5);
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(1);
  });

  it("drops an earlier answer that a changed score hides", async () => {
    const s = await createSurvey(A.orgId);
    const clientId = cid();
    const first = await post(s.publicId, { clientId, answers: { nps: 4, why_low: "Meh" }, complete: false });
    expect(first.status).toBe(201);
    const res = await post(s.publicId, {
      clientId,
      resumeToken: first.body.resumeToken,
      answers: { nps: 9, plan: "basic" },
      complete: true,
    });
    expect(res.status).toBe(200);
    const [row] = await storedResponses(s.id);
    expect(Object.keys(row.answers).sort()).toEqual(["nps", "plan"]);
    expect(row).toMatchObject({ category: "promoter", comment: null, hasComment: false });
  });

  it("names every bad answer and stores nothing", async () => {
    const s = await createSurvey(A.orgId);
    const res = await post(s.publicId, {
      clientId: cid(),
      complete: true,
      answers: { nps: 11, colour: "red", plan: 2, topics: ["price", "gold"], renew: "yes" },
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain("application/problem+json");
    expect(namesOf(res)).toEqual(["answers.colour", "answers.nps", "answers.plan", "answers.renew", "answers.topics"]);
    expect(res.body.invalid_params.every((p: { reason: string; in: string }) => p.reason && p.in === "body")).toBe(
      true,
    );

    const missing = await post(s.publicId, { clientId: cid(), complete: true, answers: { renew: false } });
    expect(namesOf(missing)).toEqual(["answers.nps", "answers.plan"]);
    const hidden = await post(s.publicId, {
      clientId: cid(),
      complete: false,
      answers: { nps: 9, why_low: "not asked" },
    });
    expect(hidden.status).toBe(400);
    expect(namesOf(hidden)).toEqual(["answers.why_low"]);
    const envelope = await post(s.publicId, { clientId: "short", answers: [], extra: 1 });
    expect(envelope.status).toBe(400);
    expect(namesOf(envelope)).toEqual(["answers", "body", "clientId", "complete"]); // "body": the unknown key "extra"
    const malformed = await http("POST", `/api/v1/public/surveys/${s.publicId}/responses`, { rawBody: "{ nope" });
    expect(malformed.status).toBe(400);

    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(0);
    expect(await db.answer.count({ where: { response: { surveyId: s.id } } })).toBe(0);
  });

  it("attaches only the survey organization's own customer, touchpoint and channel", async () => {
    const ownTouchpoint = (await db.touchpoint.findFirst({ where: { orgId: A.orgId } }))!.id;
    const s = await createSurvey(A.orgId, { touchpointId: null });
    const externalA = (await db.customer.findUniqueOrThrow({ where: { id: A.ids.customer } })).externalId!;
    const externalB = (await db.customer.findUniqueOrThrow({ where: { id: B.ids.customer } })).externalId!;
    const base = { answers: { nps: 7 }, complete: false };

    // Signed with A's secret (customer-identity.test.ts covers unsigned ids): B's customer is still not A's.
    const signed = async (externalId: string) => ({
      customerExternalId: externalId,
      customerToken: await customerToken(A, s.publicId, externalId),
    });
    expect(
      (
        await post(s.publicId, {
          ...base,
          clientId: cid(),
          ...(await signed(externalA)),
          touchpointId: ownTouchpoint,
          channel: "email",
        })
      ).status,
    ).toBe(201);
    expect((await post(s.publicId, { ...base, clientId: cid(), ...(await signed(externalB)) })).status).toBe(201);
    expect((await post(s.publicId, { ...base, clientId: cid(), ...(await signed("NOBODY-123")) })).status).toBe(201);
    const [own, foreign, unknown] = await storedResponses(s.id);
    expect(own).toMatchObject({ customerId: A.ids.customer, touchpointId: ownTouchpoint, channelId: emailChannel });
    expect(foreign).toMatchObject({ customerId: null, touchpointId: null, channelId: webChannel, orgId: A.orgId }); // (a foreign touchpoint or channel: 400, below)
    expect(unknown).toMatchObject({ customerId: null });
    expect(await db.customer.count({ where: { externalId: "NOBODY-123" } })).toBe(0); // never created
    expect(await db.response.count({ where: { orgId: B.orgId, surveyId: s.id } })).toBe(0);
  });
});

// Issue #13, item 4: a clientId alone neither reads nor rewrites a response.
describe("resume tokens: only the first submitter continues a response", () => {
  const RESUME_TYPE = "urn:resonance:problem:resume-token-required";

  it("answers a replay with only { clientId, completed }, and a probe with a 409 that holds no answer", async () => {
    const s = await createSurvey(A.orgId);
    const body = {
      clientId: cid(),
      answers: { nps: 2, why_low: "My contract number is 4711-SECRET", plan: "pro" },
      complete: true,
    };
    const first = await post(s.publicId, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ clientId: body.clientId, completed: true, answers: body.answers });

    const replay = await post(s.publicId, body); // a retry whose 201 was lost
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ clientId: body.clientId, completed: true });

    const probe = await post(s.publicId, { clientId: body.clientId, answers: {}, complete: true });
    expect(probe.status).toBe(409);
    expect(probe.contentType).toContain("application/problem+json");
    expect(probe.body.type).toBe(RESUME_TYPE);
    const guess = await post(s.publicId, { clientId: body.clientId, answers: { nps: 2 }, complete: true }); // a right guess of one answer
    expect(guess.status).toBe(409);
    expect(guess.body.detail).toBe(probe.body.detail);
    for (const r of [replay, probe, guess]) expect(JSON.stringify(r.body)).not.toMatch(/4711|why_low|"nps"/);
  });

  it("returns a resume token with a new partial response and refuses to continue it without that token", async () => {
    const s = await createSurvey(A.orgId);
    const clientId = cid();
    const partial = await post(s.publicId, { clientId, answers: { nps: 3 }, complete: false });
    expect(partial.status).toBe(201);
    const token: string = partial.body.resumeToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await storedResponses(s.id);
    expect(stored.resumeTokenHash).toBe(createHash("sha256").update(token).digest("hex")); // only its hash is kept

    const rest = { clientId, answers: { nps: 9, plan: "basic" }, complete: true };
    const without = await post(s.publicId, rest);
    const wrong = await post(s.publicId, {
      ...rest,
      resumeToken: `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`,
    });
    const partialAgain = await post(s.publicId, { clientId, answers: { nps: 3 }, complete: false }); // even an identical partial
    for (const r of [without, wrong, partialAgain]) {
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ type: RESUME_TYPE, status: 409, detail: without.body.detail });
      expect(r.body.answers).toBeUndefined();
    }
    let [row] = await storedResponses(s.id);
    expect(row).toMatchObject({ completed: false, score: 3, category: "detractor" }); // unchanged
    expect(Object.keys(row.answers)).toEqual(["nps"]);

    const owner = await post(s.publicId, { ...rest, resumeToken: token });
    expect(owner.status).toBe(200);
    expect(owner.body).toEqual({ clientId, completed: true });
    [row] = await storedResponses(s.id);
    expect(row).toMatchObject({ completed: true, score: 9, category: "promoter" });
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(1);
  });

  it("gives every new response its own token, also for a complete one", async () => {
    const s = await createSurvey(A.orgId);
    const a = await post(s.publicId, { clientId: cid(), answers: { nps: 8, plan: "pro" }, complete: true });
    const b = await post(s.publicId, { clientId: cid(), answers: { nps: 8, plan: "pro" }, complete: true });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.resumeToken).not.toBe(b.body.resumeToken);
  });
});

// Issue #13, item 6: a context value the organization does not have is refused, not silently replaced.
describe("unknown channel or touchpoint", () => {
  it("is a 400 naming the field, storing nothing", async () => {
    const s = await createSurvey(A.orgId, { touchpointId: A.ids.touchpoint });
    const live = await db.touchpoint.findUniqueOrThrow({ where: { id: A.ids.touchpoint } });
    const archived = await db.touchpoint.create({
      data: {
        orgId: A.orgId,
        journeyId: live.journeyId,
        stageId: live.stageId,
        kind: live.kind,
        name: "Old kiosk",
        archivedAt: new Date(),
      },
    });
    await db.channel.create({ data: { orgId: B.orgId, key: "fax", name: "Fax" } });
    const base = { answers: { nps: 9, plan: "pro" }, complete: true };
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ channel: "carrier-pigeon" }, ["channel"]],
      [{ channel: "fax" }, ["channel"]], // another organization's channel key
      [{ touchpointId: B.ids.touchpoint }, ["touchpointId"]], // another organization's touchpoint
      [{ touchpointId: "tp_does_not_exist" }, ["touchpointId"]],
      [{ touchpointId: archived.id }, ["touchpointId"]],
      [{ channel: "nope", touchpointId: B.ids.touchpoint }, ["channel", "touchpointId"]],
    ];
    for (const [context, names] of cases) {
      const res = await post(s.publicId, { ...base, clientId: cid(), ...context });
      expect(res.status, JSON.stringify(context)).toBe(400);
      expect(res.contentType).toContain("application/problem+json");
      expect(namesOf(res)).toEqual(names);
    }
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(0);
    // The organization's own values still work, and leaving them out takes the survey's touchpoint and "web".
    expect(
      (await post(s.publicId, { ...base, clientId: cid(), channel: "email", touchpointId: A.ids.touchpoint })).status,
    ).toBe(201);
    expect((await post(s.publicId, { ...base, clientId: cid() })).status).toBe(201);
    const [own, plain] = await storedResponses(s.id);
    expect(own).toMatchObject({ channelId: emailChannel, touchpointId: A.ids.touchpoint });
    expect(plain).toMatchObject({ channelId: webChannel, touchpointId: A.ids.touchpoint });
  });

  it("is refused on the one-response path too (a survey changed behind the cache)", async () => {
    const s = await createSurvey(A.orgId);
    expect((await http("GET", `/api/v1/public/surveys/${s.publicId}`)).status).toBe(200); // cached at version 3
    await db.survey.update({ where: { id: s.id }, data: { version: 4 } }); // the batch hands the next submit back
    const res = await post(s.publicId, {
      clientId: cid(),
      answers: { nps: 9, plan: "pro" },
      complete: true,
      channel: "carrier-pigeon",
    });
    expect(res.status).toBe(400);
    expect(namesOf(res)).toEqual(["channel"]);
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(0);
  });
});

// Issue #13, item 12: what the 201 echoes is what was stored.
describe("text normalisation", () => {
  it("replaces a lone surrogate before validation, so the echo equals the stored text", async () => {
    const s = await createSurvey(A.orgId);
    const res = await post(s.publicId, {
      clientId: cid(),
      answers: { nps: 10, why_high: "Great \uD800 and \uDC00 done", plan: "pro" },
      complete: true,
    });
    expect(res.status).toBe(201);
    const [row] = await storedResponses(s.id);
    expect(row.answers.why_high.valueText).toBe("Great \uFFFD and \uFFFD done");
    expect(res.body.answers.why_high).toBe(row.answers.why_high.valueText);
    expect(row.comment).toBe(row.answers.why_high.valueText);
  });
});
