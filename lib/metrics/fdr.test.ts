import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { benjaminiHochberg, twoSidedNormalP } from "./fdr";

// Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57(1), section 4.1: the 15 p-values of a trial of
// myocardial infarction treatments. At q = 0.05 the procedure rejects the four smallest (Bonferroni only three).
const BH_1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0,
];

describe('benjaminiHochberg (docs/metrics.md, "Many comparisons at once (Benjamini–Hochberg)")', () => {
  it("rejects 4 of the 15 p-values of Benjamini & Hochberg (1995) at q = 0.05", () => {
    const r = benjaminiHochberg(BH_1995, 0.05);
    expect(r.rejections).toBe(4);
    expect(r.rejected).toEqual(BH_1995.map((_, i) => i < 4));
    // p₍₄₎ = 0.0095 ≤ 4/15 · 0.05 = 0.01333; p₍₅₎ = 0.0201 > 5/15 · 0.05 = 0.01667, and no later one qualifies.
    expect(r.threshold).toBeCloseTo((4 / 15) * 0.05, 15);
  });

  it("gives the adjusted p-values min over j ≥ i of m·p₍ⱼ₎ / j", () => {
    const r = benjaminiHochberg(BH_1995);
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645, 0.0765, 0.486, 0.5811818, 0.714875,
      0.7532308, 0.8132143, 1,
    ];
    r.adjusted.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, 6));
  });

  it("is step-up: a p-value above its own threshold is rejected when a larger one meets its threshold", () => {
    // m = 3, q = 0.05: thresholds 0.0167, 0.0333, 0.05. p₍₁₎ = 0.02 misses its own, p₍₃₎ = 0.04 meets its: all three.
    expect(benjaminiHochberg([0.04, 0.02, 0.03]).rejected).toEqual([true, true, true]);
  });

  it("keeps the input order", () => {
    const shuffled = [...BH_1995].reverse();
    const r = benjaminiHochberg(shuffled);
    expect(r.rejected).toEqual(shuffled.map((p) => p <= 0.0095));
  });

  it("edge cases: empty, one test, all 1, all 0, ties", () => {
    expect(benjaminiHochberg([])).toEqual({ rejected: [], adjusted: [], rejections: 0, threshold: null });
    expect(benjaminiHochberg([0.05]).rejected).toEqual([true]);
    expect(benjaminiHochberg([0.0500001]).rejected).toEqual([false]);
    expect(benjaminiHochberg([1, 1, 1])).toMatchObject({ rejections: 0, adjusted: [1, 1, 1], threshold: null });
    expect(benjaminiHochberg([0, 0]).rejected).toEqual([true, true]);
    // Two equal p-values share one verdict: 0.03 ≤ 2/2 · 0.05.
    expect(benjaminiHochberg([0.03, 0.03]).rejected).toEqual([true, true]);
  });

  it("refuses p-values outside [0, 1] and q outside (0, 1)", () => {
    expect(() => benjaminiHochberg([0.5, Number.NaN])).toThrow(RangeError);
    expect(() => benjaminiHochberg([-0.1])).toThrow(RangeError);
    expect(() => benjaminiHochberg([1.1])).toThrow(RangeError);
    expect(() => benjaminiHochberg([0.1], 0)).toThrow(RangeError);
    expect(() => benjaminiHochberg([0.1], 1)).toThrow(RangeError);
  });

  it("property: rejected exactly when adjusted ≤ q, and never fewer rejections than Bonferroni", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (ps) => {
        const r = benjaminiHochberg(ps);
        r.rejected.forEach((rej, i) => expect(rej).toBe(r.adjusted[i]! <= 0.05 + 1e-15));
        const bonferroni = ps.filter((p) => p <= 0.05 / ps.length).length;
        expect(r.rejections).toBeGreaterThanOrEqual(bonferroni);
      }),
    );
  });
});

describe("twoSidedNormalP", () => {
  it("is 0.05 at z = ±1.96 and 1 at z = 0", () => {
    expect(twoSidedNormalP(1.959963985)).toBeCloseTo(0.05, 8);
    expect(twoSidedNormalP(-1.959963985)).toBeCloseTo(0.05, 8);
    expect(twoSidedNormalP(0)).toBe(1);
  });
});
