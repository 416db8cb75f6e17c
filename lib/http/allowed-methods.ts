// Which methods an /api/v1 path answers, so that any other method gets a 405 problem+json with an `Allow`
// header (RFC 9110 §15.5.6) instead of Next.js's bare 405 without a body or `Allow`. The route list is what
// the build found in app/api/v1 (scripts/gen-openapi-routes.mjs, apiRoutes(), written next to the build by
// scripts/build-server.mjs); the custom server (server/index.ts) asks here before handing a request to
// Next.js. Unknown paths are not decided here: app/api/v1/[[...path]]/route.ts answers them with a 404.
import { problemResponse } from "./problem";

/** A route file: its path as in the file tree ("/api/v1/customers/:id") and the methods it exports. */
export type ApiRoute = { path: string; methods: string[] };

type Compiled = { segments: string[]; allow: string[] };

/** The Allow list Next.js gives a route module: its exports, HEAD wherever GET is, and OPTIONS (automatic). */
export function allowList(methods: string[]): string[] {
  const allow = new Set(methods);
  if (allow.has("GET")) allow.add("HEAD");
  allow.add("OPTIONS");
  return [...allow].sort();
}

export function compileRoutes(routes: ApiRoute[]): Compiled[] {
  return routes.map((r) => ({ segments: r.path.split("/").slice(1), allow: allowList(r.methods) }));
}

const isParam = (segment: string) => segment.startsWith(":");

// Next.js prefers a static segment to a dynamic one at the first place two matching routes differ
// (/customers/import over /customers/:id), so the route that answers is the one that wins there.
function moreSpecific(a: string[], b: string[]): boolean {
  for (let i = 0; i < a.length; i++) if (isParam(a[i]) !== isParam(b[i])) return !isParam(a[i]);
  return false;
}

/** The Allow list of the route that serves `pathname`, or null when no route does (or Next.js must decide). */
export function allowedMethods(routes: Compiled[], pathname: string): string[] | null {
  if (!pathname.startsWith("/api/v1/") || pathname.endsWith("/")) return null; // trailing slash: Next.js redirects
  let parts: string[];
  try {
    parts = pathname.split("/").slice(1).map(decodeURIComponent);
  } catch {
    return null; // broken percent-encoding: proxy.ts answers 400
  }
  let best: Compiled | null = null;
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    if (!route.segments.every((s, i) => (isParam(s) ? parts[i] !== "" : s === parts[i]))) continue;
    if (!best || moreSpecific(route.segments, best.segments)) best = route;
  }
  return best?.allow ?? null;
}

/** 405 for a method the route does not export, with `Allow` naming those it does. */
export function methodNotAllowed(method: string, pathname: string, allow: string[], requestId: string): Response {
  return problemResponse(
    {
      title: "Method not allowed",
      status: 405,
      detail: `${pathname} does not answer ${method}; it answers ${allow.join(", ")}.`,
      instance: pathname,
      requestId,
    },
    { allow: allow.join(", ") },
  );
}
