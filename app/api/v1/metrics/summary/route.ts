import { route } from "@/lib/http/handler";
import { summaryQuery } from "@/lib/analytics/schema";
import { getSummary } from "@/lib/analytics/service";

// GET /api/v1/metrics/summary – NPS, CSAT and CES for the filtered period with n and 95 % intervals, and the
// change vs the previous period of equal length with its significance
export const GET = route({ role: "viewer", query: summaryQuery }, ({ ctx, query }) => getSummary(ctx, query));
