import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { setupOpen } from "@/lib/setup/service";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { buttonClass } from "@/components/ui/button";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("auth.setup");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SetupPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("auth.setup");
  if (!(await setupOpen())) {
    return (
      <AuthCard title={t("doneTitle")}>
        <p className="text-sm text-slate-700">{t("done")}</p>
        <p className="mt-6">
          <Link href="/login" className={buttonClass("primary")}>
            {t("goToSignIn")}
          </Link>
        </p>
      </AuthCard>
    );
  }
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token.slice(0, 200) : "";
  return (
    <AuthCard title={t("title")} description={t("description")}>
      <ClientMessages keys={["auth.setup", "auth.password"]}>
        <SetupForm token={token} />
      </ClientMessages>
    </AuthCard>
  );
}
