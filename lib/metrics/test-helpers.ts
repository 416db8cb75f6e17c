/** fast-check arbitraries shared by the metric tests (test-only; not exported from index.ts). */
import fc from "fast-check";
import { METRIC_SCALES, type Metric } from "./categories";
import type { ScoreCount } from "./distribution";

/** A distribution with possibly repeated scores and zero counts, in arbitrary order. */
export function distributionArb(
  metric: Metric,
  { maxCount = 500, minLength = 0, maxLength = 15 } = {},
): fc.Arbitrary<ScoreCount[]> {
  const { min, max } = METRIC_SCALES[metric];
  return fc.array(fc.record({ score: fc.integer({ min, max }), count: fc.integer({ min: 0, max: maxCount }) }), {
    minLength,
    maxLength,
  });
}

/** A distribution with at least `minN` responses in total. */
export function nonEmptyDistributionArb(metric: Metric, minN = 1): fc.Arbitrary<ScoreCount[]> {
  return distributionArb(metric, { minLength: 1 }).filter((d) => d.reduce((s, e) => s + e.count, 0) >= minN);
}

/** A distribution together with a reordering of its entries. */
export function distributionAndPermutationArb(metric: Metric) {
  return distributionArb(metric).chain((d) =>
    fc.tuple(fc.constant(d), fc.shuffledSubarray(d, { minLength: d.length, maxLength: d.length })),
  );
}

/** A raw list of scores together with a shuffled copy. */
export function scoresAndShuffleArb(metric: Metric) {
  const { min, max } = METRIC_SCALES[metric];
  return fc
    .array(fc.integer({ min, max }), { maxLength: 200 })
    .chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length })));
}

/** Every count multiplied by k. */
export function scale(dist: readonly ScoreCount[], k: number): ScoreCount[] {
  return dist.map(({ score, count }) => ({ score, count: count * k }));
}

/** Values that are not integer scores on any scale, or off every scale. */
export const BAD_SCORES = [-1, 0.5, 3.5, Number.NaN, Number.POSITIVE_INFINITY, 11, 100, -0.0001];
