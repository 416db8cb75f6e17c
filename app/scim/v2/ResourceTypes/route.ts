// GET /scim/v2/ResourceTypes – User and Group (RFC 7643 §6)
import { scimRoute } from "@/lib/scim/handler";
import { listResponse, resourceTypes } from "@/lib/scim/meta";

export const GET = scimRoute(async ({ baseUrl }) => {
  const all = resourceTypes(baseUrl);
  return listResponse(all.length, 1, all);
});
