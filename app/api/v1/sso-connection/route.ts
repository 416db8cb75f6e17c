import { route, reply } from "@/lib/http/handler";
import { ssoConnectionSchema } from "@/lib/sso/schema";
import { deleteSsoConnection, getSsoConnection, saveSsoConnection } from "@/lib/sso/service";

// GET /api/v1/sso-connection – the organization's OpenID Connect connection (never its client secret) and the redirect URI to register
export const GET = route({ role: "admin", scope: "org", sessionOnly: true }, ({ ctx }) => getSsoConnection(ctx));

// PUT /api/v1/sso-connection – create or replace it; the issuer's discovery document is checked first (audited)
export const PUT = route(
  { role: "admin", scope: "org", sessionOnly: true, body: ssoConnectionSchema },
  ({ ctx, body }) => saveSsoConnection(ctx, body),
);

// DELETE /api/v1/sso-connection – remove it and every identity linked through it (audited)
export const DELETE = route({ role: "admin", scope: "org", sessionOnly: true }, async ({ ctx }) => {
  await deleteSsoConnection(ctx);
  return reply(null, 204);
});
