import Link from "next/link";
import { Send } from "lucide-react";
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
import { formatCount } from "@/components/ui/format";
import { formatResponseRate } from "@/lib/metrics";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { sendingContext } from "@/lib/campaigns/contact-rule-service";
import { CampaignControls } from "@/components/campaigns/campaign-controls";
import { CampaignStatusBadge, scheduleText } from "@/components/campaigns/campaign-labels";

export const dynamic = "force-dynamic";
export const metadata = { title: "Campaigns" };

// Five columns, so the list fits beside the sidebar at 1280 px without scrolling sideways; below the table's
// width each campaign is a card (DataTable).
const columns: Column<CampaignDto>[] = [
  {
    header: "Campaign",
    className: "table-view:min-w-56",
    cell: (c) => (
      <>
        <Link href={`/surveys/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
          {c.name}
        </Link>
        <span className="block text-xs font-normal text-slate-700">
          {c.survey.name} → {c.audience?.name ?? "audience deleted"}
        </span>
        <span className="block text-xs font-normal text-slate-700">
          {c.channel === "sms" ? "SMS" : "E-mail"}, {scheduleText(c)}
        </span>
      </>
    ),
  },
  { header: "Status", cell: (c) => <CampaignStatusBadge status={c.status} /> },
  {
    header: "Delivered",
    align: "right",
    className: "tabular-nums",
    cell: (c) => {
      const f = c.funnel;
      const notes = [
        f.bounced ? `${formatCount(f.bounced)} bounced` : null,
        f.queued ? `${formatCount(f.queued)} waiting` : null,
        f.suppressed + f.cancelled ? `${formatCount(f.suppressed + f.cancelled)} not sent` : null,
      ].filter(Boolean);
      return (
        <>
          {formatCount(f.delivered)} <span className="text-slate-700">of {formatCount(f.invited)} invited</span>
          {notes.length ? <span className="block text-xs text-slate-700">{notes.join(" · ")}</span> : null}
        </>
      );
    },
  },
  {
    header: "Response rate",
    align: "right",
    className: "tabular-nums",
    testId: "campaign-response-rate",
    cell: (c) => (
      <>
        {formatResponseRate(c.responseRate) ?? "—"}
        <span className="block text-xs text-slate-700">
          {formatCount(c.funnel.started)} answered · {formatCount(c.funnel.completed)} completed
        </span>
      </>
    ),
  },
  { header: "Actions", cell: (c) => <CampaignControls id={c.id} name={c.name} status={c.status} /> },
];

export default async function CampaignsPage() {
  const ctx = await requireCtx("manager");
  const [{ data: campaigns }, surveys, { data: audiences }, sending] = await Promise.all([
    listCampaigns(ctx, { limit: 100 }),
    listSurveys(ctx),
    listAudiences(ctx, { limit: 200 }),
    sendingContext(ctx.orgId),
  ]);
  const live = surveys.filter((s) => s.status === "live").map((s) => ({ value: s.id, label: s.name }));
  const audienceOptions = audiences.map((a) => ({ value: a.id, label: a.name }));
  return (
    <>
      <PageHeader
        title="Campaigns"
        description={
          <>
            <Link href="/surveys" className="underline">
              Surveys
            </Link>{" "}
            · Invite an audience to a survey by e-mail or SMS, once or in waves, with reminders to those who have not
            answered. Each e-mail carries the score as one-click links and an unsubscribe link; each SMS the personal
            link and &ldquo;Reply STOP to opt out&rdquo;.
          </>
        }
      />
      {mailConfigured() ? null : (
        <p role="note" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          E-mail is not set up on this server (<code className="font-mono">SMTP_URL</code>, see the README), so
          invitations wait in the outbox until it is.
        </p>
      )}
      {smsConfigured() || !campaigns.some((c) => c.channel === "sms") ? null : <SmsSetupNote />}
      <Section title="Your campaigns">
        {campaigns.length === 0 ? (
          <EmptyState title="No campaigns yet" icon={<Send size={28} />}>
            Create one below: choose a live survey and an audience (build audiences in{" "}
            <Link href="/settings/audiences" className="underline">
              Settings → Audiences
            </Link>
            ). The first wave starts at the time you choose, within the send window of each customer&apos;s time zone.
          </EmptyState>
        ) : (
          <DataTable label="Campaigns" rows={campaigns} rowKey={(c) => c.id} columns={columns} />
        )}
      </Section>
      <Section title="New campaign" description="Who receives what, when, and how often they are reminded.">
        <CampaignForm surveys={live} audiences={audienceOptions} sending={sending} />
      </Section>
    </>
  );
}
