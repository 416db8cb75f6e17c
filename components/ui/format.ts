// Dates and numbers for display, always en-GB ("22 Nov 2026, 14:05").
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const intFmt = new Intl.NumberFormat("en-GB");

type DateLike = Date | string | null | undefined;

function toDate(value: DateLike): Date | null {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDate(value: DateLike, empty = "—"): string {
  const d = toDate(value);
  return d ? dateFmt.format(d) : empty;
}

export function formatDateTime(value: DateLike, empty = "—"): string {
  const d = toDate(value);
  return d ? dateTimeFmt.format(d) : empty;
}

/** "24 Aug – 22 Nov 2026" (the year once when both ends share it). */
export function formatPeriod(from: Date, to: Date): string {
  return dateFmt.formatRange(from, to);
}

export function formatCount(n: number): string {
  return intFmt.format(n);
}

export function isoString(value: DateLike): string | undefined {
  return toDate(value)?.toISOString();
}
