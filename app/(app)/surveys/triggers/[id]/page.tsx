// /surveys/triggers/:id — one trigger: what fires it, its controls, its response rates (the campaign page's
// sections: components/campaigns/rate-sections.tsx; lib/campaigns/rates.ts `getTriggerRates`), and its settings to
// edit (the API's PATCH changes the same fields). Managers and admins; another organization's trigger is a 404.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getTrigger } from "@/lib/triggers/service";
import { getTriggerRates } from "@/lib/campaigns/rates";
import { listSurveys } from "@/lib/surveys/service";
import { listTouchpoints } from "@/lib/journeys/service";
import { sendingContext } from "@/lib/campaigns/contact-rule-service";
import { PageHeader, Section } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { RateSections } from "@/components/campaigns/rate-sections";
import { TriggerControls } from "@/components/triggers/trigger-controls";
import { TriggerForm } from "@/components/triggers/trigger-form";
import { TriggerStatusBadge, TriggerWhen } from "@/components/triggers/trigger-labels";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("surveys.triggers");
  return { title: t("columns.trigger") };
}

export default async function TriggerPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx("manager");
  const { id } = await params;
  const t = await orNotFound(getTrigger(ctx, id));
  const tr = await getTranslations("surveys.triggers.detail");
  const [rates, surveys, touchpoints, sending] = await Promise.all([
    getTriggerRates(ctx, id),
    listSurveys(ctx),
    listTouchpoints(ctx),
    sendingContext(ctx.orgId),
  ]);
  const live = surveys.filter((s) => s.status === "live").map((s) => ({ value: s.id, label: s.name }));
  const touchpointOptions = touchpoints.map((x) => ({ value: x.id, label: `${x.journey.name} / ${x.name}` }));
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
        <BackLink href="/surveys/triggers">{tr("back")}</BackLink>
        <PageHeader
          title={t.name}
          description={
            <>
              <TriggerStatusBadge status={t.status} />{" "}
              {t.survey ? (
                <Link href={`/surveys/${t.survey.id}`} className="underline">
                  {t.survey.name}
                </Link>
              ) : (
                tr("caseOwnSurvey")
              )}{" "}
              · <TriggerWhen trigger={t} />
            </>
          }
          actions={
            <TriggerControls id={t.id} name={t.name} status={t.status} builtIn={t.builtIn !== null} canDelete={false} />
          }
        />
        <RateSections rates={rates} name={t.name} scope="invitations" channel={t.channel} />
        <Section title={tr("settings")} description={tr("settingsDescription")}>
          <TriggerForm surveys={live} touchpoints={touchpointOptions} sending={sending} trigger={t} />
        </Section>
      </>
    </ClientMessages>
  );
}
