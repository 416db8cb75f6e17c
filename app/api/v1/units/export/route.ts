import { route } from "@/lib/http/handler";
import { csvHeaders } from "@/lib/csv/stream";
import { exportUnitsCsv } from "@/lib/units/csv";

// GET /api/v1/units/export – the unit tree as CSV (code, name, kind, parentCode, archived), parents before children:
// the shape the import takes, so an export re-imports unchanged
export const GET = route(
  { role: "viewer", scope: "org", response: "csv" },
  async ({ ctx }) => new Response(await exportUnitsCsv(ctx), { status: 200, headers: csvHeaders("units") }),
);
