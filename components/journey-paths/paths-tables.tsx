// The table alternative to the chart: the top paths with counts and share, and per step each touchpoint's
// customers, how many continued and how many left there.
import type { JourneyPaths } from "@/lib/journeys/paths-report";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { formatCount } from "../ui/format";

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function PathsTables({ data }: { data: JourneyPaths }) {
  const name = new Map(data.touchpoints.map((t) => [t.id, t.name]));
  const nameOf = (id: string) => name.get(id) ?? "Unknown touchpoint";
  return (
    <div className="grid gap-6">
      <Table label="Top paths" caption={`Top paths (of ${formatCount(data.customers)} customers)`}>
        <THead>
          <tr>
            <Th>#</Th>
            <Th>Path</Th>
            <Th className="text-right">Customers</Th>
            <Th className="text-right">Share</Th>
          </tr>
        </THead>
        <TBody>
          {data.paths.map((p, i) => (
            <tr key={p.touchpointIds.join(">")} data-testid="top-path">
              <Td className="tabular-nums">{i + 1}</Td>
              <Td>{p.touchpointIds.map(nameOf).join(" → ")}</Td>
              <Td className="text-right tabular-nums" data-testid="top-path-customers">
                {formatCount(p.customers)}
              </Td>
              <Td className="text-right tabular-nums">{pct(p.share)}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <details className="group">
        <summary className="mb-2 cursor-pointer text-sm font-semibold text-brand-700 hover:underline">
          Per step: customers, continued and left ({data.nodes.length} rows)
        </summary>
        <Table label="Customers per step" caption="Per step: customers, continued and left">
          <THead>
            <tr>
              <Th>Step</Th>
              <Th>Touchpoint</Th>
              <Th className="text-right">Customers</Th>
              <Th className="text-right">Continued</Th>
              <Th className="text-right">Left</Th>
            </tr>
          </THead>
          <TBody>
            {data.nodes.map((n) => (
              <tr key={`${n.step}:${n.touchpointId}`}>
                <Td className="tabular-nums">{n.step + 1}</Td>
                <Td>{nameOf(n.touchpointId)}</Td>
                <Td className="text-right tabular-nums">{formatCount(n.customers)}</Td>
                <Td className="text-right tabular-nums">{formatCount(n.continued)}</Td>
                <Td className="text-right tabular-nums">
                  {formatCount(n.dropped)} ({pct(n.dropped / n.customers)})
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </details>
    </div>
  );
}
