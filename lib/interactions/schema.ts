import { z } from "zod";
import { paginationQuery } from "../http/pagination";

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

export const interactionListQuery = paginationQuery.extend({
  customerId: id.optional(),
  touchpointId: id.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type InteractionListQuery = z.infer<typeof interactionListQuery>;
