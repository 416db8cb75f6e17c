// Signs a user in from our own code (first-run setup, single sign-on): starts a UserSession row and sets the
// same session cookie next-auth's credentials flow sets — a JWT signed with NEXTAUTH_SECRET naming the user
// and the row (`sid`), HttpOnly, SameSite=Lax, Secure with the __Secure- prefix over TLS (options.ts).
import { cookies, headers } from "next/headers";
import { encode } from "next-auth/jwt";
import { secureCookiesFor, sessionCookieName } from "./options";
import { SESSION_IDLE_SECONDS, startSession, type SessionMethod } from "./sessions";

export async function signInAs(user: { id: string; name: string; email: string }, method: SessionMethod, opts: { mfa?: boolean } = {}): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const h = await headers();
  const session = await startSession(user.id, { method, mfa: opts.mfa ?? false, userAgent: h.get("user-agent") });
  const secure = secureCookiesFor(h);
  const value = await encode({ token: { sub: user.id, sid: session.id, name: user.name, email: user.email }, secret, maxAge: SESSION_IDLE_SECONDS });
  const jar = await cookies();
  jar.set(sessionCookieName(secure), value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_IDLE_SECONDS });
  return session.id;
}
