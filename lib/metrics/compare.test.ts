import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { cesFromCounts } from "./ces";
import { compareCes, compareCsat, compareNps } from "./compare";
import { csatFromCounts } from "./csat";
import { npsFromCounts } from "./nps";
import { tCritical95 } from "./student-t";
import { nonEmptyDistributionArb } from "./test-helpers";

/** NPS distribution with the given numbers of promoters, passives and detractors. */
const nps = (p: number, pa: number, d: number) =>
  npsFromCounts([
    { score: 10, count: p },
    { score: 8, count: pa },
    { score: 3, count: d },
  ]);
const csat = (sat: number, n: number) =>
  csatFromCounts([
    { score: 5, count: sat },
    { score: 2, count: n - sat },
  ]);
const ces = (counts: number[]) => cesFromCounts(counts.map((count, i) => ({ score: i + 1, count })));

describe("compareNps", () => {
  const base = nps(100, 60, 40); // NPS 30, variance 30.5
  it("Δ = 15 vs 1.96·√(30.5 + 27.375) = 14.91 → significant", () => {
    const r = compareNps(base, nps(120, 50, 30)); // NPS 45, variance 27.375
    expect(r.delta).toBeCloseTo(15, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(30.5 + 27.375), 12);
    expect(r.critical).toBe(1.96);
    expect(r.statistic).toBeCloseTo(15 / Math.sqrt(57.875), 12);
    expect(r).toMatchObject({ significant: true, reason: null });
  });
  it("Δ = 10 vs 1.96·√(30.5 + 27) = 14.86 → not significant", () => {
    const r = compareNps(base, nps(110, 60, 30)); // NPS 40, variance 27
    expect(r.delta).toBeCloseTo(10, 12);
    expect(r).toMatchObject({ significant: false, reason: null });
  });
  it("delta is current − baseline (b − a)", () => {
    expect(compareNps(nps(110, 60, 30), base).delta).toBeCloseTo(-10, 12);
  });
  it("a side below MIN_N → not significant, reason too_few_responses, delta still given", () => {
    const r = compareNps(base, nps(29, 0, 0));
    expect(r.delta).toBeCloseTo(70, 12);
    expect(r).toMatchObject({ significant: false, reason: "too_few_responses" });
  });
  it("n = 0 on either side → delta null", () => {
    for (const r of [compareNps(nps(0, 0, 0), base), compareNps(base, nps(0, 0, 0))]) {
      expect(r).toEqual({
        delta: null,
        se: null,
        statistic: null,
        critical: null,
        significant: false,
        reason: "too_few_responses",
      });
    }
  });
  it("zero variance on both sides: equal → not significant; different → significant", () => {
    expect(compareNps(nps(40, 0, 0), nps(50, 0, 0))).toMatchObject({ delta: 0, se: 0, significant: false });
    expect(compareNps(nps(40, 0, 0), nps(0, 0, 50))).toMatchObject({ delta: -200, statistic: null, significant: true });
  });
  it("property: significant ⇔ both n ≥ 30 and |Δ| > 1.96·√(SE₁² + SE₂²); antisymmetric", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("nps"), nonEmptyDistributionArb("nps"), (da, db) => {
        const a = npsFromCounts(da);
        const b = npsFromCounts(db);
        const r = compareNps(a, b);
        const threshold = 1.96 * Math.sqrt((a.variance ?? 0) + (b.variance ?? 0));
        const enough = a.n >= 30 && b.n >= 30;
        expect(r.significant).toBe(enough && Math.abs(r.delta ?? 0) > threshold);
        expect(r.reason).toBe(enough ? null : "too_few_responses");
        const back = compareNps(b, a);
        expect(back.delta).toBeCloseTo(-(r.delta ?? 0), 10);
        expect(back.significant).toBe(r.significant);
        expect(compareNps(a, a).significant).toBe(false);
      }),
    );
  });
});

