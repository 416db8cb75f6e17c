import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { paginationQuery } from "@/lib/http/pagination";
import { listCustomerSuppressions } from "@/lib/campaigns/suppression-log";

// GET /api/v1/customers/:id/suppressions – every send the customer was left out of, and why, newest first (managers and admins)
export const GET = route(
  { role: "manager", scope: "unit", params: idParams, query: paginationQuery },
  ({ ctx, params, query }) => listCustomerSuppressions(ctx, params.id, query),
);
