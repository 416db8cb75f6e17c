// GET /scim/v2/Schemas/:id – one schema by its URN
import { scimRoute } from "@/lib/scim/handler";
import { schemaDocuments } from "@/lib/scim/meta";
import { scimNotFound } from "@/lib/scim/errors";

export const GET = scimRoute(async ({ baseUrl, params }) => {
  const found = schemaDocuments(baseUrl).find((s) => s.id === params.id);
  if (!found) throw scimNotFound("Schema");
  return found;
});
