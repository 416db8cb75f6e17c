// The signed-in user's own account: name, e-mail address (changed only through a link sent to the new
// address), password (needs the current one; ends every other session) and the list of signed-in browsers.
// Each change is audited in every organization the user belongs to (./audit.ts).
import { db } from "../db";
import { verifyPassword } from "../auth/password";
import { listUserSessions, revokeSession, revokeUserSessions } from "../auth/sessions";
import { enforce } from "../rate-limit/service";
import { AppError, ConflictError, NotFoundError, ValidationError } from "../errors";
import { publicBaseUrl, sendMail, serverMailer, type Mailer } from "../mail/transport";
import { normalizeEmail } from "../users/service";
import { auditAccountEvent } from "./audit";
import { emailChangedNotice, emailChangeEmail, passwordChangedNotice } from "./emails";
import { localeOr } from "./recipient-locale";
import { hashNewPassword } from "../auth/password-policy";
import { issueAuthToken, RESET_KINDS, retireAuthTokens, useAuthToken } from "./tokens";
import type { AppLocale } from "../i18n/config";

/** Who is acting: the user and the session (browser) they act from. */
export type Me = { userId: string; sid: string };
type MailOpt = { mailer?: Mailer | null };

const GUESS_LIMIT = { limit: 10, windowMs: 15 * 60_000 };

/** A notice the user should get, but whose failure must not undo the change it reports. */
async function notify(
  to: string,
  email: { subject: string; text: string; html: string },
  mailer: Mailer | null,
): Promise<void> {
  if (!mailer) return;
  try {
    await sendMail({ to, ...email }, mailer);
  } catch (error) {
    console.error(`[account] notice "${email.subject}" not sent:`, error instanceof Error ? error.message : error);
  }
}

async function userWithPassword(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, passwordHash: true, locale: true },
  });
  if (!user) throw new NotFoundError("User");
  return user;
}

/** Checks the current password (at most 10 tries per 15 minutes per user): guards changes a stolen session must not make. */
async function assertCurrentPassword(
  user: { id: string; passwordHash: string | null },
  password: string,
): Promise<void> {
  if (!user.passwordHash)
    throw new ConflictError("Your account signs in through single sign-on and has no password here.");
  await enforce([{ key: `account:current-password:${user.id}`, ...GUESS_LIMIT }]);
  if (!(await verifyPassword(password, user.passwordHash)))
    throw new ValidationError([{ name: "currentPassword", reason: "This is not your current password." }]);
}

export async function getAccount(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      emailVerifiedAt: true,
      passwordChangedAt: true,
      totpEnabledAt: true,
      passwordHash: true,
      locale: true,
    },
  });
  if (!user) throw new NotFoundError("User");
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
}

export async function updateProfile(me: Me, input: { name: string }) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.userId }, data: { name: input.name } });
    await auditAccountEvent(me.userId, "user.profile_updated", { name: input.name }, tx);
  });
}

/** The language of the user's pages and e-mails; null follows the browser (docs/i18n.md). Not audited: no access changes. */
export async function setMyLocale(me: Me, locale: AppLocale | null): Promise<void> {
  await db.user.update({ where: { id: me.userId }, data: { locale } });
}

/** Changes the password; every other session of the user ends, the current one stays. */
export async function changePassword(
  me: Me,
  input: { currentPassword: string; newPassword: string },
  opts: MailOpt = {},
): Promise<{ sessionsEnded: number }> {
  const user = await userWithPassword(me.userId);
  await assertCurrentPassword(user, input.currentPassword);
  if (input.newPassword === input.currentPassword)
    throw new ValidationError([{ name: "newPassword", reason: "Choose a password different from the current one." }]);
  const passwordHash = await hashNewPassword(input.newPassword, { email: user.email, name: user.name }, "newPassword");
  const sessionsEnded = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const ended = await revokeUserSessions(user.id, "password_changed", { except: me.sid }, tx);
    await retireAuthTokens(tx, user.id, RESET_KINDS);
    await auditAccountEvent(user.id, "user.password_changed", { sessionsEnded: ended }, tx);
    return ended;
  });
  await notify(
    user.email,
    passwordChangedNotice(localeOr(user.locale)),
    opts.mailer === undefined ? serverMailer() : opts.mailer,
  );
  return { sessionsEnded };
}

