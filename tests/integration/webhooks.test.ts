// Outgoing webhooks end to end, over real HTTP: events written by the public response API and by case work
// reach a real receiver on 127.0.0.1, signed by the Standard Webhooks scheme; failures are retried on the
// schedule and logged; a receiver that never recovers ends "dead"; two instances on one database never send
// the same attempt twice. Two extra production servers run the delivery worker (the suite's own server
// runs none, tests/server.ts), with a fast retry schedule: 400 ms, 400 ms → three attempts.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { freePort, startServer, type RunningServer } from "../server";
import { startReceiver, type Receiver } from "../webhook-receiver";
import { sleep, until } from "./until";
import { http, respondent } from "./http";

let A: Org;
let B: Org;
let rx: Receiver;
let W1: RunningServer;
let W2: RunningServer;

const WORKER_ENV = {
  WEBHOOK_WORKER: "on",
  WEBHOOK_POLL_MS: "100",
  WEBHOOK_RETRY_SCHEDULE: "400ms,400ms",
  // Far above the receiver's slowest answer (300 ms): on a loaded CI machine a 3 s limit once cut an attempt short,
  // and the retry made "attempts: 2" look like a double send. (Timeouts themselves: lib/net/outbound.test.ts.)
  WEBHOOK_TIMEOUT_MS: "15000",
};

beforeAll(async () => {
  [A, B] = [await createOrg("hooks-a"), await createOrg("hooks-b")];
  rx = await startReceiver();
  [W1, W2] = await Promise.all([
    startServer({ databaseUrl: process.env.DATABASE_URL!, env: WORKER_ENV }),
    startServer({ databaseUrl: process.env.DATABASE_URL!, env: WORKER_ENV }),
  ]);
});

afterAll(async () => {
  await Promise.all([W1?.stop(), W2?.stop(), rx?.close()]);
});

async function createEndpoint(org: Org, path: string, eventTypes: string[]) {
  const res = await http("POST", "/api/v1/webhooks", {
    key: org.keys.admin,
    body: { url: rx.url + path, description: `test ${path}`, eventTypes },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string; url: string };
}

let n = 0;
function respond(publicId: string, answers: Record<string, unknown>, clientId = `hook-${randomUUID()}`) {
  // a distinct client per respondent: the per-respondent rate limit is not what is tested here
  return http("POST", `/api/v1/public/surveys/${publicId}/responses`, {
    body: { clientId, answers, complete: true },
    headers: respondent(`webhook-test/${n++}`),
  });
}

const deliveriesOf = (endpointId: string) =>
  db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });

