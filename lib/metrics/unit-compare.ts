/**
 * A unit against its parent (docs/metrics.md, "Unit against its parent").
 *
 * The parent's figure contains the unit's own responses, so unit and parent are not independent samples. With
 * R the rest of the parent (its responses outside the unit's subtree) and w = n_U / n_P:
 *
 *   NPS_P = w·NPS_U + (1 − w)·NPS_R          so   Δ = NPS_U − NPS_P = (1 − w)·(NPS_U − NPS_R)
 *   SE(Δ) = (1 − w)·√(Var_U + Var_R)          (U and R are disjoint, hence independent)
 *   z     = Δ / SE(Δ) = (NPS_U − NPS_R) / √(Var_U + Var_R),   p = 2·P(Z > |z|)
 *
 * Below MIN_N responses on the unit or on the rest the unit is "too few": Δ is still given, no p-value.
 * Whether a unit is flagged is decided across all units compared at once (Benjamini–Hochberg, `flagUnits`).
 */
import { cesFromCounts, type CesResult } from "./ces";
import { twoProportions, type CesComparison, type Comparison } from "./compare";
import { csatFromCounts, type CsatResult } from "./csat";
import { MIN_N, type Distribution } from "./distribution";
import { benjaminiHochberg, FDR_Q, twoSidedNormalP } from "./fdr";
import { npsFromCounts, type NpsResult } from "./nps";
import { studentTCdf } from "./student-t";

export interface UnitComparison {
  /** NPS_U − NPS_P in NPS points (null when either has no responses). */
  readonly delta: number | null;
  /** Standard error of delta (null when it cannot be computed). */
  readonly se: number | null;
  /** z = delta / se (null when se is 0 or unknown). */
  readonly statistic: number | null;
  /** Two-sided p-value of the unit against the rest of its parent (null when too few). */
  readonly pValue: number | null;
  /** The rest of the parent: its responses outside the unit's subtree. */
  readonly rest: NpsResult;
  readonly reason: "too_few_responses" | null;
}

const split = (r: NpsResult) => [
  { score: 10, count: r.promoters },
  { score: 8, count: r.passives },
  { score: 0, count: r.detractors },
];

/**
 * The unit (its whole subtree) against its parent (the parent's whole subtree, which contains the unit's).
 * Throws RangeError when the unit has more promoters, passives or detractors than the parent.
 */
export function compareNpsToParent(unit: NpsResult, parent: NpsResult): UnitComparison {
  const promoters = parent.promoters - unit.promoters;
  const passives = parent.passives - unit.passives;
  const detractors = parent.detractors - unit.detractors;
  if (promoters < 0 || passives < 0 || detractors < 0)
    throw new RangeError("The unit's responses must be part of its parent's");
  const rest = npsFromCounts(split({ ...parent, promoters, passives, detractors }));
  const few = unit.n < MIN_N || rest.n < MIN_N;
  const reason = few ? ("too_few_responses" as const) : null;
  if (unit.nps === null || parent.nps === null || unit.variance === null)
    return { delta: null, se: null, statistic: null, pValue: null, rest, reason: "too_few_responses" };
  const delta = unit.nps - parent.nps;
  if (rest.variance === null) return { delta, se: 0, statistic: null, pValue: null, rest, reason };
  const share = 1 - unit.n / parent.n;
  const spread = Math.sqrt(unit.variance + rest.variance);
  const se = share * spread;
  const statistic = se > 0 ? delta / se : null;
  // No spread on either side: any difference between unit and rest is certain, none is no evidence.
  const p = statistic !== null ? twoSidedNormalP(statistic) : unit.nps === rest.nps ? 1 : 0;
  return { delta, se, statistic, pValue: few ? null : p, rest, reason };
}

/**
 * Which of many comparisons to flag: Benjamini–Hochberg at level q over the p-values of those with enough
 * responses; a "too few" comparison (pValue null) is neither tested nor counted in m.
 */
export function flagUnits<T extends { pValue: number | null }>(
  comparisons: readonly T[],
  q: number = FDR_Q,
): Array<T & { significant: boolean; adjustedP: number | null }> {
  const tested = comparisons.flatMap((c, i) => (c.pValue === null ? [] : [{ i, p: c.pValue }]));
  const fdr = benjaminiHochberg(
    tested.map((t) => t.p),
    q,
  );
  const verdict = new Map(tested.map((t, j) => [t.i, { significant: fdr.rejected[j]!, adjustedP: fdr.adjusted[j]! }]));
  return comparisons.map((c, i) => ({ ...c, ...(verdict.get(i) ?? { significant: false, adjustedP: null }) }));
}

/** The parent's distribution without the unit's: per score, parent − unit. RangeError when a count goes negative. */
export function restOf(unit: Distribution, parent: Distribution): Distribution {
  const counts = new Map<number, number>();
  for (const { score, count } of parent) counts.set(score, (counts.get(score) ?? 0) + count);
  for (const { score, count } of unit) counts.set(score, (counts.get(score) ?? 0) - count);
  const rest = [...counts].map(([score, count]) => ({ score, count }));
  if (rest.some((r) => r.count < 0)) throw new RangeError("The unit's responses must be part of its parent's");
  return rest;
}

