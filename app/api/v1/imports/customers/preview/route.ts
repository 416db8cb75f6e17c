import { route } from "@/lib/http/handler";
import { csvBodyOf, previewCsv } from "@/lib/import/csv";

// POST /api/v1/imports/customers/preview – header, first 10 rows, row count and a suggested mapping of a CSV
// (raw text/csv body or the `file` field of multipart/form-data). Manager: imports are bulk changes.
export const POST = route({ role: "manager", scope: "org", request: "csv" }, async ({ req }) =>
  previewCsv(await csvBodyOf(req)),
);
