// The unit league table (Reports → Units, docs/hierarchy.md): one row per unit with its NPS, interval and n, the
// difference to its parent, and a verdict that flags a unit only where Benjamini–Hochberg keeps the difference.
// One DataTable: a table on a wide screen, cards on a phone. A unit with units below it links to its own table.
import Link from "next/link";
import { formatNumber, nEquals, shownMargin } from "@/lib/metrics";
import type { LeagueRow } from "@/lib/units/league";
import { DataTable, type Column } from "../ui/data-table";
import { Badge } from "../ui/badge";
import { formatCount } from "../ui/format";

const signed = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${formatNumber(Math.abs(x), 1)}`;

function Verdict({ row, parent }: { row: LeagueRow; parent: string }) {
  if (row.nps.n === 0) return <span className="text-slate-600">No responses</span>;
  if (row.reason === "too_few_responses")
    return <Badge tone="warn">{`Too few to compare (${nEquals(row.nps.n)})`}</Badge>;
  if (row.direction === "above") return <Badge tone="ok">{`Above ${parent}`}</Badge>;
  if (row.direction === "below") return <Badge tone="danger">{`Below ${parent}`}</Badge>;
  return <span className="text-slate-700">No clear difference</span>;
}

/** The unit against its own previous period: Δ, and a verdict only where Benjamini–Hochberg keeps it. */
function Change({ change }: { change: LeagueRow["change"] }) {
  if (!change || change.delta === null) return <span className="text-slate-600">—</span>;
  const delta = <span className="tabular-nums">{signed(change.delta)}</span>;
  if (change.reason === "too_few_responses")
    return (
      <span className="text-slate-600">
        {delta} · too few (previous {nEquals(change.previous.n)})
      </span>
    );
  if (change.direction === "up") return <Badge tone="ok">{<>{delta} · up</>}</Badge>;
  if (change.direction === "down") return <Badge tone="danger">{<>{delta} · down</>}</Badge>;
  return <span className="text-slate-700">{delta} · no clear change</span>;
}

export function UnitLeagueTable({ rows, parent, query }: { rows: LeagueRow[]; parent: string; query: string }) {
  const columns: Column<LeagueRow>[] = [
    {
      header: "Unit",
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
            {r.unit.archived ? " · archived" : ""}
            {r.unit.children > 0 ? ` · ${r.unit.children} below` : ""}
          </span>
        </span>
      ),
    },
    {
      header: "NPS",
      align: "right",
      className: "tabular-nums text-base font-semibold",
      cell: (r) => (r.nps.nps === null ? "—" : formatNumber(r.nps.nps, 0)),
    },
    {
      header: "95 % interval",
      align: "right",
      className: "tabular-nums whitespace-nowrap",
      cell: (r) => (shownMargin(r.nps) === null ? "—" : `± ${formatNumber(shownMargin(r.nps)!, 1)}`),
    },
    { header: "n", align: "right", className: "tabular-nums", cell: (r) => formatCount(r.nps.n) },
    {
      header: `Δ vs ${parent}`,
      align: "right",
      className: "tabular-nums whitespace-nowrap",
      cell: (r) => (r.delta === null ? "—" : signed(r.delta)),
    },
    {
      header: "Adjusted p",
      align: "right",
      className: "tabular-nums",
      cell: (r) => (r.adjustedP === null ? "—" : r.adjustedP < 0.001 ? "< 0.001" : formatNumber(r.adjustedP, 3)),
    },
    { header: "Verdict", cell: (r) => <Verdict row={r} parent={parent} />, testId: "unit-verdict" },
    {
      header: "Change vs previous period",
      className: "whitespace-nowrap",
      cell: (r) => <Change change={r.change} />,
      testId: "unit-change",
    },
  ];
  return (
    <DataTable
      label="Units compared"
      rows={rows}
      columns={columns}
      rowKey={(r) => r.unit.id}
      rowHeaders
      rowTestId="unit-row"
      tableFrom="4xl"
    />
  );
}
