// Display strings for the digest, shared by the e-mail (./email.ts) and the page (app/(app)/reports/digest), so
// both say exactly the same thing. Numbers are formatted by lib/metrics (true minus sign). Below n = 30 the
// figure is still shown, flagged "too few responses (n = …)", without an interval
// (docs/metrics.md, "Conventions that apply to every figure").
import { formatNumber, MIN_N, shownInterval, shownMargin, type Comparison, type Metric } from "../metrics";
import type { MetricsOf } from "../analytics/series";
import type { DigestChange } from "./select";
import type { DigestThemeChange, DigestThemes } from "./themes";
import { valueOf } from "./select";

export const METRIC_LABELS: Record<Metric, string> = { nps: "NPS", csat: "CSAT", ces: "CES" };
const DECIMALS: Record<Metric, number> = { nps: 0, csat: 1, ces: 2 };
const DELTA_DECIMALS: Record<Metric, number> = { nps: 1, csat: 1, ces: 2 };
const DELTA_UNIT: Record<Metric, string> = { nps: " points", csat: " points", ces: "" };

export type MetricLine = {
  metric: Metric;
  label: string;
  /** "31", "82.4 %", "5.21"; null when there were no responses. */
  value: string | null;
  /** "± 6.2", "[78.1 – 86.0]"; null when unknown or below n = 30. */
  interval: string | null;
  n: number;
  enough: boolean;
  /** "n = 212", "too few responses (n = 12)" or "no responses (n = 0)". */
  sample: string;
  /** The week before: "26 (n = 190)" or "no responses". */
  previous: string;
  change: ChangeText;
};

export type ChangeText = {
  direction: "up" | "down" | "none" | "unknown";
  amount: string | null;
  verdict: string;
  text: string;
};

/** Fixed decimals: lib/metrics' English form unless a page passes its language's (lib/i18n/format.ts, number). */
type NumberFormat = (x: number, decimals: number) => string;

export function formatValue(metric: Metric, value: number | null, num: NumberFormat = formatNumber): string | null {
  if (value === null) return null;
  return `${num(value, DECIMALS[metric])}${metric === "csat" ? " %" : ""}`;
}

/** The size of a change without its sign or unit: "4.0" (NPS, CSAT points), "0.25" (CES). */
export function deltaAmount(metric: Metric, delta: number, num: NumberFormat = formatNumber): string {
  return num(Math.abs(delta), DELTA_DECIMALS[metric]);
}

export function sampleText(n: number, enough: boolean): string {
  if (n === 0) return "no responses (n = 0)";
  return enough ? `n = ${n}` : `too few responses (n = ${n})`;
}

/** The size of a change without its sign: "4.0 points" (NPS, CSAT), "0.25" (CES scale points). */
export function formatDelta(metric: Metric, delta: number): string {
  return `${deltaAmount(metric, delta)}${DELTA_UNIT[metric]}`;
}

/** "up 4.0 points, significant" / "down 0.12, not significant" / "too few responses to test". */
export function describeChange(metric: Metric, c: Comparison): ChangeText {
  const verdict =
    c.reason === "too_few_responses" ? "too few responses to test" : c.significant ? "significant" : "not significant";
  if (c.delta === null)
    return {
      direction: "unknown",
      amount: null,
      verdict: "no responses in one of the weeks",
      text: "no responses in one of the weeks",
    };
  if (Number(formatNumber(Math.abs(c.delta), DELTA_DECIMALS[metric])) === 0)
    return { direction: "none", amount: null, verdict, text: `no change, ${verdict}` };
  const direction = c.delta > 0 ? "up" : "down";
  const amount = formatDelta(metric, c.delta);
  return { direction, amount, verdict, text: `${direction} ${amount}, ${verdict}` };
}

// Below n = 30 no interval: the sample line says "too few responses" (../metrics/format.ts, shownInterval).
function intervalOf(metric: Metric, m: MetricsOf): string | null {
  if (metric === "nps") {
    const margin = shownMargin(m.nps);
    return margin === null ? null : `\u00b1 ${formatNumber(margin, 1)}`;
  }
  const i = shownInterval(m[metric]);
  if (!i) return null;
  return `[${formatNumber(i.low, DECIMALS[metric])} \u2013 ${formatNumber(i.high, DECIMALS[metric])}]`;
}