describe("response.created from the public API", () => {
  it("produces exactly one signed delivery that the receiver verifies; a replay of the response sends nothing more", async () => {
    const ep = await createEndpoint(A, "/responses", ["response.created"]);
    expect(ep.secret).toMatch(/^whsec_/);
    const survey = await createSurvey(A.orgId);
    const clientId = `hook-${randomUUID()}`;
    expect((await respond(survey.publicId, { nps: 9, plan: "pro", topics: ["speed"] }, clientId)).status).toBe(201);
    expect((await respond(survey.publicId, { nps: 9, plan: "pro", topics: ["speed"] }, clientId)).status).toBe(200); // idempotent replay

    const [got] = await rx.waitFor("/responses", 1);
    await sleep(1000); // time for a duplicate to show up, if there were one
    expect(rx.at("/responses")).toHaveLength(1);
    expect(rx.verified("/responses", ep.secret)).toHaveLength(1);
    expect(got.contentType).toBe("application/json");
    const event = JSON.parse(got.body);
    const stored = await db.response.findUniqueOrThrow({
      where: { surveyId_clientId: { surveyId: survey.id, clientId } },
    });
    expect(event).toEqual({
      id: got.id,
      type: "response.created",
      createdAt: expect.any(String),
      data: expect.objectContaining({
        responseId: stored.id,
        surveyId: survey.id,
        clientId,
        metric: "nps",
        score: 9,
        category: "promoter",
        completed: true,
        answers: { nps: 9, plan: "pro", topics: ["speed"] },
      }),
    });
    expect(got.body).not.toContain(ep.secret.slice(6));

    const [d] = await until(
      "the delivery to succeed",
      () => deliveriesOf(ep.id),
      (ds) => ds[0]?.status === "succeeded",
    );
    expect(d).toMatchObject({
      eventId: got.id,
      attempts: 1,
      lastStatusCode: 200,
      nextAttemptAt: null,
      leaseOwner: null,
    });
    const log = await http("GET", `/api/v1/webhooks/${ep.id}/deliveries`, { key: A.keys.admin });
    expect(log.status).toBe(200);
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      eventId: got.id,
      status: "succeeded",
      attempts: 1,
      lastStatusCode: 200,
      payload: event,
    });
    // the status code and nothing of the answer ("thanks"); the instance is a random name, not host and process id
    expect(log.body.data[0].attemptLog).toEqual([
      {
        at: expect.any(String),
        statusCode: 200,
        error: null,
        durationMs: expect.any(Number),
        instance: expect.stringMatching(/^w-[0-9a-f]{8}$/),
      },
    ]);
    // the host name as a whole word: a short one ("vm") also occurs inside random ids
    const host = hostname().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(JSON.stringify(log.body)).not.toMatch(
      new RegExp(
        `thanks|responseSnippet|(?<![A-Za-z0-9])${host}(?![A-Za-z0-9])|-${W1.process.pid}-|-${W2.process.pid}-`,
      ),
    );
  });

  it("shows the secret once; after rotation deliveries verify with the new secret only", async () => {
    const ep = await createEndpoint(A, "/rotated", ["response.created"]);
    const read = await http("GET", `/api/v1/webhooks/${ep.id}`, { key: A.keys.admin });
    expect(JSON.stringify(read.body)).not.toContain(ep.secret.slice(6));
    const list = await http("GET", "/api/v1/webhooks", { key: A.keys.admin });
    expect(JSON.stringify(list.body)).not.toContain("whsec_");
    expect(JSON.stringify(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } }))).not.toContain(
      ep.secret.slice(6),
    ); // sealed at rest

    const rotated = await http("PATCH", `/api/v1/webhooks/${ep.id}`, {
      key: A.keys.admin,
      body: { rotateSecret: true },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(ep.secret);
    const survey = await createSurvey(A.orgId);
    await respond(survey.publicId, { nps: 10, plan: "basic" });
    await rx.waitFor("/rotated", 1);
    expect(rx.verified("/rotated", rotated.body.secret)).toHaveLength(1);
    expect(rx.verified("/rotated", ep.secret)).toHaveLength(0);
    const actions = (
      await db.auditEvent.findMany({ where: { orgId: A.orgId, entityId: ep.id }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["webhook.created", "webhook.secret_rotated"]);
  });
});

