// next-auth configuration: e-mail + password (Credentials), stateless JWT sessions backed by a UserSession
// row (sessions.ts) so that a session can be ended on its very next request. The session only names the
// user; the organization and role are looked up on every request (lib/auth/ctx.ts), so a role change or
// removal takes effect at once. Failed sign-ins are throttled in the database (sign-in-throttle.ts).
//
// The options depend on the request: cookies are `Secure` with the `__Secure-`/`__Host-` prefixes whenever
// the request arrived over TLS (directly, or through a trusted proxy: server/trusted-proxy.ts rewrites the
// forwarded headers before they reach here), whatever NEXTAUTH_URL says.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyCredentials } from "../users/service";
import { passwordSignInAllowed, SSO_REQUIRED_MESSAGE } from "../sso/policy";
import { throttledSignIn } from "./sign-in-throttle";
import { checkSession, revokeSession, SESSION_IDLE_SECONDS, startSession } from "./sessions";
import { secondFactorAtSignIn } from "../two-factor/service";

// `code`: the 6-digit TOTP or a recovery code, the second step for an account with two-factor on.
const credentialsSchema = z.object({
  email: z.string().email(),
  password: z.string().min(1).max(1024),
  code: z.string().max(64).optional(),
});

/** Thrown inside the jwt callback for a revoked or expired session: next-auth then clears the cookie. */
class SessionEnded extends Error {
  constructor() {
    super("session ended");
    this.name = "SessionEnded";
  }
}

type HeaderGetter = { get(name: string): string | null };

/** The request came over TLS: our own protocol, or the proxy's word (only trusted proxies' headers survive). */
export function requestIsSecure(headers: HeaderGetter): boolean {
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/**
 * Cookies are Secure (and prefixed) when this request came over TLS, and always when the public URL is https
 * (a proxy that is not listed in TRUSTED_PROXIES must not downgrade them).
 */
export function secureCookiesFor(headers: HeaderGetter, env: Partial<Record<string, string>> = process.env): boolean {
  return requestIsSecure(headers) || Boolean(env.NEXTAUTH_URL?.startsWith("https:"));
}

/** next-auth's session cookie name for a request (the `__Secure-` prefix over TLS). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

export function authOptionsFor(secure: boolean): NextAuthOptions {
  return {
    useSecureCookies: secure,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Code", type: "text" },
        },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password, code } = parsed.data;
          // A throttled attempt throws: next-auth then reports its message as the sign-in error. So does a
          // right password for an account with two-factor on when no code came with it (TWO_FACTOR_CODE_REQUIRED:
          // the form then asks for the code); a wrong code counts as a failed attempt.
          const user = await throttledSignIn(email, req?.headers, async () => {
            const found = await verifyCredentials(email, password);
            const second = found && (await secondFactorAtSignIn(found.id, code));
            return found && second ? { ...found, mfa: second.mfa } : null;
          });
          if (!user) return null;
          // Checked only after the right password, so that it tells nothing to someone who does not know it.
          if (!(await passwordSignInAllowed(user.id))) throw new Error(SSO_REQUIRED_MESSAGE);
          const agent = [req?.headers?.["user-agent"]].flat()[0] ?? null;
          const session = await startSession(user.id, { method: "password", mfa: user.mfa, userAgent: agent });
          return { id: user.id, email: user.email, name: user.name, sid: session.id };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sid?: string }).sid;
          return token;
        }
        // Every later use of the cookie (pages, API, server actions, /api/auth/session) checks the row.
        if (!(await checkSession(token.sid, token.sub))) throw new SessionEnded();
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sid: token.sid });
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid, "sign_out");
      },
    },
    logger: {
      // An ended session is an expected outcome, not an error worth a stack trace in the log.
      error(code, metadata) {
        const cause = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
        if (code === "JWT_SESSION_ERROR" && (cause as { name?: string } | undefined)?.name === "SessionEnded") return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        if (code !== "NEXTAUTH_URL") console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}
