// Users exist across organizations; what they may see comes from their memberships.
import { db } from "../db";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "../auth/password";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function verifyCredentials(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user?.passwordHash || !ok) return null;
  // A bcrypt hash from before argon2id (or older parameters) becomes current while the password is at hand.
  // Only where it is still the hash just verified: a password changed meanwhile is not overwritten.
  if (needsRehash(user.passwordHash)) {
    await db.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash: await hashPassword(password) },
    });
  }
  return { id: user.id, email: user.email, name: user.name };
}

export async function getUserProfile(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
}

/** The user's saved language ("en" | "de"), or null to follow the browser (lib/i18n/request-locale.ts). */
export async function getUserLocale(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return user?.locale ?? null;
}
