// The one check every new password passes (change, reset, invite sign-up). The password policy (length,
// strength, common passwords, the 72-byte bcrypt limit) is being written in lib/auth/password-policy.ts; until
// it lands this holds the minimum, and switching is this one function.
import { ValidationError } from "../http/errors";

const MIN_LENGTH = 10;
const MAX_BYTES = 72; // bcrypt ignores what follows: refuse rather than truncate silently

/** Why `password` is not acceptable (inputs: the user's e-mail, name, …), or null when it is. */
export function checkNewPassword(password: string, inputs: readonly string[] = []): string | null {
  if (password.length < MIN_LENGTH) return `Use at least ${MIN_LENGTH} characters.`;
  if (Buffer.byteLength(password, "utf8") > MAX_BYTES) return `Use at most ${MAX_BYTES} bytes (about ${MAX_BYTES} letters without accents).`;
  const lower = password.toLowerCase();
  for (const input of inputs) {
    const words = [input, ...input.split(/[@\s._-]+/)].map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 4);
    if (words.some((w) => lower === w || (w.length >= 6 && lower.includes(w)))) return "Do not use your name or e-mail address in your password.";
  }
  return null;
}

/** Throws a 400 naming `field` when the password is not acceptable. */
export function assertNewPassword(password: string, inputs: readonly string[], field = "password"): void {
  const reason = checkNewPassword(password, inputs);
  if (reason) throw new ValidationError([{ name: field, reason }]);
}
