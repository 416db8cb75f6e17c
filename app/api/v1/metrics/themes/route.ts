import { route } from "@/lib/http/handler";
import { getThemesReport } from "@/lib/text-analytics/themes-report";
import { themesCsv, themesCsvFilename, themesQuery } from "@/lib/text-analytics/themes-csv";

// GET /api/v1/metrics/themes – what customers talk about, for the dashboard's filters: per theme of the
// organization's taxonomy the analysed comments mentioning it (n, share with its Wilson 95 % interval), their mean
// sentiment, the metric (?metric=nps|csat|ces) of the mentioners against everyone else with the 95 % interval of the
// difference, the theme's contribution to the overall figure and "too few" below 30 (docs/metrics.md, "Themes");
// ?format=csv for the table as CSV
export const GET = route({ role: "viewer", scope: "unit", query: themesQuery }, async ({ ctx, query }) => {
  const report = await getThemesReport(ctx, query);
  if (query.format === "json") return report;
  return new Response(themesCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${themesCsvFilename(report)}"`,
      "cache-control": "no-store",
    },
  });
});
