// The resume token of a public response: a random secret that only the first submitter of a clientId
// receives (in the 201), stored as its sha256 only. A later submit with the same clientId — the rest of a
// partial response, or completing it — must present it; without it, a clientId (which an integrator may
// have chosen guessably) gives no way to read or rewrite someone else's answers. docs/security/public-responses.md.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { invitationOfClientId, invitationResumeToken } from "../campaigns/link-token";

/** 32 random bytes, base64url (43 characters). */
export function newResumeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashResumeToken(token) };
}

/**
 * The resume token of a new response with this clientId: random, except for the client id of an invitation
 * (invitationClientId in lib/campaigns/link-token.ts), whose token is derived from the invitation — the one the
 * /i/ redirect hands the hosted page — so that every click of that invitation's links continues this response.
 * A client id that only looks like one (a forged MAC) gets a random token like any other.
 */
export function resumeTokenForNew(clientId: string): { token: string; hash: string } {
  const invitationId = invitationOfClientId(clientId);
  if (!invitationId) return newResumeToken();
  const token = invitationResumeToken(invitationId);
  return { token, hash: hashResumeToken(token) };
}

export function hashResumeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether `token` is the one whose hash was stored; false when either is missing. Constant time. */
export function resumeTokenMatches(storedHash: string | null, token: string | undefined): boolean {
  if (!storedHash || !token) return false;
  const a = Buffer.from(hashResumeToken(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
