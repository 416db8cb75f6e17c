// Headline NPS, CSAT and CES for a period. The database does the counting: one GROUP BY (metric, score)
// over the (orgId, metric, submittedAt, score) index returns at most 11 + 5 + 7 rows; the maths on those
// distributions is pure (lib/metrics).
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { cesFromCounts, csatFromCounts, npsFromCounts } from "../metrics";
import type { ScoreCount } from "../metrics/distribution";

export type HeadlinePeriod = { from: Date; to: Date };

export function lastDays(days: number, now = new Date()): HeadlinePeriod {
  return { from: new Date(now.getTime() - days * 86_400_000), to: now };
}

export async function scoreDistributions(ctx: Ctx, period: HeadlinePeriod) {
  const rows = await db.response.groupBy({
    by: ["metric", "score"],
    where: {
      orgId: ctx.orgId,
      metric: { in: ["nps", "csat", "ces"] },
      submittedAt: { gte: period.from, lt: period.to },
      score: { not: null },
    },
    _count: { _all: true },
  });
  const dist: Record<"nps" | "csat" | "ces", ScoreCount[]> = { nps: [], csat: [], ces: [] };
  for (const r of rows) {
    if (r.score === null || !(r.metric === "nps" || r.metric === "csat" || r.metric === "ces")) continue;
    dist[r.metric].push({ score: r.score, count: r._count._all });
  }
  return dist;
}

export async function getHeadline(ctx: Ctx, period: HeadlinePeriod = lastDays(90)) {
  const dist = await scoreDistributions(ctx, period);
  return { period, nps: npsFromCounts(dist.nps), csat: csatFromCounts(dist.csat), ces: cesFromCounts(dist.ces) };
}