/** The split's common shape for CSAT and CES: the unit's share of its parent, and "too few" on either side. */
function splitOf(nU: number, nP: number, nR: number) {
  return { share: nP > 0 ? 1 - nU / nP : 0, few: nU < MIN_N || nR < MIN_N };
}

export interface UnitCsatComparison extends Omit<UnitComparison, "rest"> {
  readonly rest: CsatResult;
}

/**
 * CSAT of a unit against its parent (docs/metrics.md, "Unit against its parent"): the pooled two-proportion z-test of
 * the unit against the rest of the parent (compare.ts, twoProportions), with Δ and SE scaled to the parent as for NPS:
 * Δ = CSAT_U − CSAT_P = (1 − w)·(CSAT_U − CSAT_R), SE(Δ) = (1 − w)·SE_pooled, in percentage points.
 */
export function compareCsatToParent(unit: Distribution, parent: Distribution): UnitCsatComparison {
  const u = csatFromCounts(unit);
  const p = csatFromCounts(parent);
  const rest = csatFromCounts(restOf(unit, parent));
  const { share, few } = splitOf(u.n, p.n, rest.n);
  if (u.csat === null || p.csat === null)
    return { delta: null, se: null, statistic: null, pValue: null, rest, reason: "too_few_responses" };
  const delta = u.csat - p.csat;
  const reason = few ? ("too_few_responses" as const) : null;
  if (rest.n === 0) return { delta, se: 0, statistic: null, pValue: null, rest, reason };
  const t = twoProportions(rest.satisfied, rest.n, u.satisfied, u.n); // delta = U − R
  const se = share * t.se;
  const statistic = t.se > 0 ? t.delta / t.se : null;
  const pValue = statistic !== null ? twoSidedNormalP(statistic) : t.delta === 0 ? 1 : 0;
  return { delta, se, statistic, pValue: few ? null : pValue, rest, reason };
}

export interface UnitCesComparison extends Omit<UnitComparison, "rest"> {
  readonly rest: CesResult;
  /** Welch–Satterthwaite degrees of freedom of the unit against the rest (null when unknown). */
  readonly df: number | null;
}

/**
 * CES of a unit against its parent: Welch's t-test of the unit against the rest of the parent, Δ and SE scaled to the
 * parent: Δ = mean_U − mean_P = (1 − w)·(mean_U − mean_R), SE(Δ) = (1 − w)·√(s_U²/n_U + s_R²/n_R); p from Student's t
 * with the Welch–Satterthwaite df.
 */
export function compareCesToParent(unit: Distribution, parent: Distribution): UnitCesComparison {
  const u = cesFromCounts(unit);
  const p = cesFromCounts(parent);
  const rest = cesFromCounts(restOf(unit, parent));
  const { share, few } = splitOf(u.n, p.n, rest.n);
  const none = { se: null, statistic: null, pValue: null, df: null, rest, reason: "too_few_responses" as const };
  if (u.mean === null || p.mean === null) return { delta: null, ...none };
  const delta = u.mean - p.mean;
  if (u.sd === null || rest.sd === null || rest.mean === null) return { delta, ...none };
  const reason = few ? ("too_few_responses" as const) : null;
  const vU = (u.sd * u.sd) / u.n;
  const vR = (rest.sd * rest.sd) / rest.n;
  const spread = Math.sqrt(vU + vR);
  const diff = u.mean - rest.mean;
  if (spread === 0)
    return { delta, se: 0, statistic: null, pValue: few ? null : diff === 0 ? 1 : 0, df: null, rest, reason };
  const df = (vU + vR) ** 2 / ((vU * vU) / (u.n - 1) + (vR * vR) / (rest.n - 1));
  const statistic = diff / spread;
  const pValue = 2 * (1 - studentTCdf(Math.abs(statistic), df));
  return { delta, se: share * spread, statistic, pValue: few ? null : pValue, df, rest, reason };
}

/**
 * The two-sided p-value of a period-over-period comparison (compare.ts): normal for NPS and CSAT (z), Student's t
 * with the Welch df for CES. Null when the comparison has too few responses or no statistic; with no spread on
 * either side, 0 for a change and 1 for none. The league table's "change against the previous period" puts these
 * through the same Benjamini–Hochberg control as the comparison with the parent (flagUnits).
 */
export function changePValue(c: Comparison | CesComparison): number | null {
  if (c.reason !== null || c.delta === null || c.se === null) return null;
  if (c.statistic === null) return c.delta === 0 ? 1 : 0;
  if ("df" in c && c.df !== null) return 2 * (1 - studentTCdf(Math.abs(c.statistic), c.df));
  return twoSidedNormalP(c.statistic);
}
