import { route } from "@/lib/http/handler";
import { exportCustomersCsv } from "@/lib/import/export";
import { csvHeaders } from "@/lib/csv/stream";

// GET /api/v1/exports/customers – every customer of the organization as CSV, in the column shape the import
// accepts (streamed in chunks by id); recorded in the audit trail. A unit-scoped caller gets the customers of their units.
export const GET = route(
  { role: "viewer", scope: "unit", response: "csv" },
  async ({ ctx }) => new Response(await exportCustomersCsv(ctx), { status: 200, headers: csvHeaders("customers") }),
);
