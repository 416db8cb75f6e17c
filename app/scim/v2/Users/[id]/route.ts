// One SCIM User (a membership of the token's organization; another organization's id is a 404)
import { scimRoute } from "@/lib/scim/handler";
import { scimJson } from "@/lib/scim/errors";
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from "@/lib/scim/users";

// GET /scim/v2/Users/:id – the User
export const GET = scimRoute(async ({ caller, params, baseUrl }) => getScimUser(caller, params.id, baseUrl));

// PUT /scim/v2/Users/:id – replace its attributes (active=false de-provisions)
export const PUT = scimRoute(async ({ caller, params, readBody, baseUrl }) =>
  replaceScimUser(caller, params.id, await readBody(), baseUrl),
);

// PATCH /scim/v2/Users/:id – PatchOp operations, with or without path
export const PATCH = scimRoute(async ({ caller, params, readBody, baseUrl }) =>
  patchScimUser(caller, params.id, await readBody(), baseUrl),
);

// DELETE /scim/v2/Users/:id – remove the membership; sessions and the person's API keys here stop working
export const DELETE = scimRoute(async ({ caller, params }) => {
  await deleteScimUser(caller, params.id);
  return scimJson(null, 204);
});
