import { route } from "@/lib/http/handler";
import { csvBodyOf } from "@/lib/import/csv";
import { importUnitsCsv } from "@/lib/units/csv";

// POST /api/v1/units/import – create and update units from a CSV (raw text/csv or the `file` field of
// multipart/form-data) with the columns code, name, kind, parentCode, archived; parents by code, in any order. All or
// nothing: 400 naming each bad row and field (`rows[5].parentCode`) and nothing is saved. Admins.
export const POST = route({ role: "admin", scope: "org", request: "csv" }, async ({ ctx, req }) =>
  importUnitsCsv(ctx, await csvBodyOf(req)),
);
