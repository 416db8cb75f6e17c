// The unit league table (Reports → Units, docs/hierarchy.md): one row per unit with its NPS, CSAT or CES, interval
// and n, the difference to its parent, and a verdict that flags a unit only where Benjamini–Hochberg keeps the
// difference. One DataTable: a table on a wide screen, cards on a phone. A unit with units below it links to its own
// table. The headings stay short ("Δ vs parent", "Change") so that eight columns fit beside a unit name on a laptop;
// the caption says what they compare.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { shownInterval, shownMargin } from "@/lib/metrics";
import type { Formats } from "@/lib/i18n/format";
import { useFormats } from "@/components/i18n/use-formats";
import type { CesResult, CsatResult, NpsResult } from "@/lib/metrics";
import { leagueFigure, type LeagueMetric, type LeagueRow } from "@/lib/units/league";
import { DataTable, type Column } from "../ui/data-table";
import { Badge } from "../ui/badge";

type Figure = NpsResult | CsatResult | CesResult;

type Display = {
  label: string;
  value: (r: Figure) => string;
  interval: (r: Figure) => string | null;
  decimals: number;
};

/**
 * How each metric reads in the page's language: its name, its value, its 95 % interval (none below n = 30) and the
 * decimals of a Δ.
 */
export function leagueDisplay(f: Formats): Record<LeagueMetric, Display> {
  const formatNumber = f.number;
  // English keeps its tight "38.3%" (a narrow column); German writes "38,3 %".
  const percent = (x: number) => (f.locale === "en" ? `${f.number(x, 1)}%` : f.percent(x, 1));
  return {
    nps: {
      label: "NPS",
      value: (r) => ((r as NpsResult).nps === null ? "—" : formatNumber((r as NpsResult).nps!, 0)),
      interval: (r) => {
        const m = shownMargin(r as NpsResult);
        return m === null ? null : `± ${formatNumber(m, 1)}`;
      },
      decimals: 1,
    },
    csat: {
      label: "CSAT",
      value: (r) => ((r as CsatResult).csat === null ? "—" : percent((r as CsatResult).csat!)),
      interval: (r) => {
        const i = shownInterval(r as CsatResult);
        return i === null ? null : `${formatNumber(i.low, 1)}–${percent(i.high)}`;
      },
      decimals: 1,
    },
    ces: {
      label: "CES",
      value: (r) => ((r as CesResult).mean === null ? "—" : formatNumber((r as CesResult).mean!, 2)),
      interval: (r) => {
        const i = shownInterval(r as CesResult);
        return i === null ? null : `${formatNumber(i.low, 2)}–${formatNumber(i.high, 2)}`;
      },
      decimals: 2,
    },
  };
}

const signed = (f: Formats, x: number, decimals: number) =>
  `${x > 0 ? "+" : x < 0 ? "−" : "±"}${f.number(Math.abs(x), decimals)}`;

type Row = LeagueRow<LeagueMetric>;

function Verdict({ row, n, parent }: { row: Row; n: number; parent: string }) {
  const t = useTranslations("reports.units.table");
  const f = useFormats();
  if (n === 0) return <span className="text-slate-600">{t("noResponses")}</span>;
  if (row.reason === "too_few_responses") return <Badge tone="warn">{t("tooFew", { n: f.nEquals(n) })}</Badge>;
  if (row.direction === "above") return <Badge tone="ok">{t("above", { parent })}</Badge>;
  if (row.direction === "below") return <Badge tone="danger">{t("belowParent", { parent })}</Badge>;
  return <span className="text-slate-700">{t("noDifference")}</span>;
}

