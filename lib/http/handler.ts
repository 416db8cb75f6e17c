// The one wrapper for route handlers: authenticate (session or API key) → ctx → role check → zod parse of
// path params, query and body → the handler (which calls one service) → JSON. Errors become
// application/problem+json in one place; an unexpected error is logged with its request id and answered
// with a generic 500 that reveals nothing internal.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { z, type ZodType } from "zod";
import { ctxFromRequest, type Ctx } from "../auth/ctx";
import { hasRole, type Role } from "../auth/roles";
import { ForbiddenError, KeyCannotManageAccessError, UnauthorizedError } from "../errors";
import { foreignOrigin, parse, queryObject, readJson } from "./request";
import { registerRoute, type RouteDocs, type RouteScope } from "./route-meta";
import { requireOrgWide } from "../units/scope";
import { reply } from "./reply";
import { toProblem } from "./to-problem";

type Infer<T> = T extends ZodType ? z.output<T> : undefined;

type RouteOptions<P, Q, B> = RouteDocs & {
  /** Minimum role; every authenticated route names one. */
  role: Role;
  /** "org": a unit-scoped caller is refused (403); "unit": the service filters to the caller's units. Every
   * authenticated route names one; tests/integration/scope-matrix.test.ts probes each. */
  scope: RouteScope;
  /** Access management (API keys, invites, member changes, single sign-on): a signed-in person only, never an API
   * key, so that a key can neither mint keys nor grant or restore anyone's access (docs/security/api-keys.md). */
  sessionOnly?: true;
  params?: P;
  query?: Q;
  body?: B;
};

type HandlerArgs<P, Q, B> = {
  ctx: Ctx;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  req: NextRequest;
  requestId: string;
};
type RouteContext = { params: Promise<Record<string, string | string[]>> };

export { reply };

// CSRF: a state-changing request authenticated by the session cookie must come from our own origin. Browsers
// send Origin on every POST/PUT/PATCH/DELETE, and Sec-Fetch-Site where they support it ("same-site" is a
// sibling subdomain: not us either). API-key requests carry no ambient credential and are exempt.
/** A state-changing request a browser sent from another site (Origin, Sec-Fetch-Site): refused with a session. */
export function crossSiteSessionWrite(req: NextRequest): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const site = req.headers.get("sec-fetch-site");
  return foreignOrigin(req) !== null || site === "cross-site" || site === "same-site";
}

export function route<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
>(options: RouteOptions<P, Q, B>, handler: (args: HandlerArgs<P, Q, B>) => Promise<unknown>) {
  const { role, scope, sessionOnly, params, query, body, ...docs } = options;
  const meta = {
    ...docs,
    access: { kind: "role" as const, role, scope, ...(sessionOnly ? { sessionOnly } : {}) },
    params,
    query,
    body,
  };
  return registerRoute(async (req: NextRequest, context: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    const instance = req.nextUrl.pathname;
    try {
      const { ctx, via } = await ctxFromRequest(req);
      if (!ctx) throw new UnauthorizedError(via === "api_key" ? "The API key is invalid or revoked." : undefined);
      if (via === "session" && crossSiteSessionWrite(req)) throw new ForbiddenError("Cross-site request refused.");
      if (via === "api_key" && sessionOnly) throw new KeyCannotManageAccessError();
      if (!hasRole(ctx.role, options.role))
        throw new ForbiddenError(`This action needs the ${options.role} role or higher.`);
      if (scope === "org") requireOrgWide(ctx);
      const params = parse(options.params, await context.params, "path") as Infer<P>;
      const query = parse(options.query, queryObject(req), "query") as Infer<Q>;
      const body = (options.body ? parse(options.body, await readJson(req), "body") : undefined) as Infer<B>;
      const result = await handler({ ctx, params, query, body, req, requestId });
      const response = result instanceof Response ? result : reply(result);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return toProblem(error, requestId, instance);
    }
  }, meta);
}
