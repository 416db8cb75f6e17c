// Dates and numbers for display in English ("22 Nov 2026, 14:05"), for pages not yet converted to the user's
// language. Converted pages take the same formatters for their locale: getFormats() (lib/i18n/server.ts) in
// server components, useFormats() (components/i18n/use-formats.ts) in client components. docs/i18n.md.
import { formatsFor } from "@/lib/i18n/format";

type DateLike = Date | string | null | undefined;

const en = formatsFor("en");

export function formatDate(value: DateLike, empty = "—"): string {
  return en.date(value, empty);
}

export function formatDateTime(value: DateLike, empty = "—"): string {
  return en.dateTime(value, empty);
}

/** "24 Aug – 22 Nov 2026" (the year once when both ends share it). */
export function formatPeriod(from: Date, to: Date): string {
  return en.period(from, to);
}

export function formatCount(n: number): string {
  return en.count(n);
}

export function isoString(value: DateLike): string | undefined {
  if (!value) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
