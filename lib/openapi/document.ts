// The OpenAPI 3.1 document of /api/v1, built from what each route declares to its wrapper (route(),
// publicRoute(): role, zod schemas of path, query and body, response kind) and the comment above each export.
// JSON Schemas come from zod 4's own z.toJSONSchema, for the input side of each schema (what a client sends).
// The route modules come from the caller (app/api/v1/routes.generated.ts, written by
// scripts/gen-openapi-routes.mjs): lib/ never imports a route.
import { z, type ZodType } from "zod";
import { routeMeta, type ResponseKind, type RouteMeta } from "../http/route-meta";
import { tagList, tagOf } from "./tags";

/** One app/api/v1 route file: the path it serves, its exports, and the comment above each method. */
export type RouteModule = { path: string; module: Record<string, unknown>; docs: Record<string, string> };

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
export type JsonSchema = Record<string, unknown>;

export const OPENAPI_PATH = "/api/v1/openapi.json";

const problemSchema = z
  .object({
    type: z.string().describe("about:blank"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional().describe("The request's path"),
    requestId: z.string().describe("Quote it when contacting support; also in the x-request-id header"),
    invalid_params: z
      .array(
        z.object({
          name: z.string().describe("The field, as a dotted path (stages.0.name)"),
          reason: z.string(),
          in: z.enum(["body", "query", "path"]).optional(),
        }),
      )
      .optional()
      .describe("One entry per bad field (400 only)"),
  })
  .describe("RFC 9457 problem details");

export function toJsonSchema(schema: ZodType): JsonSchema {
  // io "input": the shape a client sends (before defaults and transforms); transforms and custom checks
  // have no JSON Schema form and become {} ("any") instead of failing the whole document.
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    reused: "inline",
    cycles: "ref",
  }) as JsonSchema;
  return json;
}

export type Parameter = {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

export function parametersOf(schema: ZodType | undefined, where: "path" | "query"): Parameter[] {
  if (!schema) return [];
  const json = toJsonSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const problemRef = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

/** Declared by the route, else JSON — or JSON or CSV when the query takes ?format=csv. */
function responseKind(meta: RouteMeta): ResponseKind {
  if (meta.response) return meta.response;
  const format = meta.query
    ? ((toJsonSchema(meta.query).properties ?? {}) as Record<string, JsonSchema>).format
    : undefined;
  return Array.isArray(format?.enum) && format.enum.includes("csv") ? "json-or-csv" : "json";
}

function successContent(meta: RouteMeta): Record<string, { schema: JsonSchema }> {
  const json = { "application/json": { schema: {} } };
  const csv = { "text/csv": { schema: { type: "string" } } };
  switch (responseKind(meta)) {
    case "csv":
      return csv;
    case "json-or-csv":
      return { ...json, ...csv };
    case "xml":
      return { "text/xml": { schema: { type: "string", description: "An empty TwiML document: <Response/>" } } };
    case "ndjson":
      return {
        "application/x-ndjson": {
          schema: { type: "string", description: "One JSON object per line: progress lines, then the result" },
        },
      };
    default:
      return json;
  }
}

function responsesOf(method: Method, meta: RouteMeta) {
  const out: Record<string, unknown> = {};
  out[method === "GET" ? "200" : "2XX"] = {
    description: method === "GET" ? "OK" : "Done (201 when something was created)",
    content: successContent(meta),
  };
  // A form (the Twilio endpoints) is never refused field by field: it is signed or it is a 403.
  if (meta.params || meta.query || (meta.body && meta.request !== "form") || meta.request === "csv")
    out["400"] = problemRef("Invalid request: `invalid_params` names each bad field");
  if (meta.access.kind === "role") {
    out["401"] = problemRef("No session and no (valid) API key");
    const byKey = meta.access.sessionOnly ? ", or any API key (keys cannot manage access)" : "";
    out["403"] = problemRef(`Role below ${meta.access.role}, or a cross-site request with the session cookie${byKey}`);
  } else if (meta.forbidden) {
    out["403"] = problemRef(meta.forbidden);
  } else if (method !== "GET") {
    out["403"] = problemRef("The calling site is not one of the survey's allowed origins");
  }
  if (meta.params) out["404"] = problemRef("No such record in your organization");
  if (meta.body)
    out["413"] = problemRef(meta.request === "form" ? "Body larger than 16 KiB" : "Body larger than 256 KiB");
  if (meta.request === "csv") {
    out["413"] = problemRef(
      "File over the import limits (RESONANCE_IMPORT_MAX_BYTES, default 20 MB; RESONANCE_IMPORT_MAX_ROWS, default 200,000 rows)",
    );
    out["415"] = problemRef("Not a CSV body (text/csv or multipart `file`)");
  }
  if (meta.access.kind === "public" && method !== "GET") out["429"] = problemRef("Rate limited; see Retry-After");
  out.default = problemRef("Unexpected error (500): a generic message and the request id");
  return out;
}

function requestBodyOf(meta: RouteMeta) {
  if (meta.request === "csv") {
    return {
      required: true,
      content: {
        "text/csv": { schema: { type: "string" } },
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: { file: { type: "string", contentMediaType: "text/csv" } },
            required: ["file"],
          },
        },
      },
    };
  }
  if (!meta.body) return undefined;
  const type = meta.request === "form" ? "application/x-www-form-urlencoded" : "application/json";
  return { required: true, content: { [type]: { schema: toJsonSchema(meta.body) } } };
}

