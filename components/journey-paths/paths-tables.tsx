// The table alternative to the chart: the top paths with counts and share, and per step each touchpoint's
// customers, how many continued and how many left there.
import type { JourneyPaths } from "@/lib/journeys/paths-report";
import { DataTable } from "../ui/data-table";
import { formatCount } from "../ui/format";

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function PathsTables({ data }: { data: JourneyPaths }) {
  const name = new Map(data.touchpoints.map((t) => [t.id, t.name]));
  const nameOf = (id: string) => name.get(id) ?? "Unknown touchpoint";
  const figure = { align: "right", className: "tabular-nums" } as const;
  return (
    <div className="grid gap-6">
      <DataTable
        label="Top paths"
        caption={`Top paths (of ${formatCount(data.customers)} customers)`}
        rows={data.paths}
        rowKey={(p) => p.touchpointIds.join(">")}
        rowTestId="top-path"
        tableFrom="lg"
        columns={[
          { header: "#", className: "tabular-nums", cell: (_, i) => i + 1, card: (_, i) => `Path ${i + 1}` },
          { header: "Path", cell: (p) => p.touchpointIds.map(nameOf).join(" → ") },
          { header: "Customers", ...figure, testId: "top-path-customers", cell: (p) => formatCount(p.customers) },
          { header: "Share", ...figure, cell: (p) => pct(p.share) },
        ]}
      />
      <details className="group">
        <summary className="mb-2 cursor-pointer text-sm font-semibold text-brand-700 hover:underline">
          Per step: customers, continued and left ({data.nodes.length} rows)
        </summary>
        <DataTable
          label="Customers per step"
          caption="Per step: customers, continued and left"
          rows={data.nodes}
          rowKey={(n) => `${n.step}:${n.touchpointId}`}
          tableFrom="lg"
          columns={[
            { header: "Step", className: "tabular-nums", cell: (n) => n.step + 1, card: (n) => `Step ${n.step + 1}` },
            { header: "Touchpoint", cell: (n) => nameOf(n.touchpointId) },
            { header: "Customers", ...figure, cell: (n) => formatCount(n.customers) },
            {
              header: "Continued",
              ...figure,
              // At the last step shown, those whose path went on past it (there is no next step to link to).
              cell: (n) =>
                n.beyond > 0 ? `${formatCount(n.beyond)} past step ${n.step + 1}` : formatCount(n.continued),
            },
            {
              header: "Left",
              ...figure,
              cell: (n) => `${formatCount(n.dropped)} (${pct(n.dropped / n.customers)})`,
            },
          ]}
        />
      </details>
    </div>
  );
}
