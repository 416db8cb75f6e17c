import Link from "next/link";
import { Zap } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { listTriggers, type TriggerDto } from "@/lib/triggers/service";
import { listSurveys } from "@/lib/surveys/service";
import { listTouchpoints } from "@/lib/journeys/service";
import { mailConfigured } from "@/lib/mail/transport";
import { smsConfigured } from "@/lib/campaigns/sms/provider";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { funnelColumns } from "@/components/campaigns/funnel-columns";
import { SmsSetupNote } from "@/components/campaigns/sms-setup-note";
import { TriggerForm } from "@/components/triggers/trigger-form";
import { TriggerControls } from "@/components/triggers/trigger-controls";
import { TRIGGER_STATUS, triggerWhen } from "@/components/triggers/trigger-labels";
import { sendingContext } from "@/lib/campaigns/contact-rule-service";

export const dynamic = "force-dynamic";
export const metadata = { title: "Triggers" };

const columns: Column<TriggerDto>[] = [
  {
    header: "Trigger",
    className: "table-view:min-w-52",
    cell: (t) => (
      <>
        <Link href={`/surveys/triggers/${t.id}`} className="font-medium text-brand-700 hover:underline">
          {t.name}
        </Link>
        <span className="block text-xs text-slate-700">
          → {t.survey?.name ?? "the case's survey (else the live NPS, else CSAT survey)"}
          {t.survey && t.survey.status !== "live" ? " (not live: fires nothing)" : ""}
        </span>
        <span className="block text-xs text-slate-700">{triggerWhen(t)}</span>
      </>
    ),
  },
  {
    header: "Status",
    cell: (t) => {
      const s = TRIGGER_STATUS[t.status] ?? { label: t.status, tone: "neutral" as const };
      return <Badge tone={s.tone}>{s.label}</Badge>;
    },
  },
  ...funnelColumns<TriggerDto>({ delivered: false }),
  {
    header: "Actions",
    cell: (t) => <TriggerControls id={t.id} name={t.name} status={t.status} builtIn={t.builtIn !== null} />,
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
  const touchpointOptions = touchpoints.map((t) => ({ value: t.id, label: `${t.journey.name} / ${t.name}` }));
  return (
    <>
      <PageHeader
        title="Triggers"
        description={
          <>
            <Link href="/surveys" className="underline">
              Surveys
            </Link>{" "}
            · Invite a customer to a survey by e-mail or SMS a while after an interaction or a resolved case — once per
            event, within the send window, under the organization&apos;s contact rules.
          </>
        }
      />
      {mailConfigured() ? null : (
        <p role="note" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          E-mail is not set up on this server (<code className="font-mono">SMTP_URL</code>, see the README), so
          invitations wait in the outbox until it is; an agent resolving a case gets the re-survey link to pass on.
        </p>
      )}
      {smsConfigured() || !triggers.some((t) => t.channel === "sms") ? null : <SmsSetupNote />}
      <Section title="Your triggers">
        {triggers.length === 0 ? (
          <EmptyState title="No triggers yet" icon={<Zap size={28} />}>
            Create one below: for example, a CSAT survey one hour after an interaction at your service desk, or an NPS
            survey a day after a case is resolved. The re-survey agents send when they resolve a case appears here too,
            once it is first used.
          </EmptyState>
        ) : (
          <DataTable label="Triggers" rows={triggers} rowKey={(t) => t.id} columns={columns} />
        )}
      </Section>
      <Section title="New trigger" description="What fires it, which survey, how long after, and when to send.">
        <TriggerForm surveys={live} touchpoints={touchpointOptions} sending={sending} />
      </Section>
    </>
  );
}
