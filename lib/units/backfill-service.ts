// Starting and following the attribution of history (lib/units/backfill.ts) from the API and Settings → Units.
// Admins only (the routes and the page say so): it writes the unit of every unattributed row of the organization.
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { latestJob, startJob, toJobDto, type BackgroundJobDto } from "../jobs/runner";
import { unitBackfill } from "./backfill";

const KIND = "unit-backfill";

/** Starts the backfill, or answers the one already queued or running (started: false). */
export async function startUnitBackfill(ctx: Ctx): Promise<{ job: BackgroundJobDto; started: boolean }> {
  const { job, started } = await startJob(ctx.orgId, KIND, ctx.userId);
  if (started)
    await recordAudit(ctx, {
      action: "units.backfill_started",
      entityType: "BackgroundJob",
      entityId: job.id,
      data: { total: job.total },
    });
  return { job: toJobDto(job), started };
}

/** The organization's latest backfill (null before the first). */
export async function unitBackfillStatus(ctx: Ctx): Promise<BackgroundJobDto | null> {
  const job = await latestJob(ctx.orgId, KIND);
  return job ? toJobDto(job) : null;
}

/** How many responses, interactions and cases of the organization have no unit. */
export function unattributedRows(ctx: Ctx): Promise<number> {
  return unitBackfill.total(ctx.orgId);
}
