import { route } from "@/lib/http/handler";
import { compareQuery } from "@/lib/analytics/schema";
import { getComparison } from "@/lib/analytics/service";

// GET /api/v1/metrics/compare – two sides with NPS, CSAT, CES and the difference b − a with its significance:
// ?segment=A&compare=B compares two customer segments; without compare (or compare=previous) the previous period
export const GET = route({ role: "viewer", scope: "unit", query: compareQuery }, ({ ctx, query }) =>
  getComparison(ctx, query),
);
