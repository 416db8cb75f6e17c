// The table alternative to the chart: the top paths with counts and share, and per step each touchpoint's
// customers, how many continued and how many left there.
import { useTranslations } from "next-intl";
import type { JourneyPaths } from "@/lib/journeys/paths-report";
import { useFormats } from "@/components/i18n/use-formats";
import { DataTable } from "../ui/data-table";

export function PathsTables({ data }: { data: JourneyPaths }) {
  const t = useTranslations("journeys.paths.tables");
  const f = useFormats();
  const pct = (x: number) => f.percent(100 * x, 1);
  const name = new Map(data.touchpoints.map((tp) => [tp.id, tp.name]));
  const nameOf = (id: string) => name.get(id) ?? t("unknown");
  const figure = { align: "right", className: "tabular-nums" } as const;
  return (
    <div className="grid gap-6">
      <DataTable
        label={t("top")}
        caption={t("topCaption", { customers: f.count(data.customers) })}
        rows={data.paths}
        rowKey={(p) => p.touchpointIds.join(">")}
        rowTestId="top-path"
        tableFrom="lg"
        columns={[
          { header: "#", className: "tabular-nums", cell: (_, i) => i + 1, card: (_, i) => t("pathN", { n: i + 1 }) },
          { header: t("path"), cell: (p) => p.touchpointIds.map(nameOf).join(" → ") },
          { header: t("customers"), ...figure, testId: "top-path-customers", cell: (p) => f.count(p.customers) },
          { header: t("share"), ...figure, cell: (p) => pct(p.share) },
        ]}
      />
      <details className="group">
        <summary className="mb-2 cursor-pointer text-sm font-semibold text-brand-700 hover:underline">
          {t("perStepSummary", { rows: data.nodes.length })}
        </summary>
        <DataTable
          label={t("perStepLabel")}
          caption={t("perStep")}
          rows={data.nodes}
          rowKey={(n) => `${n.step}:${n.touchpointId}`}
          tableFrom="lg"
          columns={[
            {
              header: t("step"),
              className: "tabular-nums",
              cell: (n) => n.step + 1,
              card: (n) => t("stepN", { n: n.step + 1 }),
            },
            { header: t("touchpoint"), cell: (n) => nameOf(n.touchpointId) },
            { header: t("customers"), ...figure, cell: (n) => f.count(n.customers) },
            {
              header: t("continued"),
              ...figure,
              // At the last step shown, those whose path went on past it (there is no next step to link to).
              cell: (n) =>
                n.beyond > 0 ? t("pastStep", { count: f.count(n.beyond), step: n.step + 1 }) : f.count(n.continued),
            },
            {
              header: t("left"),
              ...figure,
              cell: (n) => `${f.count(n.dropped)} (${pct(n.dropped / n.customers)})`,
            },
          ]}
        />
      </details>
    </div>
  );
}
