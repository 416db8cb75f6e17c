/**
 * CSAT from a 1–5 score distribution (docs/metrics.md, "Customer satisfaction (CSAT)").
 *
 *   CSAT % = 100 · (count of 4 and 5) / n        (top-2-box)
 *   interval: Wilson score 95 % interval on the top-2-box share, z = 1.96:
 *     center = (p̂ + z²/2n) / (1 + z²/n)
 *     half   = z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n)
 *   mean of the 1–5 scores is reported second.
 */
import { clamp, countBetween, meanOf, MIN_N, tally, Z_95, type Distribution } from "./distribution";

export interface CsatResult {
  readonly metric: "csat";
  readonly n: number;
  /** Count of 4s and 5s (top-2-box). */
  readonly satisfied: number;
  /** Top-2-box share × 100, 0..100 (null when n = 0). */
  readonly csat: number | null;
  /** Wilson 95 % lower bound × 100 (null when n = 0). */
  readonly low: number | null;
  /** Wilson 95 % upper bound × 100 (null when n = 0). */
  readonly high: number | null;
  /** Mean score on 1–5 (null when n = 0). */
  readonly mean: number | null;
  /** n ≥ MIN_N (30). */
  readonly enough: boolean;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval for `successes` out of `n` (as shares 0..1). Requires n ≥ 1.
 * Always within [0, 1] and always contains p̂ (the bounds at p̂ = 0 and p̂ = 1 are exact).
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval {
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`n must be positive, got ${n}`);
  if (!(successes >= 0 && successes <= n)) throw new RangeError(`successes must be within 0..n`);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  const low = successes === 0 ? 0 : clamp(center - half, 0, p);
  const high = successes === n ? 1 : clamp(center + half, p, 1);
  return { low, high };
}

/**
 * CSAT (top-2-box %) with Wilson interval and mean from a 1–5 distribution.
 * Throws RangeError for scores outside 1–5, non-integer scores, or bad counts.
 */
export function csatFromCounts(dist: Distribution): CsatResult {
  const t = tally("csat", dist);
  const { n } = t;
  const satisfied = countBetween(t, 4, 5);
  const enough = n >= MIN_N;
  if (n === 0) {
    return { metric: "csat", n, satisfied, csat: null, low: null, high: null, mean: null, enough };
  }
  const { low, high } = wilsonInterval(satisfied, n);
  return {
    metric: "csat",
    n,
    satisfied,
    csat: (100 * satisfied) / n,
    low: 100 * low,
    high: 100 * high,
    mean: meanOf(t),
    enough,
  };
}
