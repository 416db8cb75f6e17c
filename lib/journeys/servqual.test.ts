import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { meanFromMoments, momentsOf, servqualCell } from "./servqual";

// Worked example: 30 respondents, 10 of each pair (p, e) = (4, 6), (5, 6), (6, 6).
// d = p − e: ten −2, ten −1, ten 0 → mean −1, Σ(d − mean)² = 10 + 0 + 10 = 20, s² = 20/29,
// t(0.975, 29) = 2.0452, half-width = 2.0452 · √(20/29) / √30 = 0.3101 → [−1.3101, −0.6899]: a shortfall.
const PAIRS: [number, number][] = [...Array(10).fill([4, 6]), ...Array(10).fill([5, 6]), ...Array(10).fill([6, 6])];

describe("SERVQUAL gap (paired perception − expectation)", () => {
  it("worked example: 30 pairs, gap −1.00 [−1.31, −0.69], significant shortfall", () => {
    const c = servqualCell(
      "responsiveness",
      momentsOf(PAIRS.map(([p]) => p)),
      momentsOf(PAIRS.map(([, e]) => e)),
      momentsOf(PAIRS.map(([p, e]) => p - e)),
    );
    expect(c.perception).toMatchObject({ n: 30, mean: 5 });
    expect(c.expectation.mean).toBe(6);
    expect(c.expectation.low).toBeCloseTo(6, 12); // no spread: a zero-width interval, never NaN
    expect(c.gap.n).toBe(30);
    expect(c.gap.mean).toBeCloseTo(-1, 12);
    expect(c.gap.low).toBeCloseTo(-1.3101, 4);
    expect(c.gap.high).toBeCloseTo(-0.6899, 4);
    expect(c).toMatchObject({ significant: true, status: "shortfall", dimension: "responsiveness" });
  });

  it("pairing: the same means with less shared spread give a narrower interval than unpaired", () => {
    // Everyone is 1 point short but respondents differ a lot in level: p − e has no spread at all.
    const levels = Array.from({ length: 40 }, (_, i) => 2 + (i % 5));
    const c = servqualCell(
      "empathy",
      momentsOf(levels),
      momentsOf(levels.map((x) => x + 1)),
      momentsOf(levels.map(() => -1)),
    );
    expect(c.gap.low).toBeCloseTo(-1, 12);
    expect(c.gap.high).toBeCloseTo(-1, 12);
    expect(c.perception.high! - c.perception.low!).toBeGreaterThan(0.5);
    expect(c.status).toBe("shortfall");
  });

  it("below 30 pairs the cell is 'too few' and never significant, even with a large gap", () => {
    const d = PAIRS.slice(0, 29).map(([p, e]) => p - e - 2);
    const c = servqualCell("tangibles", momentsOf([1]), momentsOf([7]), momentsOf(d));
    expect(c.gap.n).toBe(29);
    expect(c).toMatchObject({ status: "too_few", significant: false });
  });

  it("no pairs, one pair, surplus and no difference", () => {
    expect(servqualCell("assurance", momentsOf([5, 6]), momentsOf([]), momentsOf([]))).toMatchObject({
      status: "no_pairs",
      gap: { n: 0, mean: null },
    });
    expect(meanFromMoments(momentsOf([0.5]))).toEqual({ n: 1, mean: 0.5, low: null, high: null });
    const up = Array.from({ length: 30 }, (_, i) => (i % 3) + 0.5);
    expect(servqualCell("reliability", momentsOf(up), momentsOf(up), momentsOf(up)).status).toBe("surplus");
    const around = Array.from({ length: 30 }, (_, i) => (i % 3) - 1);
    expect(servqualCell("reliability", momentsOf(around), momentsOf(around), momentsOf(around)).status).toBe(
      "no_difference",
    );
  });

  it("the interval always contains the mean and the status agrees with it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 2, maxLength: 200 }), (d) => {
        const c = servqualCell("empathy", momentsOf([]), momentsOf([]), momentsOf(d));
        expect(c.gap.low!).toBeLessThanOrEqual(c.gap.mean! + 1e-9);
        expect(c.gap.high!).toBeGreaterThanOrEqual(c.gap.mean! - 1e-9);
        if (c.status === "shortfall") expect(c.gap.high!).toBeLessThan(0);
        if (c.status === "surplus") expect(c.gap.low!).toBeGreaterThan(0);
        expect(c.significant).toBe(d.length >= 30 && (c.gap.high! < 0 || c.gap.low! > 0));
      }),
    );
  });
});
