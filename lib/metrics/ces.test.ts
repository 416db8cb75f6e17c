import { describe, it, expect } from "vitest";
import { cesFromCounts } from "./ces";
import { BAD_SCORES } from "./test-helpers";

describe("cesFromCounts — worked example", () => {
  // scores 1×2, 3×3, 5×5, 6×6, 7×4 (n = 20); reference values from scipy.stats
  const r = cesFromCounts([
    { score: 1, count: 2 },
    { score: 3, count: 3 },
    { score: 5, count: 5 },
    { score: 6, count: 6 },
    { score: 7, count: 4 },
  ]);

  it("gives the mean and the sample sd (divisor n − 1)", () => {
    expect(r.n).toBe(20);
    expect(r.mean).toBe(5);
    // Σ(x − 5)² = 2·16 + 3·4 + 0 + 6·1 + 4·4 = 66; sd = √(66/19)
    expect(r.sd).toBeCloseTo(Math.sqrt(66 / 19), 14);
    expect(r.sd).toBeCloseTo(1.8637822325921867, 12);
  });
  it("gives the 95 % t-interval mean ± t₀.₉₇₅(19)·sd/√n", () => {
    expect(r.low).toBeCloseTo(4.127723064717375, 9);
    expect(r.high).toBeCloseTo(5.872276935282625, 9);
  });
  it("gives % agree (5–7) = 15/20 = 75 and keeps the scale", () => {
    expect(r.agreePct).toBe(75);
    expect(r.scale).toEqual({ min: 1, max: 7 });
    expect(r.metric).toBe("ces");
    expect(r.enough).toBe(false);
  });
});

describe("cesFromCounts — edge cases", () => {
  it("n = 0 → nulls, never NaN, scale kept", () => {
    expect(cesFromCounts([])).toEqual({
      metric: "ces",
      n: 0,
      mean: null,
      sd: null,
      low: null,
      high: null,
      agreePct: null,
      scale: { min: 1, max: 7 },
      enough: false,
    });
  });
  it("n = 1 → mean and agreePct, but no sd and no interval", () => {
    expect(cesFromCounts([{ score: 6, count: 1 }])).toMatchObject({
      n: 1,
      mean: 6,
      sd: null,
      low: null,
      high: null,
      agreePct: 100,
    });
  });
  it("n = 2 → df = 1 interval (t = 12.706), clamped to the 1–7 scale", () => {
    const r = cesFromCounts([
      { score: 3, count: 1 },
      { score: 5, count: 1 },
    ]);
    expect(r.sd).toBeCloseTo(Math.SQRT2, 14);
    // half-width 12.706·√2/√2 = 12.706 → clamped
    expect(r).toMatchObject({ mean: 4, low: 1, high: 7, agreePct: 50 });
  });
  it("zero variance → sd 0 and the interval collapses onto the mean", () => {
    const r = cesFromCounts([{ score: 7, count: 40 }]);
    expect(r).toMatchObject({ mean: 7, sd: 0, low: 7, high: 7, agreePct: 100, enough: true });
  });
  it("4 is neutral, 1–3 disagree: neither counts as agree", () => {
    const r = cesFromCounts([1, 2, 3, 4].map((score) => ({ score, count: 10 })));
    expect(r.agreePct).toBe(0);
  });
  it("large sample: interval ≈ mean ± 1.96·sd/√n", () => {
    const r = cesFromCounts([
      { score: 2, count: 5000 },
      { score: 6, count: 5000 },
    ]);
    const sd = Math.sqrt((10000 * 4) / 9999);
    expect(r.sd).toBeCloseTo(sd, 12);
    expect((r.high ?? 0) - (r.mean ?? 0)).toBeCloseTo((1.9602 * sd) / 100, 4);
  });
  it.each([...BAD_SCORES, 0, 8])("throws RangeError for score %s", (score) => {
    expect(() => cesFromCounts([{ score, count: 1 }])).toThrow(RangeError);
  });
});
