// The headline figures of every journey for the cards of /journeys: NPS, CSAT and CES pooled over the journey's
// touchpoints (the same figures and intervals as the journey map, lib/journeys/map.ts) and how many touchpoints
// are friction points. One query for the touchpoints and the map's two GROUP BYs for all journeys at once, however
// many journeys there are.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { resolvePeriod, type AnalyticsFilters, type ResolvedPeriod } from "../analytics/filters";
import type { GapMetric, Perceived } from "./gap";
import { liveFigures, loadLive, pooledFigures, scopeOf } from "./map";

export type JourneyScorecard = {
  metrics: Record<GapMetric, Perceived>;
  /** Touchpoints significantly below their promise in the period (the map's friction points). */
  frictionPoints: number;
};

export async function journeyScorecards(
  ctx: Ctx,
  journeyIds: readonly string[],
  filters: AnalyticsFilters = {},
  now = new Date(),
): Promise<{ period: ResolvedPeriod; byJourney: Map<string, JourneyScorecard> }> {
  const period = resolvePeriod(filters, now);
  const byJourney = new Map<string, JourneyScorecard>();
  if (journeyIds.length === 0) return { period, byJourney };
  // The touchpoints the maps show: those of active stages (archived touchpoints without history add nothing).
  const touchpoints = await db.touchpoint.findMany({
    where: { orgId: ctx.orgId, journeyId: { in: [...journeyIds] }, stage: { archivedAt: null } },
    select: { id: true, journeyId: true, targetCsat: true, targetCes: true, targetNps: true },
  });
  const live = await loadLive(
    ctx,
    touchpoints.map((t) => t.id),
    scopeOf(filters),
    period,
  );
  for (const journeyId of journeyIds) {
    const own = touchpoints.filter((t) => t.journeyId === journeyId);
    let frictionPoints = 0;
    for (const t of own) {
      const targets = { csat: t.targetCsat, ces: t.targetCes, nps: t.targetNps };
      if (liveFigures(live.distributions(t.id), live.stats(t.id), targets).status === "friction") frictionPoints++;
    }
    const { metrics } = pooledFigures(
      own.map((t) => t.id),
      live,
    );
    byJourney.set(journeyId, { metrics, frictionPoints });
  }
  return { period, byJourney };
}
