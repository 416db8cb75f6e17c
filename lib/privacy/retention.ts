// The retention policy's job: responses of an organization submitted before the cutoff are deleted or
// anonymised, in batches (one short transaction each, so a large organization never holds a long write
// lock), under a lease — one RetentionRun row per organization and UTC day, claimed by inserting it (the
// unique (orgId, periodKey) refuses a second insert) or by compare-and-set on a failed or abandoned run —
// so any number of instances apply it once. Every batch is conditional (delete what still exists,
// anonymise what is not yet anonymised), so even a run that lost its lease counts each row once.
// "Run now" (admins) takes the same lease. Each finished run is an audit event with its counts. The webhook
// deliveries that announced those responses go with them: deleted, or anonymised alike (lib/webhooks/outbox.ts).
import { db, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { ConflictError } from "../errors";
import { writeOrgSetting } from "../orgs/settings-service";
import { scrubDeliveries } from "../webhooks/outbox";
import { anonymiseResponses } from "./erasure";
import {
  retentionCutoff,
  retentionPeriodKey,
  retentionSettingsFrom,
  type RetentionSettings,
} from "./retention-settings";
import { isUniqueViolation } from "../db-errors";

const LEASE_MS = 5 * 60_000;
export const RETENTION_BATCH = 500;

type Actor = Pick<Ctx, "orgId" | "userId" | "apiKeyId">;
export type RetentionOutcome =
  | {
      status: "done";
      orgId: string;
      periodKey: string;
      mode: RetentionSettings["mode"];
      cutoff: Date;
      processed: number;
      batches: number;
      longestBatchMs: number;
    }
  | { status: "not-claimed" | "off"; orgId: string; periodKey: string };

function pastRetention(orgId: string, s: RetentionSettings, cutoff: Date): Prisma.ResponseWhereInput {
  return { orgId, submittedAt: { lt: cutoff }, ...(s.mode === "anonymise" ? { anonymisedAt: null } : {}) };
}

export async function getRetentionSettings(ctx: Ctx): Promise<RetentionSettings> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { settings: true } });
  return retentionSettingsFrom(org.settings);
}

export async function updateRetentionSettings(ctx: Ctx, next: RetentionSettings): Promise<RetentionSettings> {
  await writeOrgSetting(ctx, "retention", next, "retention.settings_changed");
  return next;
}

/** How many responses the policy (saved or proposed) would process if it ran now. */
export async function previewRetention(ctx: Ctx, proposed?: RetentionSettings, now = new Date()) {
  const s = proposed ?? (await getRetentionSettings(ctx));
  const cutoff = retentionCutoff(now, s.months);
  const count = await db.response.count({ where: pastRetention(ctx.orgId, s, cutoff) });
  const lastRun = await db.retentionRun.findFirst({
    where: { orgId: ctx.orgId },
    orderBy: { createdAt: "desc" },
    select: { periodKey: true, status: true, mode: true, processed: true, finishedAt: true, cutoff: true },
  });
  return { settings: s, cutoff, count, lastRun };
}

