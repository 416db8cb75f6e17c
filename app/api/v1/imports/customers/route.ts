import { route } from "@/lib/http/handler";
import { importQuery } from "@/lib/import/mapping";
import { csvBodyOf } from "@/lib/import/csv";
import { prepareCustomerImport } from "@/lib/import/customers";
import { importResponse } from "@/lib/import/pipeline";

// POST /api/v1/imports/customers?mode=all_or_nothing|skip_bad_rows&onExisting=skip|update&mapping=<json> –
// import a customers CSV (the body). A bad mapping or header is a 400 before anything is written; then the
// answer streams as NDJSON: progress lines every ~1,000 rows and a final `{ done: true, … }` line.
// Manager or higher: an import changes many customers at once.
export const POST = route(
  { role: "manager", scope: "org", query: importQuery, request: "csv", response: "ndjson" },
  async ({ ctx, query, req, requestId }) =>
    importResponse(await prepareCustomerImport(ctx, await csvBodyOf(req), query), requestId),
);
