/**
 * The one input shape of every headline metric: a score distribution, exactly what a
 * `SELECT score, COUNT(*) … GROUP BY score` returns. Plain objects in an array, so it
 * JSON-serialises as is (no Map, no numeric object keys turned into strings).
 */
import { assertScore, METRIC_SCALES, type Metric } from "./categories";

/** One row of a score distribution: `count` responses gave `score`. */
export interface ScoreCount {
  readonly score: number;
  readonly count: number;
}

/** A score distribution. Entry order is irrelevant; repeated scores are added together. */
export type Distribution = ReadonlyArray<ScoreCount>;

/** Below this many responses a figure is flagged "too few responses" (shown, never hidden). */
export const MIN_N = 30;

/**
 * Two-sided 95 % normal critical value used throughout (docs/metrics.md, "Conventions that apply to every figure").
 */
export const Z_95 = 1.96;

/**
 * Validated tally of a distribution: `counts[i]` is the number of responses with score
 * `min + i`. Summing always in score order makes every result bit-identical whatever the
 * order of the input entries.
 */
export interface Tally {
  readonly min: number;
  readonly counts: readonly number[];
  readonly n: number;
}

/**
 * Validates and tallies a distribution for a metric.
 * Throws RangeError for a score off the scale or non-integer, or a count that is not a
 * non-negative safe integer.
 */
export function tally(metric: Metric, dist: Distribution): Tally {
  if (!Array.isArray(dist)) throw new TypeError("distribution must be an array of { score, count }");
  const { min, max } = METRIC_SCALES[metric];
  const counts = new Array<number>(max - min + 1).fill(0);
  let n = 0;
  for (const entry of dist) {
    const { score, count } = entry;
    assertScore(metric, score);
    if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`count must be a non-negative integer, got ${String(count)} for score ${score}`);
    }
    counts[score - min] += count;
    n += count;
  }
  if (!Number.isSafeInteger(n)) throw new RangeError("total count is too large");
  return { min, counts, n };
}

/** Sum of counts for scores in [from, to] (inclusive). */
export function countBetween(t: Tally, from: number, to: number): number {
  let total = 0;
  for (let i = 0; i < t.counts.length; i++) {
    const score = t.min + i;
    if (score >= from && score <= to) total += t.counts[i] ?? 0;
  }
  return total;
}

/** Mean score of a tally (null when n = 0). */
export function meanOf(t: Tally): number | null {
  if (t.n === 0) return null;
  let sum = 0;
  for (let i = 0; i < t.counts.length; i++) sum += (t.min + i) * (t.counts[i] ?? 0);
  return sum / t.n;
}

/**
 * Builds a distribution (ascending by score, zero counts omitted) from raw scores.
 * Convenience for tests and small in-memory lists; headline metrics never take raw arrays.
 */
export function distributionFromScores(metric: Metric, scores: readonly number[]): ScoreCount[] {
  const { min, max } = METRIC_SCALES[metric];
  const counts = new Array<number>(max - min + 1).fill(0);
  for (const score of scores) {
    assertScore(metric, score);
    counts[score - min] += 1;
  }
  const out: ScoreCount[] = [];
  counts.forEach((count, i) => {
    if (count > 0) out.push({ score: min + i, count });
  });
  return out;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
