// The weekly digest's data: the organization's NPS, CSAT and CES for the seven days before `weekEnding` against
// the seven days before those, the biggest significant changes per touchpoint and per journey and of the themes
// customers write about (./themes.ts), new detractors,
// and open / overdue cases. The database does the counting (GROUP BY metric, score — per touchpoint too); the
// maths is lib/metrics; the selection of changes is ./select.ts. A unit-scoped member's digest (the page) counts
// their units' rows only (lib/units/scope.ts), as does the e-mail sent to them (send.ts).
import { db, Prisma } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import type { Period } from "../analytics/filters";
import { countsCurrentAndPrevious } from "../analytics/trend";
import { scoreCounts } from "../rollups/query";
import { metricsOf, type MetricsOf } from "../analytics/series";
import { getDashboardSummary } from "../dashboard/summary";
import { scopeWhere } from "../units/scope";
import { distributionsByKey, emptyDistributions, type Comparison, type Distributions, type Metric } from "../metrics";
import { compareMetric, DIGEST_METRICS, selectChanges, type ChangeSelection, type PlaceMetrics } from "./select";
import { digestThemes, type DigestThemes } from "./themes";

const DAY_MS = 86_400_000;

export type DigestHeadline = { current: MetricsOf; previous: MetricsOf; change: Record<Metric, Comparison> };

export type Digest = {
  org: { id: string; name: string };
  /** The unit a scoped member's digest covers (its subtree); absent or null for the whole organization. */
  unit?: { id: string; name: string } | null;
  /** The week reported on, [from, to), and the week it is compared with. */
  period: Period;
  previousPeriod: Period;
  headline: DigestHeadline;
  touchpoints: ChangeSelection;
  journeys: ChangeSelection;
  /** The themes whose share of comments changed significantly (./themes.ts). */
  themes: DigestThemes;
  /** NPS answers of 0–6 in the week. */
  newDetractors: number;
  interactions: number;
  /** Unresolved cases, and those past their due date, when the digest was built. */
  openCases: number;
  overdueCases: number;
  generatedAt: Date;
};

/** Midnight UTC today: the default end of the week a digest covers (the seven full days before today). */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function digestPeriods(weekEnding: Date): { current: Period; previous: Period } {
  const mid = new Date(weekEnding.getTime() - 7 * DAY_MS);
  return { current: { from: mid, to: weekEnding }, previous: { from: new Date(mid.getTime() - 7 * DAY_MS), to: mid } };
}

async function distributionsByTouchpoint(ctx: Ctx, period: Period): Promise<Map<string, Distributions>> {
  // DIGEST_METRICS are the three the roll-up counts: whole days from it, the edges raw (lib/rollups/query.ts)
  const rows = await scoreCounts(ctx, {}, [{ period, key: Prisma.sql`r."touchpointId"` }], {
    where: Prisma.sql`r."touchpointId" IS NOT NULL`,
  });
  return distributionsByKey(rows);
}

function addInto(target: Distributions, source: Distributions | undefined) {
  if (!source) return;
  for (const m of DIGEST_METRICS) target[m].push(...source[m]);
}

/** Per-touchpoint and per-journey metrics for both weeks; a journey's distributions are the sum of its touchpoints'. */
async function placeMetrics(
  ctx: Ctx,
  current: Period,
  previous: Period,
): Promise<{ touchpoints: PlaceMetrics[]; journeys: PlaceMetrics[] }> {
  const [now, before] = await Promise.all([
    distributionsByTouchpoint(ctx, current),
    distributionsByTouchpoint(ctx, previous),
  ]);
  const ids = [...new Set([...now.keys(), ...before.keys()])];
  const rows = ids.length
    ? await db.touchpoint.findMany({
        where: { orgId: ctx.orgId, id: { in: ids } },
        select: { id: true, name: true, journey: { select: { id: true, name: true } } },
      })
    : [];
  const touchpoints: PlaceMetrics[] = [];
  const journeys = new Map<string, { name: string; previous: Distributions; current: Distributions }>();
  for (const t of rows) {
    touchpoints.push({
      scope: "touchpoint",
      id: t.id,
      name: t.name,
      journeyName: t.journey.name,
      previous: metricsOf(before.get(t.id) ?? emptyDistributions()),
      current: metricsOf(now.get(t.id) ?? emptyDistributions()),
    });
    let j = journeys.get(t.journey.id);
    if (!j)
      journeys.set(
        t.journey.id,
        (j = { name: t.journey.name, previous: emptyDistributions(), current: emptyDistributions() }),
      );
    addInto(j.previous, before.get(t.id));
    addInto(j.current, now.get(t.id));
  }
  return {
    touchpoints,
    journeys: [...journeys].map(([id, j]) => ({
      scope: "journey",
      id,
      name: j.name,
      journeyName: null,
      previous: metricsOf(j.previous),
      current: metricsOf(j.current),
    })),
  };
}

/** The digest for the seven days before `weekEnding` (an instant; the schedule passes midnight UTC). */
export async function buildDigest(ctx: Ctx, { weekEnding }: { weekEnding: Date }, now = new Date()): Promise<Digest> {
  const { current, previous } = digestPeriods(weekEnding);
  const [org, counts, places, newDetractors, activity, themes] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { id: true, name: true } }),
    countsCurrentAndPrevious(ctx, {}, current, previous),
    placeMetrics(ctx, current, previous),
    analyticsDb().response.count({
      where: {
        orgId: ctx.orgId,
        ...scopeWhere(ctx),
        metric: "nps",
        category: "detractor",
        submittedAt: { gte: current.from, lt: current.to },
      },
    }),
    getDashboardSummary(ctx, current, now),
    digestThemes(ctx, current, previous),
  ]);
  const byKey = distributionsByKey(counts);
  const cur = metricsOf(byKey.get("current") ?? emptyDistributions());
  const prev = metricsOf(byKey.get("previous") ?? emptyDistributions());
  const change = Object.fromEntries(DIGEST_METRICS.map((m) => [m, compareMetric(m, prev, cur)])) as Record<
    Metric,
    Comparison
  >;
  return {
    org,
    unit: ctx.scope ? { id: ctx.scope.unitId, name: ctx.scope.unitName } : null,
    period: current,
    previousPeriod: previous,
    headline: { current: cur, previous: prev, change },
    touchpoints: selectChanges(places.touchpoints),
    journeys: selectChanges(places.journeys),
    themes,
    newDetractors,
    interactions: activity.interactionsInPeriod,
    openCases: activity.openCases,
    overdueCases: activity.overdueCases,
    generatedAt: now,
  };
}
