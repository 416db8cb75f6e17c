import { route } from "@/lib/http/handler";
import { retentionSettingsSchema } from "@/lib/privacy/retention-settings";
import { previewRetention, updateRetentionSettings } from "@/lib/privacy/retention";

// GET /api/v1/retention – the retention policy, how many responses it would process now, and the last run (admins)
export const GET = route({ role: "admin", scope: "org" }, ({ ctx }) => previewRetention(ctx));

// PUT /api/v1/retention – { enabled, months (1–240), mode: "anonymise" | "delete" }; audited
export const PUT = route({ role: "admin", scope: "org", body: retentionSettingsSchema }, async ({ ctx, body }) => ({
  settings: await updateRetentionSettings(ctx, body),
}));
