// Resumable background jobs of an organization (docs/architecture.md, "Resumable jobs"): a job is a BackgroundJob row
// worked in batches by its kind's handler. Every instance polls (instrumentation.ts, unless JOBS_WORKER=off); a job
// is taken with a lease (lease.ts), and each batch is one transaction that writes the batch's changes and advances
// the job's cursor together, on the condition that this instance still holds the lease — so a batch is never done
// twice, and a job whose instance died is resumed from its last cursor once the lease expires.
import { db, Prisma } from "../db";
import { recordAudit } from "../audit/service";
import { claimLeases, INSTANCE_ID, leaseFree, startPoller } from "./lease";
import { JOB_KINDS } from "./kinds";
import type { JobHandler } from "./types";

const handlers = new Map<string, JobHandler>(Object.entries(JOB_KINDS));

type Job = Prisma.BackgroundJobGetPayload<object>;

const LEASE_MS = 60_000;
/** How long one instance works on a job before it lets the lease go for others (and other jobs). */
const SLICE_MS = 5_000;

class LeaseLost extends Error {}

/** One batch of a job this instance holds; returns false when the job has ended (or the lease was lost). */
async function runStep(job: Job, handler: JobHandler, owner: string): Promise<boolean> {
  try {
    return await db.$transaction(
      async (tx) => {
        const current = await tx.backgroundJob.findFirst({ where: { id: job.id, leaseOwner: owner } });
        if (!current) throw new LeaseLost();
        const r = await handler.step(tx, { orgId: current.orgId, cursor: current.cursor });
        const result = { ...((current.result ?? {}) as Record<string, number>) };
        for (const [k, n] of Object.entries(r.counts)) result[k] = (result[k] ?? 0) + n;
        const now = new Date();
        const { count } = await tx.backgroundJob.updateMany({
          where: { id: job.id, leaseOwner: owner },
          data: {
            cursor: r.cursor,
            done: current.done + r.examined,
            result,
            status: r.finished ? "done" : "running",
            leaseExpiresAt: r.finished ? null : new Date(now.getTime() + LEASE_MS),
            ...(r.finished ? { leaseOwner: null, finishedAt: now } : {}),
          },
        });
        if (count === 0) throw new LeaseLost(); // rolls the batch back: the holder of the new lease does it
        if (r.finished)
          await recordAudit(
            { orgId: current.orgId, userId: current.createdById, apiKeyId: null },
            { ...handler.audit, entityId: job.id, data: { done: current.done + r.examined, result } },
            tx,
          );
        return !r.finished;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof LeaseLost) return false;
    throw error;
  }
}

/** Works on the due jobs for a while; returns the batches done. Every instance calls it (and tests do, in process). */
export async function runJobsTick(opts: { sliceMs?: number; orgId?: string } = {}): Promise<number> {
  const until = Date.now() + (opts.sliceMs ?? SLICE_MS);
  const due = await db.backgroundJob.findMany({
    // orgId: a test drives its own organization's jobs only, whatever other tests left queued.
    where: { status: { in: ["queued", "running"] }, AND: [leaseFree(new Date())], orgId: opts.orgId },
    orderBy: { createdAt: "asc" },
    take: 5,
    select: { id: true },
  });
  let batches = 0;
  for (const { id } of due) {
    const [job] = await claimLeases(
      LEASE_MS,
      (l) =>
        db.backgroundJob.updateMany({
          where: { id, status: { in: ["queued", "running"] }, AND: [leaseFree(l.now)] },
          data: { leaseOwner: l.owner, leaseExpiresAt: l.until, status: "running" },
        }),
      (owner) => db.backgroundJob.findMany({ where: { id, leaseOwner: owner } }),
    );
    if (!job) continue;
    const handler = handlers.get(job.kind);
    if (!handler) {
      await db.backgroundJob.update({
        where: { id },
        data: { status: "failed", error: `No handler for ${job.kind}`, leaseOwner: null, leaseExpiresAt: null },
      });
      continue;
    }
    try {
      let more: boolean;
      do {
        more = await runStep(job, handler, job.leaseOwner!);
        batches++;
      } while (more && Date.now() < until); // at least one batch per claim
      // Out of time with work left: let the lease go, so the next tick (here or elsewhere) continues.
      if (more)
        await db.backgroundJob.updateMany({
          where: { id, leaseOwner: job.leaseOwner },
          data: { leaseOwner: null, leaseExpiresAt: null },
        });
    } catch (error) {
      // A batch that fails keeps failing (a bug, not a blip): the job stops with the message, for the operator.
      await db.backgroundJob.updateMany({
        where: { id, leaseOwner: job.leaseOwner },
        data: {
          status: "failed",
          error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          leaseOwner: null,
          leaseExpiresAt: null,
          finishedAt: new Date(),
        },
      });
      console.error(`[jobs] ${job.kind} ${job.id} failed:`, error instanceof Error ? error.message : error);
    }
    if (Date.now() >= until) break;
  }
  return batches;
}

/** The jobs' poller of this instance (instrumentation.ts). */
export function startJobWorker(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.JOBS_WORKER === "off") return false;
  const everyMs = Math.max(100, Number(env.JOBS_POLL_MS) || 2_000);
  if (!startPoller({ key: "resonance.jobWorker", name: "jobs", everyMs, tick: () => runJobsTick() })) return false;
  console.log(`[jobs] worker on (every ${everyMs} ms, instance ${INSTANCE_ID})`);
  return true;
}

/** Starts a job of `kind` for the organization, or answers the one of that kind already queued or running. */
export async function startJob(
  orgId: string,
  kind: string,
  createdById: string | null,
): Promise<{ job: Job; started: boolean }> {
  const handler = handlers.get(kind);
  if (!handler) throw new Error(`Unknown job kind ${kind}`);
  const active = await db.backgroundJob.findFirst({
    where: { orgId, kind, status: { in: ["queued", "running"] } },
    orderBy: { createdAt: "desc" },
  });
  if (active) return { job: active, started: false };
  const total = await handler.total(orgId);
  const job = await db.backgroundJob.create({ data: { orgId, kind, total, createdById } });
  return { job, started: true };
}

/** The organization's latest job of `kind`, if any. */
export function latestJob(orgId: string, kind: string): Promise<Job | null> {
  return db.backgroundJob.findFirst({ where: { orgId, kind }, orderBy: { createdAt: "desc" } });
}

export type BackgroundJobDto = {
  id: string;
  kind: string;
  status: string;
  done: number;
  total: number;
  result: Record<string, number>;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

export function toJobDto(j: Job): BackgroundJobDto {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    done: j.done,
    total: j.total,
    result: (j.result ?? {}) as Record<string, number>,
    // A failure's text is for the operator's log; the organization sees that it failed.
    error: j.status === "failed" ? "The job stopped on an error; it has been logged for the operator." : null,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
  };
}
