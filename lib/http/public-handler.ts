// The wrapper for the public, unauthenticated API (/api/v1/public/**) that embeds and hosted pages call:
// request id → zod parse of path, query and body → CORS → the handler (one public service call) → JSON;
// errors become problem+json through the same toProblem as authenticated routes, plus Retry-After on 429.
//
// CORS: each survey lists the sites that may call it (settings.allowedOrigins); an empty list means
// same-origin only. An allowed origin gets Access-Control-Allow-Origin set to itself — never "*", and never
// with credentials (the public API uses no cookies). A cross-origin write from any other origin is refused
// with 403 before anything is read or stored; a cross-origin read simply gets no CORS header, so the
// browser hides the answer from the calling page.
import { randomUUID } from "node:crypto";
import type { z, ZodType } from "zod";
import { RateLimitedError } from "../rate-limit/service";
import { ForbiddenError } from "../errors";
import { foreignOrigin, parse, queryObject, readJson, type ApiRequest } from "./request";
import { reply } from "./reply";
import { registerRoute, type RouteDocs } from "./route-meta";
import { toProblem } from "./to-problem";

type Infer<T> = T extends ZodType ? z.output<T> : undefined;
type RouteContext = { params: Promise<Record<string, string | string[]>> };
/** The origins that may call the route for these path params; null when the resource does not exist. */
type AllowedOrigins<P> = (params: Infer<P>) => Promise<string[] | null>;

type PublicRouteOptions<P, Q, B> = RouteDocs & { params: P; query?: Q; body?: B; allowedOrigins: AllowedOrigins<P> };
type PublicHandlerArgs<P, Q, B> = {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  req: ApiRequest;
  requestId: string;
};

const ALLOWED_HEADERS = "content-type, x-request-id";
const EXPOSED_HEADERS = "retry-after, x-request-id";
const PREFLIGHT_MAX_AGE = "600";

async function corsOriginFor<P>(
  origin: string,
  params: Infer<P>,
  allowedOrigins: AllowedOrigins<P>,
): Promise<string | null> {
  let normalized: string;
  try {
    normalized = new URL(origin).origin;
  } catch {
    return null;
  }
  const allowed = (await allowedOrigins(params)) ?? [];
  return allowed.includes(normalized) ? origin : null;
}

function withCors(response: Response, origin: string | null, extra?: Record<string, string>): Response {
  response.headers.append("vary", "Origin");
  if (origin) {
    response.headers.set("access-control-allow-origin", origin);
    response.headers.set("access-control-expose-headers", EXPOSED_HEADERS);
    for (const [k, v] of Object.entries(extra ?? {})) response.headers.set(k, v);
  }
  return response;
}

function requestIdOf(req: ApiRequest): string {
  return req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
}

function problem(error: unknown, requestId: string, instance: string): Response {
  const response = toProblem(error, requestId, instance);
  if (error instanceof RateLimitedError) response.headers.set("retry-after", String(error.retryAfterSeconds));
  return response;
}

export function publicRoute<
  P extends ZodType,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
>(options: PublicRouteOptions<P, Q, B>, handler: (args: PublicHandlerArgs<P, Q, B>) => Promise<unknown>) {
  const { params, query, body, allowedOrigins: _origins, ...docs } = options;
  return registerRoute(
    async (req: ApiRequest, context: RouteContext): Promise<Response> => {
      const requestId = requestIdOf(req);
      let corsOrigin: string | null = null;
      try {
        const params = parse(options.params, await context.params, "path") as Infer<P>;
        const origin = foreignOrigin(req);
        if (origin) {
          corsOrigin = await corsOriginFor(origin, params, options.allowedOrigins);
          const write = req.method !== "GET" && req.method !== "HEAD";
          if (!corsOrigin && write) throw new ForbiddenError("This site may not send responses to this survey.");
        }
        const query = parse(options.query, queryObject(req), "query") as Infer<Q>;
        const body = (options.body ? parse(options.body, await readJson(req), "body") : undefined) as Infer<B>;
        const result = await handler({ params, query, body, req, requestId });
        const response = result instanceof Response ? result : reply(result);
        response.headers.set("x-request-id", requestId);
        return withCors(response, corsOrigin);
      } catch (error) {
        return withCors(problem(error, requestId, new URL(req.url).pathname), corsOrigin);
      }
    },
    { ...docs, access: { kind: "public" }, params, query, body },
  );
}

/** OPTIONS: the CORS preflight. 204 with the allowance for a listed origin, 403 (no CORS headers) otherwise. */
export function publicPreflight<P extends ZodType>(options: {
  params: P;
  methods: string[];
  allowedOrigins: AllowedOrigins<P>;
}) {
  const allow = ["OPTIONS", ...options.methods].join(", ");
  return async (req: ApiRequest, context: RouteContext): Promise<Response> => {
    const requestId = requestIdOf(req);
    try {
      const params = parse(options.params, await context.params, "path") as Infer<P>;
      const origin = req.headers.get("origin");
      const headers = { allow, "x-request-id": requestId, "cache-control": "no-store" };
      if (!origin) return withCors(new Response(null, { status: 204, headers }), null);
      const corsOrigin = await corsOriginFor(origin, params, options.allowedOrigins);
      if (!corsOrigin) throw new ForbiddenError("This site may not call this survey.");
      return withCors(new Response(null, { status: 204, headers }), corsOrigin, {
        "access-control-allow-methods": allow,
        "access-control-allow-headers": ALLOWED_HEADERS,
        "access-control-max-age": PREFLIGHT_MAX_AGE,
      });
    } catch (error) {
      return withCors(problem(error, requestId, new URL(req.url).pathname), null);
    }
  };
}
