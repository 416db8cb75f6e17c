import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { currentSession } from "@/lib/auth/ctx";
import { getAccount, listMySessions } from "@/lib/account/service";
import { mailConfigured } from "@/lib/mail/transport";
import { isAppLocale } from "@/lib/i18n/config";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmailChangeForm, PasswordChangeForm, ProfileForm } from "@/components/account/account-forms";
import { LanguageForm } from "@/components/account/language-form";
import { SessionsSection } from "@/components/account/sessions-section";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  // The member's own account, no organization rows: every member, whatever their unit scope (docs/hierarchy.md).
  await requireCtx("viewer", "unit");
  const me = await currentSession();
  if (!me) redirect("/login");
  const [t, account, sessions] = await Promise.all([
    getTranslations("account"),
    getAccount(me.userId),
    listMySessions(me),
  ]);
  const canMail = mailConfigured();

  return (
    <ClientMessages
      keys={["account.profile", "account.email", "account.password", "account.language", "auth.password"]}
    >
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <Section title={t("profile.section")}>
          <ProfileForm name={account.name} />
        </Section>
        <Section title={t("language.section")} description={t("language.description")}>
          <LanguageForm saved={isAppLocale(account.locale) ? account.locale : null} />
        </Section>
        <Section
          title={t("email.section")}
          description={
            <>
              {t.rich("email.signInWith", {
                email: account.email,
                b: (chunks) => <strong className="text-slate-900">{chunks}</strong>,
              })}{" "}
              {account.emailVerifiedAt ? (
                <Badge tone="ok">{t("email.confirmed")}</Badge>
              ) : (
                <Badge>{t("email.notConfirmed")}</Badge>
              )}
            </>
          }
        >
          {canMail ? (
            <EmailChangeForm current={account.email} />
          ) : (
            <p className="max-w-md text-sm text-slate-700">{t("email.noMail")}</p>
          )}
        </Section>
        <Section title={t("password.section")} description={t("password.description")}>
          {account.hasPassword ? (
            <PasswordChangeForm />
          ) : (
            <p className="max-w-md text-sm text-slate-700">{t("password.ssoOnly")}</p>
          )}
        </Section>
        <Section title={t("sessions.section")} description={t("sessions.description")}>
          <SessionsSection sessions={sessions} />
        </Section>
      </>
    </ClientMessages>
  );
}
