// Signs the owner in right after a password reset: a new UserSession (method "reset") and a session cookie
// that next-auth reads like its own (the same encrypted JWT, secret and cookie name as lib/auth/options.ts).
// This is why a reset always gets the owner in, even while the sign-in form is throttled for the account.
// Accounts with a second factor are not signed in here: they go through the sign-in form and its code.
import { cookies, headers } from "next/headers";
import { encode } from "next-auth/jwt";
import { requestIsSecure, sessionCookieName } from "./options";
import { SESSION_IDLE_SECONDS, startSession } from "./sessions";

export async function signInAfterReset(user: { id: string; email: string; name: string }): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const h = await headers();
  const secure = requestIsSecure(h);
  const session = await startSession(user.id, { method: "reset", mfa: false, userAgent: h.get("user-agent") });
  const token = await encode({ token: { sub: user.id, sid: session.id, email: user.email, name: user.name }, secret, maxAge: SESSION_IDLE_SECONDS });
  const jar = await cookies();
  jar.set(sessionCookieName(secure), token, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_IDLE_SECONDS });
}
