// The delivery worker. Every instance runs one (instrumentation.ts): each tick it claims due deliveries with a
// lease — a conditional UPDATE that only one instance can win, on SQLite and PostgreSQL alike — POSTs each
// to its endpoint, and records the attempt. 2xx is success; anything else (another status, a redirect, which
// is never followed, a timeout, a refused connection) schedules a retry by schedule.ts, or makes the delivery
// dead after the last attempt. The lease outlives the request timeout, so an attempt is never made twice at
// once; an instance that dies mid-attempt leaves a lease that expires, and the attempt is made again later.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { db, type Prisma } from "../db";
import { openSecret } from "./secret-box";
import { webhookHeaders } from "./signature";
import { nextAttemptDelay, retrySchedule } from "./schedule";

export const INSTANCE_ID = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
const LEASE_MS = 60_000;
const BATCH = 20;
const SNIPPET_CHARS = 1_000;
const LOG_KEPT = 50;
const RETRYABLE = ["pending", "failed"];

/** One attempt; `instance` is the server instance that made it (INSTANCE_ID: host, process, random). */
export type AttemptLogEntry = { at: string; statusCode: number | null; error: string | null; durationMs: number; instance: string };

const timeoutMs = () => Math.max(100, Number(process.env.WEBHOOK_TIMEOUT_MS) || 10_000);

function leaseFree(now: Date): Prisma.WebhookDeliveryWhereInput {
  return { OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] };
}

let claims = 0;

/**
 * Takes the lease on those of `ids` that are free, in one UPDATE: a row another instance leased first no
 * longer matches (PostgreSQL re-checks the condition after waiting for its lock; SQLite runs one writer at a
 * time). The lease owner names this claim, so the rows it won are read back by that name.
 */
async function claim(ids: string[], extra: Prisma.WebhookDeliveryWhereInput = {}) {
  if (ids.length === 0) return [];
  const now = new Date();
  const owner = `${INSTANCE_ID}#${++claims}`;
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: { in: ids }, ...extra, AND: [leaseFree(now)] },
    data: { leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + LEASE_MS) },
  });
  if (count === 0) return [];
  return db.webhookDelivery.findMany({ where: { id: { in: ids }, leaseOwner: owner }, include: { endpoint: { select: { url: true, secretEnc: true } } } });
}
type Claimed = Awaited<ReturnType<typeof claim>>[number];

/** Reads at most SNIPPET_CHARS of the answer, so that a huge or endless body cannot hold the worker. */
async function snippet(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < SNIPPET_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  return text.slice(0, SNIPPET_CHARS);
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `No answer within ${timeoutMs() / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, a certificate, a blocked port)
  if (cause?.code || cause?.message) return [cause.code, cause.message].filter(Boolean).join(": ").slice(0, 300);
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/** One POST. Never throws: the outcome is what gets recorded. */
async function post(url: string, secret: string, eventId: string, body: string) {
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Resonance-Webhooks/1", ...webhookHeaders(secret, eventId, body) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs()),
    });
    const text = await snippet(res).catch(() => "");
    const redirect = res.status >= 300 && res.status < 400;
    const error = res.ok ? null : redirect ? `Redirect to ${res.headers.get("location") ?? "?"} not followed` : `HTTP ${res.status}`;
    return { statusCode: res.status, ok: res.ok, error, snippet: text, durationMs: Date.now() - started };
  } catch (error) {
    return { statusCode: null, ok: false, error: describe(error), snippet: null, durationMs: Date.now() - started };
  }
}

/** Makes the attempt of a delivery this instance has claimed, and records it (releasing the lease). */
async function attempt(d: Claimed): Promise<void> {
  const at = new Date();
  let secret: string | null = null;
  let outcome: Awaited<ReturnType<typeof post>>;
  try {
    secret = openSecret(d.endpoint.secretEnc);
  } catch (error) {
    outcome = { statusCode: null, ok: false, error: describe(error), snippet: null, durationMs: 0 };
  }
  if (secret !== null) outcome = await post(d.endpoint.url, secret, d.eventId, d.payload);
  const o = outcome!;
  const attempts = d.attempts + 1;
  const delay = o.ok ? null : nextAttemptDelay(attempts, retrySchedule());
  const entry: AttemptLogEntry = { at: at.toISOString(), statusCode: o.statusCode, error: o.error, durationMs: o.durationMs, instance: INSTANCE_ID };
  const log = [...(Array.isArray(d.attemptLog) ? (d.attemptLog as AttemptLogEntry[]) : []), entry].slice(-LOG_KEPT);
  await db.webhookDelivery.updateMany({
    where: { id: d.id, leaseOwner: d.leaseOwner },
    data: {
      status: o.ok ? "succeeded" : delay === null ? "dead" : "failed",
      attempts,
      lastAttemptAt: at,
      lastStatusCode: o.statusCode,
      lastError: o.error,
      responseSnippet: o.snippet,
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
      where: { nextAttemptAt: { lte: now }, status: { in: RETRYABLE }, endpoint: { active: true }, AND: [leaseFree(now)] },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
      select: { id: true },
    });
    const mine = await claim(due.map((d) => d.id), { status: { in: RETRYABLE }, nextAttemptAt: { lte: now } });
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

const started = Symbol.for("resonance.webhookWorker");

export function startWebhookWorker(env: Partial<Record<string, string>> = process.env): boolean {
  const holder = globalThis as { [started]?: boolean };
  if (env.WEBHOOK_WORKER === "off" || holder[started]) return false;
  holder[started] = true;
  retrySchedule(env); // a malformed WEBHOOK_RETRY_SCHEDULE stops the start-up, not every delivery
  const everyMs = Math.max(50, Number(env.WEBHOOK_POLL_MS) || 5_000);
  let busy = false;
  const tick = async () => {
    if (busy) return; // slow endpoints must not pile up ticks
    busy = true;
    try {
      await runDueDeliveries();
    } catch (error) {
      console.error("[webhooks] tick failed:", error instanceof Error ? error.message : error);
    } finally {
      busy = false;
    }
  };
  setInterval(() => void tick(), everyMs).unref();
  console.log(`[webhooks] delivery worker on (every ${everyMs} ms, instance ${INSTANCE_ID})`);
  return true;
}
