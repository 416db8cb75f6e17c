import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { distributionFromScores, npsFromCounts, cesFromCounts, tCritical95 } from "../metrics";
import {
  byPriority,
  csatMeanFromCounts,
  experienceGap,
  gapFrom,
  overallStatus,
  perceivedFrom,
  shortfallPctOfScale,
  touchpointVolume,
  type ExperienceGap,
} from "./gap";

// mean 3.1, n = 200: 20×1, 40×2, 60×3, 60×4, 20×5 (sum of squared deviations 258)
const CSAT_31 = [
  { score: 1, count: 20 },
  { score: 2, count: 40 },
  { score: 3, count: 60 },
  { score: 4, count: 60 },
  { score: 5, count: 20 },
];

describe("CSAT mean with a t-interval", () => {
  it("worked example: mean 3.1, n = 200", () => {
    const p = csatMeanFromCounts(CSAT_31);
    const half = (tCritical95(199) * Math.sqrt(258 / 199)) / Math.sqrt(200);
    expect(p.n).toBe(200);
    expect(p.value).toBeCloseTo(3.1, 12);
    expect(half).toBeCloseTo(0.1588, 3);
    expect(p.low).toBeCloseTo(3.1 - half, 12);
    expect(p.high).toBeCloseTo(3.1 + half, 12);
    expect(p.enough).toBe(true);
  });

  it("n = 0 and n = 1 have no interval", () => {
    expect(csatMeanFromCounts([])).toMatchObject({ n: 0, value: null, low: null, high: null, enough: false });
    expect(csatMeanFromCounts([{ score: 4, count: 1 }])).toMatchObject({ n: 1, value: 4, low: null, high: null });
  });

  it("stays on the 1–5 scale and contains the mean", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 300 }), (scores) => {
        const p = csatMeanFromCounts(distributionFromScores("csat", scores));
        expect(p.low!).toBeGreaterThanOrEqual(1);
        expect(p.high!).toBeLessThanOrEqual(5);
        expect(p.low!).toBeLessThanOrEqual(p.value!);
        expect(p.high!).toBeGreaterThanOrEqual(p.value!);
      }),
    );
  });

  it("rejects scores off the scale", () => {
    expect(() => csatMeanFromCounts([{ score: 6, count: 1 }])).toThrow(RangeError);
  });
});

describe("perceived values per metric", () => {
  it("NPS uses the headline NPS and its interval; CES its mean and t-interval", () => {
    const nps = [
      { score: 10, count: 100 },
      { score: 7, count: 60 },
      { score: 3, count: 40 },
    ];
    const r = npsFromCounts(nps);
    expect(perceivedFrom("nps", nps)).toEqual({
      metric: "nps",
      n: 200,
      value: r.nps,
      low: r.low,
      high: r.high,
      enough: true,
    });
    expect(r.nps).toBeCloseTo(30, 12);
    expect(r.marginOfError).toBeCloseTo(10.8, 1);
    const ces = [
      { score: 6, count: 20 },
      { score: 4, count: 20 },
    ];
    const c = cesFromCounts(ces);
    expect(perceivedFrom("ces", ces)).toEqual({
      metric: "ces",
      n: 40,
      value: 5,
      low: c.low,
      high: c.high,
      enough: true,
    });
  });
});

