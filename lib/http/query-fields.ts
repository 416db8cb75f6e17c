// Building blocks of filter schemas read from a URL (a GET form, a shareable link, an API query): an empty value
// ("" from a form field left blank) means "not given". One place for the rules the inbox, the interactions list
// and the audit log share.
import { z } from "zod";
import type { IssueWording } from "../i18n/field-issue";

/** "" and whitespace become undefined, so an empty form field is "not given". */
export const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** An optional id (a cuid or a caller's key). */
export const optionalId = z.preprocess(blank, z.string().trim().min(1).max(64).optional());

/** An optional "true" / "false". */
export const optionalFlag = z.preprocess(blank, z.enum(["true", "false"], { error: "Use true or false" }).optional());

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;

/** A real day of the calendar (not 2026-02-30) in the years this product deals in, as YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "2000-01-01" && s <= "2099-12-31";
}

/** A date or an ISO date-time whose day is a real one (so "1" or "2026-02-30" are not read as some other day). */
function isInstant(s: string): boolean {
  if (DATE_ONLY.test(s)) return isCalendarDate(s);
  const m = DATE_TIME.exec(s);
  return !!m && isCalendarDate(m[1]) && !Number.isNaN(Date.parse(s));
}

/**
 * A date (YYYY-MM-DD) or an ISO date-time. A date is a whole day in UTC: as a start it is that day's first instant;
 * as an end (`endOfDay`) it is the next day's, so an exclusive end includes the day it names.
 */
export const optionalInstant = (endOfDay: boolean) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(40)
      .refine(isInstant, "Use a date (YYYY-MM-DD) or an ISO date-time")
      .transform((s) =>
        DATE_ONLY.test(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + (endOfDay ? DAY_MS : 0)) : new Date(s),
      )
      .optional(),
  );

/** Text a field contains, at least 2 characters. */
export const optionalSearchText = z.preprocess(
  blank,
  z.string().trim().min(2, "Type at least 2 characters").max(100).optional(),
);

/** Adds "The end is before the start" on `to` when both ends are given and out of order. */
export function periodInOrder(f: { from?: Date; to?: Date }, ctx: z.RefinementCtx) {
  if (f.from && f.to && f.from >= f.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end is before the start" });
}

/**
 * For a page's filters: never fails. Each invalid field is reported (to be shown next to it) and left out, so the
 * page still lists what the other filters select. `word` names an issue in the page's language (getIssueWording,
 * lib/i18n/server.ts); without it the schema's English shows.
 */
export function parseFilterParams<S extends z.ZodType>(
  schema: S,
  keys: readonly string[],
  input: Record<string, string | undefined>,
  word?: IssueWording,
): { filters: z.output<S>; errors: Record<string, string> } {
  const values: Record<string, string | undefined> = {};
  for (const key of keys) values[key] = input[key];
  const errors: Record<string, string> = {};
  for (let attempt = 0; attempt <= keys.length; attempt++) {
    const result = schema.safeParse(values);
    if (result.success) return { filters: result.data, errors };
    for (const issue of result.error.issues) {
      const name = String(issue.path[0]);
      errors[name] ??= word?.(issue) ?? issue.message;
      delete values[name];
    }
  }
  const none = schema.safeParse({});
  return { filters: (none.success ? none.data : {}) as z.output<S>, errors };
}

/** The labels a sentiment filter takes (docs/text-analytics.md): "unsupported" texts have none. */
export const SENTIMENT_LABELS = ["negative", "neutral", "positive"] as const;
export type SentimentFilter = (typeof SENTIMENT_LABELS)[number];

/** An optional sentiment label: texts whose stored analysis has it. */
export const optionalSentiment = z.preprocess(
  blank,
  z.enum(SENTIMENT_LABELS, { error: "Use negative, neutral or positive" }).optional(),
);

/** An optional theme key of the organization's taxonomy (a key no theme has matches nothing). */
export const optionalThemeKey = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Use a theme key: lower-case letters, digits and hyphens")
    .optional(),
);
