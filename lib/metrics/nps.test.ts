import { describe, it, expect } from "vitest";
import { MIN_N, npsFromCounts, npsStandardError } from "./nps";
import { BAD_SCORES } from "./test-helpers";

describe("npsFromCounts — worked example (docs/metrics.md, Net Promoter Score)", () => {
  // n = 200, p = 0.5 (100 promoters), d = 0.2 (40 detractors), 60 passives
  const r = npsFromCounts([
    { score: 10, count: 60 },
    { score: 9, count: 40 },
    { score: 8, count: 35 },
    { score: 7, count: 25 },
    { score: 6, count: 20 },
    { score: 0, count: 20 },
  ]);

  it("counts the three groups and their shares", () => {
    expect(r).toMatchObject({ metric: "nps", n: 200, promoters: 100, passives: 60, detractors: 40 });
    expect(r.pPromoters).toBe(0.5);
    expect(r.pDetractors).toBe(0.2);
  });
  it("gives NPS 30", () => {
    expect(r.nps).toBe(30);
  });
  it("gives Variance = 100²·[p + d − (p − d)²]/n = 10000·0.61/200 = 30.5", () => {
    expect(r.variance).toBeCloseTo(30.5, 12);
    expect(npsStandardError(r)).toBeCloseTo(Math.sqrt(30.5), 12);
  });
  it("gives MoE 1.96·100·√((0.7 − 0.09)/200) = 10.82… → 10.8", () => {
    expect(r.marginOfError).toBeCloseTo(1.96 * 100 * Math.sqrt((0.7 - 0.09) / 200), 12);
    expect(r.marginOfError).toBeCloseTo(10.8245, 4);
    expect(Math.round((r.marginOfError ?? 0) * 10) / 10).toBe(10.8);
  });
  it("gives the interval nps ± MoE and enough = true", () => {
    expect(r.low).toBeCloseTo(30 - 10.8245, 4);
    expect(r.high).toBeCloseTo(30 + 10.8245, 4);
    expect(r.enough).toBe(true);
  });
});

describe("npsFromCounts — edge cases", () => {
  it("n = 0 → nulls, never NaN, enough false", () => {
    for (const dist of [[], [{ score: 9, count: 0 }]]) {
      const r = npsFromCounts(dist);
      expect(r).toEqual({
        metric: "nps",
        n: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        pPromoters: null,
        pDetractors: null,
        nps: null,
        variance: null,
        marginOfError: null,
        low: null,
        high: null,
        enough: false,
      });
    }
  });
  it("n = 1 promoter → NPS 100, variance 0, interval collapses", () => {
    const r = npsFromCounts([{ score: 9, count: 1 }]);
    expect(r).toMatchObject({ n: 1, nps: 100, variance: 0, marginOfError: 0, low: 100, high: 100, enough: false });
  });
  it("n = 1 passive → NPS 0 with variance 0", () => {
    expect(npsFromCounts([{ score: 7, count: 1 }])).toMatchObject({ nps: 0, variance: 0 });
  });
  it("all promoters → NPS 100 with variance exactly 0", () => {
    const r = npsFromCounts([
      { score: 10, count: 250 },
      { score: 9, count: 117 },
    ]);
    expect(r.nps).toBe(100);
    expect(r.variance).toBe(0);
    expect(r.marginOfError).toBe(0);
  });
  it("all detractors → NPS −100 with variance 0", () => {
    const r = npsFromCounts([0, 1, 2, 3, 4, 5, 6].map((score) => ({ score, count: 13 })));
    expect(r.nps).toBe(-100);
    expect(r.variance).toBe(0);
    expect(r.low).toBe(-100);
  });
  it("all passives → NPS 0 with variance 0", () => {
    expect(npsFromCounts([{ score: 8, count: 40 }])).toMatchObject({ nps: 0, variance: 0, passives: 40 });
  });
  it("half promoters, half detractors → NPS 0 with the maximum variance 10000/n", () => {
    const r = npsFromCounts([
      { score: 10, count: 50 },
      { score: 0, count: 50 },
    ]);
    expect(r.nps).toBe(0);
    expect(r.variance).toBeCloseTo(100, 12);
    expect(r.marginOfError).toBeCloseTo(19.6, 12);
  });
  it("clamps the interval to −100..100 but keeps the unclamped MoE", () => {
    const r = npsFromCounts([
      { score: 10, count: 1 },
      { score: 0, count: 1 },
    ]);
    expect(r.marginOfError).toBeCloseTo(1.96 * Math.sqrt(5000), 10);
    expect(r).toMatchObject({ nps: 0, low: -100, high: 100 });
  });
  it("category boundaries: 6 detractor, 7 passive, 8 passive, 9 promoter", () => {
    const r = npsFromCounts([6, 7, 8, 9].map((score) => ({ score, count: 1 })));
    expect(r).toMatchObject({ detractors: 1, passives: 2, promoters: 1, nps: 0 });
  });
  it("adds repeated scores together and ignores zero counts", () => {
    const a = npsFromCounts([
      { score: 9, count: 3 },
      { score: 9, count: 2 },
      { score: 3, count: 0 },
    ]);
    expect(a).toEqual(npsFromCounts([{ score: 9, count: 5 }]));
  });
});

describe("npsFromCounts — MIN_N", () => {
  it("exports MIN_N = 30", () => {
    expect(MIN_N).toBe(30);
  });
  it("enough is n ≥ 30", () => {
    expect(npsFromCounts([{ score: 9, count: 29 }]).enough).toBe(false);
    expect(npsFromCounts([{ score: 9, count: 30 }]).enough).toBe(true);
  });
});

describe("npsFromCounts — invalid input", () => {
  it.each(BAD_SCORES)("throws RangeError for score %s", (score) => {
    expect(() => npsFromCounts([{ score, count: 1 }])).toThrow(RangeError);
  });
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("throws RangeError for count %s", (count) => {
    expect(() => npsFromCounts([{ score: 5, count }])).toThrow(RangeError);
  });
  it("throws even when the bad score has a zero count", () => {
    expect(() => npsFromCounts([{ score: 11, count: 0 }])).toThrow(RangeError);
  });
  it("result is plain JSON (round-trips unchanged)", () => {
    const r = npsFromCounts([
      { score: 9, count: 3 },
      { score: 2, count: 4 },
    ]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