/**
 * Sends a confirmation link to the new address; nothing changes until it is opened. The answer is the same
 * whether or not another account uses that address (that is checked only when the link is opened, by
 * someone who has proven they read that mailbox).
 */
export async function requestEmailChange(
  me: Me,
  input: { email: string; currentPassword: string },
  opts: MailOpt = {},
): Promise<{ sentTo: string }> {
  const mailer = opts.mailer === undefined ? serverMailer() : opts.mailer;
  if (!mailer)
    throw new AppError(
      503,
      "E-mail not configured",
      "E-mail is not set up on this server, so a new address cannot be confirmed. Ask an administrator.",
    );
  const user = await userWithPassword(me.userId);
  await assertCurrentPassword(user, input.currentPassword);
  const email = normalizeEmail(input.email);
  if (email === normalizeEmail(user.email))
    throw new ValidationError([{ name: "email", reason: "This is already your e-mail address." }]);
  await enforce([{ key: `account:email-change:${user.id}`, limit: 5, windowMs: 60 * 60_000 }]);
  const { token } = await issueAuthToken("email_change", user.id, email);
  await sendMail(
    { to: email, ...emailChangeEmail(`${publicBaseUrl()}/account/confirm-email/${token}`, localeOr(user.locale)) },
    mailer,
  );
  await auditAccountEvent(user.id, "user.email_change_requested", { to: email });
  return { sentTo: email };
}

/** Opening the link: the address changes and counts as proven; the old address is told. */
export async function confirmEmailChange(token: string, opts: MailOpt = {}): Promise<{ email: string }> {
  const now = new Date();
  const { from, to, locale } = await db.$transaction(async (tx) => {
    const row = await useAuthToken(tx, "email_change", token, now);
    if (!row)
      throw new AppError(
        404,
        "Link not valid",
        "This link does not work any more: it was used, it expired (links last 24 hours), or it was replaced. Ask for a new one on your account page.",
      );
    const user = await tx.user.findUniqueOrThrow({
      where: { id: row.userId },
      select: { id: true, email: true, locale: true },
    });
    const other = await tx.user.findUnique({ where: { email: row.email }, select: { id: true } });
    if (other && other.id !== user.id)
      throw new ConflictError("Another account already uses this address, so it cannot be moved to yours.");
    await tx.user.update({ where: { id: user.id }, data: { email: row.email, emailVerifiedAt: now } });
    // Links sent to the old address (resets) or for other new addresses stop working.
    await retireAuthTokens(tx, user.id, ["email_change", ...RESET_KINDS], now);
    await auditAccountEvent(user.id, "user.email_changed", { from: user.email, to: row.email }, tx);
    return { from: user.email, to: row.email, locale: localeOr(user.locale) };
  });
  await notify(from, emailChangedNotice(to, locale), opts.mailer === undefined ? serverMailer() : opts.mailer);
  return { email: to };
}

export async function listMySessions(me: Me) {
  const rows = await listUserSessions(me.userId);
  return rows.map((s) => ({ ...s, current: s.id === me.sid }));
}

/** Signs out one of the user's browsers. Another user's session id is a 404. */
export async function endMySession(me: Me, sessionId: string): Promise<void> {
  const row = await db.userSession.findFirst({
    where: { id: sessionId, userId: me.userId, revokedAt: null },
    select: { id: true },
  });
  if (!row) throw new NotFoundError("Session");
  await revokeSession(row.id, "sign_out");
  await auditAccountEvent(me.userId, "user.session_ended", { sessionId: row.id, current: row.id === me.sid });
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(me: Me): Promise<{ sessionsEnded: number }> {
  const sessionsEnded = await revokeUserSessions(me.userId, "sign_out_everywhere");
  await auditAccountEvent(me.userId, "user.signed_out_everywhere", { sessionsEnded });
  return { sessionsEnded };
}
