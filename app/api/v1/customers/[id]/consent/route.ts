import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { listConsentHistory } from "@/lib/privacy/consent";

// GET /api/v1/customers/:id/consent – the customer's consent changes (value, source, who, when), newest first.
// Consent itself is changed with PATCH /api/v1/customers/:id { consent }.
export const GET = route({ role: "viewer", scope: "unit", params: idParams }, async ({ ctx, params }) => ({
  data: await listConsentHistory(ctx, params.id),
}));
