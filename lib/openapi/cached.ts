// The document is the same for every request of a running build: serialize it once.
import { createHash } from "node:crypto";
import { buildOpenApiDocument, type RouteModule } from "./document";

let cached: { body: string; etag: string } | null = null;

/** `modules` is the same list on every call (app/api/v1/routes.generated.ts). */
export function openApiJson(modules: RouteModule[]): { body: string; etag: string } {
  if (!cached) {
    const body = JSON.stringify(buildOpenApiDocument(modules));
    cached = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
  }
  return cached;
}
