import { describe, it, expect } from "vitest";
import { countBetween, distributionFromScores, distributionsByKey, meanOf, tally } from "./distribution";
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

describe("distributionsByKey", () => {
  it("groups counted rows into one distribution per metric per key, as numbers", () => {
    const byKey = distributionsByKey([
      { key: "2026-08-03", metric: "nps", score: 10, count: 20 },
      { key: "2026-08-03", metric: "nps", score: 2n, count: 15n },
      { key: "2026-08-03", metric: "csat", score: 5, count: 3 },
      { key: "tp1", metric: "ces", score: 6, count: 1 },
    ]);
    expect([...byKey.keys()]).toEqual(["2026-08-03", "tp1"]);
    expect(byKey.get("2026-08-03")).toEqual({
      nps: [
        { score: 10, count: 20 },
        { score: 2, count: 15 },
      ],
      csat: [{ score: 5, count: 3 }],
      ces: [],
    });
    expect(byKey.get("tp1")).toEqual({ nps: [], csat: [], ces: [{ score: 6, count: 1 }] });
  });

  it("leaves out other metrics and rows without a key or a score", () => {
    const byKey = distributionsByKey([
      { key: "a", metric: "rating", score: 4, count: 9 },
      { key: "a", metric: null, score: 4, count: 9 },
      { key: null, metric: "nps", score: 9, count: 9 },
      { key: "a", metric: "nps", score: null, count: 9 },
      { key: "a", metric: "toString", score: 1, count: 1 },
    ]);
    expect(byKey.size).toBe(0);
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
