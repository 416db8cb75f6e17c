// GET /scim/v2/ResourceTypes/:id – one resource type
import { scimRoute } from "@/lib/scim/handler";
import { resourceTypes } from "@/lib/scim/meta";
import { scimNotFound } from "@/lib/scim/errors";

export const GET = scimRoute(async ({ baseUrl, params }) => {
  const found = resourceTypes(baseUrl).find((t) => t.id === params.id);
  if (!found) throw scimNotFound("ResourceType");
  return found;
});
