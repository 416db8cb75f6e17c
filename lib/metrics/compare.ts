/**
 * Period-over-period comparison with a 95 % significance test.
 *
 * Every helper takes (a, b) = (baseline period, current period) and reports delta = b − a,
 * in the metric's own unit (NPS points, CSAT percentage points, CES scale points).
 * When either side has fewer than MIN_N responses (including n = 0), `significant` is false and
 * `reason` is "too_few_responses"; delta / se are still given whenever they can be computed.
 */
import type { CesResult } from "./ces";
import type { CsatResult } from "./csat";
import { MIN_N, Z_95 } from "./distribution";
import type { NpsResult } from "./nps";
import { tCritical95 } from "./student-t";

export type ComparisonReason = "too_few_responses";

export interface Comparison {
  /** b − a (null when either side has n = 0, or for CES n < 2). */
  readonly delta: number | null;
  /** Standard error of delta (null when it cannot be computed). */
  readonly se: number | null;
  /** Test statistic, delta / se (z or Welch t); null when se is 0 or unknown. */
  readonly statistic: number | null;
  /** Two-sided 95 % critical value the statistic is compared with (null when unknown). */
  readonly critical: number | null;
  readonly significant: boolean;
  readonly reason: ComparisonReason | null;
}

export interface CesComparison extends Comparison {
  /** Welch–Satterthwaite degrees of freedom (null when unknown or se = 0). */
  readonly df: number | null;
}

function tooFew(a: { n: number }, b: { n: number }): boolean {
  return a.n < MIN_N || b.n < MIN_N;
}

function verdict(delta: number, se: number, critical: number, tooFewN: boolean) {
  const statistic = se > 0 ? delta / se : null;
  // |Δ| > critical·SE. With se = 0 (no variability on either side) any non-zero delta is real.
  const significant = !tooFewN && Math.abs(delta) > critical * se;
  return { statistic, significant, reason: tooFewN ? ("too_few_responses" as const) : null };
}

/**
 * NPS: significant when |Δ| > 1.96·√(SE₁² + SE₂²), SE = √Variance of each npsFromCounts result.
 */
export function compareNps(a: NpsResult, b: NpsResult): Comparison {
  const few = tooFew(a, b);
  if (a.nps === null || b.nps === null || a.variance === null || b.variance === null) {
    return { delta: null, se: null, statistic: null, critical: null, significant: false, reason: "too_few_responses" };
  }
  const delta = b.nps - a.nps;
  const se = Math.sqrt(a.variance + b.variance);
  return { delta, se, critical: Z_95, ...verdict(delta, se, Z_95, few) };
}

/**
 * CSAT: two-proportion z-test on the top-2-box shares, POOLED standard error
 * (the test of H₀: p₁ = p₂, so both samples estimate one common share):
 *   p̄ = (x₁ + x₂)/(n₁ + n₂),  SE = √(p̄(1 − p̄)(1/n₁ + 1/n₂)),  significant when |z| > 1.96.
 * delta and se are reported in percentage points (× 100).
 */
export function compareCsat(a: CsatResult, b: CsatResult): Comparison {
  const few = tooFew(a, b);
  if (a.n === 0 || b.n === 0) {
    return { delta: null, se: null, statistic: null, critical: null, significant: false, reason: "too_few_responses" };
  }
  const t = twoProportions(a.satisfied, a.n, b.satisfied, b.n);
  return { delta: t.delta, se: t.se, critical: Z_95, ...verdict(t.delta, t.se, Z_95, few) };
}

/**
 * The pooled two-proportion test of x₁/n₁ against x₂/n₂ (both n > 0), in percentage points:
 * delta = 100·(x₂/n₂ − x₁/n₁), p̄ = (x₁ + x₂)/(n₁ + n₂), se = 100·√(p̄(1 − p̄)(1/n₁ + 1/n₂)), and p̄ itself.
 * CSAT comparisons and the non-response check (response-rate.ts) use it.
 */
export function twoProportions(x1: number, n1: number, x2: number, n2: number) {
  const pooled = (x1 + x2) / (n1 + n2);
  const se = 100 * Math.sqrt(Math.max(0, pooled * (1 - pooled)) * (1 / n1 + 1 / n2));
  return { delta: 100 * (x2 / n2 - x1 / n1), se, pooled };
}

/**
 * CES: Welch's t-test on the means (unequal variances).
 *   SE = √(s₁²/n₁ + s₂²/n₂),
 *   df = SE⁴ / [ (s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1) ]   (Welch–Satterthwaite),
 *   significant when |t| = |Δ|/SE > t₀.₉₇₅(df).
 */
export function compareCes(a: CesResult, b: CesResult): CesComparison {
  const few = tooFew(a, b);
  if (a.mean === null || b.mean === null || a.sd === null || b.sd === null) {
    const delta = a.mean !== null && b.mean !== null ? b.mean - a.mean : null;
    return {
      delta,
      se: null,
      statistic: null,
      critical: null,
      df: null,
      significant: false,
      reason: "too_few_responses",
    };
  }
  const delta = b.mean - a.mean;
  const v1 = (a.sd * a.sd) / a.n;
  const v2 = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) {
    return { delta, se, critical: null, df: null, ...verdict(delta, se, 0, few) };
  }
  const df = (v1 + v2) ** 2 / ((v1 * v1) / (a.n - 1) + (v2 * v2) / (b.n - 1));
  const critical = tCritical95(df);
  return { delta, se, critical, df, ...verdict(delta, se, critical, few) };
}
