// The query of /api/v1/metrics/drivers (the dashboard's filters plus the outcome and the format) and the
// drivers table as CSV: exactly the rows the page shows, one per driver, with "not enough data" as a status.
import { z } from "zod";
import { csvLines } from "../csv/stream";
import { DRIVER_OUTCOMES, type DriverAnalysis } from "./drivers";
import { analyticsFiltersWith } from "./filters";
import { blank } from "../http/query-fields";

export const driversQuery = analyticsFiltersWith({
  outcome: z.preprocess(blank, z.enum(DRIVER_OUTCOMES, { error: "Use nps or csat" }).default("nps")),
  format: z.preprocess(blank, z.enum(["json", "csv"], { error: "Use json or csv" }).default("json")),
});

const pct = (x: number | undefined) => (x === undefined ? null : Number((100 * x).toFixed(2)));
const num = (x: number | null, d = 4) => (x === null ? null : Number(x.toFixed(d)));

export const DRIVER_CSV_COLUMNS = [
  "driver",
  "key",
  "relative_weight_pct",
  "low_pct",
  "high_pct",
  "raw_weight",
  "performance_mean",
  "scale_min",
  "scale_max",
  "n",
  "status",
] as const;

export function driversCsv(a: DriverAnalysis): string {
  return csvLines([
    [...DRIVER_CSV_COLUMNS],
    ...a.drivers.map((d) => [
      d.label,
      d.key,
      pct(d.importance?.share),
      pct(d.importance?.shareInterval.low),
      pct(d.importance?.shareInterval.high),
      d.importance ? num(d.importance.weight, 6) : null,
      num(d.performance.mean, 3),
      d.scale.min,
      d.scale.max,
      d.performance.n,
      d.status === "ok" ? "ok" : d.status === "constant" ? "does not vary" : "not enough data",
    ]),
  ]);
}

export function driversCsvFilename(a: Pick<DriverAnalysis, "outcome" | "period">): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `resonance-${a.outcome}-drivers-${day(a.period.from)}-to-${day(new Date(a.period.to.getTime() - 1))}.csv`;
}
