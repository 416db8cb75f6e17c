import Link from "next/link";
import { Webhook } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { listWebhooks } from "@/lib/webhooks/service";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { getFormats } from "@/lib/i18n/server";
import { eventKey } from "@/components/settings/webhooks/labels";
import { ClientMessages } from "@/components/i18n/client-messages";
import { WebhookForm } from "@/components/settings/webhooks/webhook-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("nav.webhooks") };
}

export default async function WebhooksPage() {
  const ctx = await requireCtx("admin");
  const endpoints = await listWebhooks(ctx);
  const t = await getTranslations("settings");
  const f = await getFormats();
  const label = (type: string) => {
    const k = eventKey(type);
    return k ? t(`webhookEvents.${k}.label`) : type;
  };

  return (
    <ClientMessages
      keys={["settings.webhookForm", "settings.webhookEvents", "settings.webhookFailures", "settings.oneTimeSecret"]}
    >
      <PageHeader
        title={t("nav.webhooks")}
        description={
          <>
            <Link href="/settings" className="underline">
              {t("title")}
            </Link>{" "}
            · {t("webhooksPage.intro")}
          </>
        }
      />
      <Section title={t("webhooksPage.add")} description={t("webhooksPage.addDescription")}>
        <WebhookForm />
      </Section>
      <Section title={t("webhooksPage.endpoints")}>
        {endpoints.length === 0 ? (
          <EmptyState title={t("webhooksPage.emptyTitle")} icon={<Webhook size={28} />}>
            {t("webhooksPage.empty")}
          </EmptyState>
        ) : (
          <Table label={t("webhooksPage.table")}>
            <THead>
              <tr>
                <Th>{t("webhooksPage.endpoint")}</Th>
                <Th>{t("webhooksPage.events")}</Th>
                <Th>{t("webhooksPage.status")}</Th>
                <Th>{t("webhooksPage.deliveries")}</Th>
                <Th className="hidden sm:table-cell">{t("webhooksPage.created")}</Th>
              </tr>
            </THead>
            <TBody>
              {endpoints.map((e) => (
                <tr key={e.id}>
                  <Td className="max-w-md min-w-56">
                    <Link
                      href={`/settings/webhooks/${e.id}`}
                      className="font-medium break-all text-brand-700 underline"
                    >
                      {e.url}
                    </Link>
                    {e.description ? <span className="block text-xs text-slate-600">{e.description}</span> : null}
                  </Td>
                  <Td className="min-w-40">{e.eventTypes.map(label).join(", ")}</Td>
                  <Td>
                    {e.active ? (
                      <Badge tone="ok">{t("webhooksPage.active")}</Badge>
                    ) : (
                      <Badge>{t("webhooksPage.paused")}</Badge>
                    )}
                  </Td>
                  <Td className="min-w-44 text-xs">
                    <span className="block">{t("webhooksPage.delivered", { count: e.deliveries.succeeded })}</span>
                    {e.deliveries.pending + e.deliveries.failed > 0 ? (
                      <span className="block text-amber-800">
                        {t("webhooksPage.waiting", { count: e.deliveries.pending + e.deliveries.failed })}
                      </span>
                    ) : null}
                    {e.deliveries.dead > 0 ? (
                      <span className="block font-medium text-danger">
                        {t("webhooksPage.dead", { count: e.deliveries.dead })}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="hidden whitespace-nowrap sm:table-cell">{f.date(e.createdAt)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
    </ClientMessages>
  );
}