/** The summary is the comment's first sentence; the whole comment is the description. */
function summaryOf(text: string): string {
  const first = text.split(/(?<=[a-z)\]])[.;:] /)[0].replace(/[.;:]$/, "");
  return first.length > 90 ? first.slice(0, 87).replace(/\s+\S*$/, "") + " …" : first;
}

export type Operation = {
  method: Method;
  path: string; // /api/v1/customers/:id
  meta: RouteMeta;
  summary: string;
  description: string;
  tag: string;
  response: ResponseKind;
};

/** Every operation of every route module, in path order. A handler without wrapper metadata is skipped (and the test names it). */
export function operations(modules: RouteModule[]): Operation[] {
  return modules.flatMap(({ path, module, docs }) =>
    METHODS.flatMap((method) => {
      const meta = routeMeta(module[method]);
      if (!meta) return [];
      const text = docs[method] ?? "";
      const description = text.charAt(0).toUpperCase() + text.slice(1);
      const summary = meta.summary ?? (description ? summaryOf(description) : `${method} ${path}`);
      return [{ method, path, meta, summary, description, tag: meta.tag ?? tagOf(path), response: responseKind(meta) }];
    }),
  );
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

function operationObject(op: Operation) {
  const { meta } = op;
  const role = meta.access.kind === "role" ? meta.access.role : null;
  const sessionOnly = meta.access.kind === "role" && meta.access.sessionOnly === true;
  const parameters = [...parametersOf(meta.params, "path"), ...parametersOf(meta.query, "query")];
  const body = requestBodyOf(meta);
  return {
    operationId: `${op.method.toLowerCase()}${op.path.replace(/^\/api\/v1/, "").replace(/[/:.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    description:
      op.description +
      (role ? `\n\nMinimum role: **${role}**.` : "\n\nNo login.") +
      (sessionOnly ? " Signed-in session only: API keys are refused (403)." : ""),
    tags: [op.tag],
    ...(role ? { "x-required-role": role } : { security: [] }),
    ...(sessionOnly ? { security: [{ sessionCookie: [] }], "x-session-only": true } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responsesOf(op.method, meta),
  };
}

function selfDescription() {
  return {
    get: {
      operationId: "getOpenapiJson",
      summary: "This OpenAPI document",
      description: "The OpenAPI 3.1 description of /api/v1, generated from the request schemas. No login.",
      tags: ["Meta"],
      security: [],
      responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
}

export function buildOpenApiDocument(modules: RouteModule[], serverUrl?: string) {
  const ops = operations(modules);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) (paths[openApiPath(op.path)] ??= {})[op.method.toLowerCase()] = operationObject(op);
  paths[OPENAPI_PATH] = selfDescription();
  return {
    openapi: "3.1.1",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "Resonance API",
      version: "v1",
      description:
        "REST API of Resonance. Authenticate with an API key (`Authorization: Bearer rsn_…`, created by an admin under Settings → API keys) " +
        "or, from the browser, the session cookie (state-changing requests must then come from the same origin). Roles: viewer < agent < manager < admin; " +
        "each operation names the lowest role it needs; a key acts with the lower of its role and its creator's current role, and access management " +
        "(API keys, invites, member changes, single sign-on) takes the session only. Errors are RFC 9457 `application/problem+json`; another organization's record is a 404.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ apiKey: [] }, { sessionCookie: [] }],
    tags: tagList(new Set([...ops.map((o) => o.tag), "Meta"])),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "rsn_…",
          description: "An organization API key; it acts with the role it was created with.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The browser session (named __Secure-next-auth.session-token over https). Writes must come from the same origin.",
        },
      },
      schemas: { Problem: toJsonSchema(problemSchema) },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
