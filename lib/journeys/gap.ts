// Pure maths of the experience gap (docs/metrics.md, "Experience gap of a touchpoint"): perceived − promised,
// with its 95 % interval, significance, and the priority that says where to act first. No I/O.
//
// Definitions chosen here (and pinned by gap.test.ts):
// - The promise is a target on the metric's own scale, so the perceived side is the same kind of number:
//   NPS: the NPS (−100..100) with its margin of error (1.96·SE; docs/metrics.md, "Net Promoter Score"), vs
//     targetNps, in NPS points.
//   CSAT: the MEAN of the 1–5 answers with a Student-t interval, vs targetCsat. The headline CSAT is
//     the top-2-box % with a Wilson interval, but a promise such as "CSAT 4.3" is a mean on 1–5; comparing it
//     with a percentage would be meaningless, so the gap uses the mean (the dashboard keeps the %).
//   CES: the mean of the 1–7 answers with a Student-t interval (the headline CES figure), vs targetCes.
// - Gap interval = the metric's interval shifted by the target: [low − target, high − target].
// - Significant = n ≥ 30 and the interval excludes 0. Below 30 the gap is still reported (never hidden)
//   with status "too_few_responses" and never called significant.
// - Friction point = significantly below the promise; moment of delight = significantly above.
// - Volume = max(interactions, responses) at the touchpoint in the period: the encounters we know of.
//   Not the sum, because a survey response usually follows a logged interaction and would count twice;
//   not interactions alone, because purely digital touchpoints often have responses but no logged
//   interactions.
// - Priority = |shortfall| × volume, only for friction points (significant shortfalls; null otherwise), with
//   the shortfall expressed in % of the metric's scale range (CSAT 4 points, CES 6, NPS 200) so that gaps on
//   different metrics rank on one axis: 1.2 CSAT points short = 30 % of the scale = 60 NPS points short.
import { clamp, meanOf, MIN_N, tally, type Distribution } from "../metrics/distribution";
import { npsFromCounts } from "../metrics/nps";
import { cesFromCounts } from "../metrics/ces";
import { tCritical95 } from "../metrics/student-t";

export const GAP_METRICS = ["csat", "ces", "nps"] as const;
export type GapMetric = (typeof GAP_METRICS)[number];

/** The scale of the value each metric's promise is stated on. */
export const GAP_SCALES: Record<GapMetric, { min: number; max: number; decimals: number; label: string }> = {
  csat: { min: 1, max: 5, decimals: 2, label: "CSAT mean (1–5)" },
  ces: { min: 1, max: 7, decimals: 2, label: "CES mean (1–7)" },
  nps: { min: -100, max: 100, decimals: 0, label: "NPS (−100 to 100)" },
};

/** A measured value on the promise's scale, with its 95 % interval and n. */
export interface Perceived {
  readonly metric: GapMetric;
  readonly n: number;
  /** null when n = 0. */
  readonly value: number | null;
  /** 95 % interval (null when n = 0, and for means when n < 2). */
  readonly low: number | null;
  readonly high: number | null;
  /** n ≥ 30. */
  readonly enough: boolean;
}

/** Mean of a 1–5 CSAT distribution with a 95 % Student-t interval (clamped to the scale). */
export function csatMeanFromCounts(dist: Distribution): Perceived {
  const t = tally("csat", dist);
  const mean = meanOf(t);
  const base = { metric: "csat" as const, n: t.n, enough: t.n >= MIN_N };
  if (mean === null) return { ...base, value: null, low: null, high: null };
  if (t.n < 2) return { ...base, value: mean, low: null, high: null };
  let sumSq = 0;
  t.counts.forEach((count, i) => (sumSq += count * (t.min + i - mean) ** 2));
  const half = (tCritical95(t.n - 1) * Math.sqrt(sumSq / (t.n - 1))) / Math.sqrt(t.n);
  return { ...base, value: mean, low: clamp(mean - half, 1, mean), high: clamp(mean + half, mean, 5) };
}

