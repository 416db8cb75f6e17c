/**
 * Response rates of invitations and the non-response check (docs/metrics.md, "Response rate of invitations").
 *
 * Response rate = answered / delivered × 100, with the Wilson 95 % interval of the share (as CSAT). Below MIN_N
 * delivered invitations the rate is flagged "too few" and shown without an interval.
 *
 * Non-response check: do the invited customers who answered differ from those who did not, on what is known of
 * both? For each category c of each attribute (a segment tag, a tenure band, the outcome of the last interaction)
 * the share of respondents in c is compared with the share of non-respondents in c by the pooled two-proportion
 * z-test (compare.ts `twoProportions`); across every category tested at once, Benjamini–Hochberg at q = 0.05
 * decides which differences are flagged (fdr.ts). Nothing is tested when either group has fewer than MIN_N
 * customers, nor a category where an expected count of the 2 × 2 table (group × in c or not) is below 5.
 */
import { twoProportions } from "./compare";
import { wilsonInterval } from "./csat";
import { MIN_N } from "./distribution";
import { benjaminiHochberg, FDR_Q, twoSidedNormalP } from "./fdr";

export interface ResponseRate {
  readonly answered: number;
  /** The base: delivered invitations. */
  readonly delivered: number;
  /** answered / delivered × 100; null when nothing was delivered. */
  readonly rate: number | null;
  /** Wilson 95 % interval, in % (null when nothing was delivered). */
  readonly low: number | null;
  readonly high: number | null;
  /** delivered ≥ MIN_N (30). */
  readonly enough: boolean;
}

/** RangeError unless v is a non-negative safe integer (a count). */
export function assertCount(name: string, v: number) {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
}

export function responseRate(answered: number, delivered: number): ResponseRate {
  assertCount("answered", answered);
  assertCount("delivered", delivered);
  if (answered > delivered) throw new RangeError(`answered (${answered}) exceeds delivered (${delivered})`);
  if (delivered === 0) return { answered, delivered, rate: null, low: null, high: null, enough: false };
  const { low, high } = wilsonInterval(answered, delivered);
  return {
    answered,
    delivered,
    rate: (100 * answered) / delivered,
    low: 100 * low,
    high: 100 * high,
    enough: delivered >= MIN_N,
  };
}

/** What the check compares; the order of the view's rows. */
export const NON_RESPONSE_ATTRIBUTES = ["segment", "tenure", "lastOutcome"] as const;
export type NonResponseAttribute = (typeof NON_RESPONSE_ATTRIBUTES)[number];

/** How many respondents and non-respondents fall in one category of one attribute. */
export interface CategoryCounts {
  readonly attribute: NonResponseAttribute;
  readonly category: string;
  readonly respondents: number;
  readonly nonRespondents: number;
}

export type NonResponseReason = "too_few" | "sparse";

export interface NonResponseRow extends CategoryCounts {
  /** Share of the respondents in this category, % (null when there are no respondents). */
  readonly respondentShare: number | null;
  readonly nonRespondentShare: number | null;
  /** respondentShare − nonRespondentShare, percentage points (null when either group is empty). */
  readonly difference: number | null;
  /** z of the pooled two-proportion test; null when not tested or the standard error is 0. */
  readonly z: number | null;
  readonly pValue: number | null;
  /** Benjamini–Hochberg adjusted p-value across every category tested. */
  readonly adjustedP: number | null;
  /** Adjusted p ≤ q: respondents and non-respondents differ here. */
  readonly flagged: boolean;
  /** Why it was not tested: a group below MIN_N ("too_few"), or an expected count below 5 ("sparse"). */
  readonly reason: NonResponseReason | null;
}

export interface NonResponseView {
  readonly respondents: number;
  readonly nonRespondents: number;
  /** Both groups have at least MIN_N customers: the categories can be tested. */
  readonly enough: boolean;
  readonly tested: number;
  readonly flagged: number;
  readonly rows: readonly NonResponseRow[];
}

/** Below this expected count in a 2 × 2 table the normal test of two shares is not made ("sparse"). */
export const MIN_EXPECTED = 5;

export function nonResponseView(
  totals: { respondents: number; nonRespondents: number },
  categories: readonly CategoryCounts[],
  q: number = FDR_Q,
): NonResponseView {
  const nR = totals.respondents;
  const nN = totals.nonRespondents;
  assertCount("respondents", nR);
  assertCount("nonRespondents", nN);
  const enough = nR >= MIN_N && nN >= MIN_N;
  const rows = categories.map((c) => {
    assertCount(`${c.attribute} ${c.category} respondents`, c.respondents);
    assertCount(`${c.attribute} ${c.category} nonRespondents`, c.nonRespondents);
    if (c.respondents > nR || c.nonRespondents > nN)
      throw new RangeError(`${c.attribute} ${c.category} counts more customers than its group`);
    const respondentShare = nR > 0 ? (100 * c.respondents) / nR : null;
    const nonRespondentShare = nN > 0 ? (100 * c.nonRespondents) / nN : null;
    const base = { ...c, respondentShare, nonRespondentShare, adjustedP: null, flagged: false };
    if (nR === 0 || nN === 0) return { ...base, difference: null, z: null, pValue: null, reason: "too_few" as const };
    // x₁/n₁ = non-respondents, x₂/n₂ = respondents: delta = respondent share − non-respondent share.
    const t = twoProportions(c.nonRespondents, nN, c.respondents, nR);
    const expected = Math.min(nR, nN) * Math.min(t.pooled, 1 - t.pooled);
    const reason: NonResponseReason | null = !enough ? "too_few" : expected < MIN_EXPECTED ? "sparse" : null;
    if (reason) return { ...base, difference: t.delta, z: null, pValue: null, reason };
    const z = t.se > 0 ? t.delta / t.se : null;
    const pValue = z === null ? (t.delta === 0 ? 1 : 0) : twoSidedNormalP(z);
    return { ...base, difference: t.delta, z, pValue, reason: null };
  });
  const testedIdx = rows.flatMap((r, i) => (r.pValue === null ? [] : [i]));
  const bh = benjaminiHochberg(
    testedIdx.map((i) => rows[i].pValue!),
    q,
  );
  const out: NonResponseRow[] = rows.map((r) => ({ ...r }));
  testedIdx.forEach((i, k) => {
    out[i] = { ...rows[i], adjustedP: bh.adjusted[k], flagged: bh.rejected[k] };
  });
  return {
    respondents: nR,
    nonRespondents: nN,
    enough,
    tested: testedIdx.length,
    flagged: bh.rejections,
    rows: out,
  };
}
