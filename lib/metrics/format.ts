/**
 * Display strings for the dashboard. A figure below MIN_N is flagged "too few responses" but
 * still returned (`figure`), never hidden. Negative numbers use the true minus sign "−" (U+2212).
 */
import type { Metric } from "./categories";
import type { CesResult } from "./ces";
import type { CsatResult } from "./csat";
import type { NpsResult } from "./nps";

export type MetricResult = NpsResult | CsatResult | CesResult;

export interface FormattedMetric {
  readonly metric: Metric;
  readonly n: number;
  /** The figure alone, e.g. "NPS 30 ± 10.8"; present whenever n ≥ 1 (even below MIN_N). */
  readonly figure: string | null;
  /**
   * What to print: "NPS 30 ± 10.8 (n = 200)" when n ≥ MIN_N, otherwise
   * "too few responses (n = 12)", or "no responses (n = 0)".
   */
  readonly text: string;
  readonly enough: boolean;
  readonly flag: "too_few_responses" | null;
}

/**
 * Fixed decimals, no "-0", true minus sign for negatives. Without `intlTag` the English form the app has always
 * printed ("1234.5", no grouping); with one, that locale's separators ("de-DE": "1.234,5"; lib/i18n/format.ts).
 */
export function formatNumber(x: number, decimals: number, intlTag?: string): string {
  const s = x.toFixed(decimals);
  if (Number(s) === 0) return (0).toFixed(decimals).replace(".", intlTag ? decimalSeparator(intlTag) : ".");
  const abs = intlTag
    ? new Intl.NumberFormat(intlTag, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
        Math.abs(Number(s)),
      )
    : s.replace(/^-/, "");
  return s.startsWith("-") ? `\u2212${abs}` : abs;
}

function decimalSeparator(intlTag: string): string {
  return new Intl.NumberFormat(intlTag).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
}

/**
 * "n = 123" with no-break spaces, so a line never breaks between "n", "=" and the number (a wrapped
 * "(n =" / "123)" reads as two figures). Every "n = …" on screen goes through this; pass the number already
 * formatted where it has thousands separators.
 */
export function nEquals(n: number | string): string {
  return `n\u00a0=\u00a0${n}`;
}

function range(low: number, high: number, decimals: number, intlTag?: string): string {
  return `[${formatNumber(low, decimals, intlTag)}\u2013${formatNumber(high, decimals, intlTag)}]`;
}

/** "NPS 30 ± 10.8" — NPS as a whole number, margin of error to one decimal. */
export function formatNpsFigure(r: NpsResult): string | null {
  if (r.nps === null || r.marginOfError === null) return null;
  return `NPS ${formatNumber(r.nps, 0)} \u00b1 ${formatNumber(r.marginOfError, 1)}`;
}

/** "CSAT 80.0% [71.1–86.7], mean 4.12" — top-2-box % with Wilson interval, mean second. */
export function formatCsatFigure(r: CsatResult): string | null {
  if (r.csat === null || r.low === null || r.high === null || r.mean === null) return null;
  return `CSAT ${formatNumber(r.csat, 1)}% ${range(r.low, r.high, 1)}, mean ${formatNumber(r.mean, 2)}`;
}

/** "CES 5.20 [4.95–5.45] on 1–7, 68.0% agree" (no interval when n = 1). */
export function formatCesFigure(r: CesResult): string | null {
  if (r.mean === null || r.agreePct === null) return null;
  const interval = r.low !== null && r.high !== null ? ` ${range(r.low, r.high, 2)}` : "";
  return `CES ${formatNumber(r.mean, 2)}${interval} on ${r.scale.min}\u2013${r.scale.max}, ${formatNumber(r.agreePct, 1)}% agree`;
}

function figureOf(result: MetricResult): string | null {
  switch (result.metric) {
    case "nps":
      return formatNpsFigure(result);
    case "csat":
      return formatCsatFigure(result);
    case "ces":
      return formatCesFigure(result);
  }
}

/** Formats any metric result for display, flagging n < MIN_N instead of hiding the figure. */
export function formatMetric(result: MetricResult): FormattedMetric {
  const { metric, n, enough } = result;
  const figure = figureOf(result);
  const sample = `(${nEquals(n)})`;
  let text: string;
  if (n === 0 || figure === null) text = `no responses ${sample}`;
  else if (!enough) text = `too few responses ${sample}`;
  else text = `${figure} ${sample}`;
  return { metric, n, figure, text, enough, flag: enough ? null : "too_few_responses" };
}

/**
 * The interval to print beside a figure, or null when none should be. Below MIN_N no interval is shown: the
 * normal approximation behind it does not hold on a handful of answers, and when they all agree (three
 * detractors) it collapses to zero width, "−100.0 – −100.0", which reads as certainty. The figure itself
 * stays, flagged "too few responses (n = …)". A missing bound (n = 0, or CES with n = 1) is null too.
 */
export function shownInterval(p: {
  low: number | null;
  high: number | null;
  enough: boolean;
}): { low: number; high: number } | null {
  if (!p.enough || p.low === null || p.high === null) return null;
  return { low: p.low, high: p.high };
}

/** NPS's "± margin" under the same rule as shownInterval. */
export function shownMargin(r: { marginOfError: number | null; enough: boolean }): number | null {
  return r.enough ? r.marginOfError : null;
}

/**
 * A response rate for display: "38.3 % [30.1–47.3]" with its Wilson interval from 30 delivered invitations,
 * "20.0 %" below that (the rate stays, the interval goes, as for every figure), null without a base. With an
 * `intlTag` that locale's separators ("de-DE": "38,3 % [30,1–47,3]"), as formatNumber.
 */
export function formatResponseRate(
  r: {
    rate: number | null;
    low: number | null;
    high: number | null;
    enough: boolean;
  },
  intlTag?: string,
): string | null {
  if (r.rate === null) return null;
  const i = shownInterval(r);
  return `${formatNumber(r.rate, 1, intlTag)}\u00a0%${i ? ` ${range(i.low, i.high, 1, intlTag)}` : ""}`;
}
