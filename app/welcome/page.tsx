import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUserId } from "@/lib/auth/action";
import { listMyOrganizations } from "@/lib/orgs/service";
import { getUserProfile } from "@/lib/users/service";
import { AuthCard } from "@/components/auth/auth-card";
import { CreateOrgForm } from "@/components/settings/create-org-form";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("auth.welcome");
  return { title: t("title") };
}

export default async function WelcomePage() {
  const userId = await requireUserId();
  const [orgs, me] = await Promise.all([listMyOrganizations(userId), getUserProfile(userId)]);
  if (orgs.length > 0) redirect("/");
  const t = await getTranslations("auth.welcome");
  return (
    <ClientMessages keys={["settings.createOrg"]}>
      <AuthCard title={me?.name ? t("titleNamed", { name: me.name }) : t("title")} description={t("description")}>
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t("create")}</h2>
        <CreateOrgForm />
        <div className="mt-8 flex items-center justify-between gap-3 border-t border-slate-200 pt-4 text-sm text-slate-600">
          <span className="min-w-0 truncate">{t("signedInAs", { email: me?.email ?? "" })}</span>
          <SignOutButton variant="secondary" />
        </div>
      </AuthCard>
    </ClientMessages>
  );
}
