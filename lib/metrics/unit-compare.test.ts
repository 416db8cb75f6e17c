import { describe, expect, it } from "vitest";
import { cesFromCounts } from "./ces";
import { compareCes, compareCsat, compareNps } from "./compare";
import { csatFromCounts } from "./csat";
import { npsFromCounts } from "./nps";
import { changePValue, compareCesToParent, compareCsatToParent, compareNpsToParent, flagUnits } from "./unit-compare";

const nps = (p: number, pa: number, d: number) =>
  npsFromCounts([
    { score: 10, count: p },
    { score: 8, count: pa },
    { score: 3, count: d },
  ]);

describe('compareNpsToParent (docs/metrics.md, "Unit against its parent")', () => {
  // Unit 40/30/30 of 100 (NPS 10, Var 69); parent 250/150/100 of 500 (NPS 30); rest 210/120/70 of 400 (NPS 35,
  // Var 14.4375); w = 0.2.
  const unit = nps(40, 30, 30);
  const parent = nps(250, 150, 100);

  it("worked example: Δ = −20, SE = 0.8·√83.4375 = 7.3075, z = −2.7369, p = 0.0062", () => {
    const r = compareNpsToParent(unit, parent);
    expect(r.rest).toMatchObject({ n: 400, promoters: 210, passives: 120, detractors: 70 });
    expect(r.rest.nps).toBeCloseTo(35, 12);
    expect(r.rest.variance).toBeCloseTo(14.4375, 12);
    expect(r.delta).toBeCloseTo(-20, 12);
    expect(r.se).toBeCloseTo(7.307530362578044, 10);
    expect(r.statistic).toBeCloseTo(-2.736902757519867, 10);
    expect(r.pValue).toBeCloseTo(0.006202062323805466, 8);
    expect(r.reason).toBeNull();
  });

  it("has the z of the unit against the rest as independent samples (compare.ts)", () => {
    const r = compareNpsToParent(unit, parent);
    const direct = compareNps(r.rest, unit);
    expect(r.statistic).toBeCloseTo(direct.statistic!, 12);
  });

  it("is not the naive test of unit against parent, which treats overlapping samples as independent", () => {
    const naive = compareNps(parent, unit); // SE √(69 + 12.2): z = −2.22, a weaker verdict
    expect(Math.abs(naive.statistic!)).toBeLessThan(Math.abs(compareNpsToParent(unit, parent).statistic!));
  });

  it("too few below n = 30 on the unit or on the rest: Δ given, no p-value", () => {
    const small = compareNpsToParent(nps(10, 9, 10), nps(210, 129, 110)); // unit n = 29
    expect(small).toMatchObject({ reason: "too_few_responses", pValue: null });
    expect(small.delta).not.toBeNull();
    expect(compareNpsToParent(nps(10, 10, 10), nps(210, 130, 110))).toMatchObject({ reason: null });
    // The unit is almost all of its parent: the rest has 29 responses.
    expect(compareNpsToParent(nps(100, 100, 100), nps(110, 109, 110))).toMatchObject({
      reason: "too_few_responses",
      pValue: null,
    });
  });

  it("a unit that is its parent's only source: Δ = 0, nothing to test", () => {
    const r = compareNpsToParent(unit, unit);
    expect(r).toMatchObject({ delta: 0, se: 0, pValue: null, reason: "too_few_responses" });
    expect(r.rest.n).toBe(0);
  });

  it("no responses: nothing to compare", () => {
    expect(compareNpsToParent(nps(0, 0, 0), parent)).toMatchObject({ delta: null, pValue: null });
  });

  it("no spread on either side: a difference is certain (p = 0), none is no evidence (p = 1)", () => {
    expect(compareNpsToParent(nps(40, 0, 0), nps(40, 0, 40)).pValue).toBe(0);
    expect(compareNpsToParent(nps(40, 0, 0), nps(80, 0, 0)).pValue).toBe(1);
  });

  it("refuses a unit with more responses of a kind than its parent", () => {
    expect(() => compareNpsToParent(nps(10, 0, 0), nps(5, 5, 5))).toThrow(RangeError);
  });
});

describe("flagUnits", () => {
  it("flags by Benjamini–Hochberg over the tested units only; too-few units are not counted in m", () => {
    const flagged = flagUnits([
      { id: "a", pValue: 0.01 },
      { id: "b", pValue: null },
      { id: "c", pValue: 0.04 },
      { id: "d", pValue: 0.9 },
    ]);
    // m = 3: thresholds 0.0167, 0.0333, 0.05 → only a.
    expect(flagged.map((f) => [f.id, f.significant])).toEqual([
      ["a", true],
      ["b", false],
      ["c", false],
      ["d", false],
    ]);
    expect(flagged[1]!.adjustedP).toBeNull();
    expect(flagged[0]!.adjustedP).toBeCloseTo(0.03, 12);
  });

  it("a unit significant alone at 5 % is not flagged when 20 units are compared and the rest are noise", () => {
    const comparisons = [{ pValue: 0.03 }, ...Array.from({ length: 19 }, () => ({ pValue: 0.5 }))];
    expect(flagUnits(comparisons).filter((c) => c.significant)).toHaveLength(0);
  });
});

