import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { insecureUrlProblem, normalizeForwardedHeaders, parseTrustedProxies } from "./trusted-proxy";

function req(remoteAddress: string, headers: Record<string, string>, encrypted = false): IncomingMessage {
  return { socket: { remoteAddress, encrypted }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe("normalizeForwardedHeaders", () => {
  it("trusts nobody by default: a forged X-Forwarded-For, -Proto and -Host are replaced by the socket's facts", () => {
    const r = req("203.0.113.9", {
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
      "x-real-ip": "5.6.7.8",
      forwarded: "for=9.9.9.9",
    });
    const out = normalizeForwardedHeaders(r, parseTrustedProxies(undefined));
    expect(out).toEqual({ ip: "203.0.113.9", https: false, trustedPeer: false });
    expect(r.headers["x-forwarded-for"]).toBe("203.0.113.9");
    expect(r.headers["x-forwarded-proto"]).toBe("http");
    expect(r.headers["x-forwarded-host"]).toBeUndefined();
    expect(r.headers["x-real-ip"]).toBeUndefined();
    expect(r.headers.forwarded).toBeUndefined();
  });

  it("a TLS socket is https even with no proxy", () => {
    const r = req("203.0.113.9", {}, true);
    expect(normalizeForwardedHeaders(r, parseTrustedProxies("")).https).toBe(true);
  });

  it("behind a trusted proxy takes the right-most untrusted address, not the left-most the client wrote", () => {
    const r = req("10.0.0.2", {
      "x-forwarded-for": "6.6.6.6, 198.51.100.7",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "cx.example.com",
    });
    const out = normalizeForwardedHeaders(r, parseTrustedProxies("10.0.0.0/8"));
    expect(out).toEqual({ ip: "198.51.100.7", https: true, trustedPeer: true });
    expect(r.headers["x-forwarded-for"]).toBe("198.51.100.7");
    expect(r.headers["x-forwarded-proto"]).toBe("https");
    expect(r.headers["x-forwarded-host"]).toBe("cx.example.com");
  });

  it("skips every trusted hop of a chain", () => {
    const r = req("10.0.0.2", { "x-forwarded-for": "198.51.100.7, 10.0.0.9" });
    expect(normalizeForwardedHeaders(r, parseTrustedProxies("10.0.0.0/8")).ip).toBe("198.51.100.7");
  });

  it("a peer outside the list is the client, whatever it forwards", () => {
    const r = req("198.51.100.50", { "x-forwarded-for": "1.1.1.1", "x-forwarded-proto": "https" });
    const out = normalizeForwardedHeaders(r, parseTrustedProxies("10.0.0.0/8, loopback"));
    expect(out).toEqual({ ip: "198.51.100.50", https: false, trustedPeer: false });
  });

  it("a hop count trusts that many nearest proxies", () => {
    const r = req("172.16.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7", "x-forwarded-proto": "https" });
    expect(normalizeForwardedHeaders(r, parseTrustedProxies("1")).ip).toBe("198.51.100.7");
    const r2 = req("172.16.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7" });
    expect(normalizeForwardedHeaders(r2, parseTrustedProxies("2")).ip).toBe("6.6.6.6");
  });

  it("IPv4-mapped socket addresses are written as plain IPv4", () => {
    const r = req("::ffff:127.0.0.1", {});
    normalizeForwardedHeaders(r, parseTrustedProxies(undefined));
    expect(r.headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("refuses a malformed list", () => {
    expect(() => parseTrustedProxies("10.0.0.0/99")).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("insecureUrlProblem", () => {
  it("refuses an http URL on a network host in production", () => {
    expect(insecureUrlProblem({ NODE_ENV: "production", NEXTAUTH_URL: "http://cx.example.com" })).toMatch(
      /unencrypted/,
    );
  });
  it("accepts https, loopback, development, and the two explicit acknowledgements", () => {
    expect(insecureUrlProblem({ NODE_ENV: "production", NEXTAUTH_URL: "https://cx.example.com" })).toBeNull();
    expect(insecureUrlProblem({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3000" })).toBeNull();
    expect(insecureUrlProblem({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" })).toBeNull();
    expect(insecureUrlProblem({ NODE_ENV: "development", NEXTAUTH_URL: "http://cx.example.com" })).toBeNull();
    expect(
      insecureUrlProblem({ NODE_ENV: "production", NEXTAUTH_URL: "http://cx.example.com", RESONANCE_BEHIND_TLS: "1" }),
    ).toBeNull();
    expect(
      insecureUrlProblem({ NODE_ENV: "production", NEXTAUTH_URL: "http://cx.example.com", RESONANCE_ALLOW_HTTP: "1" }),
    ).toBeNull();
  });
});