async function claim(
  orgId: string,
  periodKey: string,
  s: RetentionSettings,
  cutoff: Date,
  now: Date,
  manual: boolean,
): Promise<{ id: string } | null> {
  const lockedUntil = new Date(now.getTime() + LEASE_MS);
  try {
    return await db.retentionRun.create({
      data: { orgId, periodKey, status: "running", mode: s.mode, cutoff, lockedUntil },
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const run = await db.retentionRun.findUnique({ where: { orgId_periodKey: { orgId, periodKey } } });
  if (!run) return null;
  const free =
    run.status === "failed" ||
    (run.status === "running" && run.lockedUntil !== null && run.lockedUntil < now) ||
    (manual && run.status === "done");
  if (!free) return null;
  // Compare-and-set: only one instance moves the run from this (status, attempts).
  const { count } = await db.retentionRun.updateMany({
    where: { id: run.id, status: run.status, attempts: run.attempts },
    data: {
      status: "running",
      attempts: { increment: 1 },
      lockedUntil,
      mode: s.mode,
      cutoff,
      processed: 0,
      lastError: null,
      finishedAt: null,
    },
  });
  return count === 1 ? { id: run.id } : null;
}

/**
 * Applies the organization's policy once for `now`'s day. `actor` is the admin of a "run now" (which also
 * runs a policy that is switched off, since the admin asked for it); the scheduler passes none.
 */
export async function runRetention(
  orgId: string,
  opts: { now?: Date; actor?: Actor; batchSize?: number } = {},
): Promise<RetentionOutcome> {
  const now = opts.now ?? new Date();
  const periodKey = retentionPeriodKey(now);
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { settings: true } });
  const s = retentionSettingsFrom(org.settings);
  if (!s.enabled && !opts.actor) return { status: "off", orgId, periodKey };
  const cutoff = retentionCutoff(now, s.months);
  const run = await claim(orgId, periodKey, s, cutoff, now, !!opts.actor);
  if (!run) return { status: "not-claimed", orgId, periodKey };
  let processed = 0;
  let batches = 0;
  let longestBatchMs = 0; // the longest write transaction: how long one batch held the database's write lock
  try {
    // Keyset over the id: each batch reads on from the last one instead of rescanning what is already done.
    let after: string | undefined;
    for (;;) {
      const where = { ...pastRetention(orgId, s, cutoff), ...(after ? { id: { gt: after } } : {}) };
      const ids = (
        await db.response.findMany({
          where,
          select: { id: true },
          orderBy: { id: "asc" },
          take: opts.batchSize ?? RETENTION_BATCH,
        })
      ).map((r) => r.id);
      if (ids.length === 0) break;
      after = ids[ids.length - 1];
      const started = performance.now();
      const done = await db.$transaction(async (tx) => {
        // by primary key alone: the ids were just read with the organization filter (see anonymiseResponses)
        const n =
          s.mode === "delete"
            ? (await tx.response.deleteMany({ where: { id: { in: ids } } })).count
            : await anonymiseResponses(tx, ids, new Date());
        await scrubDeliveries(tx, orgId, { responseIds: ids }); // their webhook deliveries: deleted, or anonymised alike
        return n;
      });
      longestBatchMs = Math.max(longestBatchMs, performance.now() - started);
      processed += done;
      batches++;
      // Keep the lease while working; a run whose lease was taken over stops here.
      const renewed = await db.retentionRun.updateMany({
        where: { id: run.id, status: "running" },
        data: { processed, lockedUntil: new Date(Date.now() + LEASE_MS) },
      });
      if (renewed.count !== 1) break;
    }
    await db.retentionRun.update({
      where: { id: run.id },
      data: { status: "done", processed, finishedAt: new Date(), lockedUntil: null },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
    await db.retentionRun.update({
      where: { id: run.id },
      data: { status: "failed", processed, lastError: message, lockedUntil: null },
    });
    await recordAudit(opts.actor ?? { orgId, userId: null, apiKeyId: null }, {
      action: "retention.failed",
      entityType: "Organization",
      entityId: orgId,
      data: { periodKey, processed },
    });
    throw error;
  }
  await recordAudit(opts.actor ?? { orgId, userId: null, apiKeyId: null }, {
    action: "retention.applied",
    entityType: "Organization",
    entityId: orgId,
    data: {
      periodKey,
      mode: s.mode,
      months: s.months,
      cutoff: cutoff.toISOString(),
      processed,
      batches,
      trigger: opts.actor ? "manual" : "schedule",
    },
  });
  return {
    status: "done",
    orgId,
    periodKey,
    mode: s.mode,
    cutoff,
    processed,
    batches,
    longestBatchMs: Math.round(longestBatchMs),
  };
}

/** "Run now" from Settings or the API: the same lease, so never at the same time as the scheduled run. */
export async function runRetentionNow(ctx: Ctx, now = new Date()) {
  const outcome = await runRetention(ctx.orgId, { now, actor: ctx });
  if (outcome.status !== "done")
    throw new ConflictError(
      "The retention policy is being applied right now by another run. Try again in a few minutes.",
    );
  return outcome;
}

/** The scheduler's tick: every organization whose policy is on, once per UTC day each. */
export async function runDueRetention(now = new Date()): Promise<RetentionOutcome[]> {
  const orgs = await db.organization.findMany({ select: { id: true, settings: true } });
  const out: RetentionOutcome[] = [];
  for (const o of orgs) {
    if (!retentionSettingsFrom(o.settings).enabled) continue;
    try {
      out.push(await runRetention(o.id, { now }));
    } catch (error) {
      console.error(`[retention] organization ${o.id} failed:`, error instanceof Error ? error.message : error);
    }
  }
  return out;
}
