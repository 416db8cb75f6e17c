// The token in an invitation's links (the score links, the survey link, the unsubscribe link):
// "<invitation id>.<HMAC-SHA256 of the id, base64url, first 128 bits>" under a key derived from
// WEBHOOK_SECRET_KEY or else NEXTAUTH_SECRET (as sealed secrets: lib/webhooks/secret-box.ts). Nothing is stored:
// a copy of the database alone cannot make a link, and any message can be rendered again (reminders) with the
// same token. Changing that key invalidates the links of messages already sent (they then open nothing).
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

type Env = Partial<Record<string, string>>;

function key(env: Env): Buffer {
  const material = env.WEBHOOK_SECRET_KEY || env.NEXTAUTH_SECRET;
  if (!material) throw new Error("Set NEXTAUTH_SECRET (or WEBHOOK_SECRET_KEY) to sign invitation links.");
  return Buffer.from(hkdfSync("sha256", material, "resonance", "invitation links", 32));
}

const hmac = (label: string, id: string, env: Env) => createHmac("sha256", key(env)).update(`${label}.${id}`).digest();

/**
 * A 128-bit MAC (22 base64url characters) of `payload` under the link key, for what `label` names: every signed
 * link of the product is made with it (invitation links here, QR codes in lib/journeys/qr-link.ts), each under a
 * label of its own so one link's signature is never another's.
 */
export function linkMac(label: string, payload: string, env: Env = process.env): string {
  return hmac(label, payload, env).subarray(0, 16).toString("base64url");
}

/** Whether `given` is linkMac(label, payload), in constant time; false without a configured key. */
export function linkMacMatches(label: string, payload: string, given: string, env: Env = process.env): boolean {
  if (!(env.WEBHOOK_SECRET_KEY || env.NEXTAUTH_SECRET) || !/^[A-Za-z0-9_-]{22}$/.test(given)) return false;
  // Compared as text, not decoded: the last base64url character has spare bits, and a signature has one spelling.
  return timingSafeEqual(Buffer.from(given), Buffer.from(linkMac(label, payload, env)));
}

const mac = (id: string, env: Env) => linkMac("invitation", id, env);

export function invitationToken(invitationId: string, env: Env = process.env): string {
  return `${invitationId}.${mac(invitationId, env)}`;
}

/** The invitation id a token vouches for, or null (malformed or forged). */
export function invitationIdOf(token: string, env: Env = process.env): string | null {
  const m = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  key(env); // no key configured: as before, an error rather than "every link is invalid"
  return linkMacMatches("invitation", m[1], m[2], env) ? m[1] : null;
}

// One response per invitation (docs/distribution.md, "Signed links"): the /i/ redirect hands the hosted page a
// client id and a resume token, both derived from the invitation under the same key with labels of their own, so
// every click of the e-mail's links continues the one response of that invitation (a later score replaces the
// earlier one) instead of starting another. Neither can be made from the database alone, and neither is the link
// token: a client id seen in the responses (staff read them) does not lead back to a link or to the resume token.
const CLIENT_PREFIX = "inv.";

/** The response client id of an invitation: "inv.<invitation id>.<128-bit MAC>". */
export function invitationClientId(invitationId: string, env: Env = process.env): string {
  return `${CLIENT_PREFIX}${invitationId}.${linkMac("invitation client", invitationId, env)}`;
}

/** The invitation a response client id was derived from, or null (any other client id, or a forged one). */
export function invitationOfClientId(clientId: string, env: Env = process.env): string | null {
  if (!clientId.startsWith(CLIENT_PREFIX)) return null;
  const m = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{22})$/.exec(clientId.slice(CLIENT_PREFIX.length));
  return m && linkMacMatches("invitation client", m[1], m[2], env) ? m[1] : null;
}

/** The resume token of an invitation's response (43 characters, as a random one): what lets a click continue it. */
export function invitationResumeToken(invitationId: string, env: Env = process.env): string {
  return hmac("invitation resume", invitationId, env).toString("base64url");
}
