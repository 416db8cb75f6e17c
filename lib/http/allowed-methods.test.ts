import { describe, expect, it } from "vitest";
import { allowedMethods, allowList, compileRoutes, methodNotAllowed } from "./allowed-methods";

const routes = compileRoutes([
  { path: "/api/v1/customers", methods: ["GET", "POST"] },
  { path: "/api/v1/customers/:id", methods: ["GET", "PATCH"] },
  { path: "/api/v1/customers/import", methods: ["POST"] },
  { path: "/api/v1/public/surveys/:publicId/responses", methods: ["POST", "OPTIONS"] },
  { path: "/api/v1/members/:id/sessions", methods: ["DELETE"] },
]);

describe("allowedMethods", () => {
  it("lists the route's exports with HEAD beside GET and OPTIONS always, sorted like Next.js's own OPTIONS answer", () => {
    expect(allowList(["POST", "GET"])).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(allowList(["POST", "OPTIONS"])).toEqual(["OPTIONS", "POST"]);
    expect(allowList(["DELETE"])).toEqual(["DELETE", "OPTIONS"]);
  });

  it("finds the route that Next.js would pick: a static segment wins over a parameter", () => {
    expect(allowedMethods(routes, "/api/v1/customers/import")).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods(routes, "/api/v1/customers/c_123")).toEqual(["GET", "HEAD", "OPTIONS", "PATCH"]);
    expect(allowedMethods(routes, "/api/v1/public/surveys/abc/responses")).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods(routes, "/api/v1/members/m%201/sessions")).toEqual(["DELETE", "OPTIONS"]);
  });

  it("leaves what it cannot decide to Next.js: unknown paths, trailing slashes, empty segments, broken encoding, other prefixes", () => {
    for (const p of [
      "/api/v1/nope",
      "/api/v1/customers/",
      "/api/v1/customers//sessions",
      "/api/v1//",
      "/api/v1/customers/%ff/x",
      "/api/health",
      "/customers",
    ]) {
      expect(allowedMethods(routes, p), p).toBeNull();
    }
  });

  it("answers 405 problem+json naming the allowed methods", async () => {
    const res = methodNotAllowed("PUT", "/api/v1/customers", ["GET", "HEAD", "OPTIONS", "POST"], "req-1");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({
      status: 405,
      title: "Method not allowed",
      instance: "/api/v1/customers",
      requestId: "req-1",
    });
  });
});
