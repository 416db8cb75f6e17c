// Query schemas of /api/v1/metrics/{trend,summary,compare}: the dashboard's filter schema, plus the
// trend route's CSV export (the same series the charts draw).
import { z } from "zod";
import { analyticsFilters, analyticsFiltersWith } from "./filters";
import { CSV_SERIES } from "./csv";
import { blank } from "../http/query-fields";

export const trendQuery = analyticsFiltersWith({
  format: z.preprocess(blank, z.enum(["json", "csv"], { error: "Use json or csv" }).default("json")),
  series: z.preprocess(blank, z.enum(CSV_SERIES, { error: `Use one of ${CSV_SERIES.join(", ")}` }).default("nps")),
});

export const summaryQuery = analyticsFilters;
export const compareQuery = analyticsFilters;
