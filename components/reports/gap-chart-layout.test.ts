import { describe, expect, it } from "vitest";
import { experienceGap, type GapMetric } from "@/lib/journeys/gap";
import { axisPosition, gapAxis, gapChartItems, pctOfScale } from "./gap-chart-layout";

/** n answers of `score`, plus as many of score ± 1 so the interval is not zero-width. */
const dist = (score: number, n: number) => [
  { score, count: n },
  { score: score + 1, count: Math.ceil(n / 4) },
  { score: score - 1, count: Math.ceil(n / 4) },
];
const row = (key: string, metric: GapMetric, target: number, score: number, n: number) => ({
  key,
  gap: experienceGap(metric, target, n === 0 ? [] : dist(score, n), n),
});

describe("gap chart order", () => {
  const rows = [
    row("a-as-promised", "csat", 4, 4, 200),
    row("b-small-friction", "csat", 4.2, 3, 60),
    row("c-too-few-worst", "csat", 5, 2, 6),
    row("d-big-friction-nps", "nps", 100, 7, 200),
    row("e-delight", "ces", 3, 5, 200),
    row("f-none", "csat", 4, 4, 0),
    row("g-big-friction-ces", "ces", 6, 3, 300),
  ];
  const items = gapChartItems(rows);

  it("puts friction first, largest shortfall (in % of the scale) first; then the rest by gap; too few; none", () => {
    expect(rows.map((r) => r.gap.status)).toEqual([
      "as_promised",
      "friction",
      "too_few_responses",
      "friction",
      "delight",
      "no_responses",
      "friction",
    ]);
    expect(items.map((i) => i.row.key)).toEqual([
      "d-big-friction-nps",
      "g-big-friction-ces",
      "b-small-friction",
      "a-as-promised",
      "e-delight",
      "c-too-few-worst",
      "f-none",
    ]);
    const friction = items.filter((i) => i.row.gap.status === "friction").map((i) => i.pct!);
    expect([...friction].sort((a, b) => a - b)).toEqual(friction);
  });

  it("does not reorder the caller's rows and is stable on ties (by key)", () => {
    const before = rows.map((r) => r.key);
    gapChartItems(rows);
    expect(rows.map((r) => r.key)).toEqual(before);
    const twins = [row("z", "csat", 4, 4, 100), row("y", "csat", 4, 4, 100)];
    expect(gapChartItems(twins).map((i) => i.row.key)).toEqual(["y", "z"]);
  });

  it("draws an interval only from n = 30 (shownInterval), the point always when there are responses", () => {
    const few = items.find((i) => i.row.key === "c-too-few-worst")!;
    expect(few.row.gap.low).not.toBeNull(); // the maths has one …
    expect(few.interval).toBeNull(); // … the chart does not draw it
    expect(few.pct).toBeCloseTo(pctOfScale("csat", few.row.gap.gap!), 12);
    expect(items.find((i) => i.row.key === "f-none")!).toMatchObject({ pct: null, interval: null });
    const nps = items[0];
    expect(nps.interval!.low).toBeCloseTo((100 * nps.row.gap.low!) / 200, 12);
    expect(nps.interval!.high).toBeCloseTo((100 * nps.row.gap.high!) / 200, 12);
    expect(nps.interval!.low).toBeLessThan(nps.pct!);
    expect(nps.interval!.high).toBeLessThan(0); // friction: the whole interval below the promise
    const at29 = gapChartItems([row("x", "csat", 4, 3, 29 - 2 * Math.ceil(29 / 4))]);
    expect(at29[0].row.gap.perceived.n).toBeLessThan(30);
    expect(at29[0].interval).toBeNull();
  });

  it("puts CSAT, CES and NPS gaps on one yardstick: % of the scale's range", () => {
    expect(pctOfScale("csat", -1)).toBe(-25);
    expect(pctOfScale("ces", -1.5)).toBe(-25);
    expect(pctOfScale("nps", -50)).toBe(-25);
  });
});

describe("gap chart axis", () => {
  it("holds 0, every point and interval, on round ticks", () => {
    const axis = gapAxis([
      { pct: -31, interval: { low: -37, high: -25 } },
      { pct: 4, interval: null },
      { pct: null, interval: null },
    ]);
    expect(axis.min).toBeLessThanOrEqual(-37);
    expect(axis.max).toBeGreaterThanOrEqual(4);
    expect(axis.ticks).toContain(0);
    expect(axis.ticks[0]).toBe(axis.min);
    expect(axis.ticks.at(-1)).toBe(axis.max);
    expect(axis.ticks.length).toBeLessThanOrEqual(7);
    expect(axis).toEqual({ min: -40, max: 10, ticks: [-40, -30, -20, -10, 0, 10] });
  });

  it("has a default width when every gap is 0 or unknown", () => {
    expect(gapAxis([])).toEqual({ min: -5, max: 5, ticks: [-5, 0, 5] });
    expect(
      gapAxis([
        { pct: 0, interval: null },
        { pct: null, interval: null },
      ]),
    ).toEqual({
      min: -5,
      max: 5,
      ticks: [-5, 0, 5],
    });
  });

  it("positions values in % of the plot, clamped", () => {
    const axis = { min: -40, max: 10 };
    expect(axisPosition(axis, -40)).toBe(0);
    expect(axisPosition(axis, 0)).toBe(80);
    expect(axisPosition(axis, 10)).toBe(100);
    expect(axisPosition(axis, 99)).toBe(100);
  });
});
