// Pure: grouped counts from the database → one point per bucket with the metric, its 95 % interval, n and
// the "too few responses" flag (lib/metrics does the maths). Empty buckets are kept (n = 0, value null) so a
// chart's x-axis is continuous and a gap is visibly a gap.
import {
  cesFromCounts,
  csatFromCounts,
  distributionsByKey,
  emptyDistributions,
  npsFromCounts,
  type CesResult,
  type CountRow,
  type CsatResult,
  type Distributions,
  type NpsResult,
} from "../metrics";
import { bucketKey, bucketStarts, nextBucket, type Bucket } from "./buckets";
import type { Period } from "./filters";

export type MetricsOf = { nps: NpsResult; csat: CsatResult; ces: CesResult };

export function metricsOf(d: Distributions): MetricsOf {
  return { nps: npsFromCounts(d.nps), csat: csatFromCounts(d.csat), ces: cesFromCounts(d.ces) };
}

type PointBase = {
  /** Bucket start, "YYYY-MM-DD" (UTC). */
  bucketStart: string;
  /** "24 Aug 2026" (day, week: the Monday) or "Aug 2026" (month). */
  label: string;
  /** The bucket reaches outside the period (the first and last bucket of a rolling period). */
  partial: boolean;
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
  /** n ≥ 30; below it the point is shown as "too few responses". */
  enough: boolean;
};
export type NpsPoint = PointBase & {
  marginOfError: number | null;
  promoters: number;
  passives: number;
  detractors: number;
};
export type CsatPoint = PointBase & { mean: number | null };
export type CesPoint = PointBase & { agreePct: number | null };
export type VolumePoint = {
  bucketStart: string;
  label: string;
  partial: boolean;
  nps: number;
  csat: number;
  ces: number;
  total: number;
};

export type TrendSeries = { nps: NpsPoint[]; csat: CsatPoint[]; ces: CesPoint[]; volume: VolumePoint[] };

const labelFormats = new Map<string, { day: Intl.DateTimeFormat; month: Intl.DateTimeFormat }>();

/** "3 Nov 2026" / "Nov 2026" (en-GB, the API's and CSV's labels); a page passes its language's Intl tag. */
export function bucketLabel(start: Date, bucket: Bucket, intlTag = "en-GB"): string {
  let f = labelFormats.get(intlTag);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(intlTag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
      month: new Intl.DateTimeFormat(intlTag, { month: "short", year: "numeric", timeZone: "UTC" }),
    };
    labelFormats.set(intlTag, f);
  }
  return (bucket === "month" ? f.month : f.day).format(start);
}

/**
 * One point per bucket of the period. Throws when the database returned a bucket the period does not
 * contain: the SQL and the enumeration disagree, and silently dropping counts would be worse than a 500.
 */
export function buildSeries(rows: readonly CountRow[], period: Period & { bucket: Bucket }): TrendSeries {
  const byKey = distributionsByKey(rows);
  const starts = bucketStarts(period.from, period.to, period.bucket);
  const known = new Set(starts.map(bucketKey));
  for (const key of byKey.keys())
    if (!known.has(key)) throw new Error(`Bucket ${key} from the database is outside the period`);

  const series: TrendSeries = { nps: [], csat: [], ces: [], volume: [] };
  for (const start of starts) {
    const bucketStart = bucketKey(start);
    const label = bucketLabel(start, period.bucket);
    const partial = start < period.from || nextBucket(start, period.bucket) > period.to;
    const base = { bucketStart, label, partial };
    const m = metricsOf(byKey.get(bucketStart) ?? emptyDistributions());
    series.nps.push({
      ...base,
      n: m.nps.n,
      value: m.nps.nps,
      low: m.nps.low,
      high: m.nps.high,
      enough: m.nps.enough,
      marginOfError: m.nps.marginOfError,
      promoters: m.nps.promoters,
      passives: m.nps.passives,
      detractors: m.nps.detractors,
    });
    series.csat.push({
      ...base,
      n: m.csat.n,
      value: m.csat.csat,
      low: m.csat.low,
      high: m.csat.high,
      enough: m.csat.enough,
      mean: m.csat.mean,
    });
    series.ces.push({
      ...base,
      n: m.ces.n,
      value: m.ces.mean,
      low: m.ces.low,
      high: m.ces.high,
      enough: m.ces.enough,
      agreePct: m.ces.agreePct,
    });
    series.volume.push({ ...base, nps: m.nps.n, csat: m.csat.n, ces: m.ces.n, total: m.nps.n + m.csat.n + m.ces.n });
  }
  return series;
}
