// The OpenID Connect client of one connection (openid-client does discovery, the code exchange and every
// token check). All its HTTP goes through network-guard.ts (lib/net/outbound.ts). Discovered configurations are kept for a few
// minutes per connection version, so a sign-in does not fetch the discovery document twice.
import * as oidc from "openid-client";
import {
  assertUrlAllowed,
  guardedFetch,
  isAllowlisted,
  SsoNetworkError,
  ssoFailure,
  type SsoNetworkFailure,
} from "./network-guard";

export type ClientSettings = { id?: string; version?: number; issuer: string; clientId: string; clientSecret: string };

const TIMEOUT_SECONDS = 8;
const CACHE_MS = 10 * 60_000;
const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

/** What went wrong, as a class an admin may see (never the remote body or the network error itself). */
export function failureKind(error: unknown): SsoNetworkFailure {
  let e: unknown = error;
  for (let i = 0; i < 6 && e; i++) {
    if (e instanceof SsoNetworkError) return ssoFailure(e.kind);
    const name = (e as { name?: string }).name;
    if (name === "AbortError" || name === "TimeoutError") return "unreachable";
    e = (e as { cause?: unknown }).cause;
  }
  return "invalid";
}

function authFor(metadata: oidc.ServerMetadata, secret: string): oidc.ClientAuth {
  const methods = metadata.token_endpoint_auth_methods_supported;
  return !methods || methods.includes("client_secret_basic")
    ? oidc.ClientSecretBasic(secret)
    : oidc.ClientSecretPost(secret);
}

/** Fetches the issuer's /.well-known/openid-configuration (the settings form: always fresh). */
export async function discoverIssuer(s: ClientSettings): Promise<oidc.Configuration> {
  const issuer = new URL(s.issuer);
  assertUrlAllowed(issuer); // before openid-client's own https check, so that the admin learns why
  const execute = issuer.protocol === "http:" && isAllowlisted(issuer) ? [oidc.allowInsecureRequests] : [];
  const found = await oidc.discovery(issuer, s.clientId, s.clientSecret, oidc.ClientSecretBasic(s.clientSecret), {
    [oidc.customFetch]: guardedFetch as oidc.CustomFetch,
    timeout: TIMEOUT_SECONDS,
    execute,
  });
  const metadata = found.serverMetadata();
  if (!metadata.authorization_endpoint || !metadata.token_endpoint || !metadata.jwks_uri)
    throw new SsoNetworkError("invalid");
  const config = new oidc.Configuration(metadata, s.clientId, s.clientSecret, authFor(metadata, s.clientSecret));
  config[oidc.customFetch] = guardedFetch as oidc.CustomFetch;
  config.timeout = TIMEOUT_SECONDS;
  for (const fn of execute) fn(config);
  return config;
}

/** The configuration for sign-in, discovered at most every few minutes per connection version. */
export function clientFor(s: ClientSettings & { id: string; version: number }): Promise<oidc.Configuration> {
  const key = `${s.id}:${s.version}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  const config = discoverIssuer(s);
  cache.set(key, { at: Date.now(), config });
  config.catch(() => cache.delete(key));
  return config;
}
