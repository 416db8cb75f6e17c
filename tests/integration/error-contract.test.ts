// The documented kinds of error, over real HTTP against the production server (docs/security/errors.md):
// every /api/v1 answer is problem+json — a method a route does not export is a 405 with `Allow`, an unknown
// path a 404 — and a page the member's role does not give is the 403 page with HTTP 403, under the CSP.
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, hasRole, type Role } from "@/lib/auth/roles";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { http, renderedHtml, signIn } from "./http";
import { ROUTES } from "./route-table";

let A: Org;
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  A = await createOrg("errors");
  for (const role of ROLES) {
    const cookie = await signIn(A.users[role].email, TEST_PASSWORD);
    if (!cookie) throw new Error(`sign-in failed for ${role}`);
    cookies[role] = cookie;
  }
});

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// The route table, by path: what each path answers. Next.js adds HEAD beside GET and OPTIONS everywhere.
const byPath = new Map<string, Set<string>>();
for (const r of ROUTES) byPath.set(r.path, (byPath.get(r.path) ?? new Set()).add(r.method));
const expectedAllow = (methods: Set<string>) =>
  [...new Set([...methods, "OPTIONS", ...(methods.has("GET") ? ["HEAD"] : [])])].sort().join(", ");

describe("/api/v1: a method a route does not export", () => {
  const probes = [...byPath].flatMap(([path, methods]) =>
    METHODS.filter((m) => !methods.has(m)).map((m) => [`${m} ${path}`, m, path, methods] as const),
  );

  it("covers every path of the route table", () => expect(probes.length).toBeGreaterThan(byPath.size * 2));

  it.each(probes)("%s → 405 problem+json with Allow", async (_, method, path, methods) => {
    const url = path.replace(/:\w+/g, "some-id");
    // With a key that could do anything: the method is refused before anyone is authenticated or anything parsed.
    const res = await http(method, url, { key: A.keys.admin, body: method === "GET" ? undefined : { name: "x" } });
    expect(res.status).toBe(405);
    expect(res.contentType).toBe("application/problem+json");
    expect(res.headers.get("allow")).toBe(expectedAllow(methods));
    expect(res.body).toMatchObject({ status: 405, title: "Method not allowed", instance: url });
    expect(res.body.requestId).toBeTruthy();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff"); // next.config.js's headers, as on every answer
  });

  it("the public responses endpoint (the fast path's own) refuses GET, PUT and DELETE the same way", async () => {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const res = await http(method, "/api/v1/public/surveys/any-survey/responses", {
        headers: { origin: "https://shop.example.test" },
      });
      expect(res.status, method).toBe(405);
      expect(res.contentType).toBe("application/problem+json");
      expect(res.headers.get("allow")).toBe("OPTIONS, POST");
    }
  });

  it("HEAD where there is no GET is a 405 too, and OPTIONS still lists the methods", async () => {
    const head = await http("HEAD", "/api/v1/members/some-id/sessions");
    expect(head.status).toBe(405);
    expect(head.headers.get("allow")).toBe("DELETE, OPTIONS");
    const options = await http("OPTIONS", "/api/v1/customers");
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
  });

  it("allowed methods still reach the route (the refusal is not a blanket one)", async () => {
    expect((await http("GET", "/api/v1/customers", { key: A.keys.viewer })).status).toBe(200);
    expect((await http("GET", "/api/v1/customers")).status).toBe(401);
  });
});

describe("/api/v1: a path no route serves", () => {
  const unknown = [
    "/api/v1",
    "/api/v1/nope",
    "/api/v1/customers/some-id/nope",
    "/api/v1/public/surveys/x/responses/y",
    "/api/v1/openapi.yaml",
  ];
  it.each(unknown.flatMap((p) => [...METHODS, "OPTIONS"].map((m) => [`${m} ${p}`, m, p] as const)))(
    "%s → 404 problem+json",
    async (_, method, path) => {
      const res = await http(method, path, { key: A.keys.admin });
      expect(res.status).toBe(404);
      expect(res.contentType).toBe("application/problem+json");
      expect(res.body).toMatchObject({ status: 404, title: "Not found", instance: path });
    },
  );
});

describe("pages a role may not use", () => {
  const PAGES: Array<{ path: (o: Org) => string; needs: Role }> = [
    { path: () => "/surveys/new", needs: "manager" },
    { path: (o) => `/surveys/${o.ids.survey}`, needs: "manager" },
    { path: (o) => `/journeys/${o.ids.journey}/edit`, needs: "manager" },
    { path: () => "/settings/audit", needs: "admin" },
    { path: () => "/settings/webhooks", needs: "admin" },
    { path: (o) => `/settings/webhooks/${o.ids.webhook}`, needs: "admin" },
    { path: () => "/settings/sso", needs: "admin" },
    { path: () => "/settings/scim", needs: "admin" },
  ];
  const refused = PAGES.flatMap((p) =>
    ROLES.filter((r) => !hasRole(r, p.needs)).map(
      (role) =>
        [
          `${role} ${p.path({ ids: { survey: ":survey", journey: ":journey", webhook: ":webhook" } } as Org)}`,
          p,
          role,
        ] as const,
    ),
  );

  it.each(refused)("%s → 403 page", async (_, page, role) => {
    const res = await http("GET", page.path(A), { cookie: cookies[role] });
    expect(res.status).toBe(403);
    expect(res.contentType).toContain("text/html");
    // Next.js sends the 403 UI in the page's RSC payload (the browser draws it; tests/e2e/forbidden-page.spec.ts).
    const html = String(res.body);
    expect(html).toContain(`This page needs the ${page.needs} role`);
    expect(html).toContain(`You are ${role === "agent" ? "an" : "a"} `);
    expect(html).toContain("Back to the dashboard");
    expect(html).toContain("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(renderedHtml(html)).not.toContain("Something went wrong");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("the roles that may use them still get the page", async () => {
    for (const [path, role] of [
      ["/surveys/new", "manager"],
      [`/journeys/${A.ids.journey}/edit`, "manager"],
      ["/settings/audit", "admin"],
      ["/settings/webhooks", "admin"],
    ] as const) {
      const res = await http("GET", path, { cookie: cookies[role] });
      expect(res.status, `${role} ${path}`).toBe(200);
      expect(String(res.body)).not.toContain("NEXT_HTTP_ERROR_FALLBACK");
    }
  });
});
