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

const mac = (id: string, env: Env) =>
  createHmac("sha256", key(env)).update(`invitation.${id}`).digest().subarray(0, 16).toString("base64url");

export function invitationToken(invitationId: string, env: Env = process.env): string {
  return `${invitationId}.${mac(invitationId, env)}`;
}

/** The invitation id a token vouches for, or null (malformed or forged). */
export function invitationIdOf(token: string, env: Env = process.env): string | null {
  const m = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(mac(m[1], env), "base64url");
  const given = Buffer.from(m[2], "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? m[1] : null;
}
