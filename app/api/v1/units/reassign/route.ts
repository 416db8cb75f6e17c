import { route } from "@/lib/http/handler";
import { reassignSchema } from "@/lib/units/schema";
import { reassignRows } from "@/lib/units/reassign";

// POST /api/v1/units/reassign – moves the responses, interactions and cases that match a filter (their current unit
// or none, a touchpoint, a period) to another unit, in one transaction, audited with the filter and the counts;
// dryRun: true only counts. The deliberate way to change history's attribution (docs/hierarchy.md). Admins.
export const POST = route({ role: "admin", scope: "org", body: reassignSchema }, ({ ctx, body }) =>
  reassignRows(ctx, body),
);
