import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { customerUpdateSchema } from "@/lib/customers/schema";
import { getCustomer, updateCustomer } from "@/lib/customers/service";

// GET /api/v1/customers/:id – one customer
export const GET = route({ role: "viewer", scope: "org", params: idParams }, ({ ctx, params }) =>
  getCustomer(ctx, params.id),
);

// PATCH /api/v1/customers/:id – change profile fields, tags or consent
export const PATCH = route(
  { role: "agent", scope: "org", params: idParams, body: customerUpdateSchema },
  ({ ctx, params, body }) => updateCustomer(ctx, params.id, body),
);
