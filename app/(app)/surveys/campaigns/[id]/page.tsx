// /surveys/campaigns/:id — one campaign: its settings and controls, and its response rates (docs/metrics.md,
// "Response rate of invitations"): the funnel, the waves, the answers after each reminder and the non-response
// check, for every wave or one (?wave=N); and who it left out, and why (the suppression log, docs/distribution.md).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getCampaign } from "@/lib/campaigns/service";
import { getCampaignRates } from "@/lib/campaigns/rates";
import { listCampaignSuppressions } from "@/lib/campaigns/suppression-log";
import { campaignRatesQuery } from "@/lib/campaigns/schema";
import { ValidationError } from "@/lib/errors";
import { PageHeader, Section } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { FormMessage } from "@/components/ui/form-message";
import { CampaignControls } from "@/components/campaigns/campaign-controls";
import { CampaignStatusBadge, ScheduleText } from "@/components/campaigns/campaign-labels";
import { WaveTable } from "@/components/campaigns/campaign-rates";
import { RateSections } from "@/components/campaigns/rate-sections";
import { SuppressionTable } from "@/components/campaigns/suppression-table";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("surveys.campaigns.columns");
  return { title: t("campaign") };
}

/** The suppression log's newest rows shown here; the API pages through the rest. */
const NOT_INVITED_SHOWN = 100;

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function ratesOf(ctx: Awaited<ReturnType<typeof requireCtx>>, id: string, wave: number | undefined) {
  try {
    return { rates: await getCampaignRates(ctx, id, wave), missingWave: null };
  } catch (error) {
    if (!(error instanceof ValidationError) || wave === undefined) throw error;
    return { rates: await getCampaignRates(ctx, id), missingWave: wave };
  }
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const ctx = await requireCtx("manager");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const wave = campaignRatesQuery.safeParse({ wave: typeof sp.wave === "string" ? sp.wave : undefined }).data?.wave;
  const c = await orNotFound(getCampaign(ctx, id));
  const { rates, missingWave } = await orNotFound(ratesOf(ctx, id, wave));
  const notInvited = await listCampaignSuppressions(ctx, id, { limit: NOT_INVITED_SHOWN });
  const t = await getTranslations("surveys.campaignDetail");
  const tc = await getTranslations("surveys.campaigns");
  const scope = rates.wave === null ? "waves" : rates.wave;
  const tab = (active: boolean) =>
    `inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium ${active ? "bg-brand-50 text-brand-800 ring-1 ring-brand-200" : "text-brand-700 underline hover:bg-slate-100"}`;
  return (
    <ClientMessages keys={["surveys.campaigns.controls"]}>
      <>
        <BackLink href="/surveys/campaigns">{t("back")}</BackLink>
        <PageHeader
          title={c.name}
          description={
            <>
              <CampaignStatusBadge status={c.status} /> {c.survey.name} → {c.audience?.name ?? tc("audienceDeleted")} ·{" "}
              <ScheduleText c={c} />
            </>
          }
          actions={<CampaignControls id={c.id} name={c.name} status={c.status} />}
        />
        {missingWave !== null ? (
          <div className="mb-4">
            <FormMessage tone="info">{t("missingWave", { wave: missingWave })}</FormMessage>
          </div>
        ) : null}
        {rates.waves.length > 1 ? (
          <nav aria-label={t("wavesNav")} className="mb-6 flex flex-wrap gap-2">
            <Link
              href={`/surveys/campaigns/${id}`}
              className={tab(rates.wave === null)}
              aria-current={rates.wave === null ? "page" : undefined}
            >
              {t("allWaves")}
            </Link>
            {rates.waves.map((w) => (
              <Link
                key={w.id}
                href={`/surveys/campaigns/${id}?wave=${w.number}`}
                className={tab(rates.wave === w.number)}
                aria-current={rates.wave === w.number ? "page" : undefined}
              >
                {t("wave", { n: w.number })}
              </Link>
            ))}
          </nav>
        ) : null}
        <RateSections rates={rates} name={c.name} scope={scope} channel={c.channel}>
          {rates.waves.length ? (
            <Section title={t("waves")} description={t("wavesDescription")}>
              <WaveTable campaignId={id} waves={rates.waves} />
            </Section>
          ) : null}
        </RateSections>
        <Section
          title={t("notInvited")}
          description={t.rich("notInvitedDescription", {
            link: (chunks) => (
              <Link href="/settings#contact-rules" className="underline">
                {chunks}
              </Link>
            ),
          })}
        >
          {notInvited.data.length === 0 ? (
            <p className="text-sm text-slate-700">{t("nobody")}</p>
          ) : (
            <SuppressionTable rows={notInvited.data} show="customer" />
          )}
          {notInvited.nextCursor ? (
            <p className="mt-2 text-sm text-slate-700">
              {t("newest", { count: NOT_INVITED_SHOWN, api: `GET /api/v1/campaigns/${id}/suppressions` })}
            </p>
          ) : null}
        </Section>
      </>
    </ClientMessages>
  );
}
