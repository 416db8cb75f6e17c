import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { customerUpdateSchema } from "@/lib/customers/schema";
import { getCustomer, updateCustomer } from "@/lib/customers/service";

// GET /api/v1/customers/:id – one customer (outside a scoped caller's units: 404)
export const GET = route({ role: "viewer", scope: "unit", params: idParams }, ({ ctx, params }) =>
  getCustomer(ctx, params.id),
);

// PATCH /api/v1/customers/:id – change profile fields, tags, consent or the home unit (a scoped caller: within their units)
export const PATCH = route(
  { role: "agent", scope: "unit", params: idParams, body: customerUpdateSchema },
  ({ ctx, params, body }) => updateCustomer(ctx, params.id, body),
);
