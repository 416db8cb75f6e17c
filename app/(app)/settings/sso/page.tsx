import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { getSsoConnection } from "@/lib/sso/service";
import { deleteSsoConnectionAction } from "@/app/_actions/sso";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { CopyButton } from "@/components/ui/copy-button";
import { Badge } from "@/components/ui/badge";
import { SsoForm } from "@/components/settings/sso-form";
import { SsoDomains } from "@/components/settings/sso-domains";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("nav.sso") };
}

export default async function SsoSettingsPage() {
  const ctx = await requireCtx("admin");
  const { connection, redirectUri } = await getSsoConnection(ctx);
  const t = await getTranslations("settings");
  return (
    <ClientMessages keys={["settings.ssoForm"]}>
      <PageHeader
        title={t("nav.sso")}
        description={
          <>
            <Link href="/settings" className="underline">
              {t("title")}
            </Link>{" "}
            · {t("ssoPage.intro")}
          </>
        }
        actions={
          connection ? (
            connection.enabled ? (
              <Badge tone="ok">{t("ssoPage.enabled")}</Badge>
            ) : (
              <Badge>{t("ssoPage.disabled")}</Badge>
            )
          ) : null
        }
      />
      <Section id="register" title={t("ssoPage.register")} description={t("ssoPage.registerDescription")}>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <input
            id="sso-redirect-uri"
            aria-label={t("ssoPage.redirectUri")}
            readOnly
            value={redirectUri}
            className="min-h-9 w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-2 font-mono text-xs text-slate-900"
          />
          <CopyButton value={redirectUri} targetId="sso-redirect-uri" />
        </div>
      </Section>
      <Section
        id="connect"
        title={t("ssoPage.connect")}
        description={connection ? t("ssoPage.linked", { count: connection.linkedIdentities }) : t("ssoPage.enter")}
      >
        <SsoForm connection={connection} />
      </Section>
      {connection ? (
        <Section id="verify-domains" title={t("ssoPage.verify")} description={t("ssoPage.verifyDescription")}>
          <SsoDomains domains={connection.domains} />
        </Section>
      ) : null}
      {connection ? (
        <Section id="remove-connection" title={t("ssoPage.remove")} description={t("ssoPage.removeDescription")}>
          <ActionForm
            action={deleteSsoConnectionAction}
            submitLabel={t("ssoPage.removeSubmit")}
            pendingLabel={t("ssoPage.removing")}
            variant="danger"
            confirm={t("ssoPage.removeConfirm")}
          />
        </Section>
      ) : null}
    </ClientMessages>
  );
}
