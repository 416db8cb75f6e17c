// An admin helps a member who forgot their password. With SMTP configured the member gets an e-mailed reset
// link (the admin never sees it, and using it proves the address, as with "Forgot password"). Without SMTP the
// admin gets a one-hour, single-use link to pass on; using it sets a password but proves no address
// (password_reset_by_admin, lib/account/tokens.ts). Either way the member's sessions end when the link is used,
// and two-factor authentication still applies at the next sign-in (docs/identity/account-lifecycle.md).
// Only for an account that opens this organization alone: an admin of one organization must never be able to
// take over an account that also opens other organizations' data (anyone signed in can create an
// organization and be its admin). Not for the admin's own account (the account page changes it), nor where
// single sign-on is required (a password opens nothing there).
import { db } from "../db";
import { sha256 } from "../auth/tokens";
import type { Ctx } from "../auth/ctx";
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { recordAudit } from "../audit/service";
import { enforce } from "../rate-limit/service";
import { publicBaseUrl, sendMail, serverMailer, type Mailer } from "../mail/transport";
import { memberPasswordResetEmail } from "../account/emails";
import { localeOr } from "../account/recipient-locale";
import { issueAuthToken, TOKEN_TTL_MS } from "../account/tokens";

/** Links an organization's admins may make per hour. */
const LINKS_PER_HOUR = 20;

export type MemberPasswordReset =
  { sent: true; email: string } | { sent: false; email: string; path: string; expiresAt: Date };

export async function issueMemberPasswordReset(
  ctx: Ctx,
  membershipId: string,
  opts: { mailer?: Mailer | null; now?: Date } = {},
): Promise<MemberPasswordReset> {
  if (ctx.role !== "admin") throw new ForbiddenError("Only admins can reset a member's password.");
  const mailer = opts.mailer === undefined ? serverMailer() : opts.mailer;
  const now = opts.now ?? new Date();
  const m = await db.membership.findFirst({
    where: { id: membershipId, orgId: ctx.orgId },
    select: {
      id: true,
      suspendedAt: true,
      user: { select: { id: true, email: true, locale: true, memberships: { select: { orgId: true } } } },
      org: { select: { name: true, ssoConnection: { select: { enabled: true, ssoRequired: true } } } },
    },
  });
  if (!m) throw new NotFoundError("Member");
  if (m.user.id === ctx.userId)
    throw new ValidationError([{ name: "member", reason: "Change your own password on your account page." }]);
  if (m.suspendedAt) throw new ConflictError("This member is suspended by the identity provider; nothing to reset.");
  if (m.org.ssoConnection?.enabled && m.org.ssoConnection.ssoRequired)
    throw new ConflictError(
      "This organization requires single sign-on: a password would not let the member in. They sign in through your identity provider.",
    );
  if (m.user.memberships.some((x) => x.orgId !== ctx.orgId)) {
    throw new ConflictError(
      "This person's account also opens other organizations, so only they can reset its password: ask them to use “Forgot password” on the sign-in page.",
    );
  }
  await enforce([{ key: `member-password-reset:${ctx.orgId}`, limit: LINKS_PER_HOUR, windowMs: 60 * 60_000 }], { now });
  const kind = mailer ? "password_reset" : "password_reset_by_admin";
  const { token, expiresAt } = await issueAuthToken(kind, m.user.id, m.user.email, { now });
  const link = `/reset-password/${token}`;
  if (mailer) {
    const admin = await db.user.findUnique({ where: { id: ctx.userId ?? "" }, select: { name: true } });
    try {
      await sendMail(
        {
          to: m.user.email,
          ...memberPasswordResetEmail(
            {
              orgName: m.org.name,
              adminName: admin?.name ?? null,
              link: `${publicBaseUrl()}${link}`,
            },
            localeOr(m.user.locale),
          ),
        },
        mailer,
      );
    } catch (error) {
      console.error(
        `[members] reset e-mail for member ${m.id} failed:`,
        error instanceof Error ? error.message : error,
      );
      await db.authToken.updateMany({ where: { tokenHash: sha256(token) }, data: { usedAt: now } });
      throw new AppError(
        502,
        "E-mail not sent",
        "The e-mail could not be sent (the mail server refused it or did not answer), so the link was withdrawn. Try again later.",
      );
    }
  }
  await recordAudit(ctx, {
    action: "member.password_reset_link",
    entityType: "Membership",
    entityId: m.id,
    data: { userId: m.user.id, delivered: mailer ? "email" : "copied", minutes: TOKEN_TTL_MS[kind] / 60_000 },
  });
  return mailer ? { sent: true, email: m.user.email } : { sent: false, email: m.user.email, path: link, expiresAt };
}
