import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { distributionFromScores } from "./distribution";
import { npsFromCounts } from "./nps";
import {
  distributionAndPermutationArb,
  distributionArb,
  nonEmptyDistributionArb,
  scale,
  scoresAndShuffleArb,
} from "./test-helpers";

describe("npsFromCounts — properties", () => {
  it("NPS is always within −100..100 and equals 100·(p − d)", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("nps"), (dist) => {
        const r = npsFromCounts(dist);
        expect(r.nps).not.toBeNull();
        const nps = r.nps ?? Number.NaN;
        expect(nps).toBeGreaterThanOrEqual(-100);
        expect(nps).toBeLessThanOrEqual(100);
        expect(nps).toBeCloseTo(100 * ((r.pPromoters ?? 0) - (r.pDetractors ?? 0)), 10);
      }),
    );
  });

  it("groups partition n; variance ≥ 0; MoE = 1.96·√variance", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("nps"), (dist) => {
        const r = npsFromCounts(dist);
        expect(r.promoters + r.passives + r.detractors).toBe(r.n);
        expect(r.variance).toBeGreaterThanOrEqual(0);
        expect(r.marginOfError).toBeCloseTo(1.96 * Math.sqrt(r.variance ?? 0), 10);
        const p = r.pPromoters ?? 0;
        const d = r.pDetractors ?? 0;
        expect(r.variance).toBeCloseTo((100 ** 2 * (p + d - (p - d) ** 2)) / r.n, 8);
      }),
    );
  });

  it("low ≤ nps ≤ high, within −100..100, whenever n ≥ 1", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("nps"), (dist) => {
        const { low, nps, high } = npsFromCounts(dist);
        expect(low).toBeLessThanOrEqual(nps ?? Number.NaN);
        expect(nps).toBeLessThanOrEqual(high ?? Number.NaN);
        expect(low).toBeGreaterThanOrEqual(-100);
        expect(high).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("is invariant to the order of the distribution entries (bit-identical)", () => {
    fc.assert(
      fc.property(distributionAndPermutationArb("nps"), ([dist, permuted]) => {
        expect(npsFromCounts(permuted)).toEqual(npsFromCounts(dist));
      }),
    );
  });

  it("equals the result of counting a shuffled list of raw scores, aggregated or not", () => {
    fc.assert(
      fc.property(scoresAndShuffleArb("nps"), ([scores, shuffled]) => {
        const expected = npsFromCounts(distributionFromScores("nps", scores));
        expect(npsFromCounts(distributionFromScores("nps", shuffled))).toEqual(expected);
        expect(npsFromCounts(shuffled.map((score) => ({ score, count: 1 })))).toEqual(expected);
      }),
    );
  });

  it("scaling all counts by k keeps NPS and never widens the interval (shrinks when variance > 0)", () => {
    fc.assert(
      fc.property(nonEmptyDistributionArb("nps"), fc.integer({ min: 2, max: 50 }), (dist, k) => {
        const a = npsFromCounts(dist);
        const b = npsFromCounts(scale(dist, k));
        expect(b.nps).toBe(a.nps);
        expect(b.pPromoters).toBe(a.pPromoters);
        expect(b.marginOfError).toBeCloseTo((a.marginOfError ?? 0) / Math.sqrt(k), 8);
        const widthA = (a.high ?? 0) - (a.low ?? 0);
        const widthB = (b.high ?? 0) - (b.low ?? 0);
        if ((a.variance ?? 0) > 0) expect(widthB).toBeLessThan(widthA);
        else expect(widthB).toBe(widthA);
      }),
    );
  });

  it("n = 0 never yields NaN anywhere", () => {
    fc.assert(
      fc.property(
        distributionArb("nps").map((d) => d.map((e) => ({ ...e, count: 0 }))),
        (dist) => {
          const r = npsFromCounts(dist);
          expect(Object.values(r).some((v) => typeof v === "number" && Number.isNaN(v))).toBe(false);
          expect(r.nps).toBeNull();
        },
      ),
    );
  });
});
