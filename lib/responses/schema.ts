// Filters of the response inbox: one schema for GET /api/v1/responses, the CSV export and the inbox page's
// URL (shareable links). Empty values ("" from a GET form) mean "not given".
import { z } from "zod";
import type { IssueWording } from "../i18n/field-issue";
import { paginationQuery } from "../http/pagination";
import {
  blank,
  optionalFlag,
  optionalId,
  optionalInstant,
  optionalSearchText,
  optionalSentiment,
  optionalThemeKey,
  parseFilterParams,
  periodInOrder,
} from "../http/query-fields";

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

const score = z.preprocess(
  blank,
  z.coerce
    .number({ error: "Use a score from 0 to 10" })
    .int("Use a whole number")
    .min(0, "Use a score from 0 to 10")
    .max(10, "Use a score from 0 to 10")
    .optional(),
);

export const responseFilterShape = {
  surveyId: optionalId,
  touchpointId: optionalId,
  channelId: optionalId,
  customerId: optionalId,
  metric: z.preprocess(blank, z.enum(RESPONSE_METRICS, { error: "Use nps, csat or ces" }).optional()),
  category: z.preprocess(
    blank,
    z.enum(RESPONSE_CATEGORIES, { error: `Use one of ${RESPONSE_CATEGORIES.join(", ")}` }).optional(),
  ),
  scoreMin: score,
  scoreMax: score,
  /** Inclusive start. */
  from: optionalInstant(false),
  /** Exclusive end; a plain date includes that whole day. */
  to: optionalInstant(true),
  hasComment: optionalFlag,
  status: z.preprocess(blank, z.enum(["completed", "partial"], { error: "Use completed or partial" }).optional()),
  /** Text the comment contains (case-sensitive on PostgreSQL, ASCII case-insensitive on SQLite). */
  q: optionalSearchText,
  /** A theme key: responses whose comment mentions that theme (its stored analysis). */
  theme: optionalThemeKey,
  /** negative | neutral | positive: responses whose comment has that sentiment label. */
  sentiment: optionalSentiment,
};
type FilterShape = z.infer<z.ZodObject<typeof responseFilterShape>>;

function crossChecks(f: FilterShape, ctx: z.RefinementCtx) {
  if (f.scoreMin !== undefined && f.scoreMax !== undefined && f.scoreMin > f.scoreMax)
    ctx.addIssue({ code: "custom", path: ["scoreMax"], message: "The highest score is below the lowest" });
  periodInOrder(f, ctx);
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
export function parseInboxParams(input: Record<string, string | undefined>, word?: IssueWording) {
  return parseFilterParams(responseFilters, RESPONSE_FILTER_KEYS, input, word);
}
