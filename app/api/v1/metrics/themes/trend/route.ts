import { route } from "@/lib/http/handler";
import { NotFoundError } from "@/lib/errors";
import { getThemeTrends } from "@/lib/text-analytics/themes-report";
import { themeTrendQuery } from "@/lib/text-analytics/themes-csv";

// GET /api/v1/metrics/themes/trend – the themes' trends for the dashboard's filters: per live theme (or only
// ?theme=<key>) and day/week/month bucket the analysed comments, those mentioning the theme, their share with its
// Wilson 95 % interval and "too few", the mean sentiment and the mentioners' metric (?metric=nps|csat|ces); empty
// buckets included. 404 when ?theme names no live theme of the organization's taxonomy
export const GET = route({ role: "viewer", scope: "unit", query: themeTrendQuery }, async ({ ctx, query }) => {
  const trends = await getThemeTrends(ctx, query);
  if (!trends) throw new NotFoundError("Theme");
  return trends;
});
