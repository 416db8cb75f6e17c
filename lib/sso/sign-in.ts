// After a verified single sign-on answer: the user (resolveSsoUser), a UserSession row, and next-auth's
// session cookie — the same JWT the credentials sign-in issues ({sub, sid, name, email}, encrypted with
// NEXTAUTH_SECRET, idle expiry SESSION_IDLE_SECONDS), so every later request goes through the same checks.
import { encode } from "next-auth/jwt";
import { sessionCookieName } from "../auth/options";
import { SESSION_IDLE_SECONDS, startSession } from "../auth/sessions";
import { finishSsoSignIn } from "./flow";
import { resolveSsoUser } from "./link";

export type CookieToSet = { name: string; value: string; options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; maxAge: number } };

export async function completeSsoSignIn(
  callback: URL,
  flowCookie: string | undefined,
  opts: { secure: boolean; userAgent: string | null },
): Promise<{ returnTo: string; cookie: CookieToSet }> {
  const verified = await finishSsoSignIn(callback, flowCookie);
  const user = await resolveSsoUser(verified);
  const session = await startSession(user.id, { method: "sso", mfa: false, userAgent: opts.userAgent });
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const value = await encode({ token: { sub: user.id, sid: session.id, name: user.name, email: user.email }, secret, maxAge: SESSION_IDLE_SECONDS });
  return {
    returnTo: verified.returnTo,
    cookie: { name: sessionCookieName(opts.secure), value, options: { httpOnly: true, sameSite: "lax", secure: opts.secure, path: "/", maxAge: SESSION_IDLE_SECONDS } },
  };
}
