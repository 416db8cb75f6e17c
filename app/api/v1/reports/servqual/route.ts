import { z } from "zod";
import { route } from "@/lib/http/handler";
import { analyticsFiltersWith } from "@/lib/analytics/filters";
import { getServqualReport, servqualCsvFilename, servqualReportCsv } from "@/lib/journeys/servqual";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const servqualQuery = analyticsFiltersWith({
  format: z.preprocess(blank, z.enum(["json", "csv"], { error: "Use json or csv" }).default("json")),
});

// GET /api/v1/reports/servqual – per touchpoint with SERVQUAL answers and per dimension: mean perception, mean
// expectation and the paired gap (perception − expectation) with its 95 % interval, n and significance;
// ?format=csv streams it as CSV
export const GET = route({ role: "viewer", scope: "unit", query: servqualQuery }, async ({ ctx, query }) => {
  const report = await getServqualReport(ctx, query);
  if (query.format === "json") return report;
  return new Response(servqualReportCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${servqualCsvFilename(report.period)}"`,
      "cache-control": "no-store",
    },
  });
});
