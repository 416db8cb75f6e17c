import { route, reply } from "@/lib/http/handler";
import { createTriggerSchema, triggerListQuery } from "@/lib/triggers/schema";
import { createTrigger, listTriggers } from "@/lib/triggers/service";

// GET /api/v1/triggers – the organization's triggers with their funnels, newest first (managers and admins: docs/distribution.md)
export const GET = route({ role: "manager", scope: "org", query: triggerListQuery }, ({ ctx, query }) =>
  listTriggers(ctx, query),
);

// POST /api/v1/triggers – invite to a live survey by e-mail a delay after an interaction (at a touchpoint, with an outcome) or a resolved case
export const POST = route({ role: "manager", scope: "org", body: createTriggerSchema }, async ({ ctx, body }) =>
  reply(await createTrigger(ctx, body), 201),
);
