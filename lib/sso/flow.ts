// The sign-in flow: the e-mail's domain picks the connection; the browser goes to the provider with an
// authorization code request (PKCE S256, state, nonce); those values wait in a short-lived, encrypted and
// authenticated HttpOnly cookie (next-auth's JWE under a key derived for this purpose) until the callback,
// where openid-client checks the state, exchanges the code and validates the ID token (signature, issuer,
// audience, expiry, nonce). Anything wrong becomes an SsoSignInError with a code the login page explains.
import { hkdfSync } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import * as oidc from "openid-client";
import { db } from "../db";
import { clientFor, failureKind } from "./client";
import { ssoRedirectUri, storedSecret } from "./service";
import { verifiedOrgForEmail } from "./domains";

export const FLOW_MAX_AGE_SECONDS = 10 * 60;

export type SsoErrorCode =
  | "no_connection"
  | "flow"
  | "disabled"
  | "provider"
  | "unavailable"
  | "email_unverified"
  | "domain"
  | "account_conflict"
  | "suspended";

export class SsoSignInError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    readonly detail?: unknown,
  ) {
    super(`single sign-on failed: ${code}`);
    this.name = "SsoSignInError";
  }
}

type FlowState = { c: string; v: number; s: string; n: string; p: string; r: string };

/** The flow cookie's name (path /api/auth/sso only; `__Secure-` over TLS). */
export function flowCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}rsn-sso-flow`;
}

function flowSecret(): string {
  const material = process.env.NEXTAUTH_SECRET;
  if (!material) throw new Error("NEXTAUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", material, "resonance", "sso flow state", 32)).toString("base64url");
}

async function connectionFor(id: string) {
  const row = await db.ssoConnection.findUnique({ where: { id } });
  if (!row || !row.enabled) throw new SsoSignInError("disabled");
  const clientSecret = storedSecret(row);
  if (!clientSecret) throw new SsoSignInError("unavailable");
  return {
    row,
    settings: {
      id: row.id,
      version: row.updatedAt.getTime(),
      issuer: row.issuer,
      clientId: row.clientId,
      clientSecret,
    },
  };
}

async function configFor(settings: Parameters<typeof clientFor>[0]) {
  try {
    return await clientFor(settings);
  } catch (error) {
    throw new SsoSignInError("unavailable", failureKind(error));
  }
}

/** The enabled connection of the organization that verified the address's domain (lib/sso/domains.ts). */
export async function connectionForEmail(email: string): Promise<{ id: string } | null> {
  const orgId = await verifiedOrgForEmail(email);
  if (!orgId) return null;
  return db.ssoConnection.findFirst({ where: { orgId, enabled: true }, select: { id: true } });
}

/** Where to send the browser, and the flow cookie's value. `returnTo` is a same-site path (safe-callback.ts). */
export async function startSsoSignIn(email: string, returnTo: string): Promise<{ url: string; flow: string }> {
  const hit = await connectionForEmail(email);
  if (!hit) throw new SsoSignInError("no_connection");
  const { settings } = await connectionFor(hit.id);
  const config = await configFor(settings);
  const verifier = oidc.randomPKCECodeVerifier();
  const state: FlowState = {
    c: settings.id,
    v: settings.version,
    s: oidc.randomState(),
    n: oidc.randomNonce(),
    p: verifier,
    r: returnTo,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ssoRedirectUri(),
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: state.s,
    nonce: state.n,
    login_hint: email,
  });
  const flow = await encode({ token: state, secret: flowSecret(), maxAge: FLOW_MAX_AGE_SECONDS });
  return { url: url.toString(), flow };
}

async function readFlow(cookie: string | undefined): Promise<FlowState> {
  if (!cookie) throw new SsoSignInError("flow");
  try {
    const t = (await decode({ token: cookie, secret: flowSecret() })) as Partial<FlowState> | null;
    if (t && typeof t.c === "string" && typeof t.s === "string" && typeof t.n === "string" && typeof t.p === "string") {
      return { c: t.c, v: Number(t.v), s: t.s, n: t.n, p: t.p, r: typeof t.r === "string" ? t.r : "/" };
    }
  } catch {
    // tampered, expired or from another server key
  }
  throw new SsoSignInError("flow");
}

export type VerifiedSsoUser = {
  connectionId: string;
  orgId: string;
  defaultRole: string;
  subject: string;
  email: string;
  name: string | null;
  returnTo: string;
};

/** Validates the provider's answer at the callback URL; the e-mail must be verified and in a domain the organization verified. */
export async function finishSsoSignIn(callback: URL, flowCookie: string | undefined): Promise<VerifiedSsoUser> {
  const flow = await readFlow(flowCookie);
  const { row, settings } = await connectionFor(flow.c);
  const config = await configFor(settings);
  // The redirect URI as registered (not however a proxy rewrote the request URL), with the provider's parameters.
  const current = new URL(ssoRedirectUri());
  current.search = callback.search;
  let claims: oidc.IDToken | undefined;
  let userinfo: oidc.UserInfoResponse | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.p,
      expectedState: flow.s,
      expectedNonce: flow.n,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    if (claims && typeof claims.email !== "string")
      userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  } catch (error) {
    if (error instanceof oidc.AuthorizationResponseError || failureKind(error) === "invalid")
      throw new SsoSignInError("provider", error);
    throw new SsoSignInError("unavailable", error);
  }
  if (!claims) throw new SsoSignInError("provider");
  const source = userinfo ?? claims;
  const email = typeof source.email === "string" ? source.email.trim().toLowerCase() : "";
  // Entra ID does not send email_verified; its optional claim xms_edov ("e-mail domain owner verified") says the same.
  const verified = source.email_verified === true || (source as { xms_edov?: unknown }).xms_edov === true;
  if (!email || !verified) throw new SsoSignInError("email_unverified");
  // Only a domain this organization verified: a provider speaks for the addresses of its own domains alone.
  if ((await verifiedOrgForEmail(email)) !== row.orgId) throw new SsoSignInError("domain");
  const name = typeof source.name === "string" && source.name.trim() ? source.name.trim().slice(0, 120) : null;
  return {
    connectionId: row.id,
    orgId: row.orgId,
    defaultRole: row.defaultRole,
    subject: claims.sub,
    email,
    name,
    returnTo: flow.r,
  };
}