describe("retries and the delivery log", () => {
  it("a receiver answering 500, then 200, gets the same event twice and the log shows both attempts", async () => {
    rx.script("/flaky", { statuses: [500, 200] });
    const ep = await createEndpoint(A, "/flaky", ["response.created"]);
    const survey = await createSurvey(A.orgId);
    await respond(survey.publicId, { nps: 8, plan: "pro" });
    const [first, second] = await rx.waitFor("/flaky", 2);
    expect(second.id).toBe(first.id); // webhook-id: the receiver's key to drop duplicates
    expect(second.body).toBe(first.body);
    expect(second.at - first.at).toBeGreaterThanOrEqual(300); // 400 ms ± 10 % jitter
    expect(rx.verified("/flaky", ep.secret)).toHaveLength(2);

    const [d] = await until(
      "success after the retry",
      () => deliveriesOf(ep.id),
      (ds) => ds[0]?.status === "succeeded",
    );
    expect(d.attempts).toBe(2);
    const log = await http("GET", `/api/v1/webhooks/${ep.id}/deliveries`, { key: A.keys.admin });
    expect(
      log.body.data[0].attemptLog.map((a: { statusCode: number; error: string | null }) => [a.statusCode, a.error]),
    ).toEqual([
      [500, "http_error"],
      [200, null],
    ]);
  });

  it("a receiver that never recovers ends dead after three attempts; “retry now” makes one more, which can succeed", async () => {
    rx.script("/down", { statuses: [503] });
    const ep = await createEndpoint(A, "/down", ["response.created"]);
    const survey = await createSurvey(A.orgId);
    await respond(survey.publicId, { nps: 7, plan: "pro" });
    const [d] = await until(
      "the delivery to die",
      () => deliveriesOf(ep.id),
      (ds) => ds[0]?.status === "dead",
    );
    await sleep(1200); // no attempt after death
    expect(rx.at("/down")).toHaveLength(3);
    const dead = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
    expect(dead).toMatchObject({ attempts: 3, lastStatusCode: 503, lastError: "http_error", nextAttemptAt: null });
    expect(JSON.stringify(dead)).not.toContain("receiver says"); // the answer's body is never stored
    expect(dead.attemptLog).toHaveLength(3);
    const log = await http("GET", `/api/v1/webhooks/${ep.id}/deliveries?status=dead`, { key: A.keys.admin });
    expect(log.body.data.map((x: { id: string }) => x.id)).toEqual([d.id]);
    expect(
      (await http("GET", `/api/v1/webhooks/${ep.id}/deliveries?status=succeeded`, { key: A.keys.admin })).body.data,
    ).toEqual([]);

    rx.script("/down", { statuses: [200] });
    const again = await http("POST", `${W1.url}/api/v1/webhooks/${ep.id}/redeliver`, {
      key: A.keys.admin,
      body: { deliveryId: d.id },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: d.id, status: "succeeded", attempts: 4, lastStatusCode: 200 });
    expect(rx.verified("/down", ep.secret)).toHaveLength(4);
    expect(
      await db.auditEvent.count({ where: { orgId: A.orgId, entityId: ep.id, action: "webhook.redelivered" } }),
    ).toBe(1);
  });

  it("does not follow redirects, and names a refused connection by its class only (send test event)", async () => {
    rx.script("/moved", { statuses: [302], headers: { location: "http://10.1.2.3:6379/elsewhere" } });
    const ep = await createEndpoint(A, "/moved", ["case.opened"]);
    const test = await http("POST", `${W1.url}/api/v1/webhooks/${ep.id}/test`, { key: A.keys.admin });
    expect(test.status).toBe(201);
    expect(test.body).toMatchObject({
      eventType: "webhook.test",
      status: "failed",
      attempts: 1,
      lastStatusCode: 302,
      lastError: "redirect",
    });
    expect(JSON.stringify(test.body)).not.toContain("10.1.2.3"); // where it pointed is not told
    expect(rx.verified("/moved", ep.secret)).toHaveLength(1);

    const port = await freePort();
    const gone = await http("PATCH", `/api/v1/webhooks/${ep.id}`, {
      key: A.keys.admin,
      body: { url: `http://127.0.0.1:${port}/nobody-listens` },
    });
    expect(gone.status).toBe(200);
    const refused = await http("POST", `${W1.url}/api/v1/webhooks/${ep.id}/test`, { key: A.keys.admin });
    expect(refused.body).toMatchObject({ status: "failed", lastStatusCode: null, lastError: "refused" });
    expect(refused.body.attemptLog.map((a: { error: string }) => a.error)).toEqual(["refused"]);
    expect(JSON.stringify(refused.body.attemptLog)).not.toMatch(/ECONNREFUSED|connect/);
  });
});

describe("case events", () => {
  it("case.opened for a detractor (ingestion batch) and a follow-up interaction, case.resolved when resolved", async () => {
    const ep = await createEndpoint(A, "/cases", ["case.opened", "case.resolved"]);
    const survey = await createSurvey(A.orgId);
    expect((await respond(survey.publicId, { nps: 2, why_low: "Waited an hour", plan: "basic" })).status).toBe(201);
    const [opened] = await rx.waitFor("/cases", 1);
    const openedEvent = JSON.parse(opened.body);
    const response = await db.response.findFirstOrThrow({ where: { surveyId: survey.id } });
    const kase = await db.case.findFirstOrThrow({ where: { responseId: response.id } });
    expect(openedEvent).toMatchObject({
      type: "case.opened",
      data: { caseId: kase.id, responseId: response.id, status: "open", title: "Detractor: NPS 2", resolvedAt: null },
    });

    const interaction = await http("POST", "/api/v1/interactions", {
      key: A.keys.agent,
      body: { customerId: A.ids.customer, outcome: "follow_up", note: "Wants a call back" },
    });
    expect(interaction.status).toBe(201);
    const [, byInteraction] = await rx.waitFor("/cases", 2);
    expect(JSON.parse(byInteraction.body)).toMatchObject({
      type: "case.opened",
      data: { interactionId: interaction.body.id, title: "Follow up: Wants a call back" },
    });

    const resolved = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: A.keys.agent,
      body: { status: "resolved", resolution: "Called back, refunded" },
    });
    expect(resolved.status).toBe(200);
    const third = (await rx.waitFor("/cases", 3))[2];
    expect(JSON.parse(third.body)).toMatchObject({
      type: "case.resolved",
      data: {
        caseId: kase.id,
        status: "resolved",
        resolution: "Called back, refunded",
        resolvedAt: expect.any(String),
      },
    });
    expect(rx.verified("/cases", ep.secret)).toHaveLength(3);
    await sleep(500);
    expect(rx.at("/cases").map((r) => JSON.parse(r.body).type)).toEqual([
      "case.opened",
      "case.opened",
      "case.resolved",
    ]); // no response.created: not subscribed
  });
});

