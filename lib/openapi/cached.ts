// The document is the same for every request of a running build: serialize it once.
import { createHash } from "node:crypto";
import { buildOpenApiDocument } from "./document";

let cached: { body: string; etag: string } | null = null;

export function openApiJson(): { body: string; etag: string } {
  if (!cached) {
    const body = JSON.stringify(buildOpenApiDocument());
    cached = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
  }
  return cached;
}
