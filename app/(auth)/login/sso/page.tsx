import Link from "next/link";
import { redirect } from "next/navigation";
import { sessionUserId } from "@/lib/auth/ctx";
import { SSO_ERROR_MESSAGES, type SsoPageError } from "@/lib/sso/redirects";
import { AuthCard } from "@/components/auth/auth-card";
import { SsoLoginForm } from "@/components/auth/sso-login-form";
import { safeCallbackPath } from "@/components/auth/safe-callback";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in with single sign-on" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function SsoLoginPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const callbackUrl = one(sp.callbackUrl);
  const code = one(sp.error);
  // Signed in already: go on, unless the organization sent this session back to sign in through SSO.
  if (code !== "sso_required" && (await sessionUserId())) redirect(safeCallbackPath(callbackUrl));
  // Only our own codes are shown, as our own words: nothing from the URL reaches the page as text.
  const error = code && code in SSO_ERROR_MESSAGES ? SSO_ERROR_MESSAGES[code as SsoPageError] : undefined;
  return (
    <AuthCard
      title="Sign in with single sign-on"
      description="Enter your work e-mail: you continue at your organization's identity provider."
    >
      <SsoLoginForm
        email={one(sp.email)?.slice(0, 320)}
        callbackUrl={callbackUrl}
        error={error}
        fieldError={code === "email" || code === "no_connection"}
      />
      <p className="mt-6 text-center text-sm text-slate-600">
        <Link
          href={callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login"}
          className="font-medium text-brand-700 underline"
        >
          Sign in with a password instead
        </Link>
      </p>
    </AuthCard>
  );
}
