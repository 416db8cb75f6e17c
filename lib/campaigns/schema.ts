// zod schemas of the campaigns API (/api/v1/campaigns, docs/distribution.md "Campaigns"), shared with the page.
import { z } from "zod";
import { paginationQuery } from "../http/pagination";
import { blank } from "../http/query-fields";
import { CAMPAIGN_CHANNELS } from "./address";
import { isTimeZone } from "./window";

const id = z.string().trim().min(1, "Choose one").max(64);

/** A campaign's or trigger's zone: an IANA zone, or none (null; a blank form field) for the organization's. */
export const senderTimeZone = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.string().trim().refine(isTimeZone, "Not a time zone (e.g. Europe/Zurich)").nullable().default(null),
);
const hour = (max: number) => z.coerce.number().int("A whole hour").min(0, `0 to ${max}`).max(max, `0 to ${max}`);

export const createCampaignSchema = z.strictObject({
  name: z.string().trim().min(1, "Name the campaign").max(120),
  surveyId: id,
  audienceId: id,
  /** e-mail, or SMS to the customer's phone number in international form (docs/distribution.md, "SMS"). */
  channel: z.enum(CAMPAIGN_CHANNELS, { error: "email or sms" }).default("email"),
  /** When the first wave starts (ISO date-time); default: now. */
  startAt: z.coerce.date({ error: "A date and time" }).optional(),
  /** Recurring waves: a new wave every N days (the audience is resolved again each time); none: one wave. */
  repeatEveryDays: z.coerce.number().int("Whole days").min(1, "At least 1 day").max(730).nullish(),
  /**
   * For customers whose own time zone is unknown; none (null, empty or left out): the organization's zone (its
   * contact rules), else UTC (window.ts `sendTimeZone`).
   */
  timeZone: senderTimeZone,
  /** Start and end hour (end exclusive; 24 = midnight; start = end: any time). A window may span midnight. */
  windowStartHour: hour(23).default(9),
  windowEndHour: hour(24).default(20),
  /** Reminders to those who have not answered: how many (0–5), and the hours after the previous message. */
  reminderCount: z.coerce.number().int().min(0, "0 to 5").max(5, "0 to 5").default(0),
  reminderDelayHours: z.coerce.number().int().min(1, "At least 1 hour").max(2160).default(72),
  /** The e-mail subject; default: "<organization> would like your opinion". SMS has none. */
  subject: z.string().trim().max(150).optional(),
});
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const campaignListQuery = paginationQuery;

export const CAMPAIGN_STATUSES = ["active", "paused", "cancelled"] as const;

/** ?wave= of the response rates: a wave number of the campaign (1, 2, …); none: every wave. */
export const campaignRatesQuery = z.object({
  wave: z
    .preprocess(blank, z.coerce.number().int("A wave number").min(1, "A wave number").max(100_000).optional())
    .describe("A wave number of the campaign (1, 2, …); none: every wave"),
});
