// Where the single sign-on routes send the browser: absolute URLs on the app's public origin (NEXTAUTH_URL),
// and the sign-in page with an error code it explains in words (never a provider's own error text).
import type { SsoErrorCode } from "./flow";

export type SsoPageError = SsoErrorCode | "email" | "sso_required";

export function appUrl(path: string, env: Partial<Record<string, string>> = process.env): URL {
  return new URL(path, env.NEXTAUTH_URL || "http://localhost:3000");
}

export function ssoLoginUrl(error: SsoPageError, email?: string): URL {
  const url = appUrl("/login/sso");
  url.searchParams.set("error", error);
  if (email) url.searchParams.set("email", email.slice(0, 320));
  return url;
}

export const SSO_ERROR_MESSAGES: Record<SsoPageError, string> = {
  email: "Enter your work e-mail address.",
  no_connection: "Single sign-on is not set up for this e-mail domain. Sign in with your password, or ask your admin.",
  flow: "The sign-in took too long or was started in another browser. Please start again.",
  disabled: "Single sign-on is no longer enabled for your organization. Ask your admin.",
  provider: "Your identity provider did not confirm the sign-in. Please try again, or ask your admin.",
  unavailable: "Your identity provider could not be reached. Please try again later, or ask your admin.",
  email_unverified:
    "Your identity provider did not confirm that your e-mail address is verified, so it cannot be used to sign in.",
  domain: "Your e-mail address is not in a domain your organization allows for single sign-on.",
  account_conflict:
    "An account with this e-mail address already exists and also belongs to other organizations, so single sign-on cannot take it over. Sign in with its password.",
  suspended: "Your membership in this organization is suspended. Ask your admin.",
  sso_required: "Your organization requires single sign-on: sign in again through its identity provider.",
};

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A page that moves the browser on to the provider at once (meta refresh; a link if that is blocked). No script. */
export function continueToProviderPage(url: string): { body: string; headers: Record<string, string> } {
  const href = escapeAttr(url);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="0;url=${href}"><title>Continuing to your identity provider…</title></head><body style="font-family:system-ui,sans-serif;margin:3rem 1rem;text-align:center"><p>Continuing to your identity provider…</p><p><a href="${href}">Continue</a></p></body></html>`;
  return {
    body,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  };
}
