// "SSO required": a member of an organization whose enabled connection requires single sign-on cannot open
// Resonance with a password. The one check every password path calls (sign-in in lib/auth/options.ts; a
// password reset or first sign-in after one must call it too before it starts a session).
import { db } from "../db";

export const SSO_REQUIRED_MESSAGE = "Your organization requires single sign-on: use “Sign in with single sign-on” with your work e-mail.";

/** False when any organization the user is an active member of requires single sign-on. */
export async function passwordSignInAllowed(userId: string): Promise<boolean> {
  const requiring = await db.membership.count({
    where: { userId, suspendedAt: null, org: { ssoConnection: { is: { enabled: true, ssoRequired: true } } } },
  });
  return requiring === 0;
}
