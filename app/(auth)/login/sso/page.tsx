import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sessionUserId } from "@/lib/auth/ctx";
import { SSO_ERROR_MESSAGES, type SsoPageError } from "@/lib/sso/redirects";
import { AuthCard } from "@/components/auth/auth-card";
import { SsoLoginForm } from "@/components/auth/sso-login-form";
import { safeCallbackPath } from "@/components/auth/safe-callback";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("auth.sso");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function SsoLoginPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const callbackUrl = one(sp.callbackUrl);
  const code = one(sp.error);
  // Signed in already: go on, unless the organization sent this session back to sign in through SSO.
  if (code !== "sso_required" && (await sessionUserId())) redirect(safeCallbackPath(callbackUrl));
  // Only our own codes are shown, as our own words: nothing from the URL reaches the page as text.
  const t = await getTranslations("auth.sso");
  const error = code && code in SSO_ERROR_MESSAGES ? t(`errors.${code as SsoPageError}`) : undefined;
  return (
    <AuthCard title={t("title")} description={t("description")}>
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
          {t("withPassword")}
        </Link>
      </p>
    </AuthCard>
  );
}
