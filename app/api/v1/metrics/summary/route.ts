import { route } from "@/lib/http/handler";
import { summaryQuery } from "@/lib/analytics/schema";
import { getSummary } from "@/lib/analytics/service";
import { getInvitationRates } from "@/lib/dashboard/invitation-rates";

// GET /api/v1/metrics/summary – NPS, CSAT and CES for the filtered period with n and 95 % intervals, and the
// change vs the previous period of equal length with its significance. `responseRates` gives per metric the
// response rate of the invitations delivered in the period ({ answered, delivered, rate, low, high, enough }, %
// with the Wilson 95 % interval), or null where none were delivered or a touchpoint, stage, journey or channel
// filter is set (docs/metrics.md, "Response rate of invitations")
export const GET = route({ role: "viewer", scope: "unit", query: summaryQuery }, async ({ ctx, query }) => {
  const now = new Date();
  const [summary, responseRates] = await Promise.all([
    getSummary(ctx, query, now),
    getInvitationRates(ctx, query, now),
  ]);
  return { ...summary, responseRates };
});
