// Report tables: one per metric, one row per period, every figure with its interval and n.
import type { ReactNode } from "react";
import {
  formatNumber,
  shownInterval,
  shownMargin,
  type CesResult,
  type CsatResult,
  type NpsResult,
} from "@/lib/metrics";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { Badge } from "../ui/badge";
import { formatCount, formatPeriod } from "../ui/format";
import { nEquals } from "@/lib/metrics";

export type PeriodRow<R> = { days: number; from: Date; to: Date; result: R };

const num = (x: number | null, d: number) => (x === null ? "—" : formatNumber(x, d));
// Below MIN_N no interval (lib/metrics/format.ts, shownInterval): a note under the period says "too few responses".
const range = (r: { low: number | null; high: number | null; enough: boolean }, d: number) => {
  const i = shownInterval(r);
  return i ? `${formatNumber(i.low, d)} – ${formatNumber(i.high, d)}` : "—";
};

/** Only where a figure needs one: none, or too few responses to trust it (there is no column of "—"). */
function Note({ n, enough }: { n: number; enough: boolean }) {
  if (n === 0) return <span className="mt-1 block text-xs font-normal text-slate-600">no responses</span>;
  if (!enough)
    return (
      <span className="mt-1 block">
        <Badge tone="warn">{`too few responses (${nEquals(n)})`}</Badge>
      </span>
    );
  return null;
}

function PeriodCell({ row }: { row: PeriodRow<{ n: number; enough: boolean }> }) {
  return (
    <Th scope="row" className="font-medium normal-case">
      Last {row.days} days
      <span className="block text-xs font-normal text-slate-600">{formatPeriod(row.from, row.to)}</span>
      <Note n={row.result.n} enough={row.result.enough} />
    </Th>
  );
}

function MetricTable({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <Table label={caption} caption={caption} className="mb-6">
      <THead>
        <tr>
          <Th>Period</Th>
          {headers.map((h) => (
            <Th key={h} className={h === "n" ? "normal-case" : ""}>
              {h}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>{children}</TBody>
    </Table>
  );
}

function dim(enough: boolean) {
  return enough ? "tabular-nums" : "tabular-nums text-slate-500";
}

export function NpsTable({ rows }: { rows: PeriodRow<NpsResult>[] }) {
  return (
    <MetricTable
      caption="NPS (−100 to 100)"
      headers={["NPS", "95 % interval", "n", "Promoters · passives · detractors"]}
    >
      {rows.map((row) => {
        const r = row.result;
        return (
          <tr key={row.days}>
            <PeriodCell row={row} />
            <Td className={`text-lg font-semibold ${dim(r.enough)}`}>{num(r.nps, 0)}</Td>
            <Td className={`whitespace-nowrap ${dim(r.enough)}`}>
              {shownMargin(r) === null ? "—" : `± ${formatNumber(shownMargin(r)!, 1)} (${range(r, 1)})`}
            </Td>
            <Td className="tabular-nums">{formatCount(r.n)}</Td>
            <Td className="tabular-nums whitespace-nowrap">
              {r.n ? [r.promoters, r.passives, r.detractors].map(formatCount).join(" · ") : "—"}
            </Td>
          </tr>
        );
      })}
    </MetricTable>
  );
}

export function CsatTable({ rows }: { rows: PeriodRow<CsatResult>[] }) {
  return (
    <MetricTable
      caption="CSAT (% satisfied, 4–5 on 1–5)"
      headers={["CSAT %", "95 % interval (Wilson)", "Mean of 5", "n"]}
    >
      {rows.map((row) => {
        const r = row.result;
        return (
          <tr key={row.days}>
            <PeriodCell row={row} />
            <Td className={`text-lg font-semibold ${dim(r.enough)}`}>
              {r.csat === null ? "—" : `${formatNumber(r.csat, 1)} %`}
            </Td>
            <Td className={`whitespace-nowrap ${dim(r.enough)}`}>{range(r, 1)}</Td>
            <Td className={dim(r.enough)}>{num(r.mean, 2)}</Td>
            <Td className="tabular-nums">{formatCount(r.n)}</Td>
          </tr>
        );
      })}
    </MetricTable>
  );
}

export function CesTable({ rows }: { rows: PeriodRow<CesResult>[] }) {
  return (
    <MetricTable
      caption="CES (mean on a 1–7 scale, higher is easier)"
      headers={["Mean", "95 % interval (t)", "% agree (5–7)", "n"]}
    >
      {rows.map((row) => {
        const r = row.result;
        return (
          <tr key={row.days}>
            <PeriodCell row={row} />
            <Td className={`text-lg font-semibold ${dim(r.enough)}`}>{num(r.mean, 2)}</Td>
            <Td className={`whitespace-nowrap ${dim(r.enough)}`}>{range(r, 2)}</Td>
            <Td className={dim(r.enough)}>{r.agreePct === null ? "—" : `${formatNumber(r.agreePct, 1)} %`}</Td>
            <Td className="tabular-nums">{formatCount(r.n)}</Td>
          </tr>
        );
      })}
    </MetricTable>
  );
}
