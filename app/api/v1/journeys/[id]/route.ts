import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { journeyUpdateSchema } from "@/lib/journeys/schema";
import { getJourney, updateJourney } from "@/lib/journeys/service";

// GET /api/v1/journeys/:id – a journey with its stages and touchpoints (and their promises)
export const GET = route({ role: "viewer", params: idParams }, ({ ctx, params }) => getJourney(ctx, params.id));

// PATCH /api/v1/journeys/:id – rename, describe or archive (archiving keeps all history)
export const PATCH = route({ role: "manager", params: idParams, body: journeyUpdateSchema }, ({ ctx, params, body }) => updateJourney(ctx, params.id, body));
