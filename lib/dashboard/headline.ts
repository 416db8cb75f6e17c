// Headline NPS, CSAT and CES for a period. The database does the counting: whole days from the daily roll-up and the
// partial days at the edges from the (orgId, metric, submittedAt, score) index (lib/rollups/query.ts) return at most
// 11 + 5 + 7 rows; the maths on those distributions is pure (lib/metrics). A unit-scoped caller counts their units'
// responses only.
import { Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { scoreCounts } from "../rollups/query";
import { cesFromCounts, csatFromCounts, distributionsByKey, emptyDistributions, npsFromCounts } from "../metrics";

export type HeadlinePeriod = { from: Date; to: Date };

export function lastDays(days: number, now = new Date()): HeadlinePeriod {
  return { from: new Date(now.getTime() - days * 86_400_000), to: now };
}

export async function scoreDistributions(ctx: Ctx, period: HeadlinePeriod) {
  const byKey = distributionsByKey(await scoreCounts(ctx, {}, [{ period, key: Prisma.sql`'all'` }]));
  return byKey.get("all") ?? emptyDistributions();
}

export async function getHeadline(ctx: Ctx, period: HeadlinePeriod = lastDays(90)) {
  const dist = await scoreDistributions(ctx, period);
  return { period, nps: npsFromCounts(dist.nps), csat: csatFromCounts(dist.csat), ces: cesFromCounts(dist.ces) };
}
