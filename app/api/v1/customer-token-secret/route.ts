import { route } from "@/lib/http/handler";
import { getCustomerTokenSecretStatus } from "@/lib/customers/token-secrets";

// GET /api/v1/customer-token-secret – the customer-token signing secret's hint and date, and rotated ones still valid (never a secret itself)
export const GET = route({ role: "admin", scope: "org", sessionOnly: true }, ({ ctx }) =>
  getCustomerTokenSecretStatus(ctx),
);
