// Who the client is, and whether it came over TLS, decided once per request from the socket and the
// operator's TRUSTED_PROXIES setting — before any other code reads a header. The custom server
// (server/index.ts) calls normalizeForwardedHeaders() on every request, so everything after it (sign-in
// throttling, public rate limits, Secure cookies, HSTS, links in e-mails) can read X-Forwarded-For and
// X-Forwarded-Proto as facts:
//   - nobody trusted (the default): the address is the socket's, the protocol is the socket's own, and any
//     X-Forwarded-* / X-Real-IP / Forwarded header the client sent is dropped;
//   - TRUSTED_PROXIES set: the address is the right-most X-Forwarded-For entry that is not a trusted proxy
//     (proxy-addr, the same rule as Express's "trust proxy"), and X-Forwarded-Proto / -Host are kept only
//     when the immediate peer is a trusted proxy.
// TRUSTED_PROXIES: comma-separated addresses or CIDRs ("10.0.0.0/8, 192.168.1.7"), the names loopback,
// linklocal, uniquelocal, or a number n = trust the n nearest hops (a platform load balancer whose address
// changes).
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import proxyaddr from "proxy-addr";

type Trust = (addr: string, hop: number) => boolean;

export function parseTrustedProxies(value: string | undefined): Trust {
  const raw = (value ?? "").trim();
  if (!raw || raw === "0" || raw.toLowerCase() === "none") return () => false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return (_addr, hop) => hop < hops;
  }
  const list = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    return proxyaddr.compile(list);
  } catch (error) {
    throw new Error(
      `TRUSTED_PROXIES is not valid (${(error as Error).message}): use addresses, CIDRs, loopback/linklocal/uniquelocal or a hop count`,
    );
  }
}

const DROPPED = [
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
] as const;

/** Rewrites the request's forwarded headers to what the socket and the trusted proxies vouch for. */
export function normalizeForwardedHeaders(
  req: IncomingMessage,
  trust: Trust,
): { ip: string; https: boolean; trustedPeer: boolean } {
  const peer = req.socket.remoteAddress ?? "";
  const trustedPeer = peer !== "" && trust(peer, 0);
  const ip = trustedPeer ? proxyaddr(req, trust) : peer;
  const own = (req.socket as TLSSocket).encrypted === true;
  const first = (name: string) => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v[0] : v)?.split(",")[0]?.trim().toLowerCase() || undefined;
  };
  const forwardedProto = trustedPeer ? first("x-forwarded-proto") : undefined;
  const https = forwardedProto ? forwardedProto === "https" : own;
  const forwardedHost = trustedPeer ? first("x-forwarded-host") : undefined;
  for (const name of DROPPED) delete req.headers[name];
  req.headers["x-forwarded-for"] = ip.replace(/^::ffff:/, "");
  req.headers["x-forwarded-proto"] = https ? "https" : "http";
  if (forwardedHost) req.headers["x-forwarded-host"] = forwardedHost;
  return { ip, https, trustedPeer };
}

/**
 * Production refuses an http:// NEXTAUTH_URL on a host other than loopback: session cookies would travel in
 * clear text. RESONANCE_BEHIND_TLS=1 says a proxy terminates TLS in front (then cookies are Secure per request
 * from X-Forwarded-Proto of a trusted proxy); RESONANCE_ALLOW_HTTP=1 accepts plain HTTP on purpose (a lab).
 */
export function insecureUrlProblem(env: Partial<Record<string, string>>): string | null {
  if (env.NODE_ENV !== "production") return null;
  const raw = env.NEXTAUTH_URL;
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `NEXTAUTH_URL is not a URL: ${raw}`;
  }
  if (url.protocol !== "http:") return null;
  if (/^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i.test(url.hostname)) return null;
  if (env.RESONANCE_BEHIND_TLS === "1" || env.RESONANCE_ALLOW_HTTP === "1") return null;
  return (
    `NEXTAUTH_URL is ${url.origin}: sign-in cookies would cross the network unencrypted. Use an https:// URL, ` +
    `or set RESONANCE_BEHIND_TLS=1 when a TLS proxy in front sends X-Forwarded-Proto: https (list it in TRUSTED_PROXIES), ` +
    `or RESONANCE_ALLOW_HTTP=1 to accept plain HTTP on purpose.`
  );
}
