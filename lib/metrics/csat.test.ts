import { describe, it, expect } from "vitest";
import { csatFromCounts, wilsonInterval } from "./csat";
import { BAD_SCORES } from "./test-helpers";

describe("csatFromCounts — worked example", () => {
  // n = 100, 80 satisfied (4–5): CSAT 80 %, Wilson 95 %:
  // center = (0.8 + 3.8416/200)/(1 + 3.8416/100) = 0.788906…
  // half = 1.96·√(0.0016 + 3.8416/40000)/(1.038416) = 0.077733…  → [71.1, 86.7]
  const r = csatFromCounts([
    { score: 5, count: 50 },
    { score: 4, count: 30 },
    { score: 3, count: 10 },
    { score: 2, count: 6 },
    { score: 1, count: 4 },
  ]);

  it("counts top-2-box and gives CSAT 80", () => {
    expect(r).toMatchObject({ metric: "csat", n: 100, satisfied: 80, csat: 80, enough: true });
  });
  it("gives the Wilson interval [71.1, 86.7]", () => {
    expect(r.low).toBeCloseTo(71.1169038, 6);
    expect(r.high).toBeCloseTo(86.6634077, 6);
    expect(Math.round((r.low ?? 0) * 10) / 10).toBe(71.1);
    expect(Math.round((r.high ?? 0) * 10) / 10).toBe(86.7);
  });
  it("reports the mean second: (5·50 + 4·30 + 3·10 + 2·6 + 1·4)/100 = 4.16", () => {
    expect(r.mean).toBeCloseTo(4.16, 12);
  });
});

describe("wilsonInterval", () => {
  it("matches the textbook formula", () => {
    const n = 37;
    const x = 11;
    const z = 1.96;
    const p = x / n;
    const center = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    const w = wilsonInterval(x, n);
    expect(w.low).toBeCloseTo(center - half, 14);
    expect(w.high).toBeCloseTo(center + half, 14);
  });
  it("p̂ = 0 gives [0, z²/(n + z²)]", () => {
    const w = wilsonInterval(0, 10);
    expect(w.low).toBe(0);
    expect(w.high).toBeCloseTo(3.8416 / 13.8416, 12);
  });
  it("p̂ = 1 gives [n/(n + z²), 1]", () => {
    const w = wilsonInterval(10, 10);
    expect(w.high).toBe(1);
    expect(w.low).toBeCloseTo(10 / 13.8416, 12);
  });
  it("rejects n ≤ 0 and successes outside 0..n", () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
  });
});

describe("csatFromCounts — edge cases", () => {
  it("n = 0 → nulls, never NaN", () => {
    expect(csatFromCounts([])).toEqual({
      metric: "csat",
      n: 0,
      satisfied: 0,
      csat: null,
      low: null,
      high: null,
      mean: null,
      enough: false,
    });
  });
  it("n = 1 satisfied → 100 % with Wilson [20.7, 100]", () => {
    const r = csatFromCounts([{ score: 4, count: 1 }]);
    expect(r).toMatchObject({ n: 1, satisfied: 1, csat: 100, high: 100, mean: 4, enough: false });
    expect(r.low).toBeCloseTo(100 / 4.8416, 10);
  });
  it("all dissatisfied → 0 % with low bound exactly 0", () => {
    const r = csatFromCounts([
      { score: 1, count: 20 },
      { score: 2, count: 20 },
    ]);
    expect(r).toMatchObject({ csat: 0, low: 0, satisfied: 0, mean: 1.5 });
    expect(r.high).toBeGreaterThan(0);
  });
  it("neutral 3 is not top-2-box", () => {
    expect(
      csatFromCounts([
        { score: 3, count: 5 },
        { score: 4, count: 5 },
      ]),
    ).toMatchObject({
      satisfied: 5,
      csat: 50,
    });
  });
  it("enough is n ≥ 30", () => {
    expect(csatFromCounts([{ score: 5, count: 29 }]).enough).toBe(false);
    expect(csatFromCounts([{ score: 5, count: 30 }]).enough).toBe(true);
  });
  it.each([...BAD_SCORES, 0, 6])("throws RangeError for score %s", (score) => {
    expect(() => csatFromCounts([{ score, count: 1 }])).toThrow(RangeError);
  });
  it("throws RangeError for a negative count", () => {
    expect(() => csatFromCounts([{ score: 4, count: -3 }])).toThrow(RangeError);
  });
});
