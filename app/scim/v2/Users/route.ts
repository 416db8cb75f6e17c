// SCIM Users of the token's organization (lib/scim/users.ts)
import { scimRoute } from "@/lib/scim/handler";
import { scimJson } from "@/lib/scim/errors";
import { createScimUser, listScimUsers } from "@/lib/scim/users";

// GET /scim/v2/Users – list, with filter (userName/externalId/emails.value eq …), startIndex and count
export const GET = scimRoute(async ({ caller, req, baseUrl }) =>
  listScimUsers(caller, new URL(req.url).searchParams, baseUrl),
);

// POST /scim/v2/Users – provision a person (account created or attached, membership with source "scim")
export const POST = scimRoute(async ({ caller, readBody, baseUrl }) => {
  const user = await createScimUser(caller, await readBody(), baseUrl);
  return scimJson(user, 201, { location: user.meta.location });
});
