// Sessions and CSRF: a state-changing /api/v1 request authenticated by the session cookie must come from our
// own origin (Origin, Sec-Fetch-Site) — every method, every write route; API keys and reads are exempt. The
// session cookie is HttpOnly, SameSite=Lax, Path=/, and Secure (with the __Secure- prefix) when the request
// came over TLS through a trusted proxy (TRUSTED_PROXIES) or NEXTAUTH_URL is https. (Server actions: Next's own origin check, actions-matrix.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole } from "@/lib/auth/roles";
import { startServer, type RunningServer } from "../server";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { dbSnapshot } from "./db-snapshot";
import { baseURL, http, signIn } from "./http";
import { ROUTES } from "./route-table";

let A: Org;
let adminCookie: string;

beforeAll(async () => {
  A = await createOrg("csrf");
  adminCookie = (await signIn(A.users.admin.email, TEST_PASSWORD))!;
});

const WRITES = ROUTES.filter((r) => !r.public && r.method !== "GET" && hasRole("admin", r.minRole!));
const fill = (r: (typeof ROUTES)[number]) => (r.entity ? r.path.replace(":id", A.ids[r.entity]) : r.path);

describe("CSRF on /api/v1 with the session cookie", () => {
  const foreign = [
    ["Origin of another site", { origin: "https://evil.example" }],
    ["Origin 'null' (sandboxed frame)", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
  ] as const;
  const cases = WRITES.flatMap((r) =>
    foreign.map(([label, headers]) => [`${r.method} ${r.path}, ${label}`, r, headers] as const),
  );

  it.each(cases)("%s → 403, nothing changed", async (_, r, headers) => {
    const before = await dbSnapshot();
    const res = await http(r.method, fill(r), {
      cookie: adminCookie,
      body: r.validBody?.(A.ids) ?? r.invalidBody ?? {},
      headers: { ...headers },
    });
    expect(res.status).toBe(403);
    expect(res.contentType).toContain("application/problem+json");
    expect(res.body.detail).toBe("Cross-site request refused.");
    expect(await dbSnapshot()).toBe(before);
  });

  it("lets the same write through from our own origin, and reads from anywhere", async () => {
    const own = await http("POST", "/api/v1/customers", {
      cookie: adminCookie,
      body: { name: "Same origin" },
      headers: { origin: new URL(baseURL()).origin, "sec-fetch-site": "same-origin" },
    });
    expect(own.status).toBe(201);
    const read = await http("GET", "/api/v1/customers", {
      cookie: adminCookie,
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(read.status).toBe(200);
  });

  it("does not apply to API keys, which no browser sends on its own", async () => {
    const res = await http("POST", "/api/v1/customers", {
      key: A.keys.agent,
      body: { name: "Via key" },
      headers: { origin: "https://integrator.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(201);
  });
});

function sessionCookieOf(res: Response): string | undefined {
  return res.headers.getSetCookie().find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
}

async function signInResponse(base: string, email: string, headers: Record<string, string> = {}): Promise<Response> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: TEST_PASSWORD, json: "true" }),
    redirect: "manual",
  });
}

const attributes = (cookie: string) =>
  cookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());

describe("session cookie flags", () => {
  it("are HttpOnly, SameSite=Lax, Path=/ over http (not Secure: the browser would drop it)", async () => {
    const cookie = sessionCookieOf(await signInResponse(baseURL(), A.users.viewer.email));
    expect(cookie).toMatch(/^next-auth\.session-token=/);
    const attrs = attributes(cookie!);
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=lax");
    expect(attrs).toContain("path=/");
    expect(attrs).not.toContain("secure");
  });

  describe("with no trusted proxy (the default)", () => {
    let direct: RunningServer;
    beforeAll(async () => {
      direct = await startServer({ databaseUrl: process.env.DATABASE_URL!, env: { TRUSTED_PROXIES: "" } });
    });
    afterAll(() => direct?.stop());

    it("a forged X-Forwarded-Proto changes nothing", async () => {
      const cookie = sessionCookieOf(
        await signInResponse(direct.url, A.users.viewer.email, { "x-forwarded-proto": "https" }),
      );
      expect(cookie).toMatch(/^next-auth\.session-token=/);
      expect(attributes(cookie!)).not.toContain("secure");
    });
  });

  describe("behind a trusted TLS proxy (the suite's server trusts loopback), with an http NEXTAUTH_URL", () => {
    const proxied = {
      get url() {
        return baseURL();
      },
    };

    it("requests the proxy marks https get Secure, __Secure- cookies that open the app; plain ones do not", async () => {
      const res = await signInResponse(proxied.url, A.users.viewer.email, { "x-forwarded-proto": "https" });
      const cookie = sessionCookieOf(res);
      expect(cookie).toMatch(/^__Secure-next-auth\.session-token=/);
      for (const a of ["httponly", "samesite=lax", "path=/", "secure"]) expect(attributes(cookie!)).toContain(a);
      const me = await http("GET", `${proxied.url}/api/v1/me`, {
        cookie: cookie!.split(";")[0],
        headers: { "x-forwarded-proto": "https" },
      });
      expect(me.status).toBe(200);
      const plain = sessionCookieOf(await signInResponse(proxied.url, A.users.viewer.email));
      expect(plain).toMatch(/^next-auth\.session-token=/);
    });
  });

  describe("when NEXTAUTH_URL is https", () => {
    let tls: RunningServer;
    beforeAll(async () => {
      tls = await startServer({
        databaseUrl: process.env.DATABASE_URL!,
        env: { NEXTAUTH_URL: "https://cx.example.test" },
      });
    });
    afterAll(() => tls?.stop());

    it("are also Secure, with the __Secure- prefix", async () => {
      const cookie = sessionCookieOf(await signInResponse(tls.url, A.users.viewer.email));
      expect(cookie).toMatch(/^__Secure-next-auth\.session-token=/);
      const attrs = attributes(cookie!);
      for (const a of ["httponly", "samesite=lax", "path=/", "secure"]) expect(attrs).toContain(a);
    });
  });
});
