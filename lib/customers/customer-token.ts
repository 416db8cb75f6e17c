// Customer tokens: the only way a respondent may speak for a customer (docs/security/signed-customer-token.md).
// A token is "<expiry>.<signature>": expiry in Unix seconds, signature the base64url (no padding) HMAC-SHA256
// of "<survey publicId>.<customer external id>.<expiry>" keyed with the organization's secret (its UTF-8
// bytes, "rct_" prefix included). The publicId and the expiry contain no ".", so the message cannot be read
// two ways whatever the external id holds. Pure functions: the secrets come from token-secrets.ts.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SECRET_PREFIX = "rct_";
const TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export type TokenCheck = "valid" | "invalid" | "expired";

export function newCustomerTokenSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

function signature(secret: string, publicId: string, externalId: string, expiry: number): Buffer {
  return createHmac("sha256", secret).update(`${publicId}.${externalId}.${expiry}`, "utf8").digest();
}

/** A token for this survey and customer that expires at `expiresAt` (rounded down to the second). */
export function signCustomerToken(
  secret: string,
  claim: { publicId: string; externalId: string; expiresAt: Date },
): string {
  const expiry = Math.floor(claim.expiresAt.getTime() / 1000);
  return `${expiry}.${signature(secret, claim.publicId, claim.externalId, expiry).toString("base64url")}`;
}

/**
 * Whether `token` was made with one of `secrets` for exactly this survey and customer and has not expired.
 * Every secret is tried with a constant-time comparison (a rotated secret stays valid for its grace period).
 */
export function checkCustomerToken(
  secrets: string[],
  claim: { publicId: string; externalId: string; token: string },
  now = new Date(),
): TokenCheck {
  const m = TOKEN.exec(claim.token);
  if (!m) return "invalid";
  const expiry = Number(m[1]);
  const given = Buffer.from(m[2], "base64url");
  const signed = secrets.some((secret) =>
    timingSafeEqual(given, signature(secret, claim.publicId, claim.externalId, expiry)),
  );
  if (!signed) return "invalid";
  return expiry * 1000 > now.getTime() ? "valid" : "expired";
}
