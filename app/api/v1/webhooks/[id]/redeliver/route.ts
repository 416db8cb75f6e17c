import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { redeliverSchema } from "@/lib/webhooks/schema";
import { redeliver } from "@/lib/webhooks/service";

// POST /api/v1/webhooks/:id/redeliver – attempt one delivery of this endpoint again, now ({ deliveryId })
export const POST = route(
  { role: "admin", scope: "org", params: idParams, body: redeliverSchema },
  ({ ctx, params, body }) => redeliver(ctx, params.id, body.deliveryId),
);
