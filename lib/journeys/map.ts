// The journey map on live data: per touchpoint its CSAT/CES/NPS with intervals and n, its interaction volume
// and average emotion, and its experience gaps against the promise; per stage the same metrics over the
// responses of its touchpoints and the stage's average emotion (the emotion curve). Two GROUP BYs in all
// (map-sql.ts); the maths is pure (gap.ts, lib/metrics). Per touchpoint also its top themes (two more GROUP BYs for
// all touchpoints, lib/text-analytics/touchpoint-themes.ts).
import type { Ctx } from "../auth/ctx";
import { resolvePeriod, type AnalyticsFilters, type ResolvedPeriod } from "../analytics/filters";
import { narrowToUnit } from "../analytics/unit-filter";
import { distributionsByKey, emptyDistributions, type Distributions } from "../metrics";
import { getJourney } from "./service";
import { NO_THEMES, themesByTouchpoint } from "../text-analytics/touchpoint-themes";
import {
  gapFrom,
  GAP_METRICS,
  overallStatus,
  perceivedFrom,
  touchpointVolume,
  type ExperienceGap,
  type GapMetric,
  type Perceived,
} from "./gap";
import {
  interactionStatsByTouchpoint,
  responseCountsByTouchpoint,
  type InteractionStats,
  type MapScope,
} from "./map-sql";

export type Targets = { csat: number | null; ces: number | null; nps: number | null };

export type EmotionSummary = { count: number; emotionCount: number; average: number | null };

export type LiveFigures = {
  metrics: Record<GapMetric, Perceived>;
  /** Responses with a headline score at the touchpoint in the period (all metrics). */
  responses: number;
  interactions: EmotionSummary;
  /** max(interactions, responses): the encounters the priority weighs (gap.ts). */
  volume: number;
  /** One per metric with a target. */
  gaps: ExperienceGap[];
  status: "friction" | "delight" | null;
};

const NO_STATS: InteractionStats = { count: 0, emotionCount: 0, emotionSum: 0 };

function emotionOf(s: InteractionStats): EmotionSummary {
  return {
    count: s.count,
    emotionCount: s.emotionCount,
    average: s.emotionCount === 0 ? null : s.emotionSum / s.emotionCount,
  };
}

function metricsFrom(d: Distributions): Record<GapMetric, Perceived> {
  return { csat: perceivedFrom("csat", d.csat), ces: perceivedFrom("ces", d.ces), nps: perceivedFrom("nps", d.nps) };
}

/** Live figures of one touchpoint from its distributions and interaction stats. */
export function liveFigures(d: Distributions, stats: InteractionStats, targets: Targets): LiveFigures {
  const metrics = metricsFrom(d);
  const responses = metrics.csat.n + metrics.ces.n + metrics.nps.n;
  const volume = touchpointVolume(stats.count, responses);
  const gaps = GAP_METRICS.flatMap((m) => {
    const target = targets[m];
    return target === null ? [] : [gapFrom(m, target, metrics[m], volume)];
  });
  return { metrics, responses, interactions: emotionOf(stats), volume, gaps, status: overallStatus(gaps) };
}

export type Live = Awaited<ReturnType<typeof loadLive>>;

/** The two GROUP BYs for a set of touchpoints: distributions and interaction stats per touchpoint id. */
export async function loadLive(ctx: Ctx, touchpointIds: string[], scope: MapScope, period: ResolvedPeriod) {
  const [counts, stats] = await Promise.all([
    responseCountsByTouchpoint(ctx, touchpointIds, scope, period),
    interactionStatsByTouchpoint(ctx, touchpointIds, scope, period),
  ]);
  const byKey = distributionsByKey(counts);
  return {
    distributions: (id: string) => byKey.get(id) ?? emptyDistributions(),
    stats: (id: string) => stats.get(id) ?? NO_STATS,
  };
}

/**
 * Figures over several touchpoints (a stage, a whole journey): their responses pooled into one distribution
 * per metric, their interactions and emotions summed.
 */
export function pooledFigures(touchpointIds: readonly string[], live: Live) {
  const merged = emptyDistributions();
  const emotion: InteractionStats = { count: 0, emotionCount: 0, emotionSum: 0 };
  for (const id of touchpointIds) {
    const d = live.distributions(id);
    const s = live.stats(id);
    for (const m of GAP_METRICS) merged[m].push(...d[m]);
    emotion.count += s.count;
    emotion.emotionCount += s.emotionCount;
    emotion.emotionSum += s.emotionSum;
  }
  const metrics = metricsFrom(merged);
  return { metrics, responses: metrics.csat.n + metrics.ces.n + metrics.nps.n, interactions: emotionOf(emotion) };
}

export function scopeOf(filters: AnalyticsFilters): MapScope {
  return { channelId: filters.channelId, segment: filters.segment };
}

export type JourneyMap = Awaited<ReturnType<typeof getJourneyMap>>;

/** A journey with live figures per touchpoint and per stage, for the period and channel/segment filters. */
export async function getJourneyMap(ctx: Ctx, journeyId: string, filters: AnalyticsFilters, now = new Date()) {
  const journey = await getJourney(ctx, journeyId);
  const period = resolvePeriod(filters, now);
  const ids = journey.stages.flatMap((s) => s.touchpoints.map((t) => t.id));
  // The figures count the caller's units only, narrowed to the unit filter (the journey itself has no unit).
  const scoped = await narrowToUnit(ctx, filters.unitId);
  const [live, themes] = await Promise.all([
    loadLive(scoped, ids, scopeOf(filters), period),
    themesByTouchpoint(scoped, ids, scopeOf(filters), period),
  ]);

  const stages = journey.stages.map((stage) => ({
    ...stage,
    touchpoints: stage.touchpoints.map((tp) => ({
      ...tp,
      live: liveFigures(live.distributions(tp.id), live.stats(tp.id), tp.targets),
      /** What the touchpoint's comments talk about (docs/text-analytics.md, "Top themes per touchpoint"). */
      themes: themes.get(tp.id) ?? NO_THEMES,
    })),
    live: pooledFigures(
      stage.touchpoints.map((tp) => tp.id),
      live,
    ),
  }));

  return {
    journey: { id: journey.id, name: journey.name, description: journey.description, archivedAt: journey.archivedAt },
    period,
    filters: { channelId: filters.channelId ?? null, segment: filters.segment ?? null, unitId: filters.unitId ?? null },
    stages,
    /** The stages' average emotion in journey order (null where no interaction recorded one). */
    emotionCurve: stages.map((s) => ({
      stageId: s.id,
      stage: s.name,
      average: s.live.interactions.average,
      n: s.live.interactions.emotionCount,
    })),
  };
}
