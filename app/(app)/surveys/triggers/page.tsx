import Link from "next/link";
import { Zap } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/lib/i18n/server";
import type { Formats } from "@/lib/i18n/format";
import { requireCtx } from "@/lib/auth/action";
import { listTriggers, type TriggerDto } from "@/lib/triggers/service";
import { listSurveys } from "@/lib/surveys/service";
import { listTouchpoints } from "@/lib/journeys/service";
import { mailConfigured } from "@/lib/mail/transport";
import { smsConfigured } from "@/lib/campaigns/sms/provider";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable, type Column } from "@/components/ui/data-table";
import { funnelColumns } from "@/components/campaigns/funnel-columns";
import { SmsSetupNote } from "@/components/campaigns/sms-setup-note";
import { TriggerForm } from "@/components/triggers/trigger-form";
import { TriggerControls } from "@/components/triggers/trigger-controls";
import { TriggerStatusBadge, TriggerWhen } from "@/components/triggers/trigger-labels";
import { sendingContext } from "@/lib/campaigns/contact-rule-service";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("surveys.triggers");
  return { title: t("title") };
}
type SurveysT = Awaited<ReturnType<typeof getTranslations<"surveys">>>;

type FunnelT = Awaited<ReturnType<typeof getTranslations<"surveys.funnel">>>;

const triggerColumns = (t: SurveysT, tf: FunnelT, f: Formats): Column<TriggerDto>[] => [
  {
    header: t("triggers.columns.trigger"),
    className: "table-view:min-w-40",
    cell: (tr) => (
      <>
        <Link href={`/surveys/triggers/${tr.id}`} className="font-medium text-brand-700 hover:underline">
          {tr.name}
        </Link>
        <span className="block text-xs text-slate-700">
          → {tr.survey?.name ?? t("triggers.caseSurvey")}
          {tr.survey && tr.survey.status !== "live" ? t("triggers.notLive") : ""}
        </span>
        <span className="block text-xs text-slate-700">
          <TriggerWhen trigger={tr} />
        </span>
      </>
    ),
  },
  { header: t("triggers.columns.status"), cell: (tr) => <TriggerStatusBadge status={tr.status} /> },
  ...funnelColumns<TriggerDto>(tf, f, { delivered: false }),
  {
    header: t("triggers.columns.actions"),
    cell: (tr) => <TriggerControls id={tr.id} name={tr.name} status={tr.status} builtIn={tr.builtIn !== null} />,
  },
];

export default async function TriggersPage() {
  const ctx = await requireCtx("manager");
  const [{ data: triggers }, surveys, touchpoints, sending] = await Promise.all([
    listTriggers(ctx, { limit: 100 }),
    listSurveys(ctx),
    listTouchpoints(ctx),
    sendingContext(ctx.orgId),
  ]);
  const live = surveys.filter((s) => s.status === "live").map((s) => ({ value: s.id, label: s.name }));
  const touchpointOptions = touchpoints.map((x) => ({ value: x.id, label: `${x.journey.name} / ${x.name}` }));
  const [t, tf, f] = await Promise.all([getTranslations("surveys"), getTranslations("surveys.funnel"), getFormats()]);
  return (
    <ClientMessages
      keys={[
        "surveys.triggers.controls",
        "surveys.triggers.form",
        "interactions.labels.outcome",
        "surveys.sending",
        "surveys.campaigns.channel",
        "surveys.campaigns.form.smsHint",
        "surveys.campaigns.form",
      ]}
    >
      <>
        <PageHeader
          title={t("triggers.title")}
          description={
            <>
              <Link href="/surveys" className="underline">
                {t("triggers.surveys")}
              </Link>{" "}
              · {t("triggers.description")}
            </>
          }
        />
        {mailConfigured() ? null : (
          <p
            role="note"
            className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {t.rich("triggers.noMail", { code: (c) => <code className="font-mono">{c}</code> })}
          </p>
        )}
        {smsConfigured() || !triggers.some((x) => x.channel === "sms") ? null : <SmsSetupNote />}
        <Section title={t("triggers.yours")}>
          {triggers.length === 0 ? (
            <EmptyState title={t("triggers.emptyTitle")} icon={<Zap size={28} />}>
              {t("triggers.emptyText")}
            </EmptyState>
          ) : (
            <DataTable
              dense
              label={t("triggers.title")}
              rows={triggers}
              rowKey={(x) => x.id}
              columns={triggerColumns(t, tf, f)}
            />
          )}
        </Section>
        <Section title={t("triggers.new")} description={t("triggers.newDescription")}>
          <TriggerForm surveys={live} touchpoints={touchpointOptions} sending={sending} />
        </Section>
      </>
    </ClientMessages>
  );
}
