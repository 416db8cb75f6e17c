// The experience-gap table: one row per touchpoint and promised metric, in priority order (first row = act
// first), promised vs perceived with the 95 % interval, n, the gap with its interval, the verdict and priority.
import type { GapRow } from "@/lib/journeys/gaps-report";
import { formatNumber } from "@/lib/metrics";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { formatCount } from "../ui/format";
import { GapStatusBadge } from "../journeys/gap-status";
import { fmt, METRIC_NAMES, range, SCALE_SUFFIX, signed } from "../journeys/figures";
import { TouchpointName } from "./touchpoint-name";

export function GapTable({ rows, query }: { rows: GapRow[]; query: string }) {
  return (
    <Table
      label="Experience gaps by priority"
      caption={
        <span className="font-normal text-slate-600">
          Below each figure: its 95 % interval. Under the priority: the volume it weighs.
        </span>
      }
      className="print:overflow-visible print:rounded-none print:border-0 print:shadow-none"
    >
      <THead>
        <tr>
          <Th>Touchpoint</Th>
          <Th>Promised</Th>
          <Th>Perceived</Th>
          <Th className="normal-case">n</Th>
          <Th>Gap</Th>
          <Th>Verdict</Th>
          <Th>Priority</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r, i) => {
          const g = r.gap;
          const m = g.metric;
          const p = g.perceived;
          return (
            <tr
              key={r.key}
              className={g.status === "friction" ? "bg-red-50/50" : g.status === "delight" ? "bg-green-50/50" : ""}
            >
              <Th scope="row" className="font-medium normal-case">
                <div className="min-w-40 whitespace-normal">
                  <span className="mr-1 tabular-nums text-slate-500">{i + 1}.</span>
                  <TouchpointName row={r} query={query} />
                </div>
              </Th>
              <Td className="tabular-nums whitespace-nowrap">
                {METRIC_NAMES[m]} {fmt(m, g.target)}
                <span className="text-xs text-slate-500">{SCALE_SUFFIX[m]}</span>
              </Td>
              <Td className={`tabular-nums whitespace-nowrap ${p.enough ? "" : "text-slate-500"}`}>
                {fmt(m, p.value)}
                <span className="block text-xs text-slate-600">{range(m, p)}</span>
              </Td>
              <Td className="tabular-nums">{formatCount(p.n)}</Td>
              <Td className={`tabular-nums whitespace-nowrap ${p.enough ? "font-semibold" : "text-slate-500"}`}>
                {signed(m, g.gap)}
                <span className="block text-xs font-normal text-slate-600">
                  {!p.enough || g.low === null || g.high === null ? "—" : `${signed(m, g.low)} to ${signed(m, g.high)}`}
                </span>
              </Td>
              <Td>
                <GapStatusBadge status={g.status} />
                <span className="sr-only">{g.significant ? " (significant)" : " (not significant)"}</span>
              </Td>
              <Td className="tabular-nums whitespace-nowrap">
                <span className="font-semibold">{g.priority === null ? "—" : formatNumber(g.priority, 0)}</span>
                <span className="block text-xs text-slate-600">{formatCount(g.volume)} encounters</span>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
