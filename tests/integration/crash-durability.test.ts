// Nothing accepted is lost, even when the server dies: concurrent load on the public response API and on
// POST /api/v1/interactions (API key) against a production server of this test's own, which is killed with
// SIGKILL twice mid-load and restarted on the same port. Clients behave like the embed and like an
// integration: a request that fails on the network is retried with the same idempotency key. Afterwards
// every request that was answered 2xx must be in the database exactly once, and complete (a response with
// all its answers) — on whichever database DATABASE_URL names (npm test runs SQLite and PostgreSQL).
// Prints the figures: sent, acknowledged, found, lost, duplicated.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db";
import { freePort, startServer, type RunningServer } from "../server";
import { createOrg, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";

const WORKERS = 12;
// load, SIGKILL, restart, load, SIGKILL, restart, load: a phase ends once this many requests were
// acknowledged in it (so that a slow machine still kills mid-load, not during start-up), or after PHASE_MAX_MS.
const PHASE_ACKS = [60, 60, 30];
const PHASE_MAX_MS = 40_000;
const env = { RESONANCE_PUBLIC_RATE_LIMITS: "100000000,100000000" }; // a load test, not a rate-limit test

let A: Org;
let survey: Awaited<ReturnType<typeof createSurvey>>;
let server: RunningServer | null = null;
let port: number;

beforeAll(async () => {
  A = await createOrg("crash");
  await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } });
  survey = await createSurvey(A.orgId);
  port = await freePort();
});
afterAll(async () => {
  await server?.stop();
});

type Sent = { kind: "response" | "interaction"; clientId: string; acknowledged: boolean; attempts: number };

async function sendOnce(item: Sent, i: number): Promise<boolean> {
  const base = `http://127.0.0.1:${port}`;
  const res =
    item.kind === "response"
      ? await fetch(`${base}/api/v1/public/surveys/${survey.publicId}/responses`, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "Mozilla/5.0 (crash test)" },
          body: JSON.stringify({
            clientId: item.clientId,
            complete: true,
            answers: { nps: i % 11, ...(i % 11 <= 6 ? { why_low: `Reason ${i}` } : {}), plan: i % 2 ? "pro" : "basic" },
          }),
          signal: AbortSignal.timeout(10_000),
        })
      : await fetch(`${base}/api/v1/interactions`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${A.keys.agent}` },
          body: JSON.stringify({
            clientId: item.clientId,
            customerId: A.ids.customer,
            touchpointId: A.ids.touchpoint,
            outcome: "resolved",
            emotion: (i % 5) - 2,
            note: `Crash test ${i}`,
          }),
          signal: AbortSignal.timeout(10_000),
        });
  await res.arrayBuffer();
  if (res.status >= 500) return false; // e.g. while the database is recovering: retry
  if (res.status < 200 || res.status >= 300) throw new Error(`${item.kind} answered ${res.status}`);
  return true;
}

describe("SIGKILL mid-load", () => {
  it("keeps every acknowledged response and interaction, exactly once and complete", { timeout: 240_000 }, async () => {
    const sent: Sent[] = [];
    let running = true;
    let networkErrors = 0;
    const worker = async (w: number) => {
      for (let n = 0; running; n++) {
        const i = n * WORKERS + w;
        const item: Sent = {
          kind: i % 3 === 2 ? "interaction" : "response",
          clientId: `crash-${randomUUID()}`,
          acknowledged: false,
          attempts: 0,
        };
        sent.push(item);
        // Retry with the same key until answered (or the test ends): the client never gives up on its data.
        while (!item.acknowledged && (running || item.attempts === 0)) {
          item.attempts++;
          try {
            item.acknowledged = await sendOnce(item, i);
          } catch (error) {
            if (error instanceof Error && error.message.includes("answered")) throw error;
            networkErrors++;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }
    };

    server = await startServer({ databaseUrl: process.env.DATABASE_URL!, port, env });
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
    let kills = 0;
    const acknowledged = () => sent.filter((s) => s.acknowledged).length;
    for (const [phase, acks] of PHASE_ACKS.entries()) {
      const [start, until] = [acknowledged(), Date.now() + PHASE_MAX_MS];
      while (acknowledged() - start < acks && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      if (phase === PHASE_ACKS.length - 1) break;
      const victim = server.process;
      process.kill(-victim.pid!, "SIGKILL"); // the whole process group, no chance to flush or finish anything
      await new Promise((r) =>
        victim.exitCode !== null || victim.signalCode !== null ? r(null) : victim.once("exit", r),
      );
      kills++;
      server = await startServer({ databaseUrl: process.env.DATABASE_URL!, port, env });
    }
    running = false;
    await Promise.all(workers); // every request in flight gets its answer (or one last retry) first
    await server.stop();
    server = null;

    const acked = sent.filter((s) => s.acknowledged);
    const ackedResponses = acked.filter((s) => s.kind === "response").map((s) => s.clientId);
    const ackedInteractions = acked.filter((s) => s.kind === "interaction").map((s) => s.clientId);
    const responses = await db.response.findMany({
      where: { surveyId: survey.id },
      select: { clientId: true, _count: { select: { answers: true } }, score: true },
    });
    const interactions = await db.interaction.findMany({
      where: { orgId: A.orgId, clientId: { startsWith: "crash-" } },
      select: { clientId: true },
    });
    const count = (ids: (string | null)[]) =>
      ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string | null, number>());
    const storedR = count(responses.map((r) => r.clientId));
    const storedI = count(interactions.map((r) => r.clientId));
    const lost = [
      ...ackedResponses.filter((id) => !storedR.has(id)),
      ...ackedInteractions.filter((id) => !storedI.has(id)),
    ];
    const duplicated = [...storedR, ...storedI].filter(([, n]) => n > 1);
    console.log(
      `crash test (${provider}): ${kills} SIGKILLs; sent ${sent.length} (${sent.reduce((s, x) => s + x.attempts, 0)} attempts, ${networkErrors} network errors); ` +
        `acknowledged ${acked.length} (${ackedResponses.length} responses, ${ackedInteractions.length} interactions; ${acked.filter((s) => s.attempts > 1).length} only after retries across a crash); found ${acked.length - lost.length}; lost ${lost.length}; duplicated ${duplicated.length}; ` +
        `stored ${responses.length + interactions.length} (unacknowledged but stored: ${responses.length + interactions.length - (acked.length - lost.length)})`,
    );

    expect(kills).toBe(2);
    expect(acked.length).toBeGreaterThanOrEqual(150); // the load really ran
    expect(networkErrors).toBeGreaterThan(0); // and really was interrupted
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    // Atomic: every stored response has all its answers (nps, plan, and the comment of a detractor).
    for (const r of responses) expect(r._count.answers, r.clientId).toBe(r.score! <= 6 ? 3 : 2);
  });
});
