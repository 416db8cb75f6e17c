import { z } from "zod";
import { route } from "@/lib/http/handler";
import { analyticsFiltersWith } from "@/lib/analytics/filters";
import { gapCsvFilename, gapReportCsv, getGapReport } from "@/lib/journeys/gaps-report";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const gapsQuery = analyticsFiltersWith({
  format: z.preprocess(blank, z.enum(["json", "csv"], { error: "Use json or csv" }).default("json")),
});

// GET /api/v1/reports/gaps – every touchpoint with a promised score: promised vs perceived with interval, n,
// significance and priority, and the touchpoint's top themes (share of its analysed comments, mean sentiment, n),
// sorted by priority (first row = where to act first); ?format=csv streams it as CSV
export const GET = route({ role: "viewer", scope: "unit", query: gapsQuery }, async ({ ctx, query }) => {
  const report = await getGapReport(ctx, query);
  if (query.format === "json") return report;
  return new Response(gapReportCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${gapCsvFilename(report.period)}"`,
      "cache-control": "no-store",
    },
  });
});
