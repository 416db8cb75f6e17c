// Any other /scim/v2 path: a SCIM 404 (after the token check), not the app's HTML page.
import { scimRoute } from "@/lib/scim/handler";
import { scimNotFound } from "@/lib/scim/errors";

const notFound = scimRoute(async () => {
  throw scimNotFound("Endpoint");
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
