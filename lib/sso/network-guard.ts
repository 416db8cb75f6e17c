// Every request the server makes for single sign-on (discovery, token, user info, keys) goes through here.
// The issuer URL is typed by an organization's admin, and anyone signed in can create an organization, so
// these requests are a server-side request forgery vector: only https, and never to loopback, private,
// link-local or otherwise internal addresses — checked on the address actually connected to (the DNS
// answer, at connect time), so a name that resolves to 10.0.0.1 or rebinds between check and use is refused.
// Origins the operator lists in SSO_ISSUER_ALLOWLIST are exempt (an on-premises Keycloak, the tests' provider).
// Failures are reported as a few generic classes, never the remote body or the low-level network error.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

export type SsoNetworkFailure = "insecure" | "blocked" | "unreachable" | "invalid";

export class SsoNetworkError extends Error {
  constructor(readonly kind: SsoNetworkFailure) {
    super(`single sign-on request refused or failed: ${kind}`);
    this.name = "SsoNetworkError";
  }
}

const blocked = new net.BlockList();
for (const [net4, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net4, prefix, "ipv4");
for (const [net6, prefix] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 32], ["2001:db8::", 32], ["2002::", 16],
  ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) blocked.addSubnet(net6, prefix, "ipv6");

/** True for any address a request on behalf of an admin must not reach (IPv4-mapped IPv6 included). */
export function isBlockedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const mapped = address.toLowerCase().match(/^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/) ?? address.toLowerCase().match(/^::(\d+\.\d+\.\d+\.\d+)$/);
    if (mapped) return isBlockedAddress(mapped[1]);
    const hexMapped = address.toLowerCase().match(/^(?:0*:)*:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
    if (hexMapped) {
      const [hi, lo] = [parseInt(hexMapped[1], 16), parseInt(hexMapped[2], 16)];
      return isBlockedAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    return blocked.check(address, "ipv6");
  }
  return blocked.check(address, "ipv4");
}

/** Origins exempt from the https and address rules (comma- or space-separated list of URLs). */
export function issuerAllowlist(env: Partial<Record<string, string>> = process.env): Set<string> {
  const out = new Set<string>();
  for (const item of (env.SSO_ISSUER_ALLOWLIST ?? "").split(/[\s,]+/)) {
    if (item && URL.canParse(item)) out.add(new URL(item).origin);
  }
  return out;
}

export function isAllowlisted(url: URL, env: Partial<Record<string, string>> = process.env): boolean {
  return issuerAllowlist(env).has(url.origin);
}

/** The checks that need no network: scheme, credentials, literal addresses. Throws SsoNetworkError. */
export function assertUrlAllowed(url: URL, env: Partial<Record<string, string>> = process.env): void {
  if (isAllowlisted(url, env)) return;
  if (url.protocol !== "https:") throw new SsoNetworkError("insecure");
  if (url.username || url.password) throw new SsoNetworkError("invalid");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && isBlockedAddress(host)) throw new SsoNetworkError("blocked");
  if (/^localhost$|\.localhost$/i.test(host)) throw new SsoNetworkError("blocked");
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** dns.lookup that refuses blocked addresses: the socket connects only to an address checked here. */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as dns.LookupAddress[];
    if (list.length === 0 || list.some((a) => isBlockedAddress(a.address))) {
      const refused = Object.assign(new Error("address refused"), { code: "SSO_BLOCKED_ADDRESS" }) as NodeJS.ErrnoException;
      return callback(refused, []);
    }
    if (options.all) return callback(null, list);
    callback(null, list[0].address, list[0].family);
  });
}

const MAX_BODY_BYTES = 512 * 1024;
const DEFAULT_TIMEOUT_MS = 8_000;

/**
 * A fetch for openid-client's customFetch: one request, no redirects, a body cap, the address guard (unless the
 * origin is allow-listed). Errors are SsoNetworkError with a generic kind.
 */
export async function guardedFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input));
  assertUrlAllowed(url);
  const exempt = isAllowlisted(url);
  const headers = new Headers(init.headers);
  const body = init.body == null ? undefined : typeof init.body === "string" ? init.body : init.body instanceof URLSearchParams ? init.body.toString() : null;
  if (body === null) throw new SsoNetworkError("invalid");
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded;charset=UTF-8");
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: init.method ?? "GET",
        headers: Object.fromEntries(headers.entries()),
        lookup: exempt ? undefined : (guardedLookup as unknown as typeof dns.lookup),
        timeout: DEFAULT_TIMEOUT_MS,
        signal: init.signal ?? undefined,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(new SsoNetworkError("invalid"));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) for (const v of [value].flat()) responseHeaders.append(name, v);
          }
          const status = res.statusCode ?? 502;
          const noBody = status === 204 || status === 304;
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
        });
        res.on("error", () => reject(new SsoNetworkError("unreachable")));
      },
    );
    req.on("timeout", () => req.destroy(new SsoNetworkError("unreachable")));
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof SsoNetworkError) return reject(error);
      reject(new SsoNetworkError(error.code === "SSO_BLOCKED_ADDRESS" ? "blocked" : "unreachable"));
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}
