import { z } from "zod";
import { route } from "@/lib/http/handler";
import { previewRetention, runRetentionNow } from "@/lib/privacy/retention";

const runBody = z.strictObject({
  dryRun: z.boolean({ error: "Send dryRun: true to count only, false to apply the policy" }),
});

// POST /api/v1/retention/run – { dryRun: true } counts what the policy would process; { dryRun: false } applies it
// now (admins) under the same lease as the daily job (409 while another run holds it); answers the counts; audited.
export const POST = route({ role: "admin", scope: "org", body: runBody }, ({ ctx, body }) =>
  body.dryRun ? previewRetention(ctx) : runRetentionNow(ctx),
);
