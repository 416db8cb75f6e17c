import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { confirmEmailChangeAction } from "@/app/_actions/account";
import { AuthCard } from "@/components/auth/auth-card";
import { ActionForm } from "@/components/ui/action-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("auth.confirmEmail");
  return { title: t("metaTitle"), referrer: "no-referrer" as const };
}

// A button rather than confirming on GET: link scanners in mail systems open links, they do not submit forms.
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.confirmEmail");
  return (
    <AuthCard title={t("title")} description={t("description")}>
      <ActionForm
        action={confirmEmailChangeAction.bind(null, token)}
        submitLabel={t("submit")}
        pendingLabel={t("pending")}
        variant="primary"
        size="md"
        successMessage={t("done")}
      />
      <p className="mt-6 text-sm">
        <Link href="/account" className="font-medium text-brand-700 underline">
          {t("toAccount")}
        </Link>
      </p>
    </AuthCard>
  );
}
