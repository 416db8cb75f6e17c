// Display helpers for live figures: value ± half-width with n, on the promise's scale.
import { formatNumber, shownInterval } from "@/lib/metrics";
import { GAP_SCALES, type GapMetric, type Perceived } from "@/lib/journeys/gap";

export const METRIC_NAMES: Record<GapMetric, string> = { csat: "CSAT", ces: "CES", nps: "NPS" };
export const SCALE_SUFFIX: Record<GapMetric, string> = { csat: " of 5", ces: " of 7", nps: "" };

export const fmt = (metric: GapMetric, x: number | null) =>
  x === null ? "—" : formatNumber(x, GAP_SCALES[metric].decimals);

/**
 * "± 0.16" — half the interval's width (intervals clamped at the scale ends are slightly asymmetric). Null
 * below MIN_N, like every interval shown (lib/metrics/format.ts, shownInterval).
 */
export function plusMinus(p: Pick<Perceived, "metric" | "low" | "high" | "enough">): string | null {
  const i = shownInterval(p);
  if (!i) return null;
  return `\u00b1 ${formatNumber((i.high - i.low) / 2, p.metric === "nps" ? 1 : 2)}`;
}

/** "3.9 to 4.3", or "—" (no interval, or below MIN_N). */
export function range(metric: GapMetric, p: { low: number | null; high: number | null; enough: boolean }): string {
  const i = shownInterval(p);
  return i ? `${fmt(metric, i.low)} to ${fmt(metric, i.high)}` : "—";
}

export function signed(metric: GapMetric, x: number | null): string {
  if (x === null) return "—";
  const s = fmt(metric, x);
  return x > 0 && s !== fmt(metric, 0) ? `+${s}` : s;
}

export function emotionText(avg: number | null): string {
  return avg === null ? "—" : signed("csat", avg);
}
