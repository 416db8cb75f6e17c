// What each /api/v1 handler declares about itself, kept by the wrappers (route(), publicRoute()) so that the
// OpenAPI document (lib/openapi) is built from the very zod schemas that validate requests.
import type { ZodType } from "zod";
import type { Role } from "../auth/roles";

/**
 * What a successful answer is: JSON, CSV (a download), JSON or CSV by ?format=, NDJSON progress lines, or XML (the
 * empty TwiML document the Twilio endpoints answer).
 */
export type ResponseKind = "json" | "csv" | "json-or-csv" | "ndjson" | "xml";
/**
 * What the request body is: JSON (validated by `body`), a CSV file (text/csv or multipart `file`), or a form
 * (application/x-www-form-urlencoded, as Twilio posts; `body` documents its fields).
 */
export type RequestKind = "json" | "csv" | "form";

/** Documentation-only options a route may add; all optional, so existing routes need not change. */
export type RouteDocs = {
  /** One line; defaults to the `// METHOD /path – …` comment above the export. */
  summary?: string;
  /** Group on the reference page; defaults to the first path segment after /api/v1. */
  tag?: string;
  response?: ResponseKind;
  request?: RequestKind;
  /** What a 403 means, where it is not the usual (role, or a survey's allowed origins). */
  forbidden?: string;
};

/**
 * How a route treats a unit-scoped caller (docs/hierarchy.md, "Scoped memberships"): "org" refuses them with a 403
 * (organization-wide settings and bulk operations); "unit" serves them, filtered to their units by the service.
 */
export type RouteScope = "org" | "unit";

export type RouteMeta = RouteDocs & {
  access: { kind: "role"; role: Role; scope: RouteScope; sessionOnly?: true } | { kind: "public" };
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
};

// Keyed by the handler function the route module exports, so the registry needs no path or method: those
// come from where the module sits and the name of the export.
const registry = new WeakMap<object, RouteMeta>();

export function registerRoute<F extends object>(handler: F, meta: RouteMeta): F {
  registry.set(handler, meta);
  return handler;
}

export function routeMeta(handler: unknown): RouteMeta | undefined {
  return typeof handler === "function" ? registry.get(handler) : undefined;
}
