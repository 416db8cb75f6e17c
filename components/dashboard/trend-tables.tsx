// The trend charts as tables: every point with its value, 95 % interval and n, flagged when it rests on too
// few responses or on a partial bucket. The flags sit under the period, where they wrap, rather than in a last
// column that a half-width card cut off.
import { formatNumber, nEquals, shownInterval } from "@/lib/metrics";
import type { CesPoint, CsatPoint, NpsPoint, VolumePoint } from "@/lib/analytics/series";
import { Badge } from "../ui/badge";
import { DataTable, type Column } from "../ui/data-table";

type Base = { bucketStart: string; label: string; partial: boolean; n?: number; enough?: boolean };

function SeriesTable<T extends Base>({ caption, rows, columns }: { caption: string; rows: T[]; columns: Column<T>[] }) {
  const period: Column<T> = {
    header: "Period",
    cell: (r) => (
      <>
        <time dateTime={r.bucketStart}>{r.label}</time>
        {r.partial ? <span className="block text-xs font-normal text-slate-600">partial</span> : null}
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

const num = (x: number | null, d: number) => (x === null ? "—" : formatNumber(x, d));
// Below MIN_N no interval (lib/metrics/format.ts, shownInterval): the note under the period says why. The
// interval may break after its dash, so that the table fits a half-width card.
function interval(p: { low: number | null; high: number | null; enough: boolean }, d: number) {
  const i = shownInterval(p);
  if (!i) return "—";
  return (
    <>
      <span className="whitespace-nowrap">{formatNumber(i.low, d)} –</span>{" "}
      <span className="whitespace-nowrap">{formatNumber(i.high, d)}</span>
    </>
  );
}

function Note({ n, enough }: { n: number; enough: boolean }) {
  if (n === 0) return <span className="block text-xs font-normal text-slate-600">no responses</span>;
  if (enough) return null;
  return (
    <span className="mt-1 block">
      <Badge tone="warn" className="whitespace-normal!">{`too few responses (${nEquals(n)})`}</Badge>
    </span>
  );
}

const dim = (p: { enough: boolean }) => (p.enough ? "" : "text-slate-500");

export function NpsTrendTable({ rows, caption }: { rows: NpsPoint[]; caption: string }) {
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: "NPS", cell: (p) => <span className={dim(p)}>{num(p.value, 0)}</span> },
        { header: "95 % interval", cell: (p) => <span className={dim(p)}>{interval(p, 1)}</span>, className: "" },
        { header: "n", cell: (p) => p.n },
      ]}
    />
  );
}

export function CsatTrendTable({ rows, caption }: { rows: CsatPoint[]; caption: string }) {
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: "CSAT %", cell: (p) => <span className={dim(p)}>{num(p.value, 1)}</span> },
        {
          header: "95 % interval (Wilson)",
          cell: (p) => <span className={dim(p)}>{interval(p, 1)}</span>,
          className: "",
        },
        { header: "Mean of 5", cell: (p) => <span className={dim(p)}>{num(p.mean, 2)}</span> },
        { header: "n", cell: (p) => p.n },
      ]}
    />
  );
}

export function CesTrendTable({ rows, caption }: { rows: CesPoint[]; caption: string }) {
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: "Mean (1–7)", cell: (p) => <span className={dim(p)}>{num(p.value, 2)}</span> },
        { header: "95 % interval (t)", cell: (p) => <span className={dim(p)}>{interval(p, 2)}</span>, className: "" },
        { header: "% agree (5–7)", cell: (p) => <span className={dim(p)}>{num(p.agreePct, 1)}</span> },
        { header: "n", cell: (p) => p.n },
      ]}
    />
  );
}

export function NpsSplitTable({ rows, caption }: { rows: NpsPoint[]; caption: string }) {
  const share = (part: number, n: number) => (n === 0 ? "—" : `${formatNumber((100 * part) / n, 0)} % (${part})`);
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: "Promoters", cell: (p) => share(p.promoters, p.n) },
        { header: "Passives", cell: (p) => share(p.passives, p.n) },
        { header: "Detractors", cell: (p) => share(p.detractors, p.n) },
        { header: "n", cell: (p) => p.n },
      ]}
    />
  );
}

export function VolumeTable({ rows, caption }: { rows: VolumePoint[]; caption: string }) {
  return (
    <SeriesTable
      caption={caption}
      rows={rows}
      columns={[
        { header: "NPS", cell: (p) => p.nps },
        { header: "CSAT", cell: (p) => p.csat },
        { header: "CES", cell: (p) => p.ces },
        { header: "Total", cell: (p) => p.total, className: "whitespace-nowrap font-semibold" },
      ]}
    />
  );
}
