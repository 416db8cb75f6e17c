// "SSO required": a member of an organization whose enabled connection requires single sign-on cannot open
// Resonance with a password. The one check every password path calls (sign-in in lib/auth/options.ts; a
// password reset or first sign-in after one must call it too before it starts a session).
import { db } from "../db";
import { ForbiddenError } from "../errors";

export const SSO_REQUIRED_MESSAGE =
  "Your organization requires single sign-on: use “Sign in with single sign-on” with your work e-mail.";

/** False when any organization the user is an active member of requires single sign-on. */
export async function passwordSignInAllowed(userId: string): Promise<boolean> {
  const requiring = await db.membership.count({
    where: { userId, suspendedAt: null, org: { ssoConnection: { is: { enabled: true, ssoRequired: true } } } },
  });
  return requiring === 0;
}

/** The organization requires single sign-on and this session did not come through its connection. */
export class SsoRequiredError extends ForbiddenError {
  constructor(readonly orgId: string) {
    super("This organization requires single sign-on: sign in again with “Sign in with single sign-on”.");
  }
}

/**
 * Opening an organization that requires single sign-on needs a session that came through its own connection
 * (an SSO session of another organization's provider, or a password session from before an invite, is not
 * enough). Checked where ctx is built (lib/auth/ctx.ts), on every request.
 */
export async function sessionSatisfiesSso(
  userId: string,
  sid: string | null | undefined,
  connectionId: string,
): Promise<boolean> {
  if (!sid) return false;
  const [session, identity] = await Promise.all([
    db.userSession.findFirst({
      where: { id: sid, userId, method: "sso", revokedAt: null },
      select: { createdAt: true },
    }),
    db.userIdentity.findFirst({ where: { userId, connectionId }, select: { lastLoginAt: true } }),
  ]);
  return Boolean(session && identity);
}
