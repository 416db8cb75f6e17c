import { route } from "@/lib/http/handler";
import { headlineQuery } from "@/lib/dashboard/schema";
import { getHeadline, lastDays } from "@/lib/dashboard/headline";

// GET /api/v1/metrics/headline – NPS, CSAT and CES with n and 95 % intervals for the last ?days= (default 90)
export const GET = route({ role: "viewer", scope: "org", query: headlineQuery }, ({ ctx, query }) =>
  getHeadline(ctx, lastDays(query.days)),
);
