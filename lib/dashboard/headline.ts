// Headline NPS, CSAT and CES for a period. The database does the counting: one GROUP BY (metric, score)
// over the (orgId, metric, submittedAt, score) index returns at most 11 + 5 + 7 rows; the maths on those
// distributions is pure (lib/metrics). A unit-scoped caller counts their units' responses only.
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import { scopeWhere } from "../units/scope";
import { cesFromCounts, csatFromCounts, distributionsByKey, emptyDistributions, npsFromCounts } from "../metrics";

export type HeadlinePeriod = { from: Date; to: Date };

export function lastDays(days: number, now = new Date()): HeadlinePeriod {
  return { from: new Date(now.getTime() - days * 86_400_000), to: now };
}

export async function scoreDistributions(ctx: Ctx, period: HeadlinePeriod) {
  const rows = await analyticsDb().response.groupBy({
    by: ["metric", "score"],
    where: {
      orgId: ctx.orgId,
      ...scopeWhere(ctx), // a unit-scoped caller's units only
      metric: { in: ["nps", "csat", "ces"] },
      submittedAt: { gte: period.from, lt: period.to },
      score: { not: null },
    },
    _count: { _all: true },
  });
  const byKey = distributionsByKey(
    rows.map((r) => ({ key: "all", metric: r.metric, score: r.score, count: r._count._all })),
  );
  return byKey.get("all") ?? emptyDistributions();
}

export async function getHeadline(ctx: Ctx, period: HeadlinePeriod = lastDays(90)) {
  const dist = await scoreDistributions(ctx, period);
  return { period, nps: npsFromCounts(dist.nps), csat: csatFromCounts(dist.csat), ces: cesFromCounts(dist.ces) };
}
