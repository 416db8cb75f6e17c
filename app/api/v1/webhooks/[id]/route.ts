import { route, reply } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { updateWebhookSchema } from "@/lib/webhooks/schema";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/service";

// GET /api/v1/webhooks/:id – one endpoint
export const GET = route({ role: "admin", scope: "org", params: idParams }, ({ ctx, params }) =>
  getWebhook(ctx, params.id),
);

// PATCH /api/v1/webhooks/:id – change URL, description, events, active; rotateSecret answers the new secret once
export const PATCH = route(
  { role: "admin", scope: "org", params: idParams, body: updateWebhookSchema },
  ({ ctx, params, body }) => updateWebhook(ctx, params.id, body),
);

// DELETE /api/v1/webhooks/:id – delete the endpoint and its delivery log
export const DELETE = route({ role: "admin", scope: "org", params: idParams }, async ({ ctx, params }) =>
  reply(await deleteWebhook(ctx, params.id), 204),
);
