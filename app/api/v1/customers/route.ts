import { route, reply } from "@/lib/http/handler";
import { customerCreateSchema, customerListQuery } from "@/lib/customers/schema";
import { createCustomer, listCustomers } from "@/lib/customers/service";

// GET /api/v1/customers – list customers (prefix search on name, e-mail, external id; ?tag=); a member or key scoped to
// units sees the customers of those units
export const GET = route({ role: "viewer", scope: "unit", query: customerListQuery }, ({ ctx, query }) =>
  listCustomers(ctx, query),
);

// POST /api/v1/customers – create a customer (a name alone that is already taken: 409 same-name unless allowSameName);
// a unit-scoped caller's customer gets their unit as home unless it names another of theirs
export const POST = route({ role: "agent", scope: "unit", body: customerCreateSchema }, async ({ ctx, body }) =>
  reply(await createCustomer(ctx, body), 201),
);
