// Signs a user in from our own code (first-run setup, a password reset, single sign-on): starts a UserSession
// row and makes the same session cookie next-auth's credentials flow sets — a JWT encrypted with
// NEXTAUTH_SECRET naming the user and the row (`sid`), HttpOnly, SameSite=Lax, Secure with the __Secure-
// prefix over TLS (options.ts) — so every later request goes through the same checks (sessions.ts).
import { cookies, headers } from "next/headers";
import { encode } from "next-auth/jwt";
import { secureCookiesFor, sessionCookieName } from "./options";
import { SESSION_IDLE_SECONDS, startSession, type SessionMethod } from "./sessions";

type HeaderGetter = { get(name: string): string | null };
export type SessionUser = { id: string; name: string; email: string };
export type CookieToSet = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; maxAge: number };
};

/** A new session for the user and the cookie that carries it, for a response the caller builds. */
export async function newSessionCookie(
  user: SessionUser,
  method: SessionMethod,
  h: HeaderGetter,
  opts: { mfa?: boolean } = {},
): Promise<CookieToSet> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const session = await startSession(user.id, { method, mfa: opts.mfa ?? false, userAgent: h.get("user-agent") });
  const secure = secureCookiesFor(h);
  const value = await encode({
    token: { sub: user.id, sid: session.id, name: user.name, email: user.email },
    secret,
    maxAge: SESSION_IDLE_SECONDS,
  });
  return {
    name: sessionCookieName(secure),
    value,
    options: { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SESSION_IDLE_SECONDS },
  };
}

/** The same, set on the current server action's response. */
export async function signInAs(user: SessionUser, method: SessionMethod, opts: { mfa?: boolean } = {}): Promise<void> {
  const cookie = await newSessionCookie(user, method, await headers(), opts);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}
