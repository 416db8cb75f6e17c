import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { cesFromCounts } from "./ces";
import { csatFromCounts, wilsonInterval } from "./csat";
import { distributionFromScores } from "./distribution";
import { distributionAndPermutationArb, nonEmptyDistributionArb, scale, scoresAndShuffleArb } from "./test-helpers";

describe("csatFromCounts — properties", () => {
  it("0 ≤ low ≤ csat ≤ high ≤ 100 whenever n ≥ 1; mean within 1–5", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("csat"), (dist) => {
        const r = csatFromCounts(dist);
        expect(r.low).toBeGreaterThanOrEqual(0);
        expect(r.low).toBeLessThanOrEqual(r.csat ?? Number.NaN);
        expect(r.csat).toBeLessThanOrEqual(r.high ?? Number.NaN);
        expect(r.high).toBeLessThanOrEqual(100);
        expect(r.mean).toBeGreaterThanOrEqual(1);
        expect(r.mean).toBeLessThanOrEqual(5);
        expect(r.csat).toBeCloseTo((100 * r.satisfied) / r.n, 10);
      }),
    );
  });

  it("Wilson interval stays within [0, 1] and contains p̂ for any successes/n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.round(f * n);
        const { low, high } = wilsonInterval(x, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(x / n);
        expect(high).toBeGreaterThanOrEqual(x / n);
      }),
    );
  });

  it("is invariant to entry order and equals counting shuffled raw scores", () => {
    fc.assert(
      fc.property(distributionAndPermutationArb("csat"), ([dist, permuted]) => {
        expect(csatFromCounts(permuted)).toEqual(csatFromCounts(dist));
      }),
    );
    fc.assert(
      fc.property(scoresAndShuffleArb("csat"), ([scores, shuffled]) => {
        const expected = csatFromCounts(distributionFromScores("csat", scores));
        expect(csatFromCounts(shuffled.map((score) => ({ score, count: 1 })))).toEqual(expected);
      }),
    );
  });

  it("scaling all counts by k keeps CSAT and the mean and shrinks the Wilson interval", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("csat"), fc.integer({ min: 2, max: 50 }), (dist, k) => {
        const a = csatFromCounts(dist);
        const b = csatFromCounts(scale(dist, k));
        expect(b.csat).toBe(a.csat);
        expect(b.mean).toBe(a.mean);
        expect((b.high ?? 0) - (b.low ?? 0)).toBeLessThan((a.high ?? 0) - (a.low ?? 0));
      }),
    );
  });
});

describe("cesFromCounts — properties", () => {
  it("1 ≤ low ≤ mean ≤ high ≤ 7 whenever n ≥ 2; sd ≥ 0; agreePct within 0..100", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("ces", 2), (dist) => {
        const r = cesFromCounts(dist);
        expect(r.low).toBeGreaterThanOrEqual(1);
        expect(r.low).toBeLessThanOrEqual(r.mean ?? Number.NaN);
        expect(r.mean).toBeLessThanOrEqual(r.high ?? Number.NaN);
        expect(r.high).toBeLessThanOrEqual(7);
        expect(r.sd).toBeGreaterThanOrEqual(0);
        expect(r.agreePct).toBeGreaterThanOrEqual(0);
        expect(r.agreePct).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("is invariant to entry order and equals counting shuffled raw scores", () => {
    fc.assert(
      fc.property(distributionAndPermutationArb("ces"), ([dist, permuted]) => {
        expect(cesFromCounts(permuted)).toEqual(cesFromCounts(dist));
      }),
    );
    fc.assert(
      fc.property(scoresAndShuffleArb("ces"), ([scores, shuffled]) => {
        const expected = cesFromCounts(distributionFromScores("ces", scores));
        expect(cesFromCounts(distributionFromScores("ces", shuffled))).toEqual(expected);
        expect(cesFromCounts(shuffled.map((score) => ({ score, count: 1 })))).toEqual(expected);
      }),
    );
  });

  it("matches a direct computation from the raw scores", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 300 }), (xs) => {
        const r = cesFromCounts(distributionFromScores("ces", xs));
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        const ss = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
        expect(r.mean).toBeCloseTo(mean, 10);
        expect(r.sd).toBeCloseTo(Math.sqrt(ss / (xs.length - 1)), 10);
        expect(r.agreePct).toBeCloseTo((100 * xs.filter((x) => x >= 5).length) / xs.length, 10);
      }),
    );
  });

  it("scaling all counts by k keeps the mean and never widens the interval", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("ces", 2), fc.integer({ min: 2, max: 50 }), (dist, k) => {
        const a = cesFromCounts(dist);
        const b = cesFromCounts(scale(dist, k));
        expect(b.mean).toBe(a.mean);
        expect(b.agreePct).toBe(a.agreePct);
        const widthA = (a.high ?? 0) - (a.low ?? 0);
        const widthB = (b.high ?? 0) - (b.low ?? 0);
        expect(widthB).toBeLessThanOrEqual(widthA);
        const clamped = a.low === 1 || a.high === 7;
        if ((a.sd ?? 0) > 0 && !clamped) expect(widthB).toBeLessThan(widthA);
      }),
    );
  });
});
