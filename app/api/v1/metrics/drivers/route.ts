import { route } from "@/lib/http/handler";
import { getDrivers } from "@/lib/analytics/drivers";
import { driversCsv, driversCsvFilename, driversQuery } from "@/lib/analytics/drivers-csv";

// GET /api/v1/metrics/drivers – key drivers of NPS or CSAT (?outcome=nps|csat) for the dashboard's filters: each
// driver item's relative weight (Johnson 2000) with its 95 % bootstrap interval, its mean score and n, or
// "not enough data"; ?format=csv for the table as CSV
export const GET = route({ role: "viewer", scope: "unit", query: driversQuery }, async ({ ctx, query }) => {
  const analysis = await getDrivers(ctx, query);
  if (query.format === "json") return analysis;
  return new Response(driversCsv(analysis), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${driversCsvFilename(analysis)}"`,
      "cache-control": "no-store",
    },
  });
});
