import { describe, it, expect } from "vitest";
import { countBetween, distributionFromScores, meanOf, tally } from "./distribution";
import * as api from "./index";

describe("tally", () => {
  it("adds repeated scores and keeps a fixed score order", () => {
    const t = tally("csat", [
      { score: 5, count: 2 },
      { score: 1, count: 1 },
      { score: 5, count: 3 },
    ]);
    expect(t).toEqual({ min: 1, counts: [1, 0, 0, 0, 5], n: 6 });
    expect(countBetween(t, 4, 5)).toBe(5);
    expect(meanOf(t)).toBeCloseTo(26 / 6, 14);
  });
  it("rejects a non-array with a TypeError", () => {
    expect(() => tally("nps", { 9: 3 } as unknown as [])).toThrow(TypeError);
  });
  it("rejects totals beyond Number.MAX_SAFE_INTEGER", () => {
    const huge = Number.MAX_SAFE_INTEGER;
    expect(() =>
      tally("nps", [
        { score: 1, count: huge },
        { score: 2, count: huge },
      ]),
    ).toThrow(RangeError);
  });
  it("mean of an empty tally is null", () => {
    expect(meanOf(tally("ces", []))).toBeNull();
  });
});

describe("distributionFromScores", () => {
  it("counts raw scores into an ascending, zero-free distribution", () => {
    expect(distributionFromScores("nps", [10, 0, 10, 7])).toEqual([
      { score: 0, count: 1 },
      { score: 7, count: 1 },
      { score: 10, count: 2 },
    ]);
    expect(distributionFromScores("ces", [])).toEqual([]);
  });
  it("rejects off-scale scores", () => {
    expect(() => distributionFromScores("csat", [0])).toThrow(RangeError);
  });
});

describe("index", () => {
  it("re-exports the public API", () => {
    for (const name of [
      "npsFromCounts",
      "csatFromCounts",
      "cesFromCounts",
      "compareNps",
      "compareCsat",
      "compareCes",
      "npsCategory",
      "csatCategory",
      "cesCategory",
      "formatMetric",
      "studentTQuantile",
      "tCritical95",
      "wilsonInterval",
      "distributionFromScores",
    ]) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe("function");
    }
    expect(api.MIN_N).toBe(30);
    expect(api.METRIC_SCALES.ces).toEqual({ min: 1, max: 7 });
  });
});
