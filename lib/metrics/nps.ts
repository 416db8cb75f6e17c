/**
 * Net Promoter Score from a 0–10 score distribution (docs/metrics.md, "Net Promoter Score").
 *
 *   NPS      = 100·(p − d)                 p, d = shares of promoters (9–10), detractors (0–6)
 *   Variance = 100²·[p + d − (p − d)²] / n  (variance of the NPS estimate, in NPS points²)
 *   SE       = √Variance
 *   MoE      = 1.96·√Variance               (95 %)
 */
import { clamp, countBetween, MIN_N, tally, Z_95, type Distribution } from "./distribution";

export { MIN_N } from "./distribution";

export interface NpsResult {
  readonly metric: "nps";
  readonly n: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** Share of promoters, 0..1 (null when n = 0). */
  readonly pPromoters: number | null;
  /** Share of detractors, 0..1 (null when n = 0). */
  readonly pDetractors: number | null;
  /** −100..100 (null when n = 0). */
  readonly nps: number | null;
  /** Variance of the NPS estimate in points² (null when n = 0); SE = √variance. */
  readonly variance: number | null;
  /** 95 % margin of error, 1.96·√variance (null when n = 0). Not clamped. */
  readonly marginOfError: number | null;
  /** nps − MoE, clamped to −100 (null when n = 0). */
  readonly low: number | null;
  /** nps + MoE, clamped to 100 (null when n = 0). */
  readonly high: number | null;
  /** n ≥ MIN_N (30). Below it the figure is flagged "too few responses", not hidden. */
  readonly enough: boolean;
}

/**
 * NPS with variance and 95 % margin of error from a 0–10 distribution.
 * Throws RangeError for scores outside 0–10, non-integer scores, or bad counts.
 */
export function npsFromCounts(dist: Distribution): NpsResult {
  const t = tally("nps", dist);
  const promoters = countBetween(t, 9, 10);
  const passives = countBetween(t, 7, 8);
  const detractors = countBetween(t, 0, 6);
  const { n } = t;
  const enough = n >= MIN_N;
  if (n === 0) {
    return {
      metric: "nps",
      n,
      promoters,
      passives,
      detractors,
      pPromoters: null,
      pDetractors: null,
      nps: null,
      variance: null,
      marginOfError: null,
      low: null,
      high: null,
      enough,
    };
  }
  // Integer arithmetic as far as possible: nps and variance are then exact for round inputs,
  // e.g. all promoters gives variance exactly 0 and scaling all counts keeps nps bit-identical.
  const diff = promoters - detractors;
  const nps = (100 * diff) / n;
  // p + d − (p − d)² = [(P + D)·n − (P − D)²] / n²  (never negative; guard float noise anyway)
  const numerator = Math.max(0, (promoters + detractors) * n - diff * diff);
  const variance = (10_000 * numerator) / (n * n) / n;
  const marginOfError = Z_95 * Math.sqrt(variance);
  return {
    metric: "nps",
    n,
    promoters,
    passives,
    detractors,
    pPromoters: promoters / n,
    pDetractors: detractors / n,
    nps,
    variance,
    marginOfError,
    low: clamp(nps - marginOfError, -100, 100),
    high: clamp(nps + marginOfError, -100, 100),
    enough,
  };
}

/** Standard error of an NPS result, √variance (null when n = 0). */
export function npsStandardError(result: NpsResult): number | null {
  return result.variance === null ? null : Math.sqrt(result.variance);
}
