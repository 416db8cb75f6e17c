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
import { MIN_N } from "./distribution";
import { benjaminiHochberg, FDR_Q, twoSidedNormalP } from "./fdr";
import { npsFromCounts, type NpsResult } from "./nps";

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
