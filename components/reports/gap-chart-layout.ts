// The experience-gap chart's order and axis, pure. Gaps of CSAT (1–5), CES (1–7) and NPS (−100..100) share one
// axis in % of their scale's range — the same yardstick the report's priority uses (lib/journeys/gap.ts) — so a
// row's position says how far short of (or above) its promise it is, whatever the metric.
//
// Order, friction first: friction points (significantly below the promise), then the other gaps measured on
// 30 or more responses, then "too few responses", then "no responses"; within each group the largest shortfall
// first (ties by key). An interval is drawn only where shownInterval (lib/metrics/format.ts) gives one: never
// below n = 30, so a handful of answers never shows a narrow whisker that reads as certainty.
import { GAP_SCALES, type ExperienceGap, type GapMetric } from "@/lib/journeys/gap";
import { shownInterval } from "@/lib/metrics";

export type GapChartItem<T> = {
  row: T;
  /** The gap in % of the metric's scale range (null: no responses). */
  pct: number | null;
  /** The gap's 95 % interval in % of the scale, or null when none is shown (n < 30, or unknown). */
  interval: { low: number; high: number } | null;
};

/** x (a gap on the metric's scale) in % of that scale's range, signed. */
export function pctOfScale(metric: GapMetric, x: number): number {
  const { min, max } = GAP_SCALES[metric];
  return (100 * x) / (max - min);
}

const GROUP: Record<ExperienceGap["status"], number> = {
  friction: 0,
  as_promised: 1,
  delight: 1,
  too_few_responses: 2,
  no_responses: 3,
};

/** The rows as the chart shows them: friction first, then by the size of the shortfall (see above). */
export function gapChartItems<T extends { key: string; gap: ExperienceGap }>(rows: readonly T[]): GapChartItem<T>[] {
  const items = rows.map((row) => {
    const g = row.gap;
    const shown = shownInterval({ low: g.low, high: g.high, enough: g.perceived.enough });
    return {
      row,
      pct: g.gap === null ? null : pctOfScale(g.metric, g.gap),
      interval: shown && { low: pctOfScale(g.metric, shown.low), high: pctOfScale(g.metric, shown.high) },
    };
  });
  return items.sort(
    (a, b) =>
      GROUP[a.row.gap.status] - GROUP[b.row.gap.status] ||
      (a.pct ?? Infinity) - (b.pct ?? Infinity) ||
      (a.row.key < b.row.key ? -1 : a.row.key > b.row.key ? 1 : 0),
  );
}

export type GapAxis = { min: number; max: number; ticks: number[] };

const STEPS = [1, 2, 5, 10, 20, 25, 50];

/**
 * The axis over every item (shown or not, so "show all" does not rescale): it always holds 0, every point and
 * every drawn interval, widened to whole steps of 1, 2, 5, 10, 20, 25 or 50 % with at most 6 intervals between ticks.
 */
export function gapAxis(items: readonly Pick<GapChartItem<unknown>, "pct" | "interval">[]): GapAxis {
  let lo = 0;
  let hi = 0;
  for (const i of items) {
    for (const v of [i.pct, i.interval?.low, i.interval?.high]) {
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (lo === hi) return { min: -5, max: 5, ticks: [-5, 0, 5] };
  const step = STEPS.find((s) => Math.ceil(hi / s) - Math.floor(lo / s) <= 6) ?? 50;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max + 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6 + 0);
  return { min, max, ticks };
}

/** Where v sits on the axis, in % of the plot's width (clamped to it). */
export function axisPosition(axis: Pick<GapAxis, "min" | "max">, v: number): number {
  const p = (100 * (v - axis.min)) / (axis.max - axis.min);
  return Math.min(100, Math.max(0, p));
}
