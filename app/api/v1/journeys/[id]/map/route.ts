import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { analyticsFilters } from "@/lib/analytics/filters";
import { getJourneyMap } from "@/lib/journeys/map";

// GET /api/v1/journeys/:id/map – the journey with live CSAT/CES/NPS (interval, n), interaction volume, average
// emotion, experience gaps and top themes (share of its analysed comments, mean sentiment, n) per touchpoint,
// aggregates and the emotion curve per stage; query = the analytics filters (period preset or from/to, channelId,
// segment, unitId)
export const GET = route(
  { role: "viewer", scope: "unit", params: idParams, query: analyticsFilters },
  ({ ctx, params, query }) => getJourneyMap(ctx, params.id, query),
);
