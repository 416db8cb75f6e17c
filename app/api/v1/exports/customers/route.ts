import { route } from "@/lib/http/handler";
import { exportCustomersCsv } from "@/lib/import/export";
import { csvHeaders } from "@/lib/csv/stream";

// GET /api/v1/exports/customers – every customer of the organization as CSV, in the column shape the import
// accepts (streamed in chunks by id); recorded in the audit trail.
export const GET = route(
  { role: "viewer", scope: "org", response: "csv" },
  async ({ ctx }) => new Response(await exportCustomersCsv(ctx), { status: 200, headers: csvHeaders("customers") }),
);
