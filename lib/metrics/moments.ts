/**
 * A mean with its 95 % Student-t interval from count, sum and sum of squares — what a `GROUP BY` with
 * `COUNT(x), SUM(x), SUM(x * x)` returns (docs/metrics.md, "SERVQUAL gap" and "Themes": the SERVQUAL gaps and
 * the mean sentiment of a theme).
 */
import { tCritical95 } from "./student-t";

/** Count, sum and sum of squares of a sample: what the database returns. */
export type Moments = { n: number; sum: number; sumSq: number };

export type MeanEstimate = { n: number; mean: number | null; low: number | null; high: number | null };

/** Mean with a 95 % Student-t interval from count, sum and sum of squares (interval null below n = 2). */
export function meanFromMoments(m: Moments): MeanEstimate {
  if (m.n <= 0) return { n: 0, mean: null, low: null, high: null };
  const mean = m.sum / m.n;
  if (m.n < 2) return { n: m.n, mean, low: null, high: null };
  // Σ(x − mean)² = Σx² − (Σx)²/n; rounding can make it a hair below 0 when every value is equal.
  const variance = Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));
  const half = (tCritical95(m.n - 1) * Math.sqrt(variance)) / Math.sqrt(m.n);
  return { n: m.n, mean, low: mean - half, high: mean + half };
}

/** The moments of a list of values, as the database computes them (for tests and worked examples). */
export function momentsOf(values: readonly number[]): Moments {
  let sum = 0;
  let sumSq = 0;
  for (const v of values) {
    sum += v;
    sumSq += v * v;
  }
  return { n: values.length, sum, sumSq };
}
