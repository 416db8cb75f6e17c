import { route, reply } from "@/lib/http/handler";
import { journeyCreateSchema, journeyListQuery } from "@/lib/journeys/schema";
import { createJourney, listJourneys } from "@/lib/journeys/service";

// GET /api/v1/journeys – journeys with stage and touchpoint counts (?includeArchived=true)
export const GET = route({ role: "viewer", scope: "unit", query: journeyListQuery }, ({ ctx, query }) =>
  listJourneys(ctx, query),
);

// POST /api/v1/journeys – create a journey with its ordered stages
export const POST = route({ role: "manager", scope: "org", body: journeyCreateSchema }, async ({ ctx, body }) =>
  reply(await createJourney(ctx, body), 201),
);
