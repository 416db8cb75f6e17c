// Endpoint secrets at rest: AES-256-GCM under a key derived from WEBHOOK_SECRET_KEY, or else NEXTAUTH_SECRET
// (which every instance of a deployment already shares). A copy of the database alone does not reveal them.
// Changing that key makes stored secrets unreadable: deliveries then fail with a message saying to rotate
// the endpoint's secret (docs/webhooks.md).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

function key(env: Partial<Record<string, string>>): Buffer {
  const material = env.WEBHOOK_SECRET_KEY || env.NEXTAUTH_SECRET;
  if (!material) throw new Error("Set NEXTAUTH_SECRET (or WEBHOOK_SECRET_KEY) to store webhook secrets.");
  return Buffer.from(hkdfSync("sha256", material, "resonance", "webhook endpoint secrets", 32));
}

export function sealSecret(plain: string, env: Partial<Record<string, string>> = process.env): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(env), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

export class SecretUnreadableError extends Error {
  constructor() {
    super(
      "The endpoint secret cannot be decrypted with this server's key (was NEXTAUTH_SECRET changed?); rotate the secret.",
    );
  }
}

export function openSecret(sealed: string, env: Partial<Record<string, string>> = process.env): string {
  const [version, iv, tag, data] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || !data) throw new SecretUnreadableError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(env), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError();
  }
}
