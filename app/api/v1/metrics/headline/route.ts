import { route } from "@/lib/http/handler";
import { headlineQuery } from "@/lib/dashboard/schema";
import { getHeadline, lastDays } from "@/lib/dashboard/headline";
import { narrowToUnit } from "@/lib/analytics/unit-filter";

// GET /api/v1/metrics/headline – NPS, CSAT and CES with n and 95 % intervals for the last ?days= (default 90), over
// the caller's units (?unitId= narrows to one unit's subtree; outside the caller's scope it is a 404)
export const GET = route({ role: "viewer", scope: "unit", query: headlineQuery }, async ({ ctx, query }) =>
  getHeadline(await narrowToUnit(ctx, query.unitId), lastDays(query.days)),
);
