// The shared outbound guard (single sign-on and webhooks): which addresses are refused in which spelling, what
// an operator's allow-list lifts, that a name resolving to loopback is refused when connecting, and that a
// failure is reported as a generic class only.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertUrlAllowed,
  failureOf,
  guardedLookup,
  isBlockedAddress,
  OutboundError,
  outboundRequest,
  parseAllowlist,
  resolvesAllowed,
  type OutboundPolicy,
} from "./outbound";

const HOOKS: OutboundPolicy = { allowlistEnv: "TEST_ALLOWLIST", httpsOnly: false };
const refusal = (url: string, env: Record<string, string> = {}) => {
  try {
    assertUrlAllowed(HOOKS, new URL(url), env);
    return "ok";
  } catch (e) {
    return e instanceof OutboundError ? e.kind : `other: ${String(e)}`;
  }
};

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
    "100.127.255.254",
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
    "0:0:0:0:0:ffff:7f00:1",
    "::127.0.0.1",
    "::7f00:1",
    "::ffff:0:7f00:1",
    "64:ff9b::a00:1",
    "[::1]",
    "not an address",
  ])("refuses %s", (a) => expect(isBlockedAddress(a)).toBe(true));

  it.each([
    "93.184.215.14",
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "::ffff:808:808",
  ])("allows %s", (a) => expect(isBlockedAddress(a)).toBe(false));
});

describe("assertUrlAllowed: every spelling of an internal host", () => {
  it.each([
    "http://127.0.0.1/",
    "http://127.0.0.1:8080/x",
    "http://localhost/",
    "http://LOCALHOST:3000/",
    "http://localhost./",
    "http://api.localhost/",
    "http://0.0.0.0/",
    "http://0/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://017700000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://%31%32%37.0.0.1/",
    "http://[::1]/",
    "http://[::]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:ffff:127.0.0.1]/",
    "http://[::127.0.0.1]/",
    "http://10.0.0.5/",
    "http://172.20.1.1/",
    "http://192.168.0.10/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "https://[::ffff:a9fe:a9fe]/",
    "http://intranet/",
    "http://vm:3000/",
  ])("refuses %s", (url) => expect(refusal(url)).toBe("blocked"));

  it("allows public hosts over http and https; refuses other schemes, and credentials", () => {
    expect(refusal("https://hooks.example.com/in")).toBe("ok");
    expect(refusal("http://93.184.215.14:8080/in")).toBe("ok");
    expect(refusal("http://[2606:4700:4700::1111]/")).toBe("ok");
    expect(refusal("ftp://hooks.example.com/")).toBe("insecure");
    expect(refusal("https://u:p@hooks.example.com/")).toBe("invalid");
    expect(() =>
      assertUrlAllowed({ allowlistEnv: "X", httpsOnly: true }, new URL("http://hooks.example.com/"), {}),
    ).toThrow(OutboundError);
  });

  it("an allow-list entry lifts exactly what it names: an origin, a host name, an address block", () => {
    expect(refusal("http://127.0.0.1:8080/x", { TEST_ALLOWLIST: "http://127.0.0.1:8080" })).toBe("ok");
    expect(refusal("http://127.0.0.1:8081/x", { TEST_ALLOWLIST: "http://127.0.0.1:8080" })).toBe("blocked");
    expect(refusal("http://127.0.0.1:9/x", { TEST_ALLOWLIST: "127.0.0.1" })).toBe("ok");
    expect(refusal("http://2130706433:9/x", { TEST_ALLOWLIST: "127.0.0.1" })).toBe("ok");
    expect(refusal("http://127.0.0.2/x", { TEST_ALLOWLIST: "127.0.0.1" })).toBe("blocked");
    expect(refusal("http://10.20.3.4/x", { TEST_ALLOWLIST: "10.20.0.0/16, fd00::/8" })).toBe("ok");
    expect(refusal("http://[fd00::5]/x", { TEST_ALLOWLIST: "10.20.0.0/16 fd00::/8" })).toBe("ok");
    expect(refusal("http://10.21.0.1/x", { TEST_ALLOWLIST: "10.20.0.0/16" })).toBe("blocked");
    expect(refusal("http://hooks.corp.internal:8443/x", { TEST_ALLOWLIST: "hooks.corp.internal" })).toBe("ok");
    expect(refusal("http://intranet/x", { TEST_ALLOWLIST: "intranet" })).toBe("ok");
    expect(refusal("http://localhost/x", { TEST_ALLOWLIST: "127.0.0.1" })).toBe("blocked"); // a name is not an address
    expect(refusal("http://127.0.0.1/x", { TEST_ALLOWLIST: "garbage/99 ::: http//x" })).toBe("blocked");
    // another variable's list does not count
    expect(refusal("http://127.0.0.1/x", { OTHER_ALLOWLIST: "127.0.0.1" })).toBe("blocked");
  });

  it("parses the list forgivingly", () => {
    const list = parseAllowlist(" https://a.example.com/path, b.example.com. 10.0.0.0/8\n::1 bad/x 1.2.3.4/40");
    expect([...list.origins]).toEqual(["https://a.example.com"]);
    expect([...list.hosts]).toEqual(["b.example.com"]);
    expect(list.subnets.check("10.9.9.9", "ipv4")).toBe(true);
    expect(list.subnets.check("::1", "ipv6")).toBe(true);
    expect(list.subnets.check("1.2.3.4", "ipv4")).toBe(false);
  });
});

