// The length rules of the password policy (lib/auth/password-policy.ts), apart so that forms in the browser
// can use them without loading the strength dictionaries or the hashing library.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 has no length cut-off; the ceiling only bounds the work one request can ask for. */
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters and hard to guess: a few unrelated words work well.`;

export const passwordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);
