// The caller's IP. The server (server/index.ts → lib/http/trusted-proxy.ts) replaces X-Forwarded-For on every
// request with the one address the socket and TRUSTED_PROXIES vouch for, so the header is a fact here, not the
// client's claim (under `next dev`, which runs without that server, it is still the client's claim). Used to
// tell clients apart for rate limits and sign-in throttling, never stored.
type HeaderBag = { get(name: string): string | null };

export function clientIp(headers: HeaderBag): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 100) : null;
}
