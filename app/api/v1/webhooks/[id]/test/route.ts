import { route, reply } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { sendTestEvent } from "@/lib/webhooks/service";

// POST /api/v1/webhooks/:id/test – send a webhook.test event to this endpoint now; answers the logged delivery
export const POST = route({ role: "admin", scope: "org", params: idParams }, async ({ ctx, params }) =>
  reply(await sendTestEvent(ctx, params.id), 201),
);
