// Password hashing: argon2id (RFC 9106) through @node-rs/argon2, whose prebuilt native binary runs the hash
// on libuv's thread pool, so a sign-in never blocks the event loop. Parameters are OWASP's first argon2id
// line (19 MiB, 2 passes, 1 lane); bench/password-hash.ts measures them against bcrypt cost 10 and
// docs/identity/passwords-and-throttling.md records the figures.
//
// argon2 takes the whole password (no 72-byte cut as in bcrypt), so two passwords that share a prefix are
// two passwords. Hashes written before the switch (bcrypt, `$2a$`/`$2b$`) still verify, and needsRehash()
// tells the sign-in to replace them with argon2id once the right password is known (lib/users/service.ts).
import { hash, verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

// @node-rs/argon2's Algorithm is a `const enum` that isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2;
export const ARGON2_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** The PHC prefix every current hash starts with; anything else is upgraded on the next sign-in. */
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

function isBcrypt(stored: string): boolean {
  return /^\$2[aby]\$/.test(stored);
}

/** Whether `password` matches `stored` (argon2id, or a bcrypt hash from before the switch). Never throws for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  try {
    if (isBcrypt(stored)) return await bcrypt.compare(password, stored);
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** The hash was made by another algorithm or other parameters: rehash it while the password is at hand. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

// Verified against when the e-mail is unknown (or has no password), so a wrong e-mail costs as long as a
// wrong password: the same algorithm and parameters as every current hash.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword("resonance-timing-equaliser"));
}
