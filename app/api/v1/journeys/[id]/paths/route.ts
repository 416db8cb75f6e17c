import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { getJourneyPaths, journeyPathsCsv, pathsCsvFilename, pathsQuery } from "@/lib/journeys/paths-report";

// GET /api/v1/journeys/:id/paths – the common paths of customers between the journey's touchpoints and where
// they drop out: customers per (step, touchpoint), links step k → k+1 (under 1 % of customers summed as
// "other"), drop-outs and the top paths; query = the analytics filters (period, channelId, segment), steps
// (2–10, default 5) and format (json | csv)
export const GET = route(
  { role: "viewer", scope: "unit", params: idParams, query: pathsQuery },
  async ({ ctx, params, query }) => {
    const paths = await getJourneyPaths(ctx, params.id, query, query.steps);
    if (query.format === "json") return paths;
    return new Response(journeyPathsCsv(paths), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${pathsCsvFilename(paths)}"`,
        "cache-control": "no-store",
      },
    });
  },
);
