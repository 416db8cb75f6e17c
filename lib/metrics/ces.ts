/**
 * Customer Effort Score (CES 2.0) from a 1–7 distribution (docs/metrics.md, "Customer effort (CES)").
 * "The company made it easy for me to handle my issue": 1 = strongly disagree … 7 = strongly agree.
 *
 *   mean, sd = sample standard deviation (divisor n − 1)
 *   95 % t-interval: mean ± t₀.₉₇₅(n − 1) · sd / √n      (clamped to the 1–7 scale)
 *   agreePct = 100 · (count of 5–7) / n
 */
import { METRIC_SCALES } from "./categories";
import { clamp, countBetween, meanOf, MIN_N, tally, type Distribution } from "./distribution";
import { tCritical95 } from "./student-t";

export interface CesResult {
  readonly metric: "ces";
  readonly n: number;
  /** Mean on 1–7 (null when n = 0). */
  readonly mean: number | null;
  /** Sample standard deviation, divisor n − 1 (null when n < 2). */
  readonly sd: number | null;
  /** Lower bound of the 95 % t-interval, clamped to 1 (null when n < 2). */
  readonly low: number | null;
  /** Upper bound of the 95 % t-interval, clamped to 7 (null when n < 2). */
  readonly high: number | null;
  /** Share answering 5–7 × 100 (null when n = 0). */
  readonly agreePct: number | null;
  readonly scale: { readonly min: 1; readonly max: 7 };
  /** n ≥ MIN_N (30). */
  readonly enough: boolean;
}

/**
 * CES mean with t-interval and % agree from a 1–7 distribution.
 * Throws RangeError for scores outside 1–7, non-integer scores, or bad counts.
 */
export function cesFromCounts(dist: Distribution): CesResult {
  const t = tally("ces", dist);
  const { n } = t;
  const scale = { min: METRIC_SCALES.ces.min, max: METRIC_SCALES.ces.max };
  const enough = n >= MIN_N;
  const mean = meanOf(t);
  if (mean === null) {
    return { metric: "ces", n, mean: null, sd: null, low: null, high: null, agreePct: null, scale, enough };
  }
  const agreePct = (100 * countBetween(t, 5, 7)) / n;
  if (n < 2) {
    return { metric: "ces", n, mean, sd: null, low: null, high: null, agreePct, scale, enough };
  }
  let sumSq = 0;
  for (let i = 0; i < t.counts.length; i++) {
    const dev = t.min + i - mean;
    sumSq += (t.counts[i] ?? 0) * dev * dev;
  }
  const sd = Math.sqrt(sumSq / (n - 1));
  const half = (tCritical95(n - 1) * sd) / Math.sqrt(n);
  return {
    metric: "ces",
    n,
    mean,
    sd,
    low: clamp(mean - half, scale.min, mean),
    high: clamp(mean + half, mean, scale.max),
    agreePct,
    scale,
    enough,
  };
}
