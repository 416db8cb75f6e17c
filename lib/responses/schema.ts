// Filters of the response inbox: one schema for GET /api/v1/responses, the CSV export and the inbox page's
// URL (shareable links). Empty values ("" from a GET form) mean "not given".
import { z } from "zod";
import { paginationQuery } from "../http/pagination";

export const RESPONSE_METRICS = ["nps", "csat", "ces"] as const;
/** Stored categories (lib/metrics/categories.ts): NPS, CSAT and CES ones. */
export const RESPONSE_CATEGORIES = [
  "promoter",
  "passive",
  "detractor",
  "satisfied",
  "neutral",
  "dissatisfied",
  "agree",
  "disagree",
] as const;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const id = z.preprocess(blank, z.string().trim().min(1).max(64).optional());
const score = z.preprocess(
  blank,
  z.coerce
    .number({ error: "Use a score from 0 to 10" })
    .int("Use a whole number")
    .min(0, "Use a score from 0 to 10")
    .max(10, "Use a score from 0 to 10")
    .optional(),
);
const flag = z.preprocess(blank, z.enum(["true", "false"], { error: "Use true or false" }).optional());
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
// A date (YYYY-MM-DD) is a whole day in UTC, so `to` includes the day it names; a date-time is taken as is.
const instant = (endOfDay: boolean) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(40)
      .refine(
        (s) => !Number.isNaN(Date.parse(DATE_ONLY.test(s) ? `${s}T00:00:00Z` : s)),
        "Use a date (YYYY-MM-DD) or an ISO date-time",
      )
      .transform((s) =>
        DATE_ONLY.test(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + (endOfDay ? DAY_MS : 0)) : new Date(s),
      )
      .optional(),
  );

export const responseFilterShape = {
  surveyId: id,
  touchpointId: id,
  channelId: id,
  customerId: id,
  metric: z.preprocess(blank, z.enum(RESPONSE_METRICS, { error: "Use nps, csat or ces" }).optional()),
  category: z.preprocess(
    blank,
    z.enum(RESPONSE_CATEGORIES, { error: `Use one of ${RESPONSE_CATEGORIES.join(", ")}` }).optional(),
  ),
  scoreMin: score,
  scoreMax: score,
  /** Inclusive start. */
  from: instant(false),
  /** Exclusive end; a plain date includes that whole day. */
  to: instant(true),
  hasComment: flag,
  status: z.preprocess(blank, z.enum(["completed", "partial"], { error: "Use completed or partial" }).optional()),
  /** Text the comment contains (case-sensitive on PostgreSQL, ASCII case-insensitive on SQLite). */
  q: z.preprocess(blank, z.string().trim().min(2, "Type at least 2 characters").max(100).optional()),
};
type FilterShape = z.infer<z.ZodObject<typeof responseFilterShape>>;

function crossChecks(f: FilterShape, ctx: z.RefinementCtx) {
  if (f.scoreMin !== undefined && f.scoreMax !== undefined && f.scoreMin > f.scoreMax)
    ctx.addIssue({ code: "custom", path: ["scoreMax"], message: "The highest score is below the lowest" });
  if (f.from && f.to && f.from >= f.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end is before the start" });
}

export const responseFilters = z.object(responseFilterShape).superRefine(crossChecks);
export type ResponseFilters = z.output<typeof responseFilters>;

export const responseListQuery = paginationQuery.extend(responseFilterShape).superRefine(crossChecks);
export type ResponseListQuery = z.output<typeof responseListQuery>;

export const responseIdParams = z.object({ id: z.string().min(1).max(64) });

/** The filter names, for links that keep the current filters (the page, "Download CSV", "Load more"). */
export const RESPONSE_FILTER_KEYS = Object.keys(responseFilterShape) as (keyof typeof responseFilterShape)[];

/**
 * For the page: never fails. Invalid fields are reported (shown next to the field) and left out, so the
 * inbox still lists responses with the other filters.
 */
export function parseInboxParams(input: Record<string, string | undefined>): {
  filters: ResponseFilters;
  errors: Record<string, string>;
} {
  const values: Record<string, string | undefined> = {};
  for (const key of RESPONSE_FILTER_KEYS) values[key] = input[key];
  const errors: Record<string, string> = {};
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = responseFilters.safeParse(values);
    if (result.success) return { filters: result.data, errors };
    for (const issue of result.error.issues) {
      const name = String(issue.path[0]);
      errors[name] ??= issue.message;
      delete values[name];
    }
  }
  return { filters: {} as ResponseFilters, errors };
}
