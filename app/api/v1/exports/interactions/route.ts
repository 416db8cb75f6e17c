import { route } from "@/lib/http/handler";
import { exportInteractionsCsv } from "@/lib/import/export";
import { interactionFilters } from "@/lib/interactions/schema";
import { csvHeaders } from "@/lib/csv/stream";

// GET /api/v1/exports/interactions – the interactions matching the list's filters as CSV, in the columns the
// interaction import takes (streamed in chunks by id); recorded in the audit trail.
export const GET = route(
  { role: "viewer", scope: "unit", query: interactionFilters, response: "csv" },
  async ({ ctx, query }) =>
    new Response(await exportInteractionsCsv(ctx, query), { status: 200, headers: csvHeaders("interactions") }),
);
