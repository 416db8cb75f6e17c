// "What customers talk about" (docs/text-analytics.md, "Theme analytics"): the most mentioned themes of the analysed
// comments in the dashboard's filters — share of comments with its 95 % interval, mean sentiment as a word (not a
// colour only), NPS of the mentioners against everyone else with the interval of the difference, "too few" below
// 30 — and the same figures for every theme as a table (ChartCard's disclosure) and as CSV.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { valueOf } from "@/lib/digest/select";
import { labelFor } from "@/lib/text/sentiment";
import type { ThemeReportRow, ThemesReport } from "@/lib/text-analytics/themes-report";
import type { Formats } from "@/lib/i18n/format";
import { useFormats } from "@/components/i18n/use-formats";
import { ChartCard } from "./chart-card";

const TOP = 6;

type T = ReturnType<typeof useTranslations<"reports.textAnalytics.themesCard">>;

/** The card's texts in the page's language: shares, signed NPS, the sentiment as a word, the difference. */
function texts(t: T, f: Formats) {
  const pct = (x: number | null) => (x === null ? "—" : `${f.number(x, 0)} %`);
  const signed = (x: number | null, d = 0) => (x === null ? "—" : `${x > 0 ? "+" : ""}${f.number(x, d)}`);
  const sentimentText = (row: ThemeReportRow) =>
    row.sentiment.mean === null
      ? "—"
      : t("sentimentValue", { label: labelFor(row.sentiment.mean), score: f.number(row.sentiment.mean, 2) });
  const differenceText = (row: ThemeReportRow) => {
    const d = row.difference;
    if (d.delta === null) return "—";
    const interval = d.low !== null && d.high !== null ? ` [${signed(d.low)}, ${signed(d.high)}]` : "";
    return t("difference", {
      delta: signed(d.delta),
      interval,
      verdict: row.enough ? String(d.significant) : "tooFew",
    });
  };
  return { pct, signed, sentimentText, differenceText };
}

function ThemesTable({ report }: { report: ThemesReport }) {
  const t = useTranslations("reports.textAnalytics.themesCard");
  const f = useFormats();
  const { pct, signed, sentimentText, differenceText } = texts(t, f);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3">
              {t("table.theme")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("table.mentions")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("table.share")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("table.sentiment")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("table.nps")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("table.difference")}
            </th>
            <th scope="col" className="py-1">
              {t("table.contribution")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {report.themes.map((row) => (
            <tr key={row.theme}>
              <th scope="row" className="py-1 pr-3 font-medium text-slate-900">
                {row.name}
              </th>
              <td className="py-1 pr-3">{f.count(row.mentions)}</td>
              <td className="py-1 pr-3">
                {pct(row.share.share)}
                {row.share.low !== null && row.share.high !== null
                  ? ` [${pct(row.share.low)}, ${pct(row.share.high)}]`
                  : ""}
              </td>
              <td className="py-1 pr-3">{sentimentText(row)}</td>
              <td className="py-1 pr-3">
                {signed(valueOf(row.mentioners))} ({f.nEquals(row.mentioners.n)}) / {signed(valueOf(row.others))} (
                {f.nEquals(row.others.n)})
              </td>
              <td className="py-1 pr-3">{differenceText(row)}</td>
              <td className="py-1">{signed(row.contribution.value, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ThemesCard({ report, query }: { report: ThemesReport; query: string }) {
  const t = useTranslations("reports.textAnalytics.themesCard");
  const f = useFormats();
  const { pct, signed, sentimentText, differenceText } = texts(t, f);
  const top = report.themes.filter((row) => row.mentions > 0).slice(0, TOP);
  const csvHref = `/api/v1/metrics/themes?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), format: "csv" })}`;
  if (report.comments === 0)
    return (
      <section
        data-testid="themes-card"
        aria-labelledby="themes-title"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h3 id="themes-title" className="text-base font-semibold text-slate-900">
          {t("emptyTitle")}
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          {t.rich("empty", {
            link: (chunks) => (
              <Link href="/settings/text-analytics" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
    );
  return (
    <ChartCard
      id="themes"
      title={t("title")}
      description={t("description", { comments: f.count(report.comments), n: f.nEquals(report.responses) })}
      csvHref={csvHref}
      table={<ThemesTable report={report} />}
    >
      <ul className="divide-y divide-slate-100" data-testid="themes-card">
        {top.map((row) => (
          <li key={row.theme} className="py-2">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <span className="font-medium text-slate-900">
                {row.name}
                <span className="ml-2 text-sm font-normal text-slate-700 tabular-nums">
                  {t("share", { share: pct(row.share.share), n: f.nEquals(row.mentions) })}
                  {row.share.enough ? "" : ` · ${t("tooFew")}`}
                </span>
              </span>
              <span className="text-sm text-slate-700">{t("sentiment", { value: sentimentText(row) })}</span>
            </div>
            <div className="mt-1 h-2 w-full rounded bg-slate-100" aria-hidden="true">
              <div className="h-2 rounded bg-brand-600" style={{ width: `${Math.min(100, row.share.share ?? 0)}%` }} />
            </div>
            <p className="mt-1 text-sm text-slate-700 tabular-nums">
              {t("npsLine", {
                mentioners: signed(valueOf(row.mentioners)),
                n: f.nEquals(row.mentioners.n),
                others: signed(valueOf(row.others)),
              })}{" "}
              {row.enough ? t("differenceLine", { difference: differenceText(row) }) : t("tooFewToCompare")}
            </p>
          </li>
        ))}
      </ul>
      {top.length === 0 ? <p className="text-sm text-slate-600">{t("none")}</p> : null}
    </ChartCard>
  );
}
