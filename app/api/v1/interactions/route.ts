import { route, reply } from "@/lib/http/handler";
import { interactionCreateSchema, interactionListQuery } from "@/lib/interactions/schema";
import { createInteraction, listInteractions } from "@/lib/interactions/service";

// GET /api/v1/interactions – newest first, filtered as the Interactions page filters (customer, touchpoint, channel,
// staff member, source, outcome, emotion, period, text in the note)
export const GET = route({ role: "viewer", scope: "unit", query: interactionListQuery }, ({ ctx, query }) =>
  listInteractions(ctx, query),
);

// POST /api/v1/interactions – log an interaction; idempotent by clientId (201 first time, 200 on a retry)
export const POST = route({ role: "agent", scope: "unit", body: interactionCreateSchema }, async ({ ctx, body }) => {
  const { interaction, created } = await createInteraction(ctx, body, ctx.apiKeyId ? "api" : "staff");
  return reply(interaction, created ? 201 : 200);
});
