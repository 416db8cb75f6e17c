// The response-rate sections of a campaign's page and a trigger's page alike (docs/metrics.md, "Response rate of
// invitations"): the rate and completion with their intervals, the funnel, then `children` (a campaign's waves),
// the answers after each reminder and the non-response check.
import type { ReactNode } from "react";
import type { TriggerRates } from "@/lib/campaigns/rates";
import { Section } from "@/components/ui/page-header";
import { CampaignFunnel } from "./campaign-funnel";
import { NonResponseTable, RateFigure, ReminderTable } from "./campaign-rates";

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
  /** "every wave", "wave 2", "every invitation". */
  scope: string;
  /** How the invitations went out: what counts as an answer and as delivered reads differently for SMS. */
  channel?: string;
  children?: ReactNode;
}) {
  return (
    <>
      <Section
        title="Response rate"
        description={`Of the invitations delivered (${scope}), how many customers answered the survey since — ${channel === "sms" ? "an answer through the text's link counts; delivered means not reported undelivered, and “confirmed” the carrier's receipt" : "a score from the e-mail counts"} — with its 95 % interval.`}
      >
        <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">Response rate</dt>
            <dd className="mt-1 text-lg">
              <RateFigure rate={rates.responseRate} testId="response-rate" />
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">Completed the survey</dt>
            <dd className="mt-1 text-lg">
              <RateFigure rate={rates.completionRate} testId="completion-rate" />
            </dd>
          </div>
        </dl>
      </Section>
      <Section title="Funnel" description={`Each step is part of the one before (${scope}).`}>
        <CampaignFunnel funnel={rates.funnel} label={`Funnel of ${name}, ${scope}`} />
      </Section>
      {children}
      <Section
        title="Answers after each reminder"
        description="Each answer counts once, after the last message the customer had been sent when they first answered."
      >
        {rates.reminders.length ? (
          <ReminderTable rows={rates.reminders} />
        ) : (
          <p className="text-sm text-slate-700">Nothing has been sent yet.</p>
        )}
      </Section>
      <Section
        title="Who answered, who did not"
        description="Respondents against non-respondents by what is known of them when they were invited: a group flagged “Differs” is over- or under-represented among the answers (two-proportion tests, Benjamini–Hochberg across all groups at 5 %)."
      >
        <NonResponseTable view={rates.nonResponse} />
      </Section>
    </>
  );
}
