// Every request the server makes for single sign-on (discovery, token, user info, keys) goes through the shared
// outbound guard (lib/net/outbound.ts): only https, never to loopback, private, link-local or otherwise internal
// addresses, checked on the literal host and on the address actually connected to. Origins, hosts or address
// blocks the operator lists in SSO_ISSUER_ALLOWLIST are exempt (an on-premises Keycloak, the tests' provider).
// Failures reach the admin as four generic classes, never the remote body or the low-level network error.
import {
  assertUrlAllowed as assertAllowed,
  guardedLookup as lookupFor,
  isAllowlisted as allowlisted,
  allowlistOf,
  OutboundError,
  outboundRequest,
  type OutboundFailure,
  type OutboundPolicy,
} from "../net/outbound";

export { isBlockedAddress } from "../net/outbound";
export { OutboundError as SsoNetworkError };
export type SsoNetworkFailure = "insecure" | "blocked" | "unreachable" | "invalid";

const SSO: OutboundPolicy = { allowlistEnv: "SSO_ISSUER_ALLOWLIST", httpsOnly: true };
type Env = Partial<Record<string, string>>;

/** The class an admin sees: timeouts, refused connections and TLS failures are all "unreachable". */
export function ssoFailure(kind: OutboundFailure): SsoNetworkFailure {
  return kind === "insecure" || kind === "blocked" || kind === "invalid" ? kind : "unreachable";
}

/** Origins exempt from the https and address rules. */
export const issuerAllowlist = (env: Env = process.env): Set<string> => allowlistOf(SSO, env).origins;
export const isAllowlisted = (url: URL, env: Env = process.env): boolean => allowlisted(SSO, url, env);
/** The checks that need no network: scheme, credentials, literal addresses. Throws SsoNetworkError. */
export const assertUrlAllowed = (url: URL, env: Env = process.env): void => assertAllowed(SSO, url, env);
/** dns.lookup that refuses blocked addresses not allow-listed for single sign-on. */
export const guardedLookup = (...args: Parameters<ReturnType<typeof lookupFor>>) =>
  lookupFor(allowlistOf(SSO))(...args);

const MAX_BODY_BYTES = 512 * 1024;
const DEFAULT_TIMEOUT_MS = 8_000;

/**
 * A fetch for openid-client's customFetch: one request, no redirects, a body cap, the address guard (unless the
 * origin is allow-listed). Errors are SsoNetworkError with one of the four SSO kinds.
 */
export async function guardedFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input));
  const headers = new Headers(init.headers);
  const body =
    init.body == null
      ? undefined
      : typeof init.body === "string"
        ? init.body
        : init.body instanceof URLSearchParams
          ? init.body.toString()
          : null;
  if (body === null) throw new OutboundError("invalid");
  if (body !== undefined && !headers.has("content-type"))
    headers.set("content-type", "application/x-www-form-urlencoded;charset=UTF-8");
  try {
    const res = await outboundRequest(SSO, url, {
      method: init.method ?? "GET",
      headers: Object.fromEntries(headers.entries()),
      body,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      maxBodyBytes: MAX_BODY_BYTES,
      signal: init.signal ?? undefined,
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) for (const v of [value].flat()) responseHeaders.append(name, v);
    }
    const noBody = res.status === 204 || res.status === 304;
    return new Response(noBody ? null : res.body, { status: res.status, headers: responseHeaders });
  } catch (error) {
    throw new OutboundError(ssoFailure(error instanceof OutboundError ? error.kind : "unreachable"));
  }
}
