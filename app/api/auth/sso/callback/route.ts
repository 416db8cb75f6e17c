// GET /api/auth/sso/callback – the redirect URI registered at every identity provider. Validates the answer
// against the flow cookie (lib/sso/flow.ts), finds or creates the user and their membership (lib/sso/link.ts),
// starts a session and sets next-auth's session cookie (lib/sso/sign-in.ts); 303 to where the user was going,
// or to the sign-in page with an error code (the provider's own error text is never shown).
import { NextResponse, type NextRequest } from "next/server";
import { secureCookiesFor } from "@/lib/auth/options";
import { flowCookieName, SsoSignInError } from "@/lib/sso/flow";
import { appUrl, ssoLoginUrl } from "@/lib/sso/redirects";
import { completeSsoSignIn } from "@/lib/sso/sign-in";

export async function GET(req: NextRequest) {
  const secure = secureCookiesFor(req.headers);
  const flowName = flowCookieName(secure);
  let res: NextResponse;
  try {
    const done = await completeSsoSignIn(req.nextUrl, req.cookies.get(flowName)?.value, req.headers);
    res = NextResponse.redirect(appUrl(done.returnTo), 303);
    res.cookies.set(done.cookie.name, done.cookie.value, done.cookie.options);
  } catch (error) {
    if (error instanceof SsoSignInError) {
      const detail =
        error.detail instanceof Error ? `${error.detail.name}: ${error.detail.message}` : (error.detail ?? "");
      console.warn(`[sso] sign-in refused: ${error.code}`, detail);
    } else console.error("[sso] sign-in failed", error);
    res = NextResponse.redirect(ssoLoginUrl(error instanceof SsoSignInError ? error.code : "unavailable"), 303);
  }
  res.cookies.set(flowName, "", { httpOnly: true, sameSite: "lax", secure, path: "/api/auth/sso", maxAge: 0 });
  return res;
}
