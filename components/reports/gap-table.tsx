// The experience-gap table: one row per touchpoint and promised metric, in priority order (first row = act
// first), promised vs perceived with the 95 % interval, n, the gap with its interval, the verdict and priority, and
// the touchpoint's top themes (share of its comments, n).
import type { GapRow } from "@/lib/journeys/gaps-report";
import { formatNumber } from "@/lib/metrics";
import { DataTable, type Column } from "../ui/data-table";
import { formatCount } from "../ui/format";
import { GapStatusBadge } from "../journeys/gap-status";
import { fmt, METRIC_NAMES, range, SCALE_SUFFIX, signed } from "../journeys/figures";
import { TouchpointName } from "./touchpoint-name";
import { ThemeChips } from "../journeys/touchpoint-themes";

function gapColumns(query: string): Column<GapRow>[] {
  return [
    {
      header: "Touchpoint",
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
      header: "Promised",
      className: "tabular-nums table-view:whitespace-nowrap",
      cell: ({ gap: g }) => (
        <>
          {METRIC_NAMES[g.metric]} {fmt(g.metric, g.target)}
          <span className="text-xs text-slate-500">{SCALE_SUFFIX[g.metric]}</span>
        </>
      ),
    },
    {
      header: "Perceived",
      className: "tabular-nums table-view:whitespace-nowrap",
      cell: ({ gap: { metric: m, perceived: p } }) => (
        <span className={p.enough ? "" : "text-slate-500"}>
          {fmt(m, p.value)}
          <span className="block text-xs text-slate-600">{range(m, p)}</span>
        </span>
      ),
    },
    {
      header: "n",
      headerClassName: "normal-case",
      className: "tabular-nums",
      cell: (r) => formatCount(r.gap.perceived.n),
    },
    {
      header: "Gap",
      className: "tabular-nums table-view:whitespace-nowrap",
      cell: ({ gap: g }) => (
        <span className={g.perceived.enough ? "font-semibold" : "text-slate-500"}>
          {signed(g.metric, g.gap)}
          <span className="block text-xs font-normal text-slate-600">
            {!g.perceived.enough || g.low === null || g.high === null
              ? "—"
              : `${signed(g.metric, g.low)} to ${signed(g.metric, g.high)}`}
          </span>
        </span>
      ),
    },
    {
      header: "Verdict",
      cell: ({ gap: g }) => (
        <>
          <GapStatusBadge status={g.status} />
          <span className="sr-only">{g.significant ? " (significant)" : " (not significant)"}</span>
        </>
      ),
    },
    {
      header: "Priority",
      className: "tabular-nums table-view:whitespace-nowrap",
      cell: ({ gap: g }) => (
        <>
          <span className="font-semibold">{g.priority === null ? "—" : formatNumber(g.priority, 0)}</span>
          <span className="block text-xs text-slate-600">{formatCount(g.volume)} encounters</span>
        </>
      ),
    },
  ];
}

export function GapTable({ rows, query }: { rows: GapRow[]; query: string }) {
  return (
    <DataTable
      label="Experience gaps by priority"
      caption={
        <span className="font-normal text-slate-600">
          Below each figure: its 95 % interval. Under the priority: the volume it weighs.
        </span>
      }
      rows={rows}
      rowKey={(r) => r.key}
      rowHeaders
      rowClassName={({ gap: g }) =>
        g.status === "friction" ? "bg-red-50/50" : g.status === "delight" ? "bg-green-50/50" : ""
      }
      columns={gapColumns(query)}
      className="print:overflow-visible print:rounded-none print:border-0 print:shadow-none"
    />
  );
}
