// Any /api/v1 path no route file serves, with any method: 404 problem+json like every other API error, instead
// of Next.js's HTML 404 page. Next.js picks every real route over this catch-all; a real route asked with a
// method it does not export is the custom server's 405 (lib/http/allowed-methods.ts).
// Exported as one name list rather than a constant per method: the route scans (scripts/gen-openapi-routes.mjs
// for the OpenAPI document and the 405 list, tests/integration/routes.test.ts for the route table) look for the
// constants and rightly skip this file, which is no endpoint.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { problemResponse } from "@/lib/http/problem";

function unknownPath(req: NextRequest): Response {
  const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
  const pathname = req.nextUrl.pathname;
  return problemResponse({
    title: "Not found",
    status: 404,
    detail: `No API endpoint at ${pathname}; the reference is at /docs/api.`,
    instance: pathname,
    requestId,
  });
}

export {
  unknownPath as GET,
  unknownPath as HEAD,
  unknownPath as POST,
  unknownPath as PUT,
  unknownPath as PATCH,
  unknownPath as DELETE,
  unknownPath as OPTIONS,
};
