// One SCIM Group of the token's organization
import { scimRoute } from "@/lib/scim/handler";
import { scimJson } from "@/lib/scim/errors";
import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from "@/lib/scim/groups";

// GET /scim/v2/Groups/:id – the Group with its members (excludedAttributes=members leaves them out)
export const GET = scimRoute(async ({ caller, params, req, baseUrl }) =>
  getScimGroup(caller, params.id, new URL(req.url).searchParams, baseUrl),
);

// PUT /scim/v2/Groups/:id – replace displayName, externalId and the member list
export const PUT = scimRoute(async ({ caller, params, readBody, baseUrl }) =>
  replaceScimGroup(caller, params.id, await readBody(), baseUrl),
);

// PATCH /scim/v2/Groups/:id – add/remove/replace members, rename
export const PATCH = scimRoute(async ({ caller, params, readBody, baseUrl }) =>
  patchScimGroup(caller, params.id, await readBody(), baseUrl),
);

// DELETE /scim/v2/Groups/:id – delete the group; its members' roles are recomputed
export const DELETE = scimRoute(async ({ caller, params }) => {
  await deleteScimGroup(caller, params.id);
  return scimJson(null, 204);
});
