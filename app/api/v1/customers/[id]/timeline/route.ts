import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { getTimeline, timelineQuery } from "@/lib/customers/timeline";

// GET /api/v1/customers/:id/timeline – interactions, responses and cases merged, newest first (?before=&limit=);
// a unit-scoped caller sees only the rows of their units
export const GET = route(
  { role: "viewer", scope: "unit", params: idParams, query: timelineQuery },
  ({ ctx, params, query }) => getTimeline(ctx, params.id, query),
);
