// The experience-gap table: one row per touchpoint and promised metric, in priority order (first row = act
// first), promised vs perceived with the 95 % interval, n, the gap with its interval, the verdict and priority, and
// the touchpoint's top themes (share of its comments, n).
import { useTranslations } from "next-intl";
import type { GapRow } from "@/lib/journeys/gaps-report";
import { shownInterval } from "@/lib/metrics";
import type { Formats } from "@/lib/i18n/format";
import { useFormats } from "@/components/i18n/use-formats";
import { DataTable, type Column } from "../ui/data-table";
import { GapStatusBadge } from "../journeys/gap-status";
import { gapFigures } from "./gap-figures";
import { TouchpointName } from "./touchpoint-name";
import { ThemeChips } from "../journeys/touchpoint-themes";

type T = ReturnType<typeof useTranslations<"reports.gaps.table">>;

function gapColumns(query: string, t: T, f: Formats): Column<GapRow>[] {
  const { fmt, signed } = gapFigures(f);
  return [
    {
      header: t("touchpoint"),
      className: "table-view:min-w-40",
      cell: (r, i) => (
        <>
          <span className="mr-1 text-slate-500 tabular-nums">{i + 1}.</span>
          <TouchpointName row={r} query={query} />
          {/* under the name, not a column of its own: the table keeps fitting a 1280 px screen */}
          <ThemeChips themes={r.themes} />
        </>
      ),
    },
    {
      header: t("promised"),
      className: "tabular-nums table-view:whitespace-nowrap",
      cell: ({ gap: g }) => (
        <>
          {t("promisedFigure", { metric: g.metric, value: fmt(g.metric, g.target) })}
          <span className="text-xs text-slate-500">{t("scaleSuffix", { metric: g.metric })}</span>
        </>
      ),
    },
    {
      header: t("perceived"),
      className: "tabular-nums table-view:whitespace-nowrap",
      cell: ({ gap: { metric: m, perceived: p } }) => {
        const i = shownInterval(p);
        const range = () => (i ? t("range", { low: fmt(m, i.low), high: fmt(m, i.high) }) : "—");
        return (
          <span className={p.enough ? "" : "text-slate-500"}>
            {fmt(m, p.value)}
            <span className="block text-xs text-slate-600">{range()}</span>
          </span>
        );
      },
    },
    {
      header: "n",
      headerClassName: "normal-case",
      className: "tabular-nums",
      cell: (r) => f.count(r.gap.perceived.n),
    },
    {
      header: t("gap"),
      className: "tabular-nums table-view:whitespace-nowrap",
      cell: ({ gap: g }) => (
        <span className={g.perceived.enough ? "font-semibold" : "text-slate-500"}>
          {signed(g.metric, g.gap)}
          <span className="block text-xs font-normal text-slate-600">
            {!g.perceived.enough || g.low === null || g.high === null
              ? "—"
              : t("range", { low: signed(g.metric, g.low), high: signed(g.metric, g.high) })}
          </span>
        </span>
      ),
    },
    {
      header: t("verdict"),
      cell: ({ gap: g }) => (
        <>
          <GapStatusBadge status={g.status} />
          <span className="sr-only">{t("significant", { significant: String(g.significant) })}</span>
        </>
      ),
    },
    {
      header: t("priority"),
      className: "tabular-nums table-view:whitespace-nowrap",
      cell: ({ gap: g }) => (
        <>
          <span className="font-semibold">{g.priority === null ? "—" : f.number(g.priority, 0)}</span>
          <span className="block text-xs text-slate-600">{t("encounters", { count: g.volume })}</span>
        </>
      ),
    },
  ];
}

export function GapTable({ rows, query }: { rows: GapRow[]; query: string }) {
  const t = useTranslations("reports.gaps.table");
  const f = useFormats();
  return (
    <DataTable
      label={t("label")}
      caption={<span className="font-normal text-slate-600">{t("caption")}</span>}
      rows={rows}
      rowKey={(r) => r.key}
      rowHeaders
      rowClassName={({ gap: g }) =>
        g.status === "friction" ? "bg-red-50/50" : g.status === "delight" ? "bg-green-50/50" : ""
      }
      columns={gapColumns(query, t, f)}
      className="print:overflow-visible print:rounded-none print:border-0 print:shadow-none"
    />
  );
}
