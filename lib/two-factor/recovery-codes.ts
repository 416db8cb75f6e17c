// One-time recovery codes: ten per enrolment, shown once, stored as sha256 only (RecoveryCode rows). A code
// is ten characters of Crockford's Base32 alphabet (no I, L, O, U: nothing to misread), 50 random bits,
// printed as two groups of five ("7kq2m-x9c4d"). Input ignores case, spaces and dashes.
import { randomInt } from "node:crypto";
import { db, type Prisma } from "../db";
import { sha256 } from "../auth/tokens";
import { normalizeCode } from "./totp";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LENGTH = 10;

type Tx = Prisma.TransactionClient | typeof db;

export function newRecoveryCode(): string {
  let out = "";
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/** The canonical form (lower case, no separators), or null for input that cannot be a recovery code. */
export function canonicalRecoveryCode(input: string): string | null {
  const code = normalizeCode(input);
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export function hashRecoveryCode(canonical: string): string {
  return sha256(`recovery-code:${canonical}`);
}

/** Replaces the user's codes with a new set; returns the plain codes (the only time they exist). */
export async function replaceRecoveryCodes(userId: string, tx: Tx = db): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(canonicalRecoveryCode(c)!) })),
  });
  return codes;
}

/**
 * Uses up one code: a single conditional update (usedAt null → now), so two requests racing with the
 * same code cannot both succeed. True when this call claimed it.
 */
export async function claimRecoveryCode(userId: string, input: string, now = new Date()): Promise<boolean> {
  const canonical = canonicalRecoveryCode(input);
  if (!canonical) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(canonical), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

export async function unusedRecoveryCodeCount(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
