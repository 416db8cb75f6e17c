// The SSRF guard of single sign-on requests: which addresses are refused, that a name resolving to loopback is
// refused at connect time, and that only the operator's allow-list lifts the rules.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertUrlAllowed,
  guardedFetch,
  guardedLookup,
  isBlockedAddress,
  issuerAllowlist,
  SsoNetworkError,
} from "./network-guard";

describe("isBlockedAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::a00:1",
    "not an address",
  ])("refuses %s", (a) => expect(isBlockedAddress(a)).toBe(true));

  it.each(["93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows %s", (a) =>
    expect(isBlockedAddress(a)).toBe(false),
  );
});

const kind = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof SsoNetworkError ? e.kind : `other: ${String(e)}`;
  }
};

describe("guardedFetch", () => {
  let server: http.Server;
  let origin: string;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('{"secret":"internal"}'));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("refuses http, literal private addresses and localhost before any connection", () => {
    for (const [url, expected] of [
      ["http://example.com/", "insecure"],
      ["https://127.0.0.1/", "blocked"],
      ["https://[::1]/", "blocked"],
      ["https://[::ffff:127.0.0.1]/", "blocked"],
      ["https://169.254.169.254/latest/meta-data/", "blocked"],
      ["https://localhost/", "blocked"],
      ["https://user:pw@example.com/", "invalid"],
    ] as const) {
      let got = "ok";
      try {
        assertUrlAllowed(new URL(url), {});
      } catch (e) {
        got = (e as SsoNetworkError).kind;
      }
      expect(got, url).toBe(expected);
    }
  });

  it("refuses a name that resolves to loopback (the lookup the socket connects with checks the answer)", async () => {
    const code = await new Promise((resolve) =>
      guardedLookup("localhost", { all: true }, (err) => resolve(err?.code ?? "resolved")),
    );
    expect(code).toBe("OUTBOUND_BLOCKED_ADDRESS");
  });

  it("reaches a loopback server only when its origin is allow-listed, over http too", async () => {
    expect(await kind(guardedFetch(`${origin}/x`))).toBe("insecure");
    const before = process.env.SSO_ISSUER_ALLOWLIST;
    process.env.SSO_ISSUER_ALLOWLIST = `https://idp.example.com, ${origin}/`;
    try {
      expect(issuerAllowlist().has(origin)).toBe(true);
      const res = await guardedFetch(`${origin}/x`);
      expect(await res.json()).toEqual({ secret: "internal" });
      // Another port on the same host is not the allow-listed origin.
      expect(await kind(guardedFetch("http://127.0.0.1:9/x"))).toBe("insecure");
    } finally {
      if (before === undefined) delete process.env.SSO_ISSUER_ALLOWLIST;
      else process.env.SSO_ISSUER_ALLOWLIST = before;
    }
  });
});
