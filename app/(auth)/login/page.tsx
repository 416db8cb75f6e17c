import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sessionUserId } from "@/lib/auth/ctx";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/components/auth/safe-callback";
import { demoLoginsPresent, setupOpen } from "@/lib/setup/service";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const callbackUrl = typeof sp.callbackUrl === "string" ? sp.callbackUrl : undefined;
  // Already signed in: go where the user was heading (a relative path only).
  if (await sessionUserId()) redirect(safeCallbackPath(callbackUrl));
  // A new installation has no account to sign in to: the operator creates the first one.
  if (await setupOpen()) redirect("/setup");
  // The demo logins are shown only while demo accounts with the published password exist (npm start -- --demo).
  const demoHint = process.env.RESONANCE_DEMO_HINT !== "0" && (await demoLoginsPresent());
  const t = await getTranslations("auth.signIn");
  return (
    <AuthCard title={t("title")} description={t("description")}>
      {sp.reset === "done" ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          {t("resetDone")}
        </p>
      ) : null}
      <ClientMessages keys={["auth.signIn"]}>
        <LoginForm callbackUrl={callbackUrl} demoHint={demoHint} />
      </ClientMessages>
    </AuthCard>
  );
}
