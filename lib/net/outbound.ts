// The one guard for requests the server makes to a URL that a tenant's admin typed: single sign-on (discovery,
// token, user info, keys; lib/sso/network-guard.ts) and webhooks (lib/webhooks/worker.ts). Anyone signed in can
// create an organization and so become its admin, so such URLs are a server-side request forgery vector. Refused:
// loopback, private (RFC 1918), link-local (cloud metadata), carrier-grade NAT, unspecified, unique-local,
// multicast, documentation and otherwise reserved addresses, IPv4-mapped and NAT64 forms included — checked on
// the literal host before any connection AND on the address actually connected to (the DNS answer, at connect
// time, through `lookup`), so a name that points inside, or re-points between check and use, is refused too.
// Each use names its operator allow-list variable (SSO_ISSUER_ALLOWLIST, WEBHOOK_ALLOWLIST); see parseAllowlist.
// Failures are a few generic kinds, never the remote body or the low-level network error.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

export type OutboundFailure = "insecure" | "invalid" | "blocked" | "timeout" | "refused" | "tls" | "unreachable";

export class OutboundError extends Error {
  constructor(readonly kind: OutboundFailure) {
    super(`outbound request refused or failed: ${kind}`);
    this.name = "OutboundError";
  }
}

const blocked = new net.BlockList();
for (const [net4, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net4, prefix, "ipv4");
for (const [net6, prefix] of [
  ["::", 96],
  ["::ffff:0:0:0", 96],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 32],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net6, prefix, "ipv6");

/** An IP address in canonical family: IPv4-mapped (::ffff:…) and IPv4-compatible (::…) IPv6, dotted or hex, become IPv4. */
function unmap(address: string): { address: string; family: "ipv4" | "ipv6" } | null {
  const a = address.toLowerCase().replace(/^\[|\]$/g, "");
  const family = net.isIP(a);
  if (family === 4) return { address: a, family: "ipv4" };
  if (family !== 6) return null;
  const dotted = a.match(/^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/) ?? a.match(/^::(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) return { address: dotted[1], family: "ipv4" };
  const hex = a.match(/^(?:0*:)*:?(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return { address: `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, family: "ipv4" };
  }
  return { address: a, family: "ipv6" };
}

/** True for any address a request on behalf of a tenant must not reach (IPv4-mapped IPv6 included). */
export function isBlockedAddress(address: string): boolean {
  const ip = unmap(address);
  return !ip || blocked.check(ip.address, ip.family);
}

/**
 * An operator's exemptions, from a comma- or space-separated list. Each entry is
 *  - an origin (`https://keycloak.corp.internal`, `http://127.0.0.1:8080`): that scheme, host and port are exempt
 *    from every rule (https-only included, where the use requires https);
 *  - a host name (`hooks.corp.internal`): that name on any port, whatever it resolves to;
 *  - an address or CIDR block (`10.20.0.0/16`, `127.0.0.1`, `fd00::/8`): those addresses are allowed, whether
 *    typed literally or resolved from a name at connect time.
 * Anything else is ignored.
 */
export type Allowlist = { origins: Set<string>; hosts: Set<string>; subnets: net.BlockList };

export function parseAllowlist(value: string | undefined): Allowlist {
  const list: Allowlist = { origins: new Set(), hosts: new Set(), subnets: new net.BlockList() };
  for (const item of (value ?? "").split(/[\s,]+/)) {
    if (!item) continue;
    if (item.includes("://")) {
      if (URL.canParse(item)) list.origins.add(new URL(item).origin);
      continue;
    }
    const [addr, prefix, extra] = item.split("/");
    const ip = unmap(addr);
    if (ip && extra === undefined) {
      const bits = prefix === undefined ? (ip.family === "ipv4" ? 32 : 128) : Number(prefix);
      if (Number.isInteger(bits) && bits >= 0 && bits <= (ip.family === "ipv4" ? 32 : 128))
        list.subnets.addSubnet(ip.address, bits, ip.family);
    } else if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/i.test(item)) {
      list.hosts.add(hostKey(item));
    }
  }
  return list;
}

/** How one kind of request is guarded: its allow-list variable, and whether plain http is refused. */
export type OutboundPolicy = { allowlistEnv: string; httpsOnly: boolean };
type Env = Partial<Record<string, string>>;

const hostKey = (host: string) =>
  host
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");

export function allowlistOf(policy: OutboundPolicy, env: Env = process.env): Allowlist {
  return parseAllowlist(env[policy.allowlistEnv]);
}

function addressAllowed(list: Allowlist, address: string): boolean {
  const ip = unmap(address);
  return !!ip && list.subnets.check(ip.address, ip.family);
}

/** True when the operator exempted this URL as a whole (its origin or its host name). */
export function isAllowlisted(policy: OutboundPolicy, url: URL, env: Env = process.env): boolean {
  const list = allowlistOf(policy, env);
  return list.origins.has(url.origin) || (!net.isIP(hostKey(url.hostname)) && list.hosts.has(hostKey(url.hostname)));
}

/**
 * The checks that need no network: scheme, credentials, literal addresses in any spelling the URL parser
 * accepts (it already turns 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1), and localhost names.
 * Throws OutboundError. A name that resolves inside is refused by `guardedLookup` when connecting.
 */
export function assertUrlAllowed(policy: OutboundPolicy, url: URL, env: Env = process.env): void {
  if (isAllowlisted(policy, url, env)) return;
  if (url.protocol !== "https:" && (policy.httpsOnly || url.protocol !== "http:")) throw new OutboundError("insecure");
  if (url.username || url.password) throw new OutboundError("invalid");
  const host = hostKey(url.hostname);
  if (net.isIP(host)) {
    if (isBlockedAddress(host) && !addressAllowed(allowlistOf(policy, env), host)) throw new OutboundError("blocked");
    return;
  }
  if (/^localhost$|\.localhost$/.test(host) || !host.includes(".")) {
    // localhost and single-label names (intranet hosts, /etc/hosts aliases) are internal by definition
    throw new OutboundError("blocked");
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;
export const BLOCKED_ADDRESS_CODE = "OUTBOUND_BLOCKED_ADDRESS";

/** A dns.lookup that refuses blocked addresses not on `list`: the socket connects only to an address checked here. */
export function guardedLookup(list: Allowlist = parseAllowlist("")) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const found = addresses as dns.LookupAddress[];
      if (found.length === 0 || found.some((a) => isBlockedAddress(a.address) && !addressAllowed(list, a.address))) {
        return callback(
          Object.assign(new Error("address refused"), { code: BLOCKED_ADDRESS_CODE }) as NodeJS.ErrnoException,
          [],
        );
      }
      if (options.all) return callback(null, found);
      callback(null, found[0].address, found[0].family);
    });
  };
}

/** Every address `hostname` resolves to is allowed (no answer counts as allowed: the connect-time check decides). */
export async function resolvesAllowed(policy: OutboundPolicy, url: URL, env: Env = process.env): Promise<boolean> {
  if (isAllowlisted(policy, url, env) || net.isIP(hostKey(url.hostname))) return true;
  const lookup = guardedLookup(allowlistOf(policy, env));
  return new Promise((resolve) =>
    lookup(hostKey(url.hostname), { all: true }, (err) => resolve(err?.code !== BLOCKED_ADDRESS_CODE)),
  );
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/;

/** The generic kind of a failed request (the error's own text, naming hosts and ports, is dropped). */
export function failureOf(error: unknown): OutboundFailure {
  if (error instanceof OutboundError) return error.kind;
  const e = error as { code?: string; name?: string };
  if (e?.code === BLOCKED_ADDRESS_CODE) return "blocked";
  if (e?.name === "AbortError" || e?.name === "TimeoutError" || e?.code === "ETIMEDOUT") return "timeout";
  if (e?.code === "ECONNREFUSED") return "refused";
  if (e?.code && TLS_CODES.test(e.code)) return "tls";
  return "unreachable";
}

export type OutboundRequest = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Bytes of the answer kept (more fails as "invalid"); 0: the answer is not read, only its status. */
  maxBodyBytes: number;
  signal?: AbortSignal;
};
export type OutboundResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer<ArrayBuffer> | null };

const agents = new Map<string, { http: http.Agent; https: https.Agent }>();
/** One keep-alive pool per policy, so a connection one policy exempted is never reused by another. */
function agentsOf(policy: OutboundPolicy) {
  let pair = agents.get(policy.allowlistEnv);
  if (!pair)
    agents.set(
      policy.allowlistEnv,
      (pair = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) }),
    );
  return pair;
}

