// Security headers of the production server: a nonce-based Content-Security-Policy on every page (fresh per
// request, carried by the page's own scripts), no framing by other sites, HSTS only over TLS, and the embed
// script loadable from customers' sites.
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories";
import { http } from "./http";

// The sign-in page sends a brand-new installation to /setup: make sure this one has an account.
beforeAll(() => createUser("headers"));

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("security headers", () => {
  it("gives every page a strict CSP with a fresh nonce that its scripts carry", async () => {
    const [a, b] = [await http("GET", "/login"), await http("GET", "/login")];
    expect(a.status).toBe(200);
    const policy = a.headers.get("content-security-policy")!;
    expect(policy).toBeTruthy();
    const d = directives(policy);
    const nonce = d
      .get("script-src")!
      .find((v) => v.startsWith("'nonce-"))!
      .slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]); // no 'unsafe-inline', no 'unsafe-eval'
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce); // one nonce per response

    // Every <script> of the page carries this response's nonce (else the browser would refuse to run it).
    const scripts = [...String(a.body).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("covers the hosted survey and error pages too", async () => {
    for (const path of ["/s/no-such-survey", "/no-such-page"]) {
      const res = await http("GET", path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });

  it("covers pages asked for as prefetches and RSC payloads too (a prefetched page is a page the browser may show)", async () => {
    const variants: Record<string, string>[] = [
      { purpose: "prefetch" },
      { "next-router-prefetch": "1" },
      { rsc: "1" },
      { rsc: "1", "next-router-prefetch": "1" },
      {
        rsc: "1",
        "next-router-state-tree": encodeURIComponent(
          JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true]),
        ),
      },
      { purpose: "prefetch", "sec-purpose": "prefetch" },
    ];
    for (const headers of variants) {
      for (const path of ["/login", "/no-such-page"]) {
        const res = await http("GET", path, { headers });
        expect(res.headers.get("content-security-policy"), `${path} ${JSON.stringify(headers)}`).toContain(
          "frame-ancestors 'none'",
        );
        expect(res.headers.get("content-security-policy")).toMatch(
          /script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/,
        );
      }
    }
  });

  it("leaves no HTML answer without a policy: next-auth's own pages and the 404 of the usual probes", async () => {
    for (const path of ["/api/auth/error", "/api/auth/signout", "/favicon.ico", "/robots.txt"]) {
      const res = await http("GET", path);
      if (!res.contentType.includes("text/html")) continue;
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
    const error = await http("GET", "/api/auth/error");
    expect(error.contentType).toContain("text/html"); // the probe above is not vacuous
    expect(error.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("sends HSTS only when the request came over TLS", async () => {
    expect((await http("GET", "/login")).headers.get("strict-transport-security")).toBeNull();
    const tls = await http("GET", "/login", { headers: { "x-forwarded-proto": "https" } });
    expect(tls.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(tls.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("lets customers' sites load the embed script, which no page policy governs", async () => {
    const res = await http("GET", "/embed.js");
    expect(res.status).toBe(200);
    expect(res.contentType).toContain("javascript");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("content-security-policy")).toBeNull();
  });

  it("keeps API responses free of page policies but never sniffable", async () => {
    const res = await http("GET", "/api/health");
    expect(res.headers.get("content-security-policy")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
