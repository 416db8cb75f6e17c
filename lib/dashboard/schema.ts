import { z } from "zod";
import { optionalId } from "../http/query-fields";

export const headlineQuery = z.object({
  days: z.coerce.number().int().min(1).max(3650).default(90),
  /** A unit and its subtree, within the caller's scope (lib/analytics/unit-filter.ts). */
  unitId: optionalId,
});
