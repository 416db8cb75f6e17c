// The wrapper of every /scim/v2 route handler: a SCIM bearer token of the organization (nothing else: no
// session cookie, no API key), the JSON body (application/scim+json or application/json), and every error
// in the SCIM shape (errors.ts). Unexpected errors are logged with a request id and answered with a bare 500.
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { bearerToken } from "../auth/ctx";
import { AppError } from "../errors";
import { prismaErrorToAppError } from "../http/prisma-errors";
import { NUL_REASON, nulPaths, readJson } from "../http/request";
import { invalidParamsFromZod } from "../http/zod-errors";
import { authenticateScimToken, type ScimCaller } from "./tokens";
import { ScimError, scimErrorResponse, scimJson, type ScimType } from "./errors";

export type ScimArgs = {
  caller: ScimCaller;
  req: Request;
  params: Record<string, string>;
  baseUrl: string;
  readBody: () => Promise<unknown>;
};
type RouteContext = { params: Promise<Record<string, string | string[]>> };

function toScimError(error: unknown, requestId: string): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof ZodError) {
    const fields = invalidParamsFromZod(error, "body").map((p) => `${p.name}: ${p.reason}`);
    return new ScimError(400, `Invalid attributes: ${fields.join("; ")}`, "invalidValue");
  }
  const known = error instanceof AppError ? error : prismaErrorToAppError(error);
  if (known) {
    const scimType: ScimType | undefined =
      known.status === 409
        ? "uniqueness"
        : known.status === 400
          ? /JSON/.test(known.message)
            ? "invalidSyntax"
            : "invalidValue"
          : undefined;
    const detail = known.invalidParams?.length
      ? `${known.message} ${known.invalidParams.map((p) => `${p.name}: ${p.reason}`).join("; ")}`
      : known.message;
    return new ScimError(known.status, detail, scimType);
  }
  console.error(
    JSON.stringify({
      level: "error",
      requestId,
      scope: "scim",
      error: error instanceof Error ? error.stack : String(error),
    }),
  );
  return new ScimError(500, `Something went wrong on our side (request id ${requestId}).`);
}

/** The SCIM base URL as the identity provider reached it (for meta.location). */
function baseUrlOf(req: Request): string {
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(":", "");
  return `${proto}://${host}/scim/v2`;
}

export function scimRoute(handler: (args: ScimArgs) => Promise<Response | unknown>) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const token = bearerToken(req);
      const caller = token ? await authenticateScimToken(token) : null;
      if (!caller)
        throw new ScimError(401, "Send a valid SCIM bearer token of this organization (Settings → SCIM provisioning).");
      const raw = (await context.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      // PostgreSQL text cannot hold U+0000: refused up front, the same on both databases (lib/http/request.ts).
      if (nulPaths(params).length) throw new ScimError(404, "Resource not found.");
      if (new URL(req.url).search.includes("%00"))
        throw new ScimError(400, `Query parameters: ${NUL_REASON}.`, "invalidValue");
      const readBody = async () => {
        const body = await readJson(req);
        if (!body || typeof body !== "object" || Array.isArray(body))
          throw new ScimError(400, "The body must be a JSON object.", "invalidSyntax");
        const nul = nulPaths(body);
        if (nul.length)
          throw new ScimError(400, `${nul.slice(0, 5).join(", ") || "body"}: ${NUL_REASON}.`, "invalidValue");
        return body;
      };
      const result = await handler({ caller, req, params, baseUrl: baseUrlOf(req), readBody });
      const response = result instanceof Response ? result : scimJson(result);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      const response = scimErrorResponse(toScimError(error, requestId));
      response.headers.set("x-request-id", requestId);
      return response;
    }
  };
}
