// After a verified single sign-on answer: the user (resolveSsoUser), a UserSession row, and next-auth's
// session cookie — the same JWT the credentials sign-in issues ({sub, sid, name, email}, encrypted with
// NEXTAUTH_SECRET, idle expiry SESSION_IDLE_SECONDS), so every later request goes through the same checks.
import { newSessionCookie, type CookieToSet } from "../auth/session-cookie";
import { finishSsoSignIn } from "./flow";
import { resolveSsoUser } from "./link";

export type { CookieToSet };

export async function completeSsoSignIn(
  callback: URL,
  flowCookie: string | undefined,
  headers: { get(name: string): string | null },
): Promise<{ returnTo: string; cookie: CookieToSet }> {
  const verified = await finishSsoSignIn(callback, flowCookie);
  const user = await resolveSsoUser(verified);
  return { returnTo: verified.returnTo, cookie: await newSessionCookie(user, "sso", headers) };
}
