import { route, reply } from "@/lib/http/handler";
import { customerInputSchema, customerListQuery } from "@/lib/customers/schema";
import { createCustomer, listCustomers } from "@/lib/customers/service";

// GET /api/v1/customers – list customers (prefix search on name, e-mail, external id; ?tag=)
export const GET = route({ role: "viewer", query: customerListQuery }, ({ ctx, query }) => listCustomers(ctx, query));

// POST /api/v1/customers – create a customer
export const POST = route({ role: "agent", body: customerInputSchema }, async ({ ctx, body }) =>
  reply(await createCustomer(ctx, body), 201),
);
