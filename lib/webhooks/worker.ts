// The delivery worker. Every instance runs one (instrumentation.ts): each tick it claims due deliveries with a
// lease — a conditional UPDATE that only one instance can win, on SQLite and PostgreSQL alike — POSTs each
// to its endpoint, and records the attempt. 2xx is success; anything else (another status, a redirect, which
// is never followed, a timeout, a refused connection, an internal address) schedules a retry by schedule.ts, or
// makes the delivery dead after the last attempt. The lease outlives the request timeout, so an attempt is never
// made twice at once; an instance that dies mid-attempt leaves a lease that expires, and the attempt is made
// again later. Requests go through the outbound guard (address.ts): the address connected to is checked at
// connect time. What is recorded is the status code and a generic error class; the answer is not read.
import { db, type Prisma } from "../db";
import { claimLeases, INSTANCE_ID, leaseFree, startPoller } from "../jobs/lease";
import { failureOf, outboundRequest } from "../net/outbound";
import { WEBHOOK_POLICY, type AttemptFailure } from "./address";
import { openSecret } from "./secret-box";
import { webhookHeaders } from "./signature";
import { nextAttemptDelay, retrySchedule } from "./schedule";

const LEASE_MS = 60_000;
const BATCH = 20;
const LOG_KEPT = 50;
const RETRYABLE = ["pending", "failed"];

/** One attempt; `instance` is the server instance that made it (INSTANCE_ID; null for attempts before it was random). */
export type AttemptLogEntry = {
  at: string;
  statusCode: number | null;
  error: AttemptFailure | null;
  durationMs: number;
  instance: string | null;
};

const timeoutMs = () => Math.max(100, Number(process.env.WEBHOOK_TIMEOUT_MS) || 10_000);

/** Takes the lease on those of `ids` that are free, in one UPDATE (lib/jobs/lease.ts). */
async function claim(ids: string[], extra: Prisma.WebhookDeliveryWhereInput = {}) {
  if (ids.length === 0) return [];
  return claimLeases(
    LEASE_MS,
    ({ owner, until, now }) =>
      db.webhookDelivery.updateMany({
        where: { id: { in: ids }, ...extra, AND: [leaseFree(now)] },
        data: { leaseOwner: owner, leaseExpiresAt: until },
      }),
    (owner) =>
      db.webhookDelivery.findMany({
        where: { id: { in: ids }, leaseOwner: owner },
        include: { endpoint: { select: { url: true, secretEnc: true } } },
      }),
  );
}
type Claimed = Awaited<ReturnType<typeof claim>>[number];
type Outcome = { statusCode: number | null; ok: boolean; error: AttemptFailure | null; durationMs: number };

/** One POST. Never throws: the outcome is what gets recorded. */
async function post(url: string, secret: string, eventId: string, body: string): Promise<Outcome> {
  const started = Date.now();
  try {
    const res = await outboundRequest(WEBHOOK_POLICY, new URL(url), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Resonance-Webhooks/1",
        ...webhookHeaders(secret, eventId, body),
      },
      body,
      timeoutMs: timeoutMs(),
      maxBodyBytes: 0,
    });
    const ok = res.status >= 200 && res.status < 300;
    const error = ok ? null : res.status >= 300 && res.status < 400 ? "redirect" : "http_error";
    return { statusCode: res.status, ok, error, durationMs: Date.now() - started };
  } catch (error) {
    return { statusCode: null, ok: false, error: failureOf(error), durationMs: Date.now() - started };
  }
}

/** Makes the attempt of a delivery this instance has claimed, and records it (releasing the lease). */
async function attempt(d: Claimed): Promise<void> {
  const at = new Date();
  let secret: string | null = null;
  let outcome: Outcome;
  try {
    secret = openSecret(d.endpoint.secretEnc);
  } catch {
    outcome = { statusCode: null, ok: false, error: "secret_unreadable", durationMs: 0 };
  }
  if (secret !== null) outcome = await post(d.endpoint.url, secret, d.eventId, d.payload);
  const o = outcome!;
  const attempts = d.attempts + 1;
  const delay = o.ok ? null : nextAttemptDelay(attempts, retrySchedule());
  const entry: AttemptLogEntry = {
    at: at.toISOString(),
    statusCode: o.statusCode,
    error: o.error,
    durationMs: o.durationMs,
    instance: INSTANCE_ID,
  };
  const log = [...(Array.isArray(d.attemptLog) ? (d.attemptLog as AttemptLogEntry[]) : []), entry].slice(-LOG_KEPT);
  await db.webhookDelivery.updateMany({
    where: { id: d.id, leaseOwner: d.leaseOwner },
    data: {
      status: o.ok ? "succeeded" : delay === null ? "dead" : "failed",
      attempts,
      lastAttemptAt: at,
      lastStatusCode: o.statusCode,
      lastError: o.error,
      durationMs: o.durationMs,
      nextAttemptAt: delay === null ? null : new Date(Date.now() + delay),
      attemptLog: log as unknown as Prisma.InputJsonValue,
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  });
}

/** Claims and sends what is due, in batches, until nothing is due. Returns the number of attempts made. */
export async function runDueDeliveries(): Promise<number> {
  let made = 0;
  for (;;) {
    const now = new Date();
    const due = await db.webhookDelivery.findMany({
      where: {
        nextAttemptAt: { lte: now },
        status: { in: RETRYABLE },
        endpoint: { active: true },
        AND: [leaseFree(now)],
      },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
      select: { id: true },
    });
    const mine = await claim(
      due.map((d) => d.id),
      { status: { in: RETRYABLE }, nextAttemptAt: { lte: now } },
    );
    await Promise.all(mine.map(attempt));
    made += mine.length;
    if (due.length < BATCH) return made;
  }
}

/** "Retry now" / "Send test event": one attempt at once, whatever the schedule says. False when leased elsewhere. */
export async function deliverNow(id: string): Promise<boolean> {
  const [d] = await claim([id]);
  if (!d) return false;
  await attempt(d);
  return true;
}

export function startWebhookWorker(env: Partial<Record<string, string>> = process.env): boolean {
  if (env.WEBHOOK_WORKER === "off") return false;
  retrySchedule(env); // a malformed WEBHOOK_RETRY_SCHEDULE stops the start-up, not every delivery
  const everyMs = Math.max(50, Number(env.WEBHOOK_POLL_MS) || 5_000);
  // slow endpoints must not pile up ticks: startPoller never runs two at once
  if (!startPoller({ key: "resonance.webhookWorker", name: "webhooks", everyMs, tick: runDueDeliveries })) return false;
  console.log(`[webhooks] delivery worker on (every ${everyMs} ms, instance ${INSTANCE_ID})`);
  return true;
}
