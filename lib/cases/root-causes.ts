// The organization's root-cause list (Organization.settings.rootCauses): what agents choose from when they
// work a case. Read with safe defaults; a cause removed from the list stays on the cases that already have it.
import { z } from "zod";

export const DEFAULT_ROOT_CAUSES = [
  "Product defect",
  "Billing error",
  "Long wait",
  "Staff behaviour",
  "Delivery problem",
  "Policy",
  "Other",
] as const;
export const MAX_ROOT_CAUSES = 50;

export const rootCauseListSchema = z
  .array(z.string().trim().min(1, "A root cause cannot be blank").max(80, "Keep each root cause under 80 characters"))
  .min(1, "Keep at least one root cause")
  .max(MAX_ROOT_CAUSES, `At most ${MAX_ROOT_CAUSES} root causes`)
  .refine(
    (list) => new Set(list.map((c) => c.toLowerCase())).size === list.length,
    "Each root cause must appear only once",
  );

export function rootCausesFrom(settings: unknown): string[] {
  const raw = (settings as { rootCauses?: unknown } | null)?.rootCauses;
  const parsed = rootCauseListSchema.safeParse(raw);
  return parsed.success ? parsed.data : [...DEFAULT_ROOT_CAUSES];
}
