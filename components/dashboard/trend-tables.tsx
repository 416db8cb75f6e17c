// The trend charts as tables: every point with its value, 95 % interval and n, flagged when it rests on too
// few responses or on a partial bucket. The flags sit under the period, where they wrap, rather than in a last
// column that a half-width card cut off.
import { useTranslations } from "next-intl";
import { shownInterval } from "@/lib/metrics";
import type { Formats } from "@/lib/i18n/format";
import { useFormats } from "@/components/i18n/use-formats";
import type { CesPoint, CsatPoint, NpsPoint, VolumePoint } from "@/lib/analytics/series";
import { Badge } from "../ui/badge";
import { DataTable, type Column } from "../ui/data-table";

type Base = { bucketStart: string; label: string; partial: boolean; n?: number; enough?: boolean };

function SeriesTable<T extends Base>({ caption, rows, columns }: { caption: string; rows: T[]; columns: Column<T>[] }) {
  const t = useTranslations("dashboard");
  const period: Column<T> = {
    header: t("table.period"),
    cell: (r) => (
      <>
        <time dateTime={r.bucketStart}>{r.label}</time>
        {r.partial ? <span className="block text-xs font-normal text-slate-600">{t("chart.partial")}</span> : null}
        {r.n !== undefined && r.enough !== undefined ? <Note n={r.n} enough={r.enough} /> : null}
      </>
    ),
  };
  return (
    <DataTable
      label={caption}
      caption={caption}
      rows={rows}
      rowKey={(r) => r.bucketStart}
      rowHeaders
      tableFrom="sm"
      columns={[
        period,
        ...columns.map((c) => ({
          ...c,
          headerClassName: "normal-case",
          className: `tabular-nums ${c.className ?? "table-view:whitespace-nowrap"}`,
        })),
      ]}
    />
  );
}

const num = (f: Formats, x: number | null, d: number) => (x === null ? "—" : f.number(x, d));
// Below MIN_N no interval (lib/metrics/format.ts, shownInterval): the note under the period says why. The
// interval may break after its dash, so that the table fits a half-width card.
function interval(f: Formats, p: { low: number | null; high: number | null; enough: boolean }, d: number) {
  const i = shownInterval(p);
  if (!i) return "—";
  return (
    <>
      <span className="whitespace-nowrap">{f.number(i.low, d)} –</span>{" "}
      <span className="whitespace-nowrap">{f.number(i.high, d)}</span>
    </>
  );
}

function Note({ n, enough }: { n: number; enough: boolean }) {
  const t = useTranslations("dashboard.chart");
  const f = useFormats();
  if (n === 0)
    return <span className="block text-xs font-normal text-slate-600">{t("noResponses", { n: f.nEquals(0) })}</span>;
  if (enough) return null;
  return (
    <span className="mt-1 block">
      <Badge tone="warn" className="whitespace-normal!">
        {t("tooFew", { n: f.nEquals(n) })}
      </Badge>
    </span>
  );
}

const dim = (p: { enough: boolean }) => (p.enough ? "" : "text-slate-500");

export function NpsTrendTable({ rows, caption }: { rows: NpsPoint[]; caption: string }) {
  const t = useTranslations("dashboard.table");
  const f = useFormats();
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: "NPS", cell: (p) => <span className={dim(p)}>{num(f, p.value, 0)}</span> },
        { header: t("interval"), cell: (p) => <span className={dim(p)}>{interval(f, p, 1)}</span>, className: "" },
        { header: "n", cell: (p) => f.count(p.n) },
      ]}
    />
  );
}

export function CsatTrendTable({ rows, caption }: { rows: CsatPoint[]; caption: string }) {
  const t = useTranslations("dashboard.table");
  const f = useFormats();
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: t("csat"), cell: (p) => <span className={dim(p)}>{num(f, p.value, 1)}</span> },
        {
          header: t("intervalWilson"),
          cell: (p) => <span className={dim(p)}>{interval(f, p, 1)}</span>,
          className: "",
        },
        { header: t("meanOf5"), cell: (p) => <span className={dim(p)}>{num(f, p.mean, 2)}</span> },
        { header: "n", cell: (p) => f.count(p.n) },
      ]}
    />
  );
}

export function CesTrendTable({ rows, caption }: { rows: CesPoint[]; caption: string }) {
  const t = useTranslations("dashboard.table");
  const f = useFormats();
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: t("mean17"), cell: (p) => <span className={dim(p)}>{num(f, p.value, 2)}</span> },
        { header: t("intervalT"), cell: (p) => <span className={dim(p)}>{interval(f, p, 2)}</span>, className: "" },
        { header: t("agree"), cell: (p) => <span className={dim(p)}>{num(f, p.agreePct, 1)}</span> },
        { header: "n", cell: (p) => f.count(p.n) },
      ]}
    />
  );
}

export function NpsSplitTable({ rows, caption }: { rows: NpsPoint[]; caption: string }) {
  const t = useTranslations("dashboard.table");
  const f = useFormats();
  const share = (part: number, n: number) => (n === 0 ? "—" : `${f.percent((100 * part) / n, 0)} (${f.count(part)})`);
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: t("promoters"), cell: (p) => share(p.promoters, p.n) },
        { header: t("passives"), cell: (p) => share(p.passives, p.n) },
        { header: t("detractors"), cell: (p) => share(p.detractors, p.n) },
        { header: "n", cell: (p) => f.count(p.n) },
      ]}
    />
  );
}

export function VolumeTable({ rows, caption }: { rows: VolumePoint[]; caption: string }) {
  const t = useTranslations("dashboard.table");
  const f = useFormats();
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: "NPS", cell: (p) => f.count(p.nps) },
        { header: "CSAT", cell: (p) => f.count(p.csat) },
        { header: "CES", cell: (p) => f.count(p.ces) },
        { header: t("total"), cell: (p) => f.count(p.total), className: "whitespace-nowrap font-semibold" },
      ]}
    />
  );
}
