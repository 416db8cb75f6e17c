// CSV of one chart's series, built from exactly the points the chart draws (getTrends). Only dates,
// numbers and booleans: no free text, so nothing a spreadsheet could run as a formula.
import type { ResolvedPeriod } from "./filters";
import type { TrendSeries } from "./series";

export const CSV_SERIES = ["nps", "csat", "ces", "nps-split", "volume"] as const;
export type CsvSeries = (typeof CSV_SERIES)[number];

type Cell = number | string | boolean | null;

const num = (x: number | null, decimals = 4): Cell => (x === null ? null : Number(x.toFixed(decimals)));

function toCsv(header: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => cells.map((c) => (c === null ? "" : String(c))).join(",");
  return [line(header), ...rows.map(line)].join("\r\n") + "\r\n";
}

export function seriesCsv(series: TrendSeries, which: CsvSeries): string {
  switch (which) {
    case "nps":
      return toCsv(
        [
          "bucket_start",
          "n",
          "nps",
          "low",
          "high",
          "margin_of_error",
          "promoters",
          "passives",
          "detractors",
          "too_few_responses",
          "partial_bucket",
        ],
        series.nps.map((p) => [
          p.bucketStart,
          p.n,
          num(p.value),
          num(p.low),
          num(p.high),
          num(p.marginOfError),
          p.promoters,
          p.passives,
          p.detractors,
          !p.enough,
          p.partial,
        ]),
      );
    case "csat":
      return toCsv(
        ["bucket_start", "n", "csat_pct", "low", "high", "mean", "too_few_responses", "partial_bucket"],
        series.csat.map((p) => [
          p.bucketStart,
          p.n,
          num(p.value),
          num(p.low),
          num(p.high),
          num(p.mean),
          !p.enough,
          p.partial,
        ]),
      );
    case "ces":
      return toCsv(
        ["bucket_start", "n", "ces_mean", "low", "high", "agree_pct", "too_few_responses", "partial_bucket"],
        series.ces.map((p) => [
          p.bucketStart,
          p.n,
          num(p.value),
          num(p.low),
          num(p.high),
          num(p.agreePct),
          !p.enough,
          p.partial,
        ]),
      );
    case "nps-split": {
      const share = (part: number, n: number) => (n === 0 ? null : num((100 * part) / n));
      return toCsv(
        [
          "bucket_start",
          "n",
          "promoters",
          "passives",
          "detractors",
          "promoters_pct",
          "passives_pct",
          "detractors_pct",
          "nps_low",
          "nps_high",
          "too_few_responses",
          "partial_bucket",
        ],
        series.nps.map((p) => [
          p.bucketStart,
          p.n,
          p.promoters,
          p.passives,
          p.detractors,
          share(p.promoters, p.n),
          share(p.passives, p.n),
          share(p.detractors, p.n),
          num(p.low),
          num(p.high),
          !p.enough,
          p.partial,
        ]),
      );
    }
    case "volume":
      return toCsv(
        ["bucket_start", "n", "nps_n", "csat_n", "ces_n", "partial_bucket"],
        series.volume.map((p) => [p.bucketStart, p.total, p.nps, p.csat, p.ces, p.partial]),
      );
  }
}

export function csvFilename(which: CsvSeries, period: Pick<ResolvedPeriod, "from" | "to" | "bucket">): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lastDay = new Date(period.to.getTime() - 1);
  return `resonance-${which}-by-${period.bucket}-${day(period.from)}-to-${day(lastDay)}.csv`;
}
