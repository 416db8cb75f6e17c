import { route, reply } from "@/lib/http/handler";
import { createApiKeySchema } from "@/lib/api-keys/schema";
import { createApiKey, listApiKeys } from "@/lib/api-keys/service";

// GET /api/v1/api-keys – keys (prefix only, never the secret)
export const GET = route({ role: "admin", scope: "org", sessionOnly: true }, ({ ctx }) => listApiKeys(ctx));

// POST /api/v1/api-keys – create a key, optionally limited to a unit (unitId); the full key is in this response only
export const POST = route(
  { role: "admin", scope: "org", sessionOnly: true, body: createApiKeySchema },
  async ({ ctx, body }) => reply(await createApiKey(ctx, body), 201),
);
