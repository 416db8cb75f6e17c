// Single-use links for the account (AuthToken): a password reset or an e-mail change. The link carries a
// random token; only its sha256 is stored, so a database reader cannot use a pending link. A token is used
// at most once: the UPDATE … WHERE usedAt IS NULL AND expiresAt > now that marks it is the only way to use
// it, so two concurrent uses cannot both succeed.
import { db, type Prisma } from "../db";
import { randomToken, sha256 } from "../auth/tokens";

// password_reset_by_admin: a reset link an admin made for a member and passes on by hand (no SMTP): using it
// sets a password but proves no address, since the admin, not the mailbox owner, held the link.
export type AuthTokenKind = "password_reset" | "password_reset_by_admin" | "email_change";
/** Both kinds of reset link: either opens the reset page, and a new password retires both. */
export const RESET_KINDS: AuthTokenKind[] = ["password_reset", "password_reset_by_admin"];
type Tx = Prisma.TransactionClient | typeof db;

export const TOKEN_TTL_MS: Record<AuthTokenKind, number> = {
  password_reset: 60 * 60_000,
  password_reset_by_admin: 60 * 60_000,
  email_change: 24 * 60 * 60_000,
};

/** Creates a token; older tokens of the user keep their own expiry (a new request never extends them). */
export async function issueAuthToken(
  kind: AuthTokenKind,
  userId: string,
  email: string,
  opts: { now?: Date; tx?: Tx } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[kind]);
  await (opts.tx ?? db).authToken.create({
    data: { kind, userId, email, tokenHash: sha256(token), expiresAt, createdAt: now },
  });
  return { token, expiresAt };
}

function looksLikeToken(token: string): boolean {
  return token.length >= 20 && token.length <= 100 && /^[A-Za-z0-9_-]+$/.test(token);
}

/** The open token's row (not used, not expired) without using it: for the page that shows the form. */
export async function findOpenAuthToken(kind: AuthTokenKind | AuthTokenKind[], token: string, now = new Date()) {
  if (!looksLikeToken(token)) return null;
  const kinds = [kind].flat();
  const row = await db.authToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, kind: true, userId: true, email: true, expiresAt: true, usedAt: true },
  });
  return row && kinds.includes(row.kind as AuthTokenKind) && !row.usedAt && row.expiresAt > now ? row : null;
}

/** Marks the token used, atomically; its row when this call used it, else null (unknown, used, expired). */
export async function useAuthToken(tx: Tx, kind: AuthTokenKind | AuthTokenKind[], token: string, now = new Date()) {
  if (!looksLikeToken(token)) return null;
  const tokenHash = sha256(token);
  const { count } = await tx.authToken.updateMany({
    where: { tokenHash, kind: { in: [kind].flat() }, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  return tx.authToken.findUniqueOrThrow({
    where: { tokenHash },
    select: { id: true, kind: true, userId: true, email: true },
  });
}

/** Ends the user's other open links of a kind (after a password change, reset or e-mail change). */
export async function retireAuthTokens(
  tx: Tx,
  userId: string,
  kinds: AuthTokenKind[],
  now = new Date(),
): Promise<void> {
  await tx.authToken.updateMany({ where: { userId, kind: { in: kinds }, usedAt: null }, data: { usedAt: now } });
}