export function metricLine(metric: Metric, current: MetricsOf, previous: MetricsOf, change: Comparison): MetricLine {
  const r = current[metric];
  const before = previous[metric];
  const prevValue = formatValue(metric, valueOf(before));
  return {
    metric,
    label: METRIC_LABELS[metric],
    value: formatValue(metric, valueOf(r)),
    interval: intervalOf(metric, current),
    n: r.n,
    enough: r.enough,
    sample: sampleText(r.n, r.enough),
    previous: prevValue === null ? "no responses" : `${prevValue} (${sampleText(before.n, before.enough)})`,
    change: describeChange(metric, change),
  };
}

/** "Phone support call (Support)" for a touchpoint with its journey; a journey by its name alone. */
export function placeName(c: Pick<DigestChange, "scope" | "name" | "journeyName">): string {
  return c.scope === "touchpoint" && c.journeyName ? `${c.name} (${c.journeyName})` : c.name;
}

/** "CSAT 72.0 % → 84.5 %, up 12.5 points (n = 48 → 51)". */
export function changeLine(c: DigestChange): string {
  const direction = c.delta > 0 ? "up" : "down";
  return `${METRIC_LABELS[c.metric]} ${formatValue(c.metric, c.previous)} \u2192 ${formatValue(c.metric, c.current)}, ${direction} ${formatDelta(c.metric, c.delta)} (n = ${c.nPrevious} \u2192 ${c.nCurrent})`;
}

/** A p-value as the digest prints it: "0.0035", "< 0.0001". */
export function formatP(p: number, num: NumberFormat = formatNumber): string {
  return p < 0.0001 ? `< ${num(0.0001, 4)}` : num(p, p < 0.01 ? 4 : 3);
}

/** "10.0 % → 18.0 % of comments, up 8.0 points (n = 400 → 500 comments; adjusted p = 0.0035)". */
export function themeChangeLine(c: DigestThemeChange): string {
  const share = (x: number | null) => (x === null ? "—" : `${formatNumber(x, 1)} %`);
  const d = c.delta ?? 0;
  const p = c.adjustedP === null ? "" : `; adjusted p = ${formatP(c.adjustedP)}`;
  return `${share(c.previous.share)} \u2192 ${share(c.current.share)} of comments, ${d > 0 ? "up" : "down"} ${formatNumber(Math.abs(d), 1)} points (n = ${c.previous.comments} \u2192 ${c.current.comments} comments${p})`;
}

/** The lines under the theme changes: what was not tested and why (none when everything was tested). */
export function themeNotes(t: DigestThemes): string[] {
  const out: string[] = [];
  const { previous, current } = t.comments;
  if (previous < MIN_N || current < MIN_N)
    out.push(
      `Too few analysed comments to test (n = ${previous} \u2192 ${current}; at least 30 in each week are needed).`,
    );
  else if (t.untested > 0)
    out.push(
      `${t.untested} theme${t.untested === 1 ? " was" : "s were"} mentioned too rarely to test (an expected count under 5).`,
    );
  if (t.significant > t.changes.length) out.push(`… and ${t.significant - t.changes.length} more significant changes.`);
  return out;
}

/** The empty state of the theme changes. */
export const NO_THEME_CHANGES = "No theme's share of comments changed significantly between the two weeks.";

const dayFmts = new Map<string, Intl.DateTimeFormat>();

/**
 * "16 – 22 Nov 2026" for [from, to): the last day shown is the day before `to`; in UTC, as the digest's weeks are.
 * `intlTag` is the language's ("de-DE": "16.–22. Nov. 2026"; lib/i18n/config.ts INTL_TAGS).
 */
export function periodLabel(p: { from: Date; to: Date }, intlTag = "en-GB"): string {
  let fmt = dayFmts.get(intlTag);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(intlTag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    dayFmts.set(intlTag, fmt);
  }
  return fmt.formatRange(p.from, new Date(p.to.getTime() - 1));
}
