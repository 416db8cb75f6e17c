import { describe, expect, it } from "vitest";
import { compareNps } from "./compare";
import { npsFromCounts } from "./nps";
import { compareNpsToParent, flagUnits } from "./unit-compare";

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
