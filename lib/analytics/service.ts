// Analytics for the dashboard and /api/v1/metrics/*: trends per bucket, the period's headline with its
// change vs the previous period, and side-by-side comparisons, each with n, 95 % intervals and a
// significance test (lib/metrics/compare.ts). Every query is scoped to ctx.orgId and the caller's units, narrowed to
// the `unitId` filter's subtree (lib/analytics/sql.ts, unit-filter.ts).
import type { Ctx } from "../auth/ctx";
import { listChannels, listJourneys, listTouchpoints } from "../journeys/service";
import { listSurveys } from "../surveys/service";
import {
  compareCes,
  compareCsat,
  compareNps,
  distributionsByKey,
  emptyDistributions,
  type CesComparison,
  type Comparison,
} from "../metrics";
import { resolvePeriod, type AnalyticsFilters, type Period, type ResolvedPeriod } from "./filters";
import { narrowToUnit, unitFilterOptions } from "./unit-filter";
import { buildSeries, metricsOf, type MetricsOf, type TrendSeries } from "./series";
import { countsByBucket, countsBySegment, countsCurrentAndPrevious, segmentTags } from "./trend";

export type Trends = { period: ResolvedPeriod } & TrendSeries;

/** NPS, CSAT and CES per bucket of the period, with intervals, n, the NPS split and the volume. */
export async function getTrends(ctx: Ctx, filters: AnalyticsFilters, now = new Date()): Promise<Trends> {
  const period = resolvePeriod(filters, now);
  const rows = await countsByBucket(await narrowToUnit(ctx, filters.unitId), filters, period);
  return { period, ...buildSeries(rows, period) };
}

export type Differences = { nps: Comparison; csat: Comparison; ces: CesComparison };

/** b − a for each metric, with the 95 % test (a = baseline). */
function differences(a: MetricsOf, b: MetricsOf): Differences {
  return { nps: compareNps(a.nps, b.nps), csat: compareCsat(a.csat, b.csat), ces: compareCes(a.ces, b.ces) };
}

export type Summary = {
  period: ResolvedPeriod;
  current: MetricsOf;
  previous: MetricsOf;
  /** current − previous, with significance. */
  change: Differences;
};

/** The headline for the period and its change vs the previous period of equal length. */
export async function getSummary(ctx: Ctx, filters: AnalyticsFilters, now = new Date()): Promise<Summary> {
  const period = resolvePeriod(filters, now);
  const scoped = await narrowToUnit(ctx, filters.unitId);
  const byKey = distributionsByKey(await countsCurrentAndPrevious(scoped, filters, period, period.previous));
  const current = metricsOf(byKey.get("current") ?? emptyDistributions());
  const previous = metricsOf(byKey.get("previous") ?? emptyDistributions());
  return { period, current, previous, change: differences(previous, current) };
}

export type ComparisonSide = MetricsOf & { label: string; segment: string | null; from: Date; to: Date };
export type SideBySide = {
  kind: "segments" | "previous";
  period: ResolvedPeriod;
  a: ComparisonSide;
  b: ComparisonSide;
  /** b − a, with significance. */
  difference: Differences;
};

/**
 * Two segments (customer tags) side by side over the same period and filters (the `segment` filter is
 * replaced by the two tags). A customer tagged with both counts on both sides; the test assumes independent
 * samples, so with overlapping segments its verdict is approximate.
 */
export async function getSegmentComparison(
  ctx: Ctx,
  filters: AnalyticsFilters,
  segmentA: string,
  segmentB: string,
  now = new Date(),
): Promise<SideBySide> {
  const period = resolvePeriod(filters, now);
  const scoped = await narrowToUnit(ctx, filters.unitId);
  const byKey = distributionsByKey(await countsBySegment(scoped, filters, period, [segmentA, segmentB]));
  const side = (tag: string): ComparisonSide => ({
    label: tag,
    segment: tag,
    from: period.from,
    to: period.to,
    ...metricsOf(byKey.get(tag) ?? emptyDistributions()),
  });
  const a = side(segmentA);
  const b = side(segmentB);
  return { kind: "segments", period, a, b, difference: differences(a, b) };
}

/** What `compare` asks for: two segments, or (default) this period against the previous one. */
export async function getComparison(ctx: Ctx, filters: AnalyticsFilters, now = new Date()): Promise<SideBySide> {
  if (filters.compare && filters.compare !== "previous" && filters.segment) {
    return getSegmentComparison(ctx, filters, filters.segment, filters.compare, now);
  }
  const s = await getSummary(ctx, filters, now);
  const segment = filters.segment ?? null;
  const side = (label: string, p: Period, m: MetricsOf): ComparisonSide => ({
    label,
    segment,
    from: p.from,
    to: p.to,
    ...m,
  });
  return {
    kind: "previous",
    period: s.period,
    a: side("Previous period", s.period.previous, s.previous),
    b: side("This period", s.period, s.current),
    difference: s.change,
  };
}

export type FilterOptions = Awaited<ReturnType<typeof getFilterOptions>>;

/** Everything the filter bar offers: journeys, their stages and touchpoints, channels, surveys, segment tags, units. */
export async function getFilterOptions(ctx: Ctx) {
  const [journeys, touchpoints, channels, surveys, segments, units] = await Promise.all([
    listJourneys(ctx),
    listTouchpoints(ctx),
    listChannels(ctx),
    listSurveys(ctx),
    segmentTags(ctx),
    unitFilterOptions(ctx),
  ]);
  const stages = new Map<
    string,
    { id: string; name: string; position: number; journey: { id: string; name: string } }
  >();
  for (const t of touchpoints) if (!stages.has(t.stage.id)) stages.set(t.stage.id, { ...t.stage, journey: t.journey });
  return {
    journeys: journeys.map((j) => ({ id: j.id, name: j.name })),
    stages: [...stages.values()],
    touchpoints: touchpoints.map((t) => ({
      id: t.id,
      name: t.name,
      journey: t.journey,
      stage: { id: t.stage.id, name: t.stage.name },
    })),
    channels: channels.map((c) => ({ id: c.id, name: c.name })),
    surveys: surveys.map((s) => ({ id: s.id, name: s.name, type: s.type })),
    segments,
    units,
  };
}
