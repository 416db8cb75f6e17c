// The funnel of a campaign (or one wave): invited → sent → delivered → answered → completed as bars, each a share
// of the first step, with what each step kept of the one before; and the same figures as a table in a disclosure
// (works without JavaScript), as every chart here has. The bars are plain elements: no chart library, and the
// labels beside them read as text.
import { useTranslations } from "next-intl";
import type { Funnel } from "@/lib/campaigns/service";
import { useFormats } from "@/components/i18n/use-formats";

type StepKey = "invited" | "sent" | "delivered" | "answered" | "completed";
type Step = { key: StepKey; testId: string; value: number; note?: string };

export function CampaignFunnel({ funnel: f, label }: { funnel: Funnel; label: string }) {
  const t = useTranslations("surveys.rates.funnelSteps");
  const fmt = useFormats();
  const count = (n: number) => fmt.count(n);
  const all: Step[] = [
    {
      key: "invited",
      testId: "invited",
      value: f.invited,
      note: f.suppressed + f.cancelled ? t("notSent", { count: count(f.suppressed + f.cancelled) }) : undefined,
    },
    {
      key: "sent",
      testId: "sent",
      value: f.sent,
      note: f.queued ? t("waiting", { count: count(f.queued) }) : undefined,
    },
    {
      key: "delivered",
      testId: "delivered",
      value: f.delivered,
      // SMS with delivery receipts: how many of them the carrier confirmed (docs/distribution.md, "Replies and delivery receipts")
      note:
        [
          f.bounced ? t("bounced", { count: count(f.bounced) }) : "",
          f.confirmed ? t("confirmed", { count: count(f.confirmed) }) : "",
        ]
          .filter(Boolean)
          .join(" · ") || undefined,
    },
    { key: "answered", testId: "started", value: f.started },
    { key: "completed", testId: "completed", value: f.completed },
  ];
  const share = (part: number, whole: number) => (whole > 0 ? fmt.percent((100 * part) / whole, 0) : "—");
  const top = Math.max(1, all[0].value);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="campaign-funnel">
      <ol aria-label={label} className="flex flex-col gap-2">
        {all.map((s, i) => (
          <li key={s.testId} className="grid grid-cols-[6.5rem_1fr] items-center gap-3 sm:grid-cols-[8rem_1fr]">
            <span className="text-sm font-medium text-slate-800">{t(s.key)}</span>
            <span className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
              <span
                aria-hidden="true"
                className="h-6 min-w-1 rounded-sm bg-brand-600"
                style={{ width: `${Math.max(0.5, (70 * s.value) / top)}%` }}
              />
              <span className="text-sm text-slate-900 tabular-nums" data-testid={`funnel-${s.testId}`}>
                {fmt.count(s.value)}
                {i > 0 ? (
                  <span className="text-slate-600">
                    {" "}
                    · {t("ofPrevious", { percent: share(s.value, all[i - 1].value), step: all[i - 1].key })}
                  </span>
                ) : null}
                {s.note ? <span className="text-slate-600"> · {s.note}</span> : null}
              </span>
            </span>
          </li>
        ))}
      </ol>
      <details className="group mt-3" data-testid="funnel-table">
        <summary className="inline-flex min-h-9 items-center rounded-md px-2 text-sm font-medium text-brand-700 underline hover:bg-slate-100">
          <span className="group-open:hidden">{t("showTable")}</span>
          <span className="hidden group-open:inline">{t("hideTable")}</span>
        </summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">{label}</caption>
          <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="py-2 pr-4 font-semibold">
                {t("step")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">
                {t("invitations")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">
                {t("ofStepBefore")}
              </th>
              <th scope="col" className="py-2 text-right font-semibold">
                {t("ofInvited")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {all.map((s, i) => (
              <tr key={s.testId}>
                <th scope="row" className="py-2 pr-4 font-medium">
                  {t(s.key)}
                  {s.note ? <span className="block text-xs font-normal text-slate-600">{s.note}</span> : null}
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">{fmt.count(s.value)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{i > 0 ? share(s.value, all[i - 1].value) : "—"}</td>
                <td className="py-2 text-right tabular-nums">{share(s.value, all[0].value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
