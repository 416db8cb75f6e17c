import { z } from "zod";
import type { IssueWording } from "../i18n/field-issue";
import { paginationQuery } from "../http/pagination";
import {
  blank,
  optionalId,
  optionalInstant,
  optionalSearchText,
  optionalSentiment,
  optionalThemeKey,
  parseFilterParams,
  periodInOrder,
} from "../http/query-fields";

export const OUTCOMES = ["resolved", "follow_up", "escalated", "no_action"] as const;
export const EMOTIONS = [
  { value: -2, label: "Very upset" },
  { value: -1, label: "Unhappy" },
  { value: 0, label: "Neutral" },
  { value: 1, label: "Pleased" },
  { value: 2, label: "Delighted" },
] as const;

const id = z.string().min(1).max(64);

export const interactionCreateSchema = z.object({
  customerId: id,
  touchpointId: id.optional(),
  channelId: id.optional(),
  outcome: z.enum(OUTCOMES),
  emotion: z.number().int().min(-2, "Emotion is −2..+2").max(2, "Emotion is −2..+2").optional(),
  note: z.string().trim().max(5000).optional(),
  occurredAt: z.coerce.date().optional(),
  /** The caller's idempotency key: sending the same clientId again returns the first interaction. */
  clientId: z.string().min(8, "clientId needs at least 8 characters").max(100).optional(),
});
export type InteractionCreate = z.infer<typeof interactionCreateSchema>;

const EMOTION_VALUES = EMOTIONS.map((e) => e.value) as number[];

/** Filters of the interactions list: one schema for GET /api/v1/interactions, its CSV export and the page's URL. */
export const interactionFilterShape = {
  customerId: optionalId,
  touchpointId: optionalId,
  channelId: optionalId,
  /** The member who logged it. */
  staffId: optionalId,
  /** staff: logged by a member in the app; api: sent by the organization's systems. */
  source: z.preprocess(blank, z.enum(["staff", "api"], { error: "Use staff or api" }).optional()),
  outcome: z.preprocess(blank, z.enum(OUTCOMES, { error: `Use one of ${OUTCOMES.join(", ")}` }).optional()),
  emotion: z.preprocess(
    blank,
    z.coerce
      .number({ error: "Use a number from −2 to 2" })
      .int("Use a whole number")
      .refine((n) => EMOTION_VALUES.includes(n), "Use a number from −2 to 2")
      .optional(),
  ),
  /** Inclusive start. */
  from: optionalInstant(false),
  /** Exclusive end; a plain date includes that whole day. */
  to: optionalInstant(true),
  /** Text the note contains (case-sensitive on PostgreSQL, ASCII case-insensitive on SQLite). */
  q: optionalSearchText,
  /** A theme key: interactions whose note mentions that theme (its stored analysis). */
  theme: optionalThemeKey,
  /** negative | neutral | positive: interactions whose note has that sentiment label. */
  sentiment: optionalSentiment,
};
export const INTERACTION_FILTER_KEYS = Object.keys(interactionFilterShape) as (keyof typeof interactionFilterShape)[];

export const interactionFilters = z.object(interactionFilterShape).superRefine(periodInOrder);
export type InteractionFilters = z.output<typeof interactionFilters>;

export const interactionListQuery = paginationQuery.extend(interactionFilterShape).superRefine(periodInOrder);
export type InteractionListQuery = z.output<typeof interactionListQuery>;

/** For the page: never fails; each bad filter is reported next to its field and left out. */
export function parseInteractionParams(input: Record<string, string | undefined>, word?: IssueWording) {
  return parseFilterParams(interactionFilters, INTERACTION_FILTER_KEYS, input, word);
}
