// The analytics filters: one zod schema for the URL search params of the dashboard and of
// /api/v1/metrics/*, and their resolution into a concrete period { from, to, bucket }.
//
// Period: `preset` (default 90d) or `from`/`to`. A named preset wins; `from` and `to` (ISO dates,
// YYYY-MM-DD, both inclusive, UTC) are used when preset is "custom" or absent. Rolling presets end now and
// start exactly N days (or N calendar months) earlier, like "the last 90 days" elsewhere in the app;
// "ytd" starts on 1 January 00:00 UTC. Ranges are half-open [from, to).
// Buckets: day | week | month in UTC, weeks start on Monday (ISO 8601); see buckets.ts. The first and last
// bucket of a rolling period are usually partial; the series flag them.
// Comparison: `compare` is "previous" (the previous period of equal length) or a second segment tag,
// compared with `segment`.
import { z } from "zod";
import type { IssueWording } from "../i18n/field-issue";
import { addUtcMonths, BUCKETS, type Bucket, DAY_MS, defaultBucket } from "./buckets";
import { blank, isCalendarDate, optionalId } from "../http/query-fields";

export const PRESETS = ["7d", "30d", "90d", "6m", "12m", "18m", "ytd", "custom"] as const;
export type Preset = (typeof PRESETS)[number];
export const DEFAULT_PRESET = "90d" satisfies Preset;

export const PRESET_LABELS: Record<Preset, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "6m": "Last 6 months",
  "12m": "Last 12 months",
  "18m": "Last 18 months",
  ytd: "Year to date",
  custom: "Custom range",
};

/** Longest each preset can be, in days (for the bucket-count check, which must not depend on today). */
const PRESET_MAX_DAYS: Record<Exclude<Preset, "custom">, number> = {
  "7d": 7,
  "30d": 30,
  "90d": 90,
  "6m": 184,
  "12m": 366,
  "18m": 550,
  ytd: 366,
};
/** Daily points beyond this are unreadable and mostly "too few responses"; weekly likewise. */
export const MAX_DAYS_PER_BUCKET: Record<Bucket, number> = { day: 400, week: 1830, month: 3660 };

// A GET form sends every field, the empty ones as "": they mean "not given".
const id = optionalId;
const tag = z.preprocess(blank, z.string().trim().min(1, "Enter a segment tag").max(64).optional());

const isoDate = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use an ISO date: YYYY-MM-DD", abort: true })
    .refine(isCalendarDate, "Not a valid date between 2000-01-01 and 2099-12-31")
    .optional(),
);

export const filterShape = {
  preset: z.preprocess(blank, z.enum(PRESETS, { error: `Use one of ${PRESETS.join(", ")}` }).optional()),
  from: isoDate,
  to: isoDate,
  bucket: z.preprocess(blank, z.enum(BUCKETS, { error: "Use day, week or month" }).optional()),
  journeyId: id,
  stageId: id,
  touchpointId: id,
  channelId: id,
  surveyId: id,
  segment: tag,
  compare: tag,
  /** A unit and its subtree, within the caller's scope (lib/analytics/unit-filter.ts); outside it is a 404. */
  unitId: id,
};

type Shape = z.infer<z.ZodObject<typeof filterShape>>;

const isCustom = (f: Shape) =>
  f.preset === "custom" || (f.preset === undefined && (f.from !== undefined || f.to !== undefined));

/** Cross-field rules, each issue on the field to fix. */
function checkFilters(f: Shape, ctx: z.RefinementCtx) {
  let days: number | null = null;
  if (isCustom(f)) {
    if (!f.from) ctx.addIssue({ code: "custom", path: ["from"], message: "A custom range needs a start date (from)" });
    if (!f.to) ctx.addIssue({ code: "custom", path: ["to"], message: "A custom range needs an end date (to)" });
    // (zod runs this check even when a field failed; a bad date is reported once, on its own field)
    if (f.from && f.to && isCalendarDate(f.from) && isCalendarDate(f.to)) {
      days = (Date.parse(f.to) - Date.parse(f.from)) / DAY_MS + 1;
      if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date" });
      else if (days > MAX_DAYS_PER_BUCKET.month)
        ctx.addIssue({ code: "custom", path: ["from"], message: "The range is longer than 10 years" });
    }
  } else {
    days = PRESET_MAX_DAYS[(f.preset ?? DEFAULT_PRESET) as Exclude<Preset, "custom">];
  }
  if (f.bucket && days !== null && days > MAX_DAYS_PER_BUCKET[f.bucket]) {
    ctx.addIssue({
      code: "custom",
      path: ["bucket"],
      message: `${f.bucket} buckets cover at most ${MAX_DAYS_PER_BUCKET[f.bucket]} days; pick a longer bucket or a shorter period`,
    });
  }
  if (f.compare && f.compare !== "previous") {
    if (!f.segment)
      ctx.addIssue({ code: "custom", path: ["segment"], message: `Pick a segment to compare with "${f.compare}"` });
    else if (f.segment === f.compare)
      ctx.addIssue({ code: "custom", path: ["compare"], message: "Pick two different segments" });
  }
}

