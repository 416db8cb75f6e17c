// SCIM 2.0 errors (RFC 7644 §3.12): JSON `{ schemas: [Error], status: "<code>", scimType?, detail }`, never
// problem+json, because identity providers parse exactly this shape.
export const SCIM_CONTENT_TYPE = "application/scim+json";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

export const scimNotFound = (what = "Resource") => new ScimError(404, `${what} not found.`);
export const invalidValue = (detail: string) => new ScimError(400, detail, "invalidValue");

export function scimJson(body: unknown, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", SCIM_CONTENT_TYPE);
  h.set("cache-control", "no-store");
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: h });
}

export function scimErrorResponse(error: ScimError): Response {
  const body = {
    schemas: [ERROR_SCHEMA],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.message,
  };
  return scimJson(body, error.status, error.status === 401 ? { "www-authenticate": 'Bearer realm="scim"' } : undefined);
}
