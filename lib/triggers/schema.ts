// zod schemas of the triggers API (/api/v1/triggers, docs/distribution.md "Triggers"), shared with the page.
import { z } from "zod";
import { paginationQuery } from "../http/pagination";
import { OUTCOMES } from "../interactions/schema";
import { CAMPAIGN_CHANNELS } from "../campaigns/address";
import { senderTimeZone } from "../campaigns/schema";

export const TRIGGER_EVENTS = ["interaction", "case_resolved"] as const;
export const DELAY_UNITS = ["minutes", "hours", "days"] as const;
export const TRIGGER_STATUSES = ["active", "paused"] as const;
const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
/** The longest delay: 90 days. */
export const MAX_DELAY_MS = 90 * UNIT_MS.days;

export const delayMs = (amount: number, unit: string) => amount * (UNIT_MS[unit as keyof typeof UNIT_MS] ?? 0);

const id = z.string().trim().min(1, "Choose one").max(64);
const hour = (max: number) => z.coerce.number().int("A whole hour").min(0, `0 to ${max}`).max(max, `0 to ${max}`);

const fields = {
  name: z.string().trim().min(1, "Name the trigger").max(120),
  /** What fires it: an interaction (optionally at a touchpoint, with an outcome) or a resolved case. */
  event: z.enum(TRIGGER_EVENTS, { error: "Choose interaction or case_resolved" }),
  /** Interaction triggers only: fire for interactions at this touchpoint (none: any touchpoint). */
  touchpointId: id.nullish(),
  /** Interaction triggers only: fire for this outcome (none: any outcome). */
  outcome: z.enum(OUTCOMES, { error: `Use one of ${OUTCOMES.join(", ")}` }).nullish(),
  /** The live survey to invite to. */
  surveyId: id,
  /** How the invitation goes: e-mail, or SMS to the customer's phone in E.164 form (else suppressed as no_phone). */
  channel: z.enum(CAMPAIGN_CHANNELS, { error: "email or sms" }).default("email"),
  /** How long after the event the invitation goes out (0: at once), at most 90 days. */
  delayAmount: z.coerce.number().int("A whole number").min(0, "0 or more").max(129_600, "At most 90 days"),
  delayUnit: z.enum(DELAY_UNITS, { error: "minutes, hours or days" }).default("hours"),
  status: z.enum(TRIGGER_STATUSES, { error: "active or paused" }).default("active"),
  /** For customers whose own zone is unknown; none: the organization's (window.ts `sendTimeZone`). */
  timeZone: senderTimeZone,
  windowStartHour: hour(23).default(9),
  windowEndHour: hour(24).default(20),
  reminderCount: z.coerce.number().int().min(0, "0 to 5").max(5, "0 to 5").default(0),
  reminderDelayHours: z.coerce.number().int().min(1, "At least 1 hour").max(2160).default(72),
  subject: z.string().trim().max(150).nullish(),
};

const delayWithinLimit = (v: { delayAmount?: number; delayUnit?: string }) =>
  v.delayAmount === undefined || delayMs(v.delayAmount, v.delayUnit ?? "hours") <= MAX_DELAY_MS;
const delayIssue = { message: "At most 90 days", path: ["delayAmount"] };

export const createTriggerSchema = z.strictObject(fields).refine(delayWithinLimit, delayIssue);
export type CreateTriggerInput = z.infer<typeof createTriggerSchema>;

/** A change: any of the fields (the event stays what it was). */
export const updateTriggerSchema = z
  .strictObject({
    name: fields.name.optional(),
    touchpointId: fields.touchpointId,
    outcome: fields.outcome,
    surveyId: id.optional(),
    channel: z.enum(CAMPAIGN_CHANNELS, { error: "email or sms" }).optional(),
    delayAmount: fields.delayAmount.optional(),
    delayUnit: z.enum(DELAY_UNITS, { error: "minutes, hours or days" }).optional(),
    status: z.enum(TRIGGER_STATUSES, { error: "active or paused" }).optional(),
    timeZone: senderTimeZone.optional(),
    windowStartHour: hour(23).optional(),
    windowEndHour: hour(24).optional(),
    reminderCount: z.coerce.number().int().min(0, "0 to 5").max(5, "0 to 5").optional(),
    reminderDelayHours: z.coerce.number().int().min(1, "At least 1 hour").max(2160).optional(),
    subject: fields.subject,
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" })
  .refine(delayWithinLimit, delayIssue);
export type UpdateTriggerInput = z.infer<typeof updateTriggerSchema>;

export const triggerListQuery = paginationQuery;
