// The OpenAPI document against the routes that really exist: every route of the table (which routes.test.ts
// checks against the files) is documented and nothing else is; every schema in it is valid JSON Schema
// 2020-12 (ajv, strict); the document survives JSON and is served as-is, cached, without login; the
// reference page shows every operation.
import { execFileSync } from "node:child_process";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, METHODS, operations } from "@/lib/openapi/document";
import { ROUTE_MODULES } from "@/app/api/v1/routes.generated";
import { http, type Json } from "./http";
import { ROUTES } from "./route-table";

const doc = buildOpenApiDocument(ROUTE_MODULES);
const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
  Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ":$1")}`),
);

/** Every JSON Schema object in the document, with where it sits. */
function schemasIn(
  node: unknown,
  at: string,
  out: [string, Record<string, unknown>][] = [],
): [string, Record<string, unknown>][] {
  if (!node || typeof node !== "object") return out;
  for (const [k, v] of Object.entries(node)) {
    if (k === "schema" && v && typeof v === "object") out.push([`${at}.schema`, v as Record<string, unknown>]);
    else schemasIn(v, `${at}.${k}`, out);
  }
  return out;
}

describe("OpenAPI document", () => {
  it("is up to date with the route files (scripts/gen-openapi-routes.mjs --check)", () => {
    expect(() =>
      execFileSync(process.execPath, ["scripts/gen-openapi-routes.mjs", "--check"], { stdio: "pipe" }),
    ).not.toThrow();
  });

  it("documents every route of the route table, and only those", () => {
    const table = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(documented.length).toBeGreaterThan(50);
    expect(table.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !table.includes(r))).toEqual([]);
  });

  it("has wrapper metadata for every exported handler, with the role the route table expects", () => {
    const exported = ROUTE_MODULES.flatMap((m) =>
      METHODS.filter((method) => typeof m.module[method] === "function").map((method) => `${method} ${m.path}`),
    );
    const ops = operations(ROUTE_MODULES);
    expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual(exported.sort());
    for (const op of ops) {
      const row = ROUTES.find((r) => r.method === op.method && r.path === op.path)!;
      // sessionOnly: access management refuses API keys (docs/security/api-keys.md); the table says which routes.
      const access = row.public
        ? { kind: "public" }
        : { kind: "role", role: row.minRole, ...(row.sessionOnly ? { sessionOnly: true } : {}) };
      // (how it treats a unit-scoped caller is the scope matrix's, scope-matrix.test.ts)
      const { scope: _scope, ...roleAccess } = op.meta.access as typeof op.meta.access & { scope?: unknown };
      expect(roleAccess, `${op.method} ${op.path}`).toEqual(access);
      expect(op.summary, `${op.method} ${op.path} has no summary`).not.toMatch(/^(GET|POST|PUT|PATCH|DELETE) \//);
    }
  });

  it("declares auth: API key bearer and session cookie for role routes, none for the public survey API", () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["apiKey", "sessionCookie"]);
    const pub = doc.paths["/api/v1/public/surveys/{publicId}/responses"].post as Record<string, Json>;
    expect(pub.security).toEqual([]);
    expect(pub.responses["429"]).toBeDefined();
    const members = doc.paths["/api/v1/members/{id}"].patch as Record<string, Json>;
    expect(members["x-required-role"]).toBe("admin");
    // Access management takes the session only (API keys cannot manage access); other routes inherit the document's.
    expect(members.security).toEqual([{ sessionCookie: [] }]);
    expect(members["x-session-only"]).toBe(true);
    expect(members.responses["403"].description).toMatch(/any API key/);
    expect((doc.paths["/api/v1/customers/{id}"].patch as Record<string, Json>).security).toBeUndefined();
    expect(members.responses["403"].content["application/problem+json"].schema.$ref).toBe(
      "#/components/schemas/Problem",
    );
    expect(members.parameters.map((p: Json) => [p.name, p.in, p.required])).toEqual([["id", "path", true]]);
    expect(members.requestBody.content["application/json"].schema.properties.role.enum).toEqual([
      "viewer",
      "agent",
      "manager",
      "admin",
    ]);
  });

  it("names the path parameters of every templated path", () => {
    for (const [p, ops] of Object.entries(doc.paths)) {
      const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops as Record<string, Json>)) {
        const inPath = (op.parameters ?? []).filter((x: Json) => x.in === "path").map((x: Json) => x.name);
        expect(inPath, `${method} ${p}`).toEqual(names);
      }
    }
  });

  it("holds only valid JSON Schema 2020-12, and survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const schemas = schemasIn(doc.paths, "paths");
    expect(schemas.length).toBeGreaterThan(100);
    for (const [at, schema] of schemas) {
      const resolved = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/schemas/Problem"', '"#/$defs/Problem"'),
      );
      expect(
        ajv.validateSchema({ ...resolved, $defs: { Problem: doc.components.schemas.Problem } }),
        `${at}: ${ajv.errorsText()}`,
      ).toBe(true);
      expect(() => ajv.compile({ ...resolved, $defs: { Problem: doc.components.schemas.Problem } }), at).not.toThrow();
    }
  });

  it("is served without login, cached, with an ETag that answers 304", async () => {
    const res = await http("GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.contentType).toContain("application/json");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.body).toEqual(JSON.parse(JSON.stringify(doc)));
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const notModified = await http("GET", "/api/v1/openapi.json", { headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);
  });

  it("has a reference page listing every operation with its role and a curl example, without login", async () => {
    const res = await http("GET", "/docs/api");
    expect(res.status).toBe(200);
    const html = String(res.body);
    for (const op of operations(ROUTE_MODULES))
      expect(html, `${op.method} ${op.path}`).toContain(
        `id="${`${op.method} ${op.path}`
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "")}"`,
      );
    expect(html).toContain("curl -X POST");
    expect(html).toContain("manager or higher");
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//); // no external scripts
  });
});
