// "What customers talk about" (docs/text-analytics.md, "Theme analytics"): the most mentioned themes of the analysed
// comments in the dashboard's filters — share of comments with its 95 % interval, mean sentiment as a word (not a
// colour only), NPS of the mentioners against everyone else with the interval of the difference, "too few" below
// 30 — and the same figures for every theme as a table (ChartCard's disclosure) and as CSV.
import Link from "next/link";
import { formatNumber, nEquals } from "@/lib/metrics";
import { valueOf } from "@/lib/digest/select";
import { labelFor } from "@/lib/text/sentiment";
import type { ThemeReportRow, ThemesReport } from "@/lib/text-analytics/themes-report";
import { formatCount } from "../ui/format";
import { ChartCard } from "./chart-card";

const TOP = 6;

const pct = (x: number | null) => (x === null ? "—" : `${formatNumber(x, 0)} %`);
const signed = (x: number | null, d = 0) => (x === null ? "—" : `${x > 0 ? "+" : ""}${formatNumber(x, d)}`);

function sentimentText(t: ThemeReportRow): string {
  if (t.sentiment.mean === null) return "—";
  return `${labelFor(t.sentiment.mean)} (${formatNumber(t.sentiment.mean, 2)})`;
}

function differenceText(t: ThemeReportRow): string {
  const d = t.difference;
  if (d.delta === null) return "—";
  const interval = d.low !== null && d.high !== null ? ` [${signed(d.low)}, ${signed(d.high)}]` : "";
  return `${signed(d.delta)}${interval}${t.enough ? (d.significant ? " · significant" : " · not significant") : " · too few"}`;
}

function ThemesTable({ report }: { report: ThemesReport }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">
          Every theme: mentions, share, sentiment and NPS of mentioners against the rest
        </caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Theme
            </th>
            <th scope="col" className="py-1 pr-3">
              Mentions
            </th>
            <th scope="col" className="py-1 pr-3">
              Share [95 %]
            </th>
            <th scope="col" className="py-1 pr-3">
              Sentiment
            </th>
            <th scope="col" className="py-1 pr-3">
              NPS mentioners / rest
            </th>
            <th scope="col" className="py-1 pr-3">
              Difference [95 %]
            </th>
            <th scope="col" className="py-1">
              Contribution
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {report.themes.map((t) => (
            <tr key={t.theme}>
              <th scope="row" className="py-1 pr-3 font-medium text-slate-900">
                {t.name}
              </th>
              <td className="py-1 pr-3">{formatCount(t.mentions)}</td>
              <td className="py-1 pr-3">
                {pct(t.share.share)}
                {t.share.low !== null && t.share.high !== null ? ` [${pct(t.share.low)}, ${pct(t.share.high)}]` : ""}
              </td>
              <td className="py-1 pr-3">{sentimentText(t)}</td>
              <td className="py-1 pr-3">
                {signed(valueOf(t.mentioners))} ({nEquals(formatCount(t.mentioners.n))}) / {signed(valueOf(t.others))} (
                {nEquals(formatCount(t.others.n))})
              </td>
              <td className="py-1 pr-3">{differenceText(t)}</td>
              <td className="py-1">{signed(t.contribution.value, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ThemesCard({ report, query }: { report: ThemesReport; query: string }) {
  const top = report.themes.filter((t) => t.mentions > 0).slice(0, TOP);
  const csvHref = `/api/v1/metrics/themes?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), format: "csv" })}`;
  if (report.comments === 0)
    return (
      <section
        data-testid="themes-card"
        aria-labelledby="themes-title"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h3 id="themes-title" className="text-base font-semibold text-slate-900">
          No analysed comments yet
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          No analysed comments in these filters yet. Comments are analysed as they arrive; for comments written before
          text analytics was on, run “Analyse history” in{" "}
          <Link href="/settings/text-analytics" className="font-medium text-brand-700 underline">
            Settings → Text analytics
          </Link>
          , or pick a longer period above.
        </p>
      </section>
    );
  return (
    <ChartCard
      id="themes"
      title="Top themes"
      description={
        <>
          Themes of {formatCount(report.comments)} analysed comments: share of comments with its 95 % interval, mean
          sentiment, and the NPS of those who mention the theme against everyone else (
          {nEquals(formatCount(report.responses))}).
        </>
      }
      csvHref={csvHref}
      table={<ThemesTable report={report} />}
    >
      <ul className="divide-y divide-slate-100" data-testid="themes-card">
        {top.map((t) => (
          <li key={t.theme} className="py-2">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <span className="font-medium text-slate-900">
                {t.name}
                <span className="ml-2 text-sm font-normal text-slate-700 tabular-nums">
                  {pct(t.share.share)} of comments ({nEquals(formatCount(t.mentions))})
                  {t.share.enough ? "" : " · too few"}
                </span>
              </span>
              <span className="text-sm text-slate-700">Sentiment {sentimentText(t)}</span>
            </div>
            <div className="mt-1 h-2 w-full rounded bg-slate-100" aria-hidden="true">
              <div className="h-2 rounded bg-brand-600" style={{ width: `${Math.min(100, t.share.share ?? 0)}%` }} />
            </div>
            <p className="mt-1 text-sm text-slate-700 tabular-nums">
              NPS {signed(valueOf(t.mentioners))} ({nEquals(t.mentioners.n)}) vs {signed(valueOf(t.others))} for the
              rest: {t.enough ? `difference ${differenceText(t)}` : "too few responses to compare (under 30)"}
            </p>
          </li>
        ))}
      </ul>
      {top.length === 0 ? (
        <p className="text-sm text-slate-600">None of the comments mentions a theme of the taxonomy.</p>
      ) : null}
    </ChartCard>
  );
}
