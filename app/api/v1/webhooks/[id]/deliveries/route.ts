import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { deliveryListQuery } from "@/lib/webhooks/schema";
import { listDeliveries } from "@/lib/webhooks/service";

// GET /api/v1/webhooks/:id/deliveries – the delivery log, newest first (?status=&limit=&cursor=)
export const GET = route(
  { role: "admin", scope: "org", params: idParams, query: deliveryListQuery },
  ({ ctx, params, query }) => listDeliveries(ctx, params.id, query),
);
