import { route, reply } from "@/lib/http/handler";
import { rotateCustomerTokenSecret, rotateSecretSchema } from "@/lib/customers/token-secrets";

// POST /api/v1/customer-token-secret/rotate – make a new customer-token signing secret, answered once; the previous one keeps verifying for previousValidHours (default 168) (audited)
export const POST = route(
  { role: "admin", scope: "org", sessionOnly: true, body: rotateSecretSchema },
  async ({ ctx, body }) => reply(await rotateCustomerTokenSecret(ctx, body), 201),
);
