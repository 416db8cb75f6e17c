/**
 * False discovery rate control across many tests at once (docs/metrics.md, "Many comparisons at once (Benjamini–Hochberg)").
 *
 * Benjamini–Hochberg (1995) step-up procedure at level q: sort the m p-values, p₍₁₎ ≤ … ≤ p₍ₘ₎, find the
 * largest k with p₍ₖ₎ ≤ (k / m)·q, and reject the hypotheses of p₍₁₎ … p₍ₖ₎. The adjusted p-value of p₍ᵢ₎ is
 * min over j ≥ i of min(1, m·p₍ⱼ₎ / j); a hypothesis is rejected exactly when its adjusted p-value is ≤ q.
 */
import { normalUpperTail } from "./normal";

export const FDR_Q = 0.05;

export interface FdrResult {
  /** Per input, in input order: whether the procedure rejects its null hypothesis (a discovery). */
  readonly rejected: readonly boolean[];
  /** Per input, in input order: the Benjamini–Hochberg adjusted p-value (reject when ≤ q). */
  readonly adjusted: readonly number[];
  /** k, the number of rejections. */
  readonly rejections: number;
  /** The step-up threshold (k / m)·q that p₍ₖ₎ met; null when nothing is rejected. */
  readonly threshold: number | null;
}

/**
 * Benjamini–Hochberg at level q (default 0.05). Throws RangeError for a p-value outside [0, 1] (or NaN) and
 * for q outside (0, 1). An empty list rejects nothing. Ties are ordered stably; equal p-values share a verdict.
 */
export function benjaminiHochberg(pValues: readonly number[], q: number = FDR_Q): FdrResult {
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be within (0, 1), got ${q}`);
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-value ${i} must be within [0, 1], got ${p}`);
  });
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  let k = 0;
  order.forEach(({ p }, rank) => {
    if (p <= ((rank + 1) / m) * q) k = rank + 1;
  });
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const { p, i } = order[rank]!;
    running = Math.min(running, (m * p) / (rank + 1));
    adjusted[i] = running;
  }
  const rejected = new Array<boolean>(m).fill(false);
  for (let rank = 0; rank < k; rank++) rejected[order[rank]!.i] = true;
  return { rejected, adjusted, rejections: k, threshold: k > 0 ? (k / m) * q : null };
}

/** Two-sided p-value of a standard normal test statistic, 2·P(Z > |z|). */
export function twoSidedNormalP(z: number): number {
  if (Number.isNaN(z)) throw new RangeError("z must be a number");
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}