/** The unit against its own previous period: Δ, and a verdict only where Benjamini–Hochberg keeps it. */
function Change({ change, decimals }: { change: Row["change"]; decimals: number }) {
  const t = useTranslations("reports.units.table");
  const f = useFormats();
  if (!change || change.delta === null) return <span className="text-slate-600">—</span>;
  const delta = <span className="tabular-nums">{signed(f, change.delta, decimals)}</span>;
  if (change.reason === "too_few_responses")
    return (
      <span className="text-slate-600">
        {delta} <span className="block text-xs">{t("tooFewBefore", { n: f.nEquals(change.previous.n) })}</span>
      </span>
    );
  if (change.direction === "up")
    return (
      <Badge tone="ok">
        {delta} · {t("up")}
      </Badge>
    );
  if (change.direction === "down")
    return (
      <Badge tone="danger">
        {delta} · {t("down")}
      </Badge>
    );
  return (
    <span className="text-slate-700">
      {delta} <span className="block text-xs text-slate-600">{t("noChange")}</span>
    </span>
  );
}

export function UnitLeagueTable({
  metric,
  rows,
  parent,
  previous,
  query,
}: {
  metric: LeagueMetric;
  rows: Row[];
  /** The parent's name as the verdicts say it ("the organization", "North"). */
  parent: string;
  /** The previous period as shown ("4 Oct – 2 Nov 2026"), for the caption. */
  previous: string;
  /** The page's query without parentId, for the drill-down links (it carries the metric). */
  query: string;
}) {
  const t = useTranslations("reports.units.table");
  const f = useFormats();
  const show = leagueDisplay(f)[metric];
  const figure = (r: Row) => leagueFigure(metric, r) as Figure;
  const columns: Column<Row>[] = [
    {
      header: t("unit"),
      // A unit's name never wraps into a narrow column beside seven columns of figures.
      className: "table-view:min-w-44",
      cell: (r) => (
        <span className="font-medium">
          {r.unit.children > 0 ? (
            <Link
              href={`/reports/units?${query ? `${query}&` : ""}parentId=${encodeURIComponent(r.unit.id)}`}
              className="text-brand-700 hover:underline"
            >
              {r.unit.name}
            </Link>
          ) : (
            r.unit.name
          )}
          <span className="block text-xs font-normal text-slate-600">
            {r.unit.code}
            {r.unit.kind ? ` · ${r.unit.kind}` : ""}
            {r.unit.archived ? t("archived") : ""}
            {r.unit.children > 0 ? t("below", { count: r.unit.children }) : ""}
          </span>
        </span>
      ),
    },
    {
      // The figure with its 95 % interval under it: one column, so that eight fields fit beside a unit's name.
      header: show.label,
      align: "right",
      className: "tabular-nums whitespace-nowrap",
      cell: (r) => {
        const interval = show.interval(figure(r));
        return (
          <>
            <span className="text-base font-semibold" data-testid="unit-figure">
              {show.value(figure(r))}
            </span>
            {interval ? <span className="block text-xs text-slate-600">{t("interval", { interval })}</span> : null}
          </>
        );
      },
    },
    { header: "n", align: "right", className: "tabular-nums", cell: (r) => f.count(figure(r).n), testId: "unit-n" },
    {
      header: t("delta"),
      align: "right",
      className: "tabular-nums whitespace-nowrap",
      cell: (r) => (r.delta === null ? "—" : signed(f, r.delta, show.decimals)),
    },
    {
      header: t("adjustedP"),
      align: "right",
      className: "tabular-nums",
      cell: (r) =>
        r.adjustedP === null ? "—" : r.adjustedP < 0.001 ? `< ${f.number(0.001, 3)}` : f.number(r.adjustedP, 3),
    },
    {
      header: t("verdict"),
      cell: (r) => <Verdict row={r} n={figure(r).n} parent={parent} />,
      testId: "unit-verdict",
    },
    {
      header: t("change"),
      cell: (r) => <Change change={r.change} decimals={show.decimals} />,
      testId: "unit-change",
    },
  ];
  return (
    <>
      <p className="mb-2 text-xs text-slate-600" data-testid="league-legend">
        {t.rich("legend", {
          metric: show.label,
          parent,
          previous,
          b: (chunks) => <span className="font-semibold text-slate-700">{chunks}</span>,
        })}
      </p>
      <DataTable
        label={t("label")}
        rows={rows}
        columns={columns}
        rowKey={(r) => r.unit.id}
        rowHeaders
        rowTestId="unit-row"
        tableFrom="4xl"
      />
    </>
  );
}
