// The gap reports' numbers in the page's language: a figure on the promise's scale ("3.62" · "3,62"), signed
// ("+0.40" · "+0,40"), in % of the scale for the chart's axis. English is what components/journeys/figures.ts
// prints; these take the page's formatters (lib/i18n/format.ts) instead of the English ones.
import { GAP_SCALES, type GapMetric } from "@/lib/journeys/gap";
import type { Formats } from "@/lib/i18n/format";

export type GapFigures = {
  fmt: (metric: GapMetric, x: number | null) => string;
  signed: (metric: GapMetric, x: number | null) => string;
};

export function gapFigures(f: Formats): GapFigures {
  const fmt = (metric: GapMetric, x: number | null) => (x === null ? "—" : f.number(x, GAP_SCALES[metric].decimals));
  const signed = (metric: GapMetric, x: number | null) => {
    if (x === null) return "—";
    const s = fmt(metric, x);
    return x > 0 && s !== fmt(metric, 0) ? `+${s}` : s;
  };
  return { fmt, signed };
}
