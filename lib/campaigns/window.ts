// The send window: campaign messages go out only between two local hours of the customer's day (in the zone
// `sendTimeZone` picks). Computed with Intl, so daylight-saving changes are the time zone database's.
const STEP_MS = 15 * 60_000;
const HORIZON_MS = 3 * 24 * 3_600_000;

export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The customer's own time zone from their attributes (`timeZone`, `timezone` or `tz`), if a real IANA zone. */
function customerOwnTimeZone(attributes: unknown): string | null {
  if (attributes && typeof attributes === "object" && !Array.isArray(attributes)) {
    const a = attributes as Record<string, unknown>;
    for (const key of ["timeZone", "timezone", "tz"]) if (isTimeZone(a[key])) return a[key];
  }
  return null;
}

/**
 * THE time zone a message's send window and quiet hours are read in — for campaigns (queue.ts), triggers and the
 * case re-survey (lib/triggers/fire.ts) and the worker's check before each send (worker.ts) alike. In this order:
 *
 * 1. the customer's own zone (their `timeZone`, `timezone` or `tz` attribute, when it is a real IANA zone);
 * 2. the zone the campaign or trigger names (`timeZone`; null: it names none);
 * 3. the organization's zone (its contact rule's `timeZone`);
 * 4. UTC.
 *
 * A zone that is not a real one (a hand-edited row) is skipped, never an error.
 */
export function sendTimeZone(
  customerAttributes: unknown,
  senderZone: string | null | undefined,
  organizationZone: string | null | undefined,
): string {
  return (
    customerOwnTimeZone(customerAttributes) ??
    [senderZone, organizationZone].find((z): z is string => isTimeZone(z)) ??
    "UTC"
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function localHour(at: Date, tz: string): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: tz, hour: "2-digit", hourCycle: "h23" });
    formatters.set(tz, f);
  }
  return Number(f.format(at));
}

export type SendWindow = { startHour: number; endHour: number };

/** True when `at` falls within [startHour, endHour) local time in `tz` (start === end: any time). */
export function inWindow(at: Date, tz: string, w: SendWindow): boolean {
  if (w.startHour === w.endHour) return true;
  const h = localHour(at, tz);
  return w.startHour < w.endHour ? h >= w.startHour && h < w.endHour : h >= w.startHour || h < w.endHour;
}

/** `at` itself when it is in the window, else the first quarter hour after it that is. */
export function nextInWindow(at: Date, tz: string, w: SendWindow): Date {
  return nextSendSlot(at, tz, w, null) ?? at; // always found for a window of at least a quarter hour
}

/** Quiet hours (the organization's contact rules): local hours in which nothing is sent; start = end: none. */
export const inQuietHours = (at: Date, tz: string, quiet: SendWindow | null): boolean =>
  quiet !== null && quiet.startHour !== quiet.endHour && inWindow(at, tz, quiet);

/**
 * `at` itself when it is in the send window and outside the quiet hours, else the first quarter hour after it that
 * is; null when there is none within three days (a send window that lies entirely in the quiet hours).
 */
export function nextSendSlot(at: Date, tz: string, w: SendWindow, quiet: SendWindow | null): Date | null {
  const ok = (t: Date) => inWindow(t, tz, w) && !inQuietHours(t, tz, quiet);
  if (ok(at)) return at;
  const start = Math.ceil(at.getTime() / STEP_MS) * STEP_MS;
  for (let t = start; t <= at.getTime() + HORIZON_MS; t += STEP_MS) if (ok(new Date(t))) return new Date(t);
  return null;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
/** The offset of `tz` from UTC at `at`, in ms (positive east of Greenwich). */
function offsetMs(at: Date, tz: string): number {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** A wall-clock time "YYYY-MM-DDTHH:mm" in `tz` as an instant (a time skipped by daylight saving moves forward). */
export function zonedTime(local: string, tz: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let t = wall - offsetMs(new Date(wall), tz);
  t = wall - offsetMs(new Date(t), tz);
  return new Date(t);
}

/** The whole local hours (0–23) a window covers: every hour when start = end. */
function hoursOf(w: SendWindow): number[] {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  if (w.startHour === w.endHour) return hours;
  return hours.filter((h) =>
    w.startHour < w.endHour ? h >= w.startHour && h < w.endHour : h >= w.startHour || h < w.endHour,
  );
}

/**
 * How a send window meets the organization's quiet hours. Both are local hours of the same customer's day (the
 * zone sendTimeZone picks applies to both), so whole hours decide it, whatever the zone and its daylight saving:
 * `never` — every hour of the window is quiet, nothing can ever be sent (the APIs refuse it: 400 naming
 * `windowStartHour`); `partly` — some hours are quiet (legal: the forms warn); `none`.
 */
export function windowInQuietHours(w: SendWindow, quiet: SendWindow | null): "never" | "partly" | "none" {
  if (!quiet || quiet.startHour === quiet.endHour) return "none";
  const q = new Set(hoursOf(quiet));
  const quietHours = hoursOf(w).filter((h) => q.has(h)).length;
  return quietHours === 0 ? "none" : quietHours === hoursOf(w).length ? "never" : "partly";
}

const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** The quiet hours as the warnings name them: "22:00–06:00" (the same in every language). */
export const quietHoursSpan = (quiet: SendWindow): string => `${hh(quiet.startHour)}–${hh(quiet.endHour)}`;

/**
 * The sentence the APIs use for a window that lies in the quiet hours (null: it does not), in English like all of
 * the API's problem+json (docs/i18n.md, "Errors"); the forms word the same two cases in the page's language
 * (components/sending/sending-fields.tsx, messages/<locale>/surveys.json `sending.quiet`).
 */
export function quietHoursWarning(w: SendWindow, quiet: SendWindow | null): string | null {
  const overlap = windowInQuietHours(w, quiet);
  if (overlap === "none" || !quiet) return null;
  const q = quietHoursSpan(quiet);
  return overlap === "never"
    ? `The send window lies entirely in the organization's quiet hours (${q}): nothing could ever be sent. Choose hours outside them.`
    : `Part of the send window lies in the organization's quiet hours (${q}): nothing is sent then, messages wait until they end.`;
}
