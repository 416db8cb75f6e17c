// Server-side session records behind the stateless session JWT. The JWT (next-auth, signed with
// NEXTAUTH_SECRET) names the user (`sub`) and one UserSession row (`sid`); every page, API call and server
// action passes through checkSession() (called from next-auth's jwt callback in options.ts), which refuses a
// revoked row, a row past its absolute end, and a suspended or removed user. Any number of web instances
// share these rows through the database, so the web tier stays stateless.
//
// Two lifetimes: an idle expiry (the JWT's maxAge, SESSION_IDLE_SECONDS, renewed while the browser is used)
// and an absolute end fixed at sign-in (RESONANCE_SESSION_MAX_DAYS, default 7) that no activity extends.
import { db, type Prisma } from "../db";

export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
const TOUCH_EVERY_MS = 5 * 60_000;

export type SessionMethod = "password" | "sso" | "setup" | "reset";
export type RevokeReason =
  | "sign_out"
  | "sign_out_everywhere"
  | "password_changed"
  | "password_reset"
  | "member_removed"
  | "admin_revoked"
  | "deprovisioned"
  | "two_factor_changed"
  | "sso_required";

type Tx = Prisma.TransactionClient | typeof db;

export function sessionMaxDays(env: Partial<Record<string, string>> = process.env): number {
  const days = Number(env.RESONANCE_SESSION_MAX_DAYS ?? 7);
  return Number.isFinite(days) && days > 0 ? Math.min(days, 365) : 7;
}

/** Records a new signed-in browser; its id goes into the JWT as `sid`. */
export async function startSession(
  userId: string,
  opts: { method: SessionMethod; mfa: boolean; userAgent?: string | null; now?: Date },
  tx: Tx = db,
): Promise<{ id: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  const expiresAt = new Date(now.getTime() + sessionMaxDays() * 86_400_000);
  const row = await tx.userSession.create({
    data: {
      userId,
      method: opts.method,
      mfa: opts.mfa,
      userAgent: opts.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    },
    select: { id: true, expiresAt: true },
  });
  return row;
}

export type LiveSession = { id: string; userId: string; mfa: boolean; method: string; createdAt: Date };

/**
 * The session named by a JWT if it still holds: not revoked, before its absolute end, for the user the JWT
 * names. Marks it seen (at most every few minutes, so a busy user does not write on every request).
 */
export async function checkSession(sid: unknown, userId: unknown, now = new Date()): Promise<LiveSession | null> {
  if (typeof sid !== "string" || typeof userId !== "string" || !sid || !userId) return null;
  const row = await db.userSession.findUnique({
    where: { id: sid },
    select: {
      id: true,
      userId: true,
      mfa: true,
      method: true,
      createdAt: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
    },
  });
  if (!row || row.userId !== userId || row.revokedAt || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { id: row.id, userId: row.userId, mfa: row.mfa, method: row.method, createdAt: row.createdAt };
}

/** Ends one session (sign-out). Idempotent. */
export async function revokeSession(sid: string, reason: RevokeReason, tx: Tx = db): Promise<void> {
  await tx.userSession.updateMany({
    where: { id: sid, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
}

/** Ends every session of a user (optionally all but the one making the change). Returns how many ended. */
export async function revokeUserSessions(
  userId: string,
  reason: RevokeReason,
  opts: { except?: string | null } = {},
  tx: Tx = db,
): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(opts.except ? { NOT: { id: opts.except } } : {}) },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}

/** Marks a session as having passed the second factor (after enrolment or a code). */
export async function markSessionMfa(sid: string, tx: Tx = db): Promise<void> {
  await tx.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { mfa: true } });
}

/** The user's sessions that still hold, newest first, for "where you are signed in". */
export async function listUserSessions(userId: string, now = new Date()) {
  return db.userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, method: true, mfa: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    take: 50,
  });
}

/** Deletes session rows that ended more than 30 days ago (called by the retention scheduler's tick). */
export async function pruneSessions(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - 30 * 86_400_000);
  const { count } = await db.userSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
  });
  return count;
}