describe("experience gap", () => {
  it("worked example: target CSAT 4.3, mean 3.1, n = 200 → gap −1.2 with interval, significant, friction", () => {
    const g = experienceGap("csat", 4.3, CSAT_31, 500);
    const p = csatMeanFromCounts(CSAT_31);
    expect(g.gap).toBeCloseTo(-1.2, 12);
    expect(g.low).toBeCloseTo(p.low! - 4.3, 12);
    expect(g.high).toBeCloseTo(p.high! - 4.3, 12);
    expect(g.low).toBeCloseTo(-1.359, 3);
    expect(g.high).toBeCloseTo(-1.041, 3);
    expect(g.significant).toBe(true);
    expect(g.status).toBe("friction");
    // 1.2 of a 4-point scale = 30 % × 500 encounters
    expect(g.priority).toBeCloseTo(15_000, 9);
  });

  it("the same distribution with n = 12 → too few responses, no significance, no priority", () => {
    const twelve = [
      { score: 1, count: 1 },
      { score: 2, count: 2 },
      { score: 3, count: 5 },
      { score: 4, count: 3 },
      { score: 5, count: 1 },
    ];
    const g = experienceGap("csat", 4.3, twelve, 500);
    expect(g.perceived.n).toBe(12);
    expect(g.gap).toBeCloseTo(37 / 12 - 4.3, 12);
    expect(g.status).toBe("too_few_responses");
    expect(g.significant).toBe(false);
    expect(g.priority).toBeNull();
  });

  it("n = 29 is too few, n = 30 is enough", () => {
    const all1 = (n: number) => [{ score: 1, count: n }];
    expect(experienceGap("csat", 4, all1(29), 10).status).toBe("too_few_responses");
    // no variability: the interval is the point, which excludes 0
    expect(experienceGap("csat", 4, all1(30), 10)).toMatchObject({
      status: "friction",
      significant: true,
      gap: -3,
      low: -3,
      high: -3,
    });
  });

  it("no responses → no gap", () => {
    expect(experienceGap("ces", 6, [], 40)).toMatchObject({
      gap: null,
      low: null,
      high: null,
      status: "no_responses",
      significant: false,
      priority: null,
    });
  });

  it("significantly above the promise is a moment of delight (no priority)", () => {
    const g = experienceGap(
      "ces",
      5.2,
      [
        { score: 7, count: 50 },
        { score: 6, count: 50 },
      ],
      100,
    );
    expect(g.gap).toBeCloseTo(1.3, 12);
    expect(g.low!).toBeGreaterThan(0);
    expect(g).toMatchObject({ status: "delight", significant: true, priority: null });
  });

  it("an interval that contains 0 is as promised, even when the estimate is short", () => {
    const g = experienceGap(
      "csat",
      4,
      [
        { score: 3, count: 16 },
        { score: 5, count: 15 },
      ],
      100,
    );
    expect(g.gap!).toBeLessThan(0);
    expect(g.low!).toBeLessThan(0);
    expect(g.high!).toBeGreaterThan(0);
    expect(g).toMatchObject({ status: "as_promised", significant: false, priority: null });
  });

  it("NPS gaps are in NPS points: NPS 30 ± 10.8 vs target 50 → −20 [−30.8, −9.2]", () => {
    const g = experienceGap(
      "nps",
      50,
      [
        { score: 10, count: 100 },
        { score: 7, count: 60 },
        { score: 3, count: 40 },
      ],
      200,
    );
    expect(g.gap).toBeCloseTo(-20, 12);
    expect(g.low).toBeCloseTo(-30.8, 1);
    expect(g.high).toBeCloseTo(-9.2, 1);
    expect(g.status).toBe("friction");
    expect(g.priority).toBeCloseTo(10 * 200, 9); // 20 of 200 points = 10 %
  });

  it("significance is exactly 'the interval excludes 0' for n ≥ 30", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 30, maxLength: 200 }),
        fc.double({ min: 1, max: 7, noNaN: true }),
        (scores, target) => {
          const g = experienceGap("ces", target, distributionFromScores("ces", scores), 10);
          expect(g.significant).toBe(g.low! > 0 || g.high! < 0);
          expect(g.low!).toBeLessThanOrEqual(g.gap!);
          expect(g.high!).toBeGreaterThanOrEqual(g.gap!);
          if (g.priority !== null) expect(g.gap!).toBeLessThan(0);
        },
      ),
    );
  });

  it("rejects a non-finite target or a bad volume", () => {
    const p = perceivedFrom("csat", CSAT_31);
    expect(() => gapFrom("csat", Number.NaN, p, 1)).toThrow(RangeError);
    expect(() => gapFrom("csat", 4, p, -1)).toThrow(RangeError);
    expect(() => gapFrom("csat", 4, p, 1.5)).toThrow(RangeError);
  });
});

describe("volume and priority", () => {
  it("volume is the larger of interactions and responses", () => {
    expect(touchpointVolume(120, 80)).toBe(120);
    expect(touchpointVolume(0, 45)).toBe(45);
    expect(touchpointVolume(0, 0)).toBe(0);
  });

  it("shortfall in % of the scale puts metrics on one axis", () => {
    expect(shortfallPctOfScale("csat", -1.2)).toBeCloseTo(30, 12);
    expect(shortfallPctOfScale("ces", -1.5)).toBeCloseTo(25, 12);
    expect(shortfallPctOfScale("nps", -60)).toBeCloseTo(30, 12);
  });

  it("orders by priority, then unprioritised rows by shortfall, no data last", () => {
    const row = (key: string, metric: "csat" | "nps", target: number, scores: number[], volume: number) => ({
      key,
      gap: experienceGap(metric, target, distributionFromScores(metric, scores), volume),
    });
    const rows = [
      row("a-delight", "csat", 3, Array(40).fill(5), 10),
      row("b-small-friction", "csat", 4.3, Array(40).fill(4), 10), // 0.3 short × 10
      row("c-big-friction", "csat", 4.3, Array(40).fill(2), 10), // 2.3 short × 10
      row("d-no-data", "nps", 30, [], 10),
      row("e-busy-friction", "csat", 4.3, Array(40).fill(4), 1000), // 0.3 short × 1000
      row("f-few", "csat", 4.3, [1, 1], 10),
    ];
    const order = [...rows].sort(byPriority).map((r) => r.key);
    expect(order).toEqual(["e-busy-friction", "c-big-friction", "b-small-friction", "f-few", "a-delight", "d-no-data"]);
  });

  it("overall status: friction wins over delight", () => {
    const g = (status: ExperienceGap["status"]) => ({ status }) as ExperienceGap;
    expect(overallStatus([g("delight"), g("friction")])).toBe("friction");
    expect(overallStatus([g("delight"), g("as_promised")])).toBe("delight");
    expect(overallStatus([g("too_few_responses")])).toBeNull();
    expect(overallStatus([])).toBeNull();
  });
});