describe("compareCsat (pooled two-proportion z)", () => {
  it("60/100 vs 75/100: Δ = 15 pp, pooled SE 6.624 pp (unpooled would be 6.538), z 2.265", () => {
    const r = compareCsat(csat(60, 100), csat(75, 100));
    expect(r.delta).toBeCloseTo(15, 10);
    expect(r.se).toBeCloseTo(6.623820649745885, 10);
    expect(r.statistic).toBeCloseTo(2.264554068289192, 10);
    expect(r).toMatchObject({ significant: true, reason: null, critical: 1.96 });
  });
  it("70/100 vs 75/100 is not significant", () => {
    expect(compareCsat(csat(70, 100), csat(75, 100)).significant).toBe(false);
  });
  it("all satisfied on both sides → se 0, not significant", () => {
    expect(compareCsat(csat(40, 40), csat(90, 90))).toMatchObject({
      delta: 0,
      se: 0,
      statistic: null,
      significant: false,
    });
  });
  it("too few or none → reason too_few_responses", () => {
    expect(compareCsat(csat(10, 12), csat(75, 100))).toMatchObject({ significant: false, reason: "too_few_responses" });
    expect(compareCsat(csat(0, 0), csat(75, 100))).toMatchObject({
      delta: null,
      significant: false,
      reason: "too_few_responses",
    });
  });
  it("property: significant ⇔ |z| > 1.96 with enough responses; antisymmetric", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("csat"), nonEmptyDistributionArb("csat"), (da, db) => {
        const a = csatFromCounts(da);
        const b = csatFromCounts(db);
        const r = compareCsat(a, b);
        const enough = a.n >= 30 && b.n >= 30;
        if (r.statistic !== null) expect(r.significant).toBe(enough && Math.abs(r.statistic) > 1.96);
        expect(compareCsat(b, a).significant).toBe(r.significant);
      }),
    );
  });
});

describe("compareCes (Welch t)", () => {
  // reference: scipy.stats.ttest_ind(B, A, equal_var=False)
  const a = ces([3, 4, 6, 10, 12, 8, 7]); // n = 50
  const b = ces([1, 2, 4, 8, 14, 14, 12]); // n = 55
  it("Δ 0.698, SE 0.3125, t 2.2339, Welch–Satterthwaite df 97.41 → significant", () => {
    const r = compareCes(a, b);
    expect(r.delta).toBeCloseTo(0.6981818181818182, 12);
    expect(r.se).toBeCloseTo(0.3125341577254112, 12);
    expect(r.statistic).toBeCloseTo(2.2339376382508322, 10);
    expect(r.df).toBeCloseTo(97.40876770441815, 9);
    expect(r.critical).toBeCloseTo(tCritical95(97.40876770441815), 12);
    expect(r).toMatchObject({ significant: true, reason: null });
  });
  it("same data → Δ 0, not significant", () => {
    expect(compareCes(a, a)).toMatchObject({ delta: 0, significant: false });
  });
  it("too few, n = 1 and n = 0 → not significant with reason", () => {
    expect(compareCes(ces([1, 1, 1, 1, 1, 1, 10]), b)).toMatchObject({
      significant: false,
      reason: "too_few_responses",
    });
    expect(compareCes(ces([0, 0, 0, 1, 0, 0, 0]), b)).toMatchObject({
      delta: b.mean! - 4,
      se: null,
      significant: false,
    });
    expect(compareCes(ces([0, 0, 0, 0, 0, 0, 0]), b)).toMatchObject({
      delta: null,
      df: null,
      reason: "too_few_responses",
    });
  });
  it("zero variance on both sides: different means → significant, df null", () => {
    expect(compareCes(ces([0, 0, 0, 40, 0, 0, 0]), ces([0, 0, 0, 0, 40, 0, 0]))).toMatchObject({
      delta: 1,
      se: 0,
      df: null,
      significant: true,
    });
  });
  it("property: df within [min(n)−1, n₁+n₂−2]; significant ⇔ |t| > t₀.₉₇₅(df) with enough responses", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("ces", 2), nonEmptyDistributionArb("ces", 2), (da, db) => {
        const x = cesFromCounts(da);
        const y = cesFromCounts(db);
        const r = compareCes(x, y);
        if (r.df === null || r.statistic === null) return;
        expect(r.df).toBeGreaterThanOrEqual(Math.min(x.n, y.n) - 1 - 1e-9);
        expect(r.df).toBeLessThanOrEqual(x.n + y.n - 2 + 1e-9);
        const enough = x.n >= 30 && y.n >= 30;
        expect(r.significant).toBe(enough && Math.abs(r.statistic) > tCritical95(r.df));
      }),
    );
  });
});