const dist = (counts: number[]) => counts.map((count, i) => ({ score: i + 1, count }));

describe('compareCsatToParent (docs/metrics.md, "Unit against its parent")', () => {
  // Unit 100 (5×40, 4×30, 3×10, 2×10, 1×10: 70 satisfied, CSAT 70 %) in a parent of 500 with 400 satisfied (80 %);
  // the rest 400 with 330 satisfied (82.5 %); w = 0.2. Reference values: Python (pooled z, erfc).
  const unit = dist([10, 10, 10, 30, 40]);
  const parent = dist([20, 30, 50, 150, 250]);

  it("worked example: Δ = −10 points, SE = 0.8 · 4.4721 = 3.5777, z = −2.7951, p = 0.00519", () => {
    const r = compareCsatToParent(unit, parent);
    expect(r.rest).toMatchObject({ n: 400, satisfied: 330 });
    expect(r.delta).toBeCloseTo(-10, 12);
    expect(r.se).toBeCloseTo(3.577708763999663, 10);
    expect(r.statistic).toBeCloseTo(-2.7950849718747377, 10);
    expect(r.pValue).toBeCloseTo(0.005188607552315567, 10);
    expect(r.reason).toBeNull();
  });

  it("too few below n = 30 on the unit or the rest; a unit that is the whole parent has nothing to test", () => {
    expect(compareCsatToParent(dist([0, 0, 9, 10, 10]), parent)).toMatchObject({
      reason: "too_few_responses",
      pValue: null,
    });
    expect(compareCsatToParent(parent, parent)).toMatchObject({ delta: 0, se: 0, pValue: null });
    expect(() => compareCsatToParent(dist([0, 0, 0, 0, 300]), parent)).toThrow(RangeError);
  });
});

describe('compareCesToParent (docs/metrics.md, "Unit against its parent")', () => {
  // The unit is the first CES sample of "Comparing two periods or two segments" (n = 50, mean 4.52), the rest the second
  // (n = 55, mean 5.218): the parent has both, n = 105, mean 4.8857. Reference values: scipy ttest_ind(equal_var=False).
  const unit = dist([3, 4, 6, 10, 12, 8, 7]);
  const parent = dist([4, 6, 10, 18, 26, 22, 19]);

  it("worked example: Δ = −0.3657, SE = (55/105) · 0.3125 = 0.1637, t = −2.2339, df = 97.41, p = 0.0278", () => {
    const r = compareCesToParent(unit, parent);
    expect(r.rest.n).toBe(55);
    expect(r.delta).toBeCloseTo(-0.36571428571428655, 10);
    expect(r.se).toBeCloseTo(0.16370836833235827, 10);
    expect(r.statistic).toBeCloseTo(-2.2339376382508322, 8);
    expect(r.df).toBeCloseTo(97.40876770441815, 6);
    expect(r.pValue).toBeCloseTo(0.02777414199691695, 6);
  });

  it("too few on the rest: Δ given, no p-value", () => {
    const r = compareCesToParent(unit, dist([3, 4, 6, 10, 12, 8, 36])); // rest = 29 sevens
    expect(r).toMatchObject({ reason: "too_few_responses", pValue: null });
    expect(r.delta).not.toBeNull();
  });
});

describe("changePValue: the p-value of a period-over-period comparison (compare.ts)", () => {
  it("NPS 30 → 45 (metrics.md): z = 15 / √57.875, p = 0.0486", () => {
    expect(changePValue(compareNps(nps(100, 60, 40), nps(120, 50, 30)))).toBeCloseTo(0.04864131197630622, 8);
  });
  it("CSAT 60/100 → 75/100: z = 2.2646, p = 0.0235", () => {
    const a = dist([20, 10, 10, 30, 30]); // 60 satisfied of 100
    const b = dist([10, 5, 10, 35, 40]); // 75 of 100
    expect(changePValue(compareCsat(csatFromCounts(a), csatFromCounts(b)))).toBeCloseTo(0.02354005826117795, 8);
  });
  it("CES (metrics.md samples): Welch p = 0.0278, the same as scipy", () => {
    const a = cesFromCounts(dist([3, 4, 6, 10, 12, 8, 7]));
    const b = cesFromCounts(dist([1, 2, 4, 8, 14, 14, 12]));
    expect(changePValue(compareCes(a, b))).toBeCloseTo(0.02777414199691695, 6);
  });
  it("too few responses: no p-value", () => {
    expect(changePValue(compareNps(nps(10, 5, 5), nps(120, 50, 30)))).toBeNull();
  });
});