describe("several instances", () => {
  it("two workers on one database never send the same delivery twice", async () => {
    rx.script("/busy", { statuses: [200], delayMs: 300 }); // slow answers keep leases held while the other instance polls
    const ep = await createEndpoint(A, "/busy", ["response.created"]);
    const survey = await createSurvey(A.orgId);
    const N = 24;
    // Every round must deliver each event exactly once. Which instance polls first is the machine's to decide: on a
    // busy machine one instance can take a whole round, so rounds go on (at most four) until both shared one.
    let shared = false;
    const seen = new Set<string>();
    for (let round = 1; round <= 4 && !shared; round++) {
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) => respond(survey.publicId, { nps: 9 + (i % 2), plan: "pro" })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(N).fill(201));
      await rx.waitFor("/busy", N * round);
      await until(
        "every delivery to succeed",
        () => deliveriesOf(ep.id),
        (ds) => ds.length === N * round && ds.every((d) => d.status === "succeeded"),
      );
      await sleep(1000);
      const ids = rx.at("/busy").map((r) => r.id);
      expect(ids).toHaveLength(N * round);
      expect(new Set(ids).size).toBe(N * round);
      const done = await deliveriesOf(ep.id);
      const retried = done.filter((d) => d.attempts !== 1).map((d) => d.attemptLog);
      expect(
        done.map((d) => d.attempts),
        `attempt logs of the retried: ${JSON.stringify(retried)}`,
      ).toEqual(Array(N * round).fill(1));
      const thisRound = done.filter((d) => !seen.has(d.id));
      for (const d of thisRound) seen.add(d.id);
      shared = new Set(thisRound.map((d) => (d.attemptLog as { instance: string }[])[0].instance)).size === 2;
    }
    // both instances did part of one round's work (else this would not test the lease at all)
    expect(shared).toBe(true);
  }, 180_000);
});

