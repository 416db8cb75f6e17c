import { route } from "@/lib/http/handler";
import { importQuery } from "@/lib/import/mapping";
import { csvBodyOf } from "@/lib/import/csv";
import { importResponse } from "@/lib/import/pipeline";
import { prepareInteractionImport } from "@/lib/import/interactions";

// POST /api/v1/imports/interactions?mode=all_or_nothing|skip_bad_rows&mapping=<json> – import historical
// interactions from a CSV body, same protocol as the customer import (400 before anything is written, then
// NDJSON progress and a final `{ done: true, … }` line). Rows whose clientId is stored are skipped.
// Manager or higher, like the customer import: one file writes thousands of rows into many customers' timelines
// and can name any member as the staff of an interaction; agents log their own interactions one at a time.
export const POST = route(
  { role: "manager", scope: "org", query: importQuery, request: "csv", response: "ndjson" },
  async ({ ctx, query, req, requestId }) =>
    importResponse(await prepareInteractionImport(ctx, await csvBodyOf(req), query), requestId),
);
