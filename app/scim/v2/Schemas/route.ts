// GET /scim/v2/Schemas – the User and Group schemas as served (RFC 7643 §7)
import { scimRoute } from "@/lib/scim/handler";
import { listResponse, schemaDocuments } from "@/lib/scim/meta";

export const GET = scimRoute(async ({ baseUrl }) => {
  const all = schemaDocuments(baseUrl);
  return listResponse(all.length, 1, all);
});
