import { route, reply } from "@/lib/http/handler";
import { startUnitBackfill, unitBackfillStatus } from "@/lib/units/backfill-service";

// GET /api/v1/units/backfill – the latest attribution of history to units: status (queued, running, done, failed),
// rows examined of the total, and rows attributed per kind and rule ({ job: null } before the first). Admins.
export const GET = route({ role: "admin", scope: "org" }, async ({ ctx }) => ({ job: await unitBackfillStatus(ctx) }));

// POST /api/v1/units/backfill – gives every response, interaction and case without a unit the unit the attribution
// rules give it today (docs/hierarchy.md, "Backfill"), in the background: 202 with the job, or 200 with the one
// already running. Rows already attributed are never changed. Admins.
export const POST = route({ role: "admin", scope: "org" }, async ({ ctx }) => {
  const { job, started } = await startUnitBackfill(ctx);
  return reply({ job }, started ? 202 : 200);
});