/** The perceived value of a metric from its score distribution, on the scale its promise uses. */
export function perceivedFrom(metric: GapMetric, dist: Distribution): Perceived {
  if (metric === "csat") return csatMeanFromCounts(dist);
  if (metric === "ces") {
    const r = cesFromCounts(dist);
    return { metric, n: r.n, value: r.mean, low: r.low, high: r.high, enough: r.enough };
  }
  const r = npsFromCounts(dist);
  return { metric, n: r.n, value: r.nps, low: r.low, high: r.high, enough: r.enough };
}

export type GapStatus = "friction" | "delight" | "as_promised" | "too_few_responses" | "no_responses";

export interface ExperienceGap {
  readonly metric: GapMetric;
  readonly target: number;
  readonly perceived: Perceived;
  /** perceived − target (null when n = 0). Negative = shortfall. */
  readonly gap: number | null;
  /** The perceived interval shifted by the target (null when unknown). */
  readonly low: number | null;
  readonly high: number | null;
  readonly significant: boolean;
  readonly status: GapStatus;
  readonly volume: number;
  /** |shortfall| in % of the scale × volume, for friction points only. */
  readonly priority: number | null;
}

/** The encounters behind a touchpoint's priority: max(interactions, responses) in the period (see above). */
export function touchpointVolume(interactions: number, responses: number): number {
  return Math.max(interactions, responses);
}

/** |gap| as a percentage of the metric's scale range (CSAT 4, CES 6, NPS 200). */
export function shortfallPctOfScale(metric: GapMetric, gap: number): number {
  const { min, max } = GAP_SCALES[metric];
  return (100 * Math.abs(gap)) / (max - min);
}

/** The experience gap of one metric of a touchpoint against its target. */
export function gapFrom(metric: GapMetric, target: number, perceived: Perceived, volume: number): ExperienceGap {
  if (!Number.isFinite(target)) throw new RangeError(`target must be a finite number, got ${target}`);
  if (!(Number.isSafeInteger(volume) && volume >= 0))
    throw new RangeError(`volume must be a non-negative integer, got ${volume}`);
  const { value, low, high, n } = perceived;
  const gap = value === null ? null : value - target;
  const gLow = low === null ? null : low - target;
  const gHigh = high === null ? null : high - target;
  let status: GapStatus;
  let significant = false;
  if (n === 0) status = "no_responses";
  else if (n < MIN_N) status = "too_few_responses";
  else if (gHigh !== null && gHigh < 0) {
    status = "friction";
    significant = true;
  } else if (gLow !== null && gLow > 0) {
    status = "delight";
    significant = true;
  } else status = "as_promised";
  const priority = status === "friction" && gap !== null ? shortfallPctOfScale(metric, gap) * volume : null;
  return { metric, target, perceived, gap, low: gLow, high: gHigh, significant, status, volume, priority };
}

/** Convenience: the gap straight from a score distribution. */
export function experienceGap(metric: GapMetric, target: number, dist: Distribution, volume: number): ExperienceGap {
  return gapFrom(metric, target, perceivedFrom(metric, dist), volume);
}

/**
 * Report order, where to act first: higher priority first; rows without a priority after all rows with one,
 * then by the gap (largest shortfall first, no data last); ties broken by `key` for a stable order.
 */
export function byPriority<T extends { gap: ExperienceGap; key: string }>(a: T, b: T): number {
  const pa = a.gap.priority ?? -1;
  const pb = b.gap.priority ?? -1;
  if (pa !== pb) return pb - pa;
  const ga = a.gap.gap === null ? Infinity : a.gap.gap / (GAP_SCALES[a.gap.metric].max - GAP_SCALES[a.gap.metric].min);
  const gb = b.gap.gap === null ? Infinity : b.gap.gap / (GAP_SCALES[b.gap.metric].max - GAP_SCALES[b.gap.metric].min);
  if (ga !== gb) return ga < gb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The worst status of a touchpoint's gaps, for its highlight on the map. */
export function overallStatus(gaps: readonly ExperienceGap[]): "friction" | "delight" | null {
  if (gaps.some((g) => g.status === "friction")) return "friction";
  if (gaps.some((g) => g.status === "delight")) return "delight";
  return null;
}
