import Link from "next/link";
import { Send } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { listCampaigns, type CampaignDto } from "@/lib/campaigns/service";
import { listSurveys } from "@/lib/surveys/service";
import { listAudiences } from "@/lib/audiences/service";
import { mailConfigured } from "@/lib/mail/transport";
import { smsConfigured } from "@/lib/campaigns/sms/provider";
import { SmsSetupNote } from "@/components/campaigns/sms-setup-note";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable, type Column } from "@/components/ui/data-table";
import { getFormats } from "@/lib/i18n/server";
import { INTL_TAGS } from "@/lib/i18n/config";
import type { Formats } from "@/lib/i18n/format";
import { formatResponseRate } from "@/lib/metrics";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { sendingContext } from "@/lib/campaigns/contact-rule-service";
import { CampaignControls } from "@/components/campaigns/campaign-controls";
import { CampaignStatusBadge, ScheduleText } from "@/components/campaigns/campaign-labels";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("surveys.campaigns");
  return { title: t("title") };
}
type CampaignsT = Awaited<ReturnType<typeof getTranslations<"surveys.campaigns">>>;

// Five columns, so the list fits beside the sidebar at 1280 px without scrolling sideways; below the table's
// width each campaign is a card (DataTable).
const campaignColumns = (t: CampaignsT, fm: Formats): Column<CampaignDto>[] => [
  {
    header: t("columns.campaign"),
    className: "table-view:min-w-56",
    cell: (c) => (
      <>
        <Link href={`/surveys/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
          {c.name}
        </Link>
        <span className="block text-xs font-normal text-slate-700">
          {c.survey.name} → {c.audience?.name ?? t("audienceDeleted")}
        </span>
        <span className="block text-xs font-normal text-slate-700">
          {c.channel === "sms" ? t("channel.sms") : t("channel.email")}, <ScheduleText c={c} />
        </span>
      </>
    ),
  },
  { header: t("columns.status"), cell: (c) => <CampaignStatusBadge status={c.status} /> },
  {
    header: t("columns.delivered"),
    align: "right",
    className: "tabular-nums",
    cell: (c) => {
      const f = c.funnel;
      const notes = [
        f.bounced ? t("bounced", { count: fm.count(f.bounced) }) : null,
        f.queued ? t("waiting", { count: fm.count(f.queued) }) : null,
        f.suppressed + f.cancelled ? t("notSent", { count: fm.count(f.suppressed + f.cancelled) }) : null,
      ].filter(Boolean);
      return (
        <>
          {fm.count(f.delivered)}{" "}
          <span className="text-slate-700">{t("ofInvited", { count: fm.count(f.invited) })}</span>
          {notes.length ? <span className="block text-xs text-slate-700">{notes.join(" · ")}</span> : null}
        </>
      );
    },
  },
  {
    header: t("columns.responseRate"),
    align: "right",
    className: "tabular-nums",
    testId: "campaign-response-rate",
    cell: (c) => (
      <>
        {formatResponseRate(c.responseRate, fm.locale === "en" ? undefined : INTL_TAGS[fm.locale]) ?? "—"}
        <span className="block text-xs text-slate-700">
          {t("answeredCompleted", { answered: fm.count(c.funnel.started), completed: fm.count(c.funnel.completed) })}
        </span>
      </>
    ),
  },
  { header: t("columns.actions"), cell: (c) => <CampaignControls id={c.id} name={c.name} status={c.status} /> },
];

export default async function CampaignsPage() {
  const ctx = await requireCtx("manager");
  const [{ data: campaigns }, surveys, { data: audiences }, sending] = await Promise.all([
    listCampaigns(ctx, { limit: 100 }),
    listSurveys(ctx),
    listAudiences(ctx, { limit: 200 }),
    sendingContext(ctx.orgId),
  ]);
  const [t, fm] = await Promise.all([getTranslations("surveys.campaigns"), getFormats()]);
  const live = surveys.filter((s) => s.status === "live").map((s) => ({ value: s.id, label: s.name }));
  const audienceOptions = audiences.map((a) => ({ value: a.id, label: a.name }));
  return (
    <ClientMessages
      keys={["surveys.campaigns.form", "surveys.sending", "surveys.campaigns.controls", "surveys.campaigns.channel"]}
    >
      <>
        <PageHeader
          title={t("title")}
          description={
            <>
              <Link href="/surveys" className="underline">
                {t("surveys")}
              </Link>{" "}
              · {t("description")}
            </>
          }
        />
        {mailConfigured() ? null : (
          <p
            role="note"
            className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {t.rich("noMail", { code: (c) => <code className="font-mono">{c}</code> })}
          </p>
        )}
        {smsConfigured() || !campaigns.some((c) => c.channel === "sms") ? null : <SmsSetupNote />}
        <Section title={t("yours")}>
          {campaigns.length === 0 ? (
            <EmptyState title={t("emptyTitle")} icon={<Send size={28} />}>
              {t.rich("emptyText", {
                link: (c) => (
                  <Link href="/settings/audiences" className="underline">
                    {c}
                  </Link>
                ),
              })}
            </EmptyState>
          ) : (
            <DataTable label={t("title")} rows={campaigns} rowKey={(c) => c.id} columns={campaignColumns(t, fm)} />
          )}
        </Section>
        <Section title={t("new")} description={t("newDescription")}>
          <CampaignForm surveys={live} audiences={audienceOptions} sending={sending} />
        </Section>
      </>
    </ClientMessages>
  );
}