describe("at connect time", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/moved") {
        res.writeHead(302, { location: "http://10.0.0.1/secret" });
        return res.end();
      }
      if (req.url === "/slow") return setTimeout(() => res.end("late"), 2000);
      res.end('{"secret":"internal"}');
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("a name that resolves to loopback is refused by the lookup the socket connects with, unless its address is allowed", async () => {
    const code = (list = parseAllowlist("")) =>
      new Promise((resolve) =>
        guardedLookup(list)("localhost", { all: true }, (err) => resolve(err?.code ?? "resolved")),
      );
    expect(await code()).toBe("OUTBOUND_BLOCKED_ADDRESS");
    expect(await code(parseAllowlist("127.0.0.0/8 ::1"))).toBe("resolved");
    expect(await resolvesAllowed(HOOKS, new URL("http://localhost/"), {})).toBe(false);
    expect(await resolvesAllowed(HOOKS, new URL("http://localhost/"), { TEST_ALLOWLIST: "127.0.0.0/8 ::1" })).toBe(
      true,
    );
  });

  it("refuses loopback before connecting and reaches it only when allowed; the answer's body is not read when not asked for", async () => {
    const get = (url: string, env: Record<string, string>, maxBodyBytes = 1000) =>
      outboundRequest(HOOKS, new URL(url), { timeoutMs: 1000, maxBodyBytes }, env);
    await expect(get(`http://127.0.0.1:${port}/`, {})).rejects.toMatchObject({ kind: "blocked" });
    await expect(get(`http://localhost.:${port}/`, {})).rejects.toMatchObject({ kind: "blocked" });
    const allowed = await get(`http://127.0.0.1:${port}/`, { TEST_ALLOWLIST: "127.0.0.1" });
    expect(allowed).toMatchObject({ status: 200 });
    expect(allowed.body?.toString()).toBe('{"secret":"internal"}');
    expect(await get(`http://127.0.0.1:${port}/`, { TEST_ALLOWLIST: "127.0.0.1" }, 0)).toMatchObject({
      status: 200,
      body: null,
    });
  });

  it("does not follow a redirect, and names failures by class only", async () => {
    const env = { TEST_ALLOWLIST: "127.0.0.1" };
    const moved = await outboundRequest(
      HOOKS,
      new URL(`http://127.0.0.1:${port}/moved`),
      { timeoutMs: 1000, maxBodyBytes: 0 },
      env,
    );
    expect(moved.status).toBe(302);
    const slow = outboundRequest(
      HOOKS,
      new URL(`http://127.0.0.1:${port}/slow`),
      { timeoutMs: 200, maxBodyBytes: 0 },
      env,
    );
    await expect(slow).rejects.toMatchObject({ kind: "timeout" });
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await outboundRequest(
      HOOKS,
      new URL(`http://127.0.0.1:${closedPort}/`),
      { timeoutMs: 1000, maxBodyBytes: 0 },
      env,
    ).catch((e) => e);
    expect(refused).toBeInstanceOf(OutboundError);
    expect(refused.kind).toBe("refused");
    expect(refused.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|\d{4,}/);
    expect(failureOf(Object.assign(new Error("x"), { code: "ERR_TLS_CERT_ALTNAME_INVALID" }))).toBe("tls");
    expect(failureOf(Object.assign(new Error("getaddrinfo ENOTFOUND db.internal"), { code: "ENOTFOUND" }))).toBe(
      "unreachable",
    );
  });
});
