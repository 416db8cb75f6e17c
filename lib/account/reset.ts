// Forgot password: an e-mailed, single-use link that lasts one hour; only the token's sha256 is stored.
// Asking for a link answers the same whether or not the address has an account, and the work that differs
// (looking the account up, writing the token, talking to the SMTP server) runs after the answer has been sent
// (the server action hands it to next/server's after()). Using the link sets the new password, proves the
// address, and ends every session of the account. It does not go through the sign-in throttle, so the
// owner of the mailbox always has a way in, however often someone else has tried to guess the password.
import { createHash } from "node:crypto";
import { db } from "../db";
import { revokeUserSessions } from "../auth/sessions";
import { consume } from "../rate-limit/service";
import { AppError } from "../errors";
import { publicBaseUrl, sendMail, serverMailer, type Mailer } from "../mail/transport";
import { normalizeEmail } from "../users/service";
import { auditAccountEvent } from "./audit";
import { passwordResetEmail } from "./emails";
import { localeOr } from "./recipient-locale";
import { hashNewPassword } from "../auth/password-policy";
import { findOpenAuthToken, issueAuthToken, RESET_KINDS, retireAuthTokens, useAuthToken } from "./tokens";

/** Links e-mailed per address and hour; more requests are accepted and silently not sent. */
export const RESET_MAILS_PER_HOUR = 3;

export const LINK_NOT_VALID =
  "This link does not work any more: it was already used, it expired (links last one hour), or the address changed since. Ask for a new one.";

/**
 * E-mails a reset link if the address has an account (and its hourly allowance is not used up). Returns
 * nothing either way. Call it outside the request's critical path.
 */
export async function requestPasswordReset(
  rawEmail: string,
  opts: { mailer?: Mailer | null; now?: Date } = {},
): Promise<void> {
  const mailer = opts.mailer === undefined ? serverMailer() : opts.mailer;
  if (!mailer) return;
  const email = normalizeEmail(rawEmail);
  const now = opts.now ?? new Date();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, locale: true } });
  if (!user) return;
  const key = `password-reset:address:${createHash("sha256").update(email).digest("hex").slice(0, 32)}`;
  const { allowed } = await consume(key, { limit: RESET_MAILS_PER_HOUR, windowMs: 60 * 60_000 }, { now });
  if (!allowed) return;
  const { token } = await issueAuthToken("password_reset", user.id, user.email, { now });
  await sendMail(
    { to: user.email, ...passwordResetEmail(`${publicBaseUrl()}/reset-password/${token}`, localeOr(user.locale)) },
    mailer,
  );
  await auditAccountEvent(user.id, "user.password_reset_requested");
}

/** The open link's account address (for the page's "for …" line), or null. Uses nothing up. */
export async function findPasswordReset(token: string, now = new Date()): Promise<{ email: string } | null> {
  const row = await findOpenAuthToken(RESET_KINDS, token, now);
  if (!row) return null;
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { email: true } });
  return user && user.email === row.email ? { email: row.email } : null;
}

/**
 * Sets the new password through the link, once. Every session of the account ends. An e-mailed link proves the
 * address; a link an admin passed on by hand (password_reset_by_admin, lib/members/password-reset.ts) does not.
 */
export async function resetPassword(
  token: string,
  password: string,
  now = new Date(),
): Promise<{ userId: string; email: string; name: string; twoFactor: boolean; sessionsEnded: number }> {
  const open = await findOpenAuthToken(RESET_KINDS, token, now);
  const owner = open
    ? await db.user.findUnique({ where: { id: open.userId }, select: { email: true, name: true } })
    : null;
  if (!open || !owner) throw new AppError(404, "Link not valid", LINK_NOT_VALID);
  const passwordHash = await hashNewPassword(password, { email: owner.email, name: owner.name });
  return db.$transaction(async (tx) => {
    const row = await useAuthToken(tx, RESET_KINDS, token, now);
    if (!row) throw new AppError(404, "Link not valid", LINK_NOT_VALID);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: row.userId },
      select: { id: true, email: true, name: true, totpEnabledAt: true },
    });
    if (user.email !== row.email) throw new AppError(404, "Link not valid", LINK_NOT_VALID);
    const proves = row.kind === "password_reset";
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now, ...(proves ? { emailVerifiedAt: now } : {}) },
    });
    const sessionsEnded = await revokeUserSessions(user.id, "password_reset", {}, tx);
    await retireAuthTokens(tx, user.id, RESET_KINDS, now);
    await auditAccountEvent(user.id, "user.password_reset", { sessionsEnded, link: proves ? "email" : "admin" }, tx);
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      twoFactor: user.totpEnabledAt !== null,
      sessionsEnded,
    };
  });
}
