import { route, reply } from "@/lib/http/handler";
import { csvBodyOf } from "@/lib/import/csv";
import { staticAudienceQuery } from "@/lib/audiences/schema";
import { createStaticAudience } from "@/lib/audiences/service";

// POST /api/v1/audiences/static?name= – a static audience: the customers of a CSV (raw text/csv or the `file` field
// of multipart/form-data) with an `email` and/or `externalId` column. All or nothing: 400 naming each bad row
// (`rows[5].email`: no such customer, not an address, empty) and nothing is saved.
export const POST = route(
  { role: "manager", scope: "org", query: staticAudienceQuery, request: "csv" },
  async ({ ctx, query, req }) => reply(await createStaticAudience(ctx, query.name, await csvBodyOf(req)), 201),
);
