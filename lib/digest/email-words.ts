// The digest e-mail's sentences in the recipient's language (messages/<locale>/email.json `digest`, rendered with
// next-intl's createTranslator: no request needed, the scheduler sends it), with that language's numbers and dates.
// English is what the e-mail always said: lib/metrics' fixed decimals ("50.0"), counts without grouping ("1234");
// German has its separators ("50,0", "1.234"). The figures themselves are lib/digest/present.ts', shared with the page.
import { createTranslator } from "next-intl";
import { MIN_N, shownInterval, shownMargin, type Comparison, type Metric } from "../metrics";
import type { MetricsOf } from "../analytics/series";
import { messagesFor } from "../i18n/catalogues";
import { formatsFor } from "../i18n/format";
import { INTL_TAGS, type AppLocale } from "../i18n/config";
import type { DigestChange } from "./select";
import type { DigestThemeChange, DigestThemes } from "./themes";
import { valueOf } from "./select";
import { DECIMALS, deltaAmount, formatP, formatValue, METRIC_LABELS, periodLabel } from "./present";

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "email.digest" });
}

export type DigestWords = {
  locale: AppLocale;
  t: ReturnType<typeof translator>;
  /** Fixed decimals: "50.0" · "50,0". */
  num: (x: number, decimals: number) => string;
  /** Whole counts: "1234" (as the English e-mail always printed) · "1.234". */
  count: (n: number) => string;
  /** "9 – 15 Nov 2026" · "9.–15. Nov. 2026" (UTC). */
  period: (p: { from: Date; to: Date }) => string;
};

const cache = new Map<AppLocale, DigestWords>();

export function digestWords(locale: AppLocale = "en"): DigestWords {
  let w = cache.get(locale);
  if (!w) {
    const f = formatsFor(locale);
    w = {
      locale,
      t: translator(locale),
      num: f.number,
      count: locale === "en" ? String : f.count,
      period: (p) => periodLabel(p, INTL_TAGS[locale]),
    };
    cache.set(locale, w);
  }
  return w;
}

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
  verdict: "significant" | "notSignificant" | "tooFew" | "unknown";
  text: string;
};

function sampleText(w: DigestWords, n: number, enough: boolean): string {
  if (n === 0) return w.t("sample.none");
  return enough ? w.t("sample.enough", { n: w.count(n) }) : w.t("sample.tooFew", { n: w.count(n) });
}

/** "4.0 points" (NPS, CSAT), "0.25" (CES scale points): the size of a change without its sign. */
function formatDelta(w: DigestWords, metric: Metric, delta: number): string {
  return w.t("delta", { amount: deltaAmount(metric, delta, w.num), metric });
}

/** "up 4.0 points, significant" / "down 0.12, not significant" / "no responses in one of the weeks". */
function describeChange(w: DigestWords, metric: Metric, c: Comparison): ChangeText {
  if (c.delta === null) return { direction: "unknown", verdict: "unknown", text: w.t("change.unknown") };
  const key = c.reason === "too_few_responses" ? "tooFew" : c.significant ? "significant" : "notSignificant";
  const verdict = w.t(`verdict.${key}`);
  // "No change" as the figure is printed: a delta that rounds to 0.0 (0.00 for CES).
  if (Number(deltaAmount(metric, c.delta)) === 0)
    return { direction: "none", verdict: key, text: w.t("change.none", { verdict }) };
  const up = c.delta > 0;
  const amount = formatDelta(w, metric, c.delta);
  return {
    direction: up ? "up" : "down",
    verdict: key,
    text: w.t("change.moved", { up: String(up), amount, verdict }),
  };
}

// Below n = 30 no interval: the sample line says "too few responses" (../metrics/format.ts, shownInterval).
function intervalOf(w: DigestWords, metric: Metric, m: MetricsOf): string | null {
  if (metric === "nps") {
    const margin = shownMargin(m.nps);
    return margin === null ? null : `\u00b1 ${w.num(margin, 1)}`;
  }
  const i = shownInterval(m[metric]);
  if (!i) return null;
  return `[${w.num(i.low, DECIMALS[metric])} \u2013 ${w.num(i.high, DECIMALS[metric])}]`;
}

export function metricLine(
  w: DigestWords,
  metric: Metric,
  current: MetricsOf,
  previous: MetricsOf,
  change: Comparison,
): MetricLine {
  const r = current[metric];
  const before = previous[metric];
  const prevValue = formatValue(metric, valueOf(before), w.num);
  return {
    metric,
    label: METRIC_LABELS[metric],
    value: formatValue(metric, valueOf(r), w.num),
    interval: intervalOf(w, metric, current),
    n: r.n,
    enough: r.enough,
    sample: sampleText(w, r.n, r.enough),
    previous:
      prevValue === null
        ? w.t("previous.none")
        : w.t("previous.value", { value: prevValue, sample: sampleText(w, before.n, before.enough) }),
    change: describeChange(w, metric, change),
  };
}

/** "CSAT 72.0 % → 84.5 %, up 12.5 points (n = 48 → 51)". */
export function changeLine(w: DigestWords, c: DigestChange): string {
  return w.t("changeLine", {
    metric: METRIC_LABELS[c.metric],
    previous: formatValue(c.metric, c.previous, w.num) ?? "—",
    current: formatValue(c.metric, c.current, w.num) ?? "—",
    up: String(c.delta > 0),
    delta: formatDelta(w, c.metric, c.delta),
    nPrevious: w.count(c.nPrevious),
    nCurrent: w.count(c.nCurrent),
  });
}

/** "10.0 % → 18.0 % of comments, up 8.0 points (n = 400 → 500 comments; adjusted p = 0.0035)". */
export function themeChangeLine(w: DigestWords, c: DigestThemeChange): string {
  const share = (x: number | null) => (x === null ? "—" : `${w.num(x, 1)} %`);
  const d = c.delta ?? 0;
  return w.t("themes.line", {
    previous: share(c.previous.share),
    current: share(c.current.share),
    up: String(d > 0),
    amount: w.num(Math.abs(d), 1),
    nPrevious: w.count(c.previous.comments),
    nCurrent: w.count(c.current.comments),
    adjusted: String(c.adjustedP !== null),
    p: c.adjustedP === null ? "" : formatP(c.adjustedP, w.num),
  });
}

/** The lines under the theme changes: what was not tested and why (none when everything was tested). */
export function themeNotes(w: DigestWords, t: DigestThemes): string[] {
  const out: string[] = [];
  const { previous, current } = t.comments;
  if (previous < MIN_N || current < MIN_N)
    out.push(w.t("themes.tooFew", { previous: w.count(previous), current: w.count(current) }));
  else if (t.untested > 0) out.push(w.t("themes.untested", { count: t.untested }));
  if (t.significant > t.changes.length) out.push(w.t("more", { count: w.count(t.significant - t.changes.length) }));
  return out;
}
