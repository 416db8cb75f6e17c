// The weekly digest's settings, kept in Organization.settings.digest (no schema of their own), and the
// schedule they describe. Times are UTC: the digest goes out on `weekday` (0 = Sunday … 6 = Saturday, as
// Date.getUTCDay) at `hour`:00 and covers the seven full days before that day.
import { z } from "zod";

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export const digestSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  weekday: z.number().int().min(0).max(6).default(1),
  hour: z.number().int().min(0).max(23).default(8),
  /** User ids of the members who receive it; null = every admin and manager (the default). */
  recipients: z.array(z.string().min(1).max(64)).max(500).nullable().default(null),
});
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

export const DEFAULT_DIGEST_SETTINGS: DigestSettings = digestSettingsSchema.parse({});

/** The digest settings in an organization's settings JSON; anything missing or malformed → the defaults. */
export function digestSettingsFrom(settings: unknown): DigestSettings {
  const raw = (settings as { digest?: unknown } | null)?.digest ?? {};
  const parsed = digestSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_DIGEST_SETTINGS;
}

/** The Settings form: checkbox "on", selects for day and hour, default or hand-picked recipients. */
export const digestSettingsForm = z
  .object({
    enabled: z.boolean(),
    weekday: z.coerce.number({ error: "Pick a day" }).int().min(0, "Pick a day").max(6, "Pick a day"),
    hour: z.coerce
      .number({ error: "Pick an hour" })
      .int()
      .min(0, "Pick an hour from 0 to 23")
      .max(23, "Pick an hour from 0 to 23"),
    recipientsMode: z.enum(["default", "custom"], { error: "Choose who receives the digest" }),
    recipients: z.array(z.string().trim().min(1).max(64)).max(500, "At most 500 recipients"),
  })
  .superRefine((v, ctx) => {
    if (v.recipientsMode === "custom" && v.recipients.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["recipients"],
        message: "Pick at least one member, or send it to all admins and managers",
      });
    }
  });
export type DigestSettingsInput = z.output<typeof digestSettingsForm>;

const DAY_MS = 86_400_000;

/** The most recent scheduled instant (weekday at hour:00 UTC) at or before `now`. */
export function latestSlot(now: Date, weekday: number, hour: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour);
  let daysBack = (now.getUTCDay() - weekday + 7) % 7;
  if (daysBack === 0 && today > now.getTime()) daysBack = 7;
  return new Date(today - daysBack * DAY_MS);
}

/** Midnight UTC of the slot's day: the digest covers the seven days before it. */
export function weekEndingOf(slot: Date): Date {
  return new Date(Date.UTC(slot.getUTCFullYear(), slot.getUTCMonth(), slot.getUTCDate()));
}

/** ISO 8601 week of a date (UTC), "2026-W48": one digest per organization and week, whatever the weekday. */
export function isoWeekKey(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const dayNum = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dayNum + 3); // the Thursday of this week decides the year
  const jan4 = new Date(Date.UTC(d.getUTCFullYear(), 0, 4)); // always in week 1
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / DAY_MS - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