/** The URL search params of the dashboard and the metrics API. Unknown params are ignored. */
export const analyticsFilters = z.object(filterShape).superRefine(checkFilters);
export type AnalyticsFilters = z.output<typeof analyticsFilters>;

/** The same, plus the fields of one route (the shape cannot be extended once refined). */
export function analyticsFiltersWith<E extends z.ZodRawShape>(extra: E) {
  return z.object({ ...filterShape, ...extra }).superRefine((f, ctx) => checkFilters(f as Shape, ctx));
}

export type Period = { from: Date; to: Date };
export type ResolvedPeriod = Period & {
  preset: Preset;
  bucket: Bucket;
  /** The period of equal length just before (for "change vs the previous period"). */
  previous: Period;
};

/** Concrete { from, to, bucket } for valid filters. `now` is injectable for tests and for one consistent page render. */
export function resolvePeriod(f: AnalyticsFilters, now: Date = new Date()): ResolvedPeriod {
  let preset: Preset = f.preset ?? (f.from || f.to ? "custom" : DEFAULT_PRESET);
  let from: Date;
  let to: Date = now;
  if (preset === "custom" && f.from && f.to) {
    from = new Date(`${f.from}T00:00:00Z`);
    to = new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS); // `to` is inclusive for people
  } else {
    if (preset === "custom") preset = DEFAULT_PRESET; // unreachable after validation
    switch (preset) {
      case "7d":
      case "30d":
      case "90d":
        from = new Date(now.getTime() - Number.parseInt(preset, 10) * DAY_MS);
        break;
      case "6m":
      case "12m":
      case "18m":
        from = addUtcMonths(now, -Number.parseInt(preset, 10));
        break;
      case "ytd":
        from = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
        break;
    }
  }
  const length = to.getTime() - from.getTime();
  return {
    preset,
    from,
    to,
    bucket: f.bucket ?? defaultBucket(from, to),
    previous: { from: new Date(from.getTime() - length), to: from },
  };
}

/** Filters that narrow which responses count (everything except the period and the comparison). */
export function hasScopeFilters(f: AnalyticsFilters): boolean {
  return Boolean(f.journeyId || f.stageId || f.touchpointId || f.channelId || f.surveyId || f.segment || f.unitId);
}

export type FieldErrors = Record<string, string>;

/**
 * For the page: never fails. Invalid fields are reported (to show next to the field) and left out, so the
 * dashboard still renders with the rest of the filters.
 */
export function parseFiltersLeniently(
  input: Record<string, unknown>,
  word?: IssueWording,
): {
  filters: AnalyticsFilters;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(filterShape)) if (input[key] !== undefined) values[key] = input[key];
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = analyticsFilters.safeParse(values);
    if (result.success) return { filters: result.data, errors };
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? "preset");
      errors[name] ??= word?.(issue) ?? issue.message;
      delete values[name];
      // A bad date invalidates the custom range as a whole; a comparison without its first segment is dropped.
      if (name === "from" || name === "to") {
        delete values.from;
        delete values.to;
        delete values.preset;
      }
      if (name === "segment") delete values.compare;
    }
  }
  return { filters: analyticsFilters.parse({}), errors };
}

/** The filters that the map-style reports (journey map, paths, gaps, units) keep in their links: period, channel, segment, unit. */
export function mapFiltersQuery(f: AnalyticsFilters): URLSearchParams {
  return filtersToSearchParams({
    preset: f.preset,
    from: f.from,
    to: f.to,
    channelId: f.channelId,
    segment: f.segment,
    unitId: f.unitId,
  });
}

/** Filters → URL search params (only the given ones), e.g. for links that keep the current filters. */
export function filtersToSearchParams(
  f: Partial<Record<keyof typeof filterShape, string | undefined>>,
): URLSearchParams {
  const sp = new URLSearchParams();
  for (const key of Object.keys(filterShape) as (keyof typeof filterShape)[]) {
    const v = f[key];
    if (v) sp.set(key, v);
  }
  return sp;
}
