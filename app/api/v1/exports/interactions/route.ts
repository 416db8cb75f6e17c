import { route } from "@/lib/http/handler";
import { exportInteractionsCsv } from "@/lib/import/export";
import { csvHeaders } from "@/lib/csv/stream";

// GET /api/v1/exports/interactions – every interaction of the organization as CSV, in the columns the
// interaction import takes (streamed in chunks by id); recorded in the audit trail.
export const GET = route(
  { role: "viewer", response: "csv" },
  async ({ ctx }) =>
    new Response(await exportInteractionsCsv(ctx), { status: 200, headers: csvHeaders("interactions") }),
);
