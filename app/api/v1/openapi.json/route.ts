import { openApiJson } from "@/lib/openapi/cached";
import { ROUTE_MODULES } from "@/app/api/v1/routes.generated";

// GET /api/v1/openapi.json – the OpenAPI 3.1 document of this API, generated from the routes' zod schemas. No
// login: it describes the API, not anyone's data. Built once per process; ETag and a short public cache.
export const GET = async (req: Request) => {
  const { body, etag } = openApiJson(ROUTE_MODULES);
  const headers = { etag, "cache-control": "public, max-age=300", vary: "Accept-Encoding" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "content-type": "application/json" } });
};
