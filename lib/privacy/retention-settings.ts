// The retention policy, kept in Organization.settings.retention (no schema of its own): when on, survey
// responses older than `months` are deleted or anonymised (scores kept, the person removed) by the daily job.
import { z } from "zod";

export const RETENTION_MODES = ["anonymise", "delete"] as const;

export const retentionSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  months: z.coerce
    .number({ error: "Enter a number of months" })
    .int("Whole months only")
    .min(1, "At least 1 month")
    .max(240, "At most 240 months (20 years)"),
  mode: z.enum(RETENTION_MODES, { error: "Choose delete or anonymise" }),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const DEFAULT_RETENTION: RetentionSettings = { enabled: false, months: 24, mode: "anonymise" };

/** The retention settings in an organization's settings JSON; anything missing or malformed → the defaults (off). */
export function retentionSettingsFrom(settings: unknown): RetentionSettings {
  const parsed = retentionSettingsSchema.safeParse((settings as { retention?: unknown } | null)?.retention);
  return parsed.success ? parsed.data : DEFAULT_RETENTION;
}

/** Responses submitted before this instant are past retention: `months` calendar months before `now` (UTC). */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last)); // 31 March − 1 month → 28/29 February, not 3 March
  return d;
}

/** The lease key of a run: one per organization and UTC day. */
export function retentionPeriodKey(now: Date): string {
  return now.toISOString().slice(0, 10);
}
