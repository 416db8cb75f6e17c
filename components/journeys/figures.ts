// Display helpers for live figures: value ± half-width with n, on the promise's scale. Numbers in the page's
// language: pass its formatters (`useFormats()` / `getFormats()`); without them English, as the pages not yet
// converted print them.
import { shownInterval } from "@/lib/metrics";
import { formatsFor, type Formats } from "@/lib/i18n/format";
import {
  GAP_METRICS,
  GAP_SCALES,
  type ExperienceGap,
  type GapMetric,
  type GapStatus,
  type Perceived,
} from "@/lib/journeys/gap";
import type { LiveFigures } from "@/lib/journeys/map";

const EN = formatsFor("en");

export const METRIC_NAMES: Record<GapMetric, string> = { csat: "CSAT", ces: "CES", nps: "NPS" };
/** English only; converted pages use the message `journeys.figures.scale`. */
export const SCALE_SUFFIX: Record<GapMetric, string> = { csat: " of 5", ces: " of 7", nps: "" };

export const fmt = (metric: GapMetric, x: number | null, f: Formats = EN) =>
  x === null ? "—" : f.number(x, GAP_SCALES[metric].decimals);

/**
 * "± 0.16" — half the interval's width (intervals clamped at the scale ends are slightly asymmetric). Null
 * below MIN_N, like every interval shown (lib/metrics/format.ts, shownInterval).
 */
export function plusMinus(p: Pick<Perceived, "metric" | "low" | "high" | "enough">, f: Formats = EN): string | null {
  const i = shownInterval(p);
  if (!i) return null;
  return `\u00b1 ${f.number((i.high - i.low) / 2, p.metric === "nps" ? 1 : 2)}`;
}

/** "3.9 to 4.3", or "—" (no interval, or below MIN_N); `to` is the word between the ends. */
export function range(
  metric: GapMetric,
  p: { low: number | null; high: number | null; enough: boolean },
  f: Formats = EN,
  to = "to",
): string {
  const i = shownInterval(p);
  return i ? `${fmt(metric, i.low, f)} ${to} ${fmt(metric, i.high, f)}` : "—";
}

export function signed(metric: GapMetric, x: number | null, f: Formats = EN): string {
  if (x === null) return "—";
  const s = fmt(metric, x, f);
  return x > 0 && s !== fmt(metric, 0, f) ? `+${s}` : s;
}

export function emotionText(avg: number | null, f: Formats = EN): string {
  return avg === null ? "—" : signed("csat", avg, f);
}

/** "(n = 1,234)" that never wraps inside (lib/i18n/format.ts, nEquals). */
export const sampleNote = (n: number, f: Formats = EN) => `(${f.nEquals(n)})`;

/** "CSAT 3.62 ± 0.12"; below MIN_N the value without an interval; null with no responses. */
export function figureText(p: Perceived, f: Formats = EN): string | null {
  if (p.n === 0 || p.value === null) return null;
  const pm = plusMinus(p, f);
  return `${METRIC_NAMES[p.metric]} ${fmt(p.metric, p.value, f)}${pm ? ` ${pm}` : ""}`;
}

const STATUS_RANK: Record<GapStatus, number> = {
  friction: 0,
  delight: 1,
  as_promised: 2,
  too_few_responses: 3,
  no_responses: 4,
};

/**
 * The one figure a touchpoint's tile on the overview shows: the gap that matters most (a friction point first,
 * the largest priority among several, then a moment of delight, then any promised metric with responses), else
 * the first metric with responses; null when nothing was measured and nothing promised.
 */
export function headlineOf(live: Pick<LiveFigures, "metrics" | "gaps">): {
  metric: GapMetric;
  gap: ExperienceGap | null;
} | null {
  const gaps = [...live.gaps].sort(
    (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || (b.priority ?? 0) - (a.priority ?? 0),
  );
  if (gaps[0] && gaps[0].status !== "no_responses") return { metric: gaps[0].metric, gap: gaps[0] };
  const measured = GAP_METRICS.find((m) => live.metrics[m].n > 0);
  if (measured) return { metric: measured, gap: null };
  return gaps[0] ? { metric: gaps[0].metric, gap: gaps[0] } : null;
}