/**
 * One request under `policy`: no redirects followed (a 3xx is answered as it came), a total deadline, the
 * address rules at the literal host and at connect time (unless the URL is allow-listed as a whole).
 * Rejects with an OutboundError of a generic kind.
 */
export function outboundRequest(
  policy: OutboundPolicy,
  url: URL,
  init: OutboundRequest,
  env: Env = process.env,
): Promise<OutboundResponse> {
  try {
    assertUrlAllowed(policy, url, env);
  } catch (error) {
    return Promise.reject(error);
  }
  const exempt = isAllowlisted(policy, url, env);
  const secure = url.protocol === "https:";
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = (secure ? https : http).request(
      url,
      {
        method: init.method ?? "GET",
        headers: init.headers,
        agent: secure ? agentsOf(policy).https : agentsOf(policy).http,
        lookup: exempt ? undefined : (guardedLookup(allowlistOf(policy, env)) as unknown as typeof dns.lookup),
        signal: init.signal,
      },
      (res) => {
        const status = res.statusCode ?? 502;
        if (init.maxBodyBytes === 0) {
          clearTimeout(deadline);
          resolve({ status, headers: res.headers, body: null });
          let drained = 0; // let a short answer finish so the connection can be reused; a long one is cut off
          res.on("data", (chunk: Buffer) => (drained += chunk.length) > 64 * 1024 && res.destroy());
          res.on("error", () => {});
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > init.maxBodyBytes) return req.destroy(new OutboundError("invalid"));
          chunks.push(chunk);
        });
        res.on("end", () => {
          clearTimeout(deadline);
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
        });
        res.on("error", (error) => reject(new OutboundError(failureOf(error))));
      },
    );
    const deadline = setTimeout(() => req.destroy(new OutboundError("timeout")), init.timeoutMs);
    req.on("error", (error) => {
      clearTimeout(deadline);
      reject(new OutboundError(failureOf(error)));
    });
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
