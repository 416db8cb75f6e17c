// Figures of the digest, shared by the e-mail (./email.ts, its sentences in ./email-words.ts) and the page
// (app/(app)/reports/digest), so both print them alike. Numbers are formatted by lib/metrics (true minus sign),
// in the reader's language when given its `number` (lib/i18n/format.ts). Below n = 30 the figure is still shown,
// flagged "too few responses (n = …)", without an interval (docs/metrics.md, "Conventions that apply to every figure").
import { formatNumber, type Metric } from "../metrics";
import type { DigestChange } from "./select";

export const METRIC_LABELS: Record<Metric, string> = { nps: "NPS", csat: "CSAT", ces: "CES" };
export const DECIMALS: Record<Metric, number> = { nps: 0, csat: 1, ces: 2 };
const DELTA_DECIMALS: Record<Metric, number> = { nps: 1, csat: 1, ces: 2 };

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

/** "Phone support call (Support)" for a touchpoint with its journey; a journey by its name alone. */
export function placeName(c: Pick<DigestChange, "scope" | "name" | "journeyName">): string {
  return c.scope === "touchpoint" && c.journeyName ? `${c.name} (${c.journeyName})` : c.name;
}

/** A p-value as the digest prints it: "0.0035", "< 0.0001". */
export function formatP(p: number, num: NumberFormat = formatNumber): string {
  return p < 0.0001 ? `< ${num(0.0001, 4)}` : num(p, p < 0.01 ? 4 : 3);
}

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
