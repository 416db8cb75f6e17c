import { route, reply } from "@/lib/http/handler";
import { createWebhookSchema } from "@/lib/webhooks/schema";
import { createWebhook, listWebhooks } from "@/lib/webhooks/service";

// GET /api/v1/webhooks – the organization's endpoints with delivery counts (never their secrets)
export const GET = route({ role: "admin", scope: "org" }, ({ ctx }) => listWebhooks(ctx));

// POST /api/v1/webhooks – create an endpoint; its signing secret is in this response only
export const POST = route({ role: "admin", scope: "org", body: createWebhookSchema }, async ({ ctx, body }) =>
  reply(await createWebhook(ctx, body), 201),
);
