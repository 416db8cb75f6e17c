import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { csvBodyOf } from "@/lib/import/csv";
import { replaceStaticMembers } from "@/lib/audiences/service";

// PUT /api/v1/audiences/:id/members – replace a static audience's customers with those of a CSV (raw text/csv or the
// `file` field of multipart/form-data) with an `email` and/or `externalId` column. All or nothing: 400 naming each
// bad row (`rows[5].email`), and the old list stays. Another organization's audience is a 404 before the upload is read.
export const PUT = route({ role: "manager", scope: "org", params: idParams, request: "csv" }, ({ ctx, params, req }) =>
  replaceStaticMembers(ctx, params.id, () => csvBodyOf(req)),
);
