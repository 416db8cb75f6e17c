import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { EmptyState } from "@/components/ui/empty-state";
import { getLoggingOptions, loggableCustomer } from "@/lib/interactions/logging";
import { PageHeader } from "@/components/ui/page-header";
import { LogInteractionForm } from "@/components/interactions/log-interaction-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("interactions.new");
  return { title: t("title") };
}

export default async function LogInteractionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireCtx("viewer", "unit");
  const t = await getTranslations("interactions.new");
  if (!hasRole(ctx.role, "agent")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState title={t("readOnlyTitle")}>{t("readOnlyBody")}</EmptyState>
      </>
    );
  }
  const sp = await searchParams;
  const customerId = typeof sp.customerId === "string" ? sp.customerId : undefined;
  const [options, customer] = await Promise.all([
    getLoggingOptions(ctx),
    customerId ? loggableCustomer(ctx, customerId) : null,
  ]);
  return (
    <ClientMessages keys={["interactions", "customers.combobox", "errors.service"]}>
      <>
        <PageHeader
          title={t("title")}
          description={
            <>
              {t("description")}
              <span className="pointer-coarse:hidden">{t("shortcut")}</span>
            </>
          }
        />
        <LogInteractionForm
          options={options}
          initialCustomer={customer ? { id: customer.id, name: customer.name } : undefined}
        />
      </>
    </ClientMessages>
  );
}
