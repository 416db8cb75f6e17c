// Secrets shown once (API keys, invite links): random, URL-safe; only their sha256 is stored.
import { createHash, randomBytes } from "node:crypto";

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
