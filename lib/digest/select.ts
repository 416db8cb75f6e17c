// Pure: which per-touchpoint and per-journey changes make the digest. Every (place, metric) with responses in
// both weeks is tested with lib/metrics/compare.ts (previous week = baseline); a test needs n ≥ 30 on both
// sides, so smaller samples are counted as "too few responses to test", never ranked. The significant ones are
// ranked by |Δ| as a share of the metric's range (NPS −100..100 → 200 points, CSAT 0..100 % → 100 points,
// CES 1..7 → 6 points), so that a 10-point NPS move and a 0.3 CES move are put on one scale; ties go to the
// larger sample, then by name.
import {
  compareCes,
  compareCsat,
  compareNps,
  type CesResult,
  type Comparison,
  type CsatResult,
  type Metric,
  type NpsResult,
} from "../metrics";
import type { MetricsOf } from "../analytics/series";

export const METRIC_RANGE: Record<Metric, number> = { nps: 200, csat: 100, ces: 6 };
export const DIGEST_METRICS = ["nps", "csat", "ces"] as const satisfies readonly Metric[];
/** How many changes per list the digest shows. */
export const TOP_CHANGES = 5;

export type Scope = "touchpoint" | "journey";

/** One place (a touchpoint or a journey) with its metrics in both weeks. */
export type PlaceMetrics = {
  scope: Scope;
  id: string;
  name: string;
  journeyName: string | null;
  previous: MetricsOf;
  current: MetricsOf;
};

export type DigestChange = {
  scope: Scope;
  id: string;
  name: string;
  journeyName: string | null;
  metric: Metric;
  previous: number;
  current: number;
  /** current − previous in the metric's unit (NPS points, CSAT percentage points, CES scale points). */
  delta: number;
  nPrevious: number;
  nCurrent: number;
  /** |delta| / METRIC_RANGE[metric]: the ranking key. */
  weight: number;
};

export type ChangeSelection = {
  /** Significant changes, largest weight first, at most `limit`. */
  changes: DigestChange[];
  /** How many significant changes there were in all (the list may be cut at `limit`). */
  significant: number;
  /** (place, metric) pairs with responses in both weeks and n ≥ 30 on both sides. */
  tested: number;
  /** (place, metric) pairs with responses in either week but fewer than 30 on one side: not tested. */
  tooFew: number;
};

/** The headline value of a result: NPS, CSAT % (top-2-box) or the CES mean. */
export function valueOf(r: NpsResult | CsatResult | CesResult): number | null {
  switch (r.metric) {
    case "nps":
      return r.nps;
    case "csat":
      return r.csat;
    case "ces":
      return r.mean;
  }
}

/** previous → current for one metric (previous is the baseline, delta = current − previous). */
export function compareMetric(metric: Metric, previous: MetricsOf, current: MetricsOf): Comparison {
  if (metric === "nps") return compareNps(previous.nps, current.nps);
  if (metric === "csat") return compareCsat(previous.csat, current.csat);
  return compareCes(previous.ces, current.ces);
}

export function selectChanges(places: readonly PlaceMetrics[], limit = TOP_CHANGES): ChangeSelection {
  const all: DigestChange[] = [];
  let tested = 0;
  let tooFew = 0;
  for (const place of places) {
    for (const metric of DIGEST_METRICS) {
      const before = place.previous[metric];
      const after = place.current[metric];
      if (before.n === 0 && after.n === 0) continue;
      if (!before.enough || !after.enough) {
        tooFew++;
        continue;
      }
      tested++;
      const test = compareMetric(metric, place.previous, place.current);
      const previous = valueOf(before);
      const current = valueOf(after);
      if (!test.significant || test.delta === null || previous === null || current === null) continue;
      all.push({
        scope: place.scope,
        id: place.id,
        name: place.name,
        journeyName: place.journeyName,
        metric,
        previous,
        current,
        delta: test.delta,
        nPrevious: before.n,
        nCurrent: after.n,
        weight: Math.abs(test.delta) / METRIC_RANGE[metric],
      });
    }
  }
  all.sort(
    (a, b) =>
      b.weight - a.weight ||
      b.nCurrent + b.nPrevious - (a.nCurrent + a.nPrevious) ||
      a.name.localeCompare(b.name) ||
      a.metric.localeCompare(b.metric),
  );
  return { changes: all.slice(0, limit), significant: all.length, tested, tooFew };
}
