// The response-rate sections of a campaign's page and a trigger's page alike (docs/metrics.md, "Response rate of
// invitations"): the rate and completion with their intervals, the funnel, then `children` (a campaign's waves),
// the answers after each reminder and the non-response check.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TriggerRates } from "@/lib/campaigns/rates";
import { Section } from "@/components/ui/page-header";
import { CampaignFunnel } from "./campaign-funnel";
import { NonResponseTable, RateFigure, ReminderTable } from "./campaign-rates";

/** What the figures cover: a campaign's every wave, one wave (its number), or a trigger's every invitation. */
export type RateScope = "waves" | "invitations" | number;

export function RateSections({
  rates,
  name,
  scope,
  channel = "email",
  children,
}: {
  rates: Pick<TriggerRates, "funnel" | "responseRate" | "completionRate" | "reminders" | "nonResponse">;
  /** The campaign's or trigger's name, for the funnel's label. */
  name: string;
  scope: RateScope;
  /** How the invitations went out: what counts as an answer and as delivered reads differently for SMS. */
  channel?: string;
  children?: ReactNode;
}) {
  const t = useTranslations("surveys.rates");
  const scopeText =
    typeof scope === "number" ? t("scope", { scope: "wave", wave: scope }) : t("scope", { scope, wave: 0 });
  return (
    <>
      <Section
        title={t("responseRate")}
        description={t("responseRateDescription", { scope: scopeText, channel: channel === "sms" ? "sms" : "email" })}
      >
        <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{t("responseRate")}</dt>
            <dd className="mt-1 text-lg">
              <RateFigure rate={rates.responseRate} testId="response-rate" />
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{t("completedSurvey")}</dt>
            <dd className="mt-1 text-lg">
              <RateFigure rate={rates.completionRate} testId="completion-rate" />
            </dd>
          </div>
        </dl>
      </Section>
      <Section title={t("funnel")} description={t("funnelDescription", { scope: scopeText })}>
        <CampaignFunnel funnel={rates.funnel} label={t("funnelLabel", { name, scope: scopeText })} />
      </Section>
      {children}
      <Section title={t("reminders")} description={t("remindersDescription")}>
        {rates.reminders.length ? (
          <ReminderTable rows={rates.reminders} />
        ) : (
          <p className="text-sm text-slate-700">{t("nothingSent")}</p>
        )}
      </Section>
      <Section title={t("nonResponse")} description={t("nonResponseDescription")}>
        <NonResponseTable view={rates.nonResponse} />
      </Section>
    </>
  );
}
