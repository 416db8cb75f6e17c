import { getTranslations } from "next-intl/server";
import { findPasswordReset } from "@/lib/account/reset";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { AuthNotice } from "@/components/auth/auth-notice";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("auth.reset");
  return { title: t("title"), referrer: "no-referrer" as const };
}

// Opening the page uses nothing up (mail scanners that follow links must not spend it); submitting does.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, reset] = await Promise.all([getTranslations("auth.reset"), findPasswordReset(token)]);
  if (!reset) {
    return (
      <AuthNotice title={t("invalidTitle")} href="/forgot-password" linkLabel={t("newLink")} variant="primary">
        {t("invalidBody")}
      </AuthNotice>
    );
  }
  return (
    <AuthCard title={t("title")} description={t("description")}>
      <ClientMessages keys={["auth.forgot", "auth.reset", "auth.password"]}>
        <ResetPasswordForm token={token} email={reset.email} />
      </ClientMessages>
    </AuthCard>
  );
}
