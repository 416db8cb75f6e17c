// SCIM Groups of the token's organization (lib/scim/groups.ts)
import { scimRoute } from "@/lib/scim/handler";
import { scimJson } from "@/lib/scim/errors";
import { createScimGroup, listScimGroups } from "@/lib/scim/groups";

// GET /scim/v2/Groups – list, with filter (displayName/externalId/members.value eq …), startIndex and count
export const GET = scimRoute(async ({ caller, req, baseUrl }) =>
  listScimGroups(caller, new URL(req.url).searchParams, baseUrl),
);

// POST /scim/v2/Groups – create a group (a displayName like resonance-admins maps it to a role)
export const POST = scimRoute(async ({ caller, readBody, baseUrl }) => {
  const group = await createScimGroup(caller, await readBody(), baseUrl);
  return scimJson(group, 201, { location: group.meta.location });
});
