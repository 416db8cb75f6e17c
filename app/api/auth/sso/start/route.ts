// POST /api/auth/sso/start – form { email, callbackUrl? }: the e-mail's domain picks the organization's
// connection; answers with a page that sends the browser on to the identity provider (flow cookie set, see
// lib/sso/flow.ts), or 303 back to the sign-in page with an error code.
// Why a page and not a 303 to the provider: the sign-in page's Content-Security-Policy has form-action 'self'
// (lib/security/csp.ts), which browsers also apply to every redirect of a form submission, so a redirect to
// another origin would be blocked. A navigation that this response starts is not a form submission.
import { NextResponse, type NextRequest } from "next/server";
import { secureCookiesFor } from "@/lib/auth/options";
import { flowCookieName, FLOW_MAX_AGE_SECONDS, SsoSignInError, startSsoSignIn } from "@/lib/sso/flow";
import { continueToProviderPage, ssoLoginUrl } from "@/lib/sso/redirects";
import { ssoStartSchema } from "@/lib/sso/schema";
import { safeCallbackPath } from "@/components/auth/safe-callback";
import { crossSiteSessionWrite } from "@/lib/http/handler";

export async function POST(req: NextRequest) {
  // Login CSRF: another site must not start a sign-in (into an account of its choosing) in this browser.
  if (crossSiteSessionWrite(req))
    return new NextResponse("Cross-site request refused.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const form = await req.formData().catch(() => null);
  const rawEmail = String(form?.get("email") ?? "");
  const parsed = ssoStartSchema.safeParse({ email: rawEmail });
  if (!parsed.success) return NextResponse.redirect(ssoLoginUrl("email", rawEmail), 303);
  const { email } = parsed.data;
  try {
    const { url, flow } = await startSsoSignIn(email, safeCallbackPath(String(form?.get("callbackUrl") ?? "") || null));
    const page = continueToProviderPage(url);
    const res = new NextResponse(page.body, { status: 200, headers: page.headers });
    const secure = secureCookiesFor(req.headers);
    res.cookies.set(flowCookieName(secure), flow, {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/api/auth/sso",
      maxAge: FLOW_MAX_AGE_SECONDS,
    });
    return res;
  } catch (error) {
    if (!(error instanceof SsoSignInError)) console.error("[sso] start failed", error);
    else if (error.code !== "no_connection") console.warn(`[sso] start failed: ${error.code}`, error.detail ?? "");
    return NextResponse.redirect(ssoLoginUrl(error instanceof SsoSignInError ? error.code : "unavailable", email), 303);
  }
}
