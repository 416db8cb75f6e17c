import Link from "next/link";
import { Send } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { listCampaigns, type CampaignDto } from "@/lib/campaigns/service";
import { listSurveys } from "@/lib/surveys/service";
import { listAudiences } from "@/lib/audiences/service";
import { mailConfigured } from "@/lib/mail/transport";
import { smsConfigured } from "@/lib/campaigns/sms/provider";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { FormMessage } from "@/components/ui/form-message";
import { formatCount, formatDate } from "@/components/ui/format";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { CampaignControls } from "@/components/campaigns/campaign-controls";

export const dynamic = "force-dynamic";
export const metadata = { title: "Campaigns" };

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "ok" },
  paused: { label: "Paused", tone: "warn" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)} %` : "—");

function schedule(c: CampaignDto): string {
  const every = c.schedule.repeatEveryDays ? `every ${c.schedule.repeatEveryDays} days` : "once";
  const next = c.status === "active" && c.schedule.nextWaveAt ? `, next wave ${formatDate(c.schedule.nextWaveAt)}` : "";
  const reminders = c.reminders.count
    ? `; ${c.reminders.count} reminder${c.reminders.count > 1 ? "s" : ""} after ${c.reminders.delayHours} h`
    : "";
  return `${every}${next}${reminders}`;
}

const columns: Column<CampaignDto>[] = [
  {
    header: "Campaign",
    className: "table-view:min-w-48",
    cell: (c) => (
      <>
        <span className="font-medium">{c.name}</span>
        <span className="block text-xs text-slate-700">
          {c.survey.name} → {c.audience?.name ?? "audience deleted"}
        </span>
        <span className="block text-xs text-slate-700">
          {c.channel === "sms" ? "SMS" : "E-mail"}, {schedule(c)}
        </span>
      </>
    ),
  },
  {
    header: "Status",
    cell: (c) => {
      const s = STATUS[c.status] ?? { label: c.status, tone: "neutral" as const };
      return <Badge tone={s.tone}>{s.label}</Badge>;
    },
  },
  { header: "Invited", align: "right", className: "tabular-nums", cell: (c) => formatCount(c.funnel.invited) },
  {
    header: "Sent",
    align: "right",
    className: "tabular-nums",
    cell: (c) => (
      <>
        {formatCount(c.funnel.sent)}
        {c.funnel.queued ? (
          <span className="block text-xs text-slate-700">{formatCount(c.funnel.queued)} waiting</span>
        ) : null}
      </>
    ),
  },
  {
    header: "Delivered",
    align: "right",
    className: "tabular-nums",
    cell: (c) => (
      <>
        {formatCount(c.funnel.delivered)}
        {c.funnel.bounced ? (
          <span className="block text-xs text-slate-700">{formatCount(c.funnel.bounced)} bounced</span>
        ) : null}
      </>
    ),
  },
  { header: "Started", align: "right", className: "tabular-nums", cell: (c) => formatCount(c.funnel.started) },
  {
    header: "Completed",
    align: "right",
    className: "tabular-nums",
    cell: (c) => (
      <>
        {formatCount(c.funnel.completed)}
        <span className="block text-xs text-slate-700">{pct(c.funnel.completed, c.funnel.delivered)} of delivered</span>
      </>
    ),
  },
  {
    header: "Not invited",
    align: "right",
    className: "tabular-nums",
    cell: (c) => formatCount(c.funnel.suppressed + c.funnel.cancelled),
  },
  { header: "Actions", cell: (c) => <CampaignControls id={c.id} name={c.name} status={c.status} /> },
];

export default async function CampaignsPage() {
  const ctx = await requireCtx("manager");
  const [{ data: campaigns }, surveys, { data: audiences }] = await Promise.all([
    listCampaigns(ctx, { limit: 100 }),
    listSurveys(ctx),
    listAudiences(ctx, { limit: 200 }),
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
        <FormMessage tone="error">
          E-mail is not set up on this server (SMTP_URL), so invitations wait in the outbox until it is.
        </FormMessage>
      )}
      {smsConfigured() || !campaigns.some((c) => c.channel === "sms") ? null : (
        <FormMessage tone="error">
          SMS is not set up on this server (SMS_PROVIDER), so SMS invitations wait in the outbox until it is.
        </FormMessage>
      )}
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
        <CampaignForm surveys={live} audiences={audienceOptions} />
      </Section>
    </>
  );
}
