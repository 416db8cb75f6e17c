import { route } from "@/lib/http/handler";
import { trendQuery } from "@/lib/analytics/schema";
import { getTrends } from "@/lib/analytics/service";
import { csvFilename, seriesCsv } from "@/lib/analytics/csv";

// GET /api/v1/metrics/trend – NPS, CSAT, CES per day/week/month bucket with 95 % intervals and n, the NPS
// split and the volume, for the dashboard's filters; ?format=csv&series=nps|csat|ces|nps-split|volume for one chart as CSV
export const GET = route({ role: "viewer", scope: "unit", query: trendQuery }, async ({ ctx, query }) => {
  const trends = await getTrends(ctx, query);
  if (query.format === "json") return trends;
  return new Response(seriesCsv(trends, query.series), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csvFilename(query.series, trends.period)}"`,
      "cache-control": "no-store",
    },
  });
});
