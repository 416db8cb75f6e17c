// The organization's root-cause list (Organization.settings.rootCauses): what agents choose from when they
// work a case. Read with safe defaults (in the organization's language); a cause removed from the list stays on the
// cases that already have it.
import { z } from "zod";
import { defaultRootCauses } from "../orgs/defaults";
import { orgLocaleOf } from "../orgs/settings";

/** The English defaults (an organization in another language starts with its own: defaultRootCauses). */
export const DEFAULT_ROOT_CAUSES: readonly string[] = defaultRootCauses("en");
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
  return parsed.success ? parsed.data : defaultRootCauses(orgLocaleOf(settings));
}
