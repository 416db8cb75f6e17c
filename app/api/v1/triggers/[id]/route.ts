import { route, reply } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { updateTriggerSchema } from "@/lib/triggers/schema";
import { deleteTrigger, getTrigger, updateTrigger } from "@/lib/triggers/service";

// GET /api/v1/triggers/:id – one trigger: its settings and funnel (invited, sent, started, completed)
export const GET = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  getTrigger(ctx, params.id),
);

// PATCH /api/v1/triggers/:id – change it; `status` "paused" holds its messages (and fires nothing) until "active" again
export const PATCH = route(
  { role: "manager", scope: "org", params: idParams, body: updateTriggerSchema },
  ({ ctx, params, body }) => updateTrigger(ctx, params.id, body),
);

// DELETE /api/v1/triggers/:id – delete it: messages not yet sent are dropped (the built-in re-survey: 409, pause it)
export const DELETE = route({ role: "manager", scope: "org", params: idParams }, async ({ ctx, params }) =>
  reply(await deleteTrigger(ctx, params.id), 204),
);