describe("bad input and tenancy", () => {
  it("bad input is a problem+json naming each field, and nothing is stored", async () => {
    const before = await db.webhookEndpoint.count({ where: { orgId: A.orgId } });
    const bad = await http("POST", "/api/v1/webhooks", {
      key: A.keys.admin,
      body: { url: "javascript:alert(1)", eventTypes: ["response.deleted"], description: "x".repeat(201) },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    const names = bad.body.invalid_params.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(["url", "eventTypes.0", "description"]));
    expect(bad.body.invalid_params.find((p: { name: string }) => p.name === "url").reason).toBe(
      "Only http:// and https:// URLs can receive webhooks",
    );
    for (const body of [
      { url: "", eventTypes: ["case.opened"] },
      { url: "https://user:pw@example.test/h", eventTypes: ["case.opened"] },
      { url: "https://example.test/h", eventTypes: [] },
    ]) {
      const res = await http("POST", "/api/v1/webhooks", { key: A.keys.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await db.webhookEndpoint.count({ where: { orgId: A.orgId } })).toBe(before);

    const ep = await createEndpoint(A, "/unchanged", ["case.opened"]);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    const patch = await http("PATCH", `/api/v1/webhooks/${ep.id}`, {
      key: A.keys.admin,
      body: { url: "ftp://example.test", active: false },
    });
    expect(patch.status).toBe(400);
    expect(patch.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["url"]);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).toEqual(row);
  });

  it("another organization's endpoint is a 404 on every route, and its events never reach this organization's endpoints", async () => {
    const mine = await createEndpoint(A, "/tenant-a", ["response.created"]);
    const theirs = await createEndpoint(B, "/tenant-b", ["response.created"]);
    const survey = await createSurvey(B.orgId);
    await respond(survey.publicId, { nps: 9, plan: "pro" });
    await rx.waitFor("/tenant-b", 1);
    const theirDelivery = (await deliveriesOf(theirs.id))[0];
    for (const [method, path, body] of [
      ["GET", `/api/v1/webhooks/${theirs.id}`],
      ["PATCH", `/api/v1/webhooks/${theirs.id}`, { active: false }],
      ["DELETE", `/api/v1/webhooks/${theirs.id}`],
      ["GET", `/api/v1/webhooks/${theirs.id}/deliveries`],
      ["POST", `${W1.url}/api/v1/webhooks/${theirs.id}/test`],
      ["POST", `${W1.url}/api/v1/webhooks/${theirs.id}/redeliver`, { deliveryId: theirDelivery.id }],
      ["POST", `${W1.url}/api/v1/webhooks/${mine.id}/redeliver`, { deliveryId: theirDelivery.id }], // my endpoint, their delivery
    ] as const) {
      const res = await http(method, path, { key: A.keys.admin, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.contentType).toContain("application/problem+json");
    }
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ active: true });
    expect(await deliveriesOf(theirs.id)).toHaveLength(1);
    expect(rx.at("/tenant-b")).toHaveLength(1);
    expect(await deliveriesOf(mine.id)).toHaveLength(0);
  });

  it("deleting an endpoint removes it and its log; an inactive endpoint gets no new events", async () => {
    const ep = await createEndpoint(A, "/inactive", ["response.created"]);
    expect(
      (
        await http("PATCH", `/api/v1/webhooks/${ep.id}`, {
          key: A.keys.admin,
          body: { active: false, description: "paused" },
        })
      ).body,
    ).toMatchObject({ active: false, description: "paused" });
    const survey = await createSurvey(A.orgId);
    await respond(survey.publicId, { nps: 9, plan: "pro" });
    expect(await deliveriesOf(ep.id)).toHaveLength(0);
    expect((await http("DELETE", `/api/v1/webhooks/${ep.id}`, { key: A.keys.admin })).status).toBe(204);
    expect(await db.webhookEndpoint.findUnique({ where: { id: ep.id } })).toBeNull();
    expect((await http("GET", `/api/v1/webhooks/${ep.id}`, { key: A.keys.admin })).status).toBe(404);
    expect(
      await db.auditEvent.count({
        where: { orgId: A.orgId, entityId: ep.id, action: { in: ["webhook.updated", "webhook.deleted"] } },
      }),
    ).toBe(2);
  });
});

describe("internal addresses without the allow-list", () => {
  // A server as an installation runs by default: WEBHOOK_ALLOWLIST empty. Its DNS answers two test names
  // (tests/fake-dns.mjs): loopback.resonance.test → 127.0.0.1; rebind.resonance.test → a public address once, then
  // 127.0.0.1 (DNS rebinding between the check at save time and the connection).
  let W0: RunningServer;
  beforeAll(async () => {
    W0 = await startServer({
      databaseUrl: process.env.DATABASE_URL!,
      env: { WEBHOOK_ALLOWLIST: "" },
      nodeArgs: ["--import", path.resolve(import.meta.dirname, "../fake-dns.mjs")],
    });
  });
  afterAll(() => W0?.stop());

  const port = () => new URL(rx.url).port;

  it("refuses loopback, private, link-local, CGNAT, unspecified and unique-local URLs in every spelling when saved: 400 naming url", async () => {
    const spellings = [
      "http://127.0.0.1:{p}/x",
      "http://localhost:{p}/x",
      "http://LOCALHOST.:{p}/x",
      "http://hooks.localhost/x",
      "http://0.0.0.0:{p}/x",
      "http://0:{p}/x",
      "http://2130706433:{p}/x",
      "http://0x7f.1:{p}/x",
      "http://0x7f000001:{p}/x",
      "http://017700000001:{p}/x",
      "http://0177.0.0.1:{p}/x",
      "http://127.1:{p}/x",
      "http://[::1]:{p}/x",
      "http://[::]:{p}/x",
      "http://[::ffff:127.0.0.1]:{p}/x",
      "http://[::ffff:7f00:1]:{p}/x",
      "http://[0:0:0:0:0:ffff:7f00:1]/x",
      "http://10.0.0.1/x",
      "http://172.16.5.4/x",
      "http://192.168.1.1/x",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::ffff:a9fe:a9fe]/x",
      "http://100.64.0.1/x",
      "https://[fd00::1]/x",
      "https://[fe80::1]/x",
      "http://intranet:8080/x",
      "http://loopback.resonance.test:{p}/x",
    ].map((u) => u.replace("{p}", port()));
    const before = await db.webhookEndpoint.count({ where: { orgId: A.orgId } });
    for (const url of spellings) {
      const res = await http("POST", `${W0.url}/api/v1/webhooks`, {
        key: A.keys.admin,
        body: { url, eventTypes: ["case.opened"] },
      });
      expect(res.status, url).toBe(400);
      expect(res.contentType).toContain("application/problem+json");
      expect(res.body.invalid_params, url).toEqual([
        expect.objectContaining({ name: "url", reason: expect.stringContaining("WEBHOOK_ALLOWLIST") }),
      ]);
    }
    expect(await db.webhookEndpoint.count({ where: { orgId: A.orgId } })).toBe(before);
    // a PATCH to such a URL too, and nothing changes
    const ep = await createEndpoint(A, "/patched", ["case.opened"]);
    for (const url of ["http://2130706433/x", "http://loopback.resonance.test/x"]) {
      const patch = await http("PATCH", `${W0.url}/api/v1/webhooks/${ep.id}`, { key: A.keys.admin, body: { url } });
      expect(patch.status, url).toBe(400);
      expect(patch.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["url"]);
    }
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).url).toBe(`${rx.url}/patched`);
    // only http(s)
    const ftp = await http("POST", `${W0.url}/api/v1/webhooks`, {
      key: A.keys.admin,
      body: { url: "file:///etc/passwd", eventTypes: ["case.opened"] },
    });
    expect(ftp.body.invalid_params).toEqual([
      expect.objectContaining({ name: "url", reason: "Only http:// and https:// URLs can receive webhooks" }),
    ]);
  });

  it("refuses at connect time: a name that re-points to loopback after the save, and an endpoint saved before the rules", async () => {
    // saved: the name resolved to a public address then
    const saved = await http("POST", `${W0.url}/api/v1/webhooks`, {
      key: A.keys.admin,
      body: { url: `http://rebind.resonance.test:${port()}/rebind`, eventTypes: ["case.opened"] },
    });
    expect(saved.status).toBe(201);
    const sent = await http("POST", `${W0.url}/api/v1/webhooks/${saved.body.id}/test`, { key: A.keys.admin });
    expect(sent.body).toMatchObject({ status: "failed", lastStatusCode: null, lastError: "blocked", attempts: 1 });
    // an endpoint written before this release (straight into the table): a literal loopback address
    const legacy = await db.webhookEndpoint.create({
      data: {
        orgId: A.orgId,
        url: `${rx.url}/legacy`,
        eventTypes: ["case.opened"],
        secretEnc: (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: saved.body.id } })).secretEnc,
      },
    });
    const again = await http("POST", `${W0.url}/api/v1/webhooks/${legacy.id}/test`, { key: A.keys.admin });
    expect(again.body).toMatchObject({ status: "failed", lastStatusCode: null, lastError: "blocked" });
    await sleep(300);
    expect(rx.at("/rebind")).toHaveLength(0);
    expect(rx.at("/legacy")).toHaveLength(0);
    // the same endpoint from a server whose operator allow-listed the receiver's address is delivered
    const allowed = await http("POST", `${W1.url}/api/v1/webhooks/${legacy.id}/test`, { key: A.keys.admin });
    expect(allowed.body).toMatchObject({ status: "succeeded", lastStatusCode: 200 });
    expect(rx.at("/legacy")).toHaveLength(1);
  });
});
