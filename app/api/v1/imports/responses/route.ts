import { z } from "zod";
import { route } from "@/lib/http/handler";
import { importQuery } from "@/lib/import/mapping";
import { csvBodyOf } from "@/lib/import/csv";
import { importResponse } from "@/lib/import/pipeline";
import { prepareResponseImport } from "@/lib/import/responses";

const query = importQuery.extend({ surveyId: z.string().trim().min(1).max(64) });

// POST /api/v1/imports/responses?surveyId=<id>&mode=all_or_nothing|skip_bad_rows&mapping=<json> – import
// historical responses of one survey from a CSV body, same protocol as the other imports (400 before anything
// is written, then NDJSON progress and a final `{ done: true, … }` line). Another organization's survey is a
// 404. Rows whose clientId is stored for the survey are skipped; no cases are opened.
// Manager or higher, like the other imports: one file writes thousands of responses into the reports.
export const POST = route(
  { role: "manager", scope: "org", query, request: "csv", response: "ndjson" },
  async ({ ctx, query: { surveyId, ...options }, req, requestId }) =>
    importResponse(await prepareResponseImport(ctx, surveyId, await csvBodyOf(req), options), requestId),
);
