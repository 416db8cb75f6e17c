// The drivers as a table (the chart's text alternative): relative weight with its 95 % interval, the mean
// score with n, the quadrant; a driver without a weight says why ("not enough data").
import type { DriverRow } from "@/lib/analytics/drivers";
import { QUADRANT_LABELS } from "@/lib/analytics/driver-quadrants";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { formatCount } from "../ui/format";
import { mean, pct, scaleText, STATUS_TEXT } from "./figures";

/** `drivers` in table order (rankDrivers), each with its number on the chart. */
export function DriverTable({ drivers }: { drivers: (DriverRow & { rank: number })[] }) {
  const ordered = drivers;
  return (
    <Table
      label="Key drivers"
      caption={
        <span className="font-normal text-slate-600">
          Most important first. Relative weight: share of the explained variance (R²), with its 95 % bootstrap interval.
        </span>
      }
    >
      <THead>
        <tr>
          <Th>Driver</Th>
          <Th>Relative weight</Th>
          <Th>95 % interval</Th>
          <Th>Performance</Th>
          <Th className="normal-case">n</Th>
          <Th>Quadrant</Th>
        </tr>
      </THead>
      <TBody>
        {ordered.map((d) => (
          <tr key={d.key} data-testid={`driver-${d.key}`}>
            <Th scope="row" className="font-medium normal-case">
              <span className="block min-w-40 whitespace-normal text-slate-900">
                <span className="mr-1 tabular-nums text-slate-500">{d.rank}.</span>
                {d.label}
              </span>
            </Th>
            {d.importance ? (
              <>
                <Td className="font-semibold tabular-nums">{pct(d.importance.share)}</Td>
                <Td className="tabular-nums whitespace-nowrap text-slate-700">
                  {pct(d.importance.shareInterval.low)} – {pct(d.importance.shareInterval.high)}
                </Td>
              </>
            ) : (
              <Td colSpan={2} className="text-slate-600 italic">
                {STATUS_TEXT[d.status as keyof typeof STATUS_TEXT]}
              </Td>
            )}
            <Td className="tabular-nums whitespace-nowrap">
              {mean(d.performance.mean)}
              <span className="text-xs text-slate-500"> / {scaleText(d)}</span>
            </Td>
            <Td className="tabular-nums">{formatCount(d.performance.n)}</Td>
            <Td className="whitespace-nowrap">{d.quadrant ? QUADRANT_LABELS[d.quadrant] : "—"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
