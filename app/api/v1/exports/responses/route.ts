import { route } from "@/lib/http/handler";
import { csvHeaders } from "@/lib/csv/stream";
import { responseFilters } from "@/lib/responses/schema";
import { exportResponsesCsv } from "@/lib/responses/export";

// GET /api/v1/exports/responses – the responses matching the inbox filters as CSV, streamed page by page
// (one column per question when a single survey is chosen); recorded in the audit trail.
export const GET = route(
  { role: "viewer", scope: "unit", query: responseFilters, response: "csv" },
  async ({ ctx, query }) =>
    new Response(await exportResponsesCsv(ctx, query), { status: 200, headers: csvHeaders("responses") }),
);
