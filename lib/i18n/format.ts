// Dates and numbers for display, per locale. English output is what the app always printed (en-GB: "5 Dec 2026",
// "5 Dec 2026, 14:05", counts "1,234", fixed decimals "30.5" without grouping); German follows de-DE ("5. Dez. 2026",
// "1.234", "1.234,5"). Negative numbers use the true minus sign (U+2212); "n = …" and "… %" never break a line.
// Pure: server components use `getFormats()` (lib/i18n/server.ts), client components `useFormats()`
// (components/i18n/use-formats.ts), and components/ui/format.ts keeps the English functions for pages not yet
// converted. docs/i18n.md, "Dates and numbers".
import { formatNumber } from "../metrics/format";
import { INTL_TAGS, type AppLocale } from "./config";

type DateLike = Date | string | null | undefined;

export type Formats = {
  locale: AppLocale;
  /** "5 Dec 2026" · "5. Dez. 2026"; `empty` (default "—") for no date. */
  date(value: DateLike, empty?: string): string;
  /** "5 Dec 2026, 14:05" · "5. Dez. 2026, 14:05". */
  dateTime(value: DateLike, empty?: string): string;
  /** "24 Aug – 22 Nov 2026" · "24. Aug. – 22. Nov. 2026" (the year once when both ends share it). */
  period(from: Date, to: Date): string;
  /** Whole numbers with grouping: "1,234" · "1.234". */
  count(n: number): string;
  /** Fixed decimals, no "-0", true minus: "1234.5" · "1.234,5". */
  number(x: number, decimals: number): string;
  /** A percentage already on 0–100: "38.3 %" · "38,3 %" (no-break space). */
  percent(x: number, decimals?: number): string;
  /** "n = 1,234" · "n = 1.234" with no-break spaces. */
  nEquals(n: number): string;
};

function toDate(value: DateLike): Date | null {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function build(locale: AppLocale): Formats {
  const tag = INTL_TAGS[locale];
  const dateFmt = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric" });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  const intFmt = new Intl.NumberFormat(tag);
  // English keeps its ungrouped fixed decimals (lib/metrics/format.ts); other languages use their own separators.
  const number = (x: number, decimals: number) =>
    locale === "en" ? formatNumber(x, decimals) : formatNumber(x, decimals, tag);
  const count = (n: number) => intFmt.format(n);
  return {
    locale,
    date: (value, empty = "—") => {
      const d = toDate(value);
      return d ? dateFmt.format(d) : empty;
    },
    dateTime: (value, empty = "—") => {
      const d = toDate(value);
      return d ? dateTimeFmt.format(d) : empty;
    },
    period: (from, to) => dateFmt.formatRange(from, to),
    count,
    number,
    percent: (x, decimals = 1) => `${number(x, decimals)}\u00a0%`,
    nEquals: (n) => `n\u00a0=\u00a0${count(n)}`,
  };
}

const cache = new Map<AppLocale, Formats>();

/** The formatters of a locale (built once per locale: Intl constructors are not cheap). */
export function formatsFor(locale: AppLocale): Formats {
  let f = cache.get(locale);
  if (!f) {
    f = build(locale);
    cache.set(locale, f);
  }
  return f;
}
