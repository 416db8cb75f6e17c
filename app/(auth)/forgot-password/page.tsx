import { getTranslations } from "next-intl/server";
import { mailConfigured } from "@/lib/mail/transport";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";
import { AuthNotice } from "@/components/auth/auth-notice";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("auth.forgot");
  return { title: t("metaTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgot");
  if (!mailConfigured()) {
    return (
      <AuthNotice title={t("title")} href="/login" linkLabel={t("backToSignIn")}>
        {t("noMail")}
      </AuthNotice>
    );
  }
  return (
    <AuthCard title={t("title")} description={t("description")}>
      <ClientMessages keys={["auth.forgot", "auth.reset", "auth.password"]}>
        <ForgotPasswordForm />
      </ClientMessages>
    </AuthCard>
  );
}
