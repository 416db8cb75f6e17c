import { route, reply } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { exportCustomerData } from "@/lib/privacy/export";

// GET /api/v1/customers/:id/export – everything held about one customer as one JSON document (a download);
// managers and admins; recorded in the audit trail.
export const GET = route({ role: "manager", scope: "org", params: idParams }, async ({ ctx, params }) => {
  const doc = await exportCustomerData(ctx, params.id);
  return reply(doc, 200, {
    "content-disposition": `attachment; filename="customer-${params.id}-${doc.exportedAt.slice(0, 10)}.json"`,
  });
});
