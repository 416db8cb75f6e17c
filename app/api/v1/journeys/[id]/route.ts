import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { journeyListQuery, journeyUpdateSchema } from "@/lib/journeys/schema";
import { getJourney, updateJourney } from "@/lib/journeys/service";
import { getJourneyForEditor } from "@/lib/journeys/editor";

// GET /api/v1/journeys/:id – a journey with its stages and touchpoints (and their promises);
// ?includeArchived=true adds archived stages and touchpoints (the editor's view)
export const GET = route(
  { role: "viewer", scope: "unit", params: idParams, query: journeyListQuery },
  ({ ctx, params, query }) =>
    query.includeArchived ? getJourneyForEditor(ctx, params.id) : getJourney(ctx, params.id),
);

// PATCH /api/v1/journeys/:id – rename, describe, archive or restore (archiving keeps all history)
export const PATCH = route(
  { role: "manager", scope: "org", params: idParams, body: journeyUpdateSchema },
  ({ ctx, params, body }) => updateJourney(ctx, params.id, body),
);
