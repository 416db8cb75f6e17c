// Theme statistics (docs/metrics.md, "Themes"): per theme the share of comments mentioning it, their mean
// sentiment, the metric (NPS, CSAT or CES) of the mentioners against everyone else with the interval of the
// difference, the theme's contribution to the overall figure, a trend per period and the biggest significant
// changes between two periods. Pure: the inputs are what GROUP BYs return (counts per theme and score, sums of
// sentiment), never rows; lib/metrics does the maths.
import { bucketKey, bucketStarts, type Bucket } from "../analytics/buckets";
import type { Period } from "../analytics/filters";
import { metricsOf } from "../analytics/series";
import { compareMetric, valueOf } from "../digest/select";
import {
  emptyDistributions,
  FDR_Q,
  MIN_N,
  twoProportions,
  twoSidedNormalP,
  type CesResult,
  type CsatResult,
  type Distribution,
  type Metric,
  type NpsResult,
} from "../metrics";
import { meanFromMoments, type MeanEstimate } from "../metrics/moments";
import { assertCount, MIN_EXPECTED, responseRate } from "../metrics/response-rate";
import { flagUnits, restOf } from "../metrics/unit-compare";

export type MetricResult = NpsResult | CsatResult | CesResult;

/** One theme's counts: a row of `GROUP BY theme` (mentions, sentiment) and rows of `GROUP BY theme, score`. */
export interface ThemeCounts {
  readonly theme: string;
  /** Analysed comments that mention the theme (answers and interaction notes). */
  readonly mentions: number;
  /** Sum of those comments' sentiment scores (each in [−1, 1]). */
  readonly sentimentSum: number;
  /** Sum of their squares; with it the mean sentiment gets a 95 % interval. */
  readonly sentimentSumSquares?: number;
  /** Headline scores of the responses among them, as the metric's distribution ([] when none has one). */
  readonly scores: Distribution;
}

export interface ThemeStatsInput {
  readonly metric: Metric;
  /** Analysed comments in all (in a supported language): the base of every theme's share. */
  readonly comments: number;
  /**
   * The metric's distribution over the population the theme is compared with — the responses in the filter, as
   * the dashboard's headline counts them. Each theme's `scores` must be part of it.
   */
  readonly population: Distribution;
  readonly themes: readonly ThemeCounts[];
}

export interface Share {
  /** 100 · mentions / comments, 0..100 % (null when there are no comments). */
  readonly share: number | null;
  /** Wilson 95 % interval of the share, in % (null when there are no comments). */
  readonly low: number | null;
  readonly high: number | null;
  /** comments ≥ MIN_N (30); below it the share is shown as "too few". */
  readonly enough: boolean;
}

export interface Difference {
  /** Mentioners − everyone else, in the metric's unit (NPS points, CSAT points, CES scale points). */
  readonly delta: number | null;
  readonly se: number | null;
  /** delta ± critical · se: the interval of the difference (null when it cannot be computed). */
  readonly low: number | null;
  readonly high: number | null;
  /** The comparison test of lib/metrics/compare.ts at 95 %, never with fewer than 30 on either side. */
  readonly significant: boolean;
  readonly reason: "too_few_responses" | null;
}

export interface ThemeFigures {
  readonly theme: string;
  readonly mentions: number;
  readonly comments: number;
  readonly share: Share;
  /** Mean sentiment of the mentioning comments, with a t-interval when the sum of squares is given. */
  readonly sentiment: MeanEstimate;
  /** The metric of the mentioners that have a score. */
  readonly mentioners: MetricResult;
  /** The metric of the rest of the population (population − mentioners). */
  readonly others: MetricResult;
  readonly difference: Difference;
  /**
   * Overall figure − the figure without the mentioners = w · (mentioners − others), w = n_mentioners / n_population;
   * the interval is w times the difference's. Negative: the theme pulls the overall figure down. Null when every
   * response mentions the theme (there is no figure without them) or none has a score.
   */
  readonly contribution: { readonly value: number | null; readonly low: number | null; readonly high: number | null };
  /** Both mentioners and others have at least MIN_N (30) responses; below it the theme is "too few". */
  readonly enough: boolean;
}

/** Share of comments in %, with the Wilson interval: the same figure as a response rate (lib/metrics/response-rate.ts). */
export function themeShare(mentions: number, comments: number): Share {
  assertCount("mentions", mentions);
  assertCount("comments", comments);
  if (mentions > comments) throw new RangeError(`mentions (${mentions}) must not exceed comments (${comments})`);
  const r = responseRate(mentions, comments);
  return { share: r.rate, low: r.low, high: r.high, enough: r.enough };
}

/** The metric's result of one distribution (NPS, CSAT or CES). */
export function metricResult(metric: Metric, scores: Distribution): MetricResult {
  return metricsOf({ ...emptyDistributions(), [metric]: scores })[metric];
}

function difference(metric: Metric, mentioners: Distribution, others: Distribution): Difference {
  const m = metricsOf({ ...emptyDistributions(), [metric]: mentioners });
  const o = metricsOf({ ...emptyDistributions(), [metric]: others });
  const c = compareMetric(metric, o, m); // baseline = others, so delta = mentioners − others
  const half = c.se === null ? null : c.se === 0 ? 0 : c.critical === null ? null : c.critical * c.se;
  return {
    delta: c.delta,
    se: c.se,
    low: c.delta === null || half === null ? null : c.delta - half,
    high: c.delta === null || half === null ? null : c.delta + half,
    significant: c.significant,
    reason: c.reason,
  };
}

/** Every figure of one theme against its population (docs/metrics.md, "Themes"). */
export function themeFigures(metric: Metric, comments: number, population: Distribution, t: ThemeCounts): ThemeFigures {
  const share = themeShare(t.mentions, comments);
  const rest = restOf(t.scores, population); // RangeError when the mentioners are not part of the population
  const mentioners = metricResult(metric, t.scores);
  const others = metricResult(metric, rest);
  const overall = metricResult(metric, population);
  if (mentioners.n > t.mentions)
    throw new RangeError(`${t.theme}: more scored mentioners (${mentioners.n}) than mentions (${t.mentions})`);
  const diff = difference(metric, t.scores, rest);
  const w = overall.n > 0 ? mentioners.n / overall.n : 0;
  const overallValue = valueOf(overall);
  const othersValue = valueOf(others);
  const contribution = {
    value: overallValue === null || othersValue === null || mentioners.n === 0 ? null : overallValue - othersValue,
    low: diff.low === null || others.n === 0 ? null : w * diff.low,
    high: diff.high === null || others.n === 0 ? null : w * diff.high,
  };
  const sentiment =
    t.sentimentSumSquares === undefined
      ? { n: t.mentions, mean: t.mentions > 0 ? t.sentimentSum / t.mentions : null, low: null, high: null }
      : meanFromMoments({ n: t.mentions, sum: t.sentimentSum, sumSq: t.sentimentSumSquares });
  return {
    theme: t.theme,
    mentions: t.mentions,
    comments,
    share,
    sentiment,
    mentioners,
    others,
    difference: diff,
    contribution,
    enough: mentioners.n >= MIN_N && others.n >= MIN_N,
  };
}

/** Every theme's figures, in the input's order. */
export function themeStats(input: ThemeStatsInput): ThemeFigures[] {
  return input.themes.map((t) => themeFigures(input.metric, input.comments, input.population, t));
}

/** One analysed comment, as plain input: its headline score of the metric (if any), sentiment and themes. */
export interface AnalysedComment {
  readonly score: number | null;
  readonly sentiment: number;
  readonly themes: readonly string[];
}

/**
 * The GROUP BYs' answer computed from comments one by one (for tests, and where the rows are already in memory):
 * `comments` and, per theme in order of first appearance, mentions, sentiment sum and sum of squares and the
 * scores' distribution. A theme listed twice in one comment counts once.
 */
export function themeCountsOf(list: readonly AnalysedComment[]): { comments: number; themes: ThemeCounts[] } {
  const byTheme = new Map<string, { mentions: number; sum: number; sumSq: number; scores: Map<number, number> }>();
  for (const c of list) {
    for (const theme of new Set(c.themes)) {
      let t = byTheme.get(theme);
      if (!t) byTheme.set(theme, (t = { mentions: 0, sum: 0, sumSq: 0, scores: new Map() }));
      t.mentions += 1;
      t.sum += c.sentiment;
      t.sumSq += c.sentiment * c.sentiment;
      if (c.score !== null) t.scores.set(c.score, (t.scores.get(c.score) ?? 0) + 1);
    }
  }
  return {
    comments: list.length,
    themes: [...byTheme].map(([theme, t]) => ({
      theme,
      mentions: t.mentions,
      sentimentSum: t.sum,
      sentimentSumSquares: t.sumSq,
      scores: [...t.scores].map(([score, count]) => ({ score, count })),
    })),
  };
}

/** One period's counts of one theme: a row of `GROUP BY bucket, theme` beside the bucket's comment count. */
export interface ThemeBucket {
  /** The bucket's key, e.g. its start "2026-11-30" (lib/analytics/buckets.ts). */
  readonly key: string;
  readonly comments: number;
  readonly mentions: number;
  readonly sentimentSum: number;
  /** Scores of the mentioning responses in the bucket (optional: the trend then has no metric). */
  readonly scores?: Distribution;
}

export interface ThemeTrendPoint {
  readonly key: string;
  readonly comments: number;
  readonly mentions: number;
  readonly share: Share;
  /** Mean sentiment of the bucket's mentioning comments (null when none). */
  readonly sentiment: number | null;
  /** The metric of the bucket's mentioners (null when no scores were given). */
  readonly metric: MetricResult | null;
}

/** A theme's trend: one point per bucket, empty buckets included (share null with no comments). */
export function themeTrend(metric: Metric, buckets: readonly ThemeBucket[]): ThemeTrendPoint[] {
  return buckets.map((b) => ({
    key: b.key,
    comments: b.comments,
    mentions: b.mentions,
    share: themeShare(b.mentions, b.comments),
    sentiment: b.mentions > 0 ? b.sentimentSum / b.mentions : null,
    metric: b.scores === undefined ? null : metricResult(metric, b.scores),
  }));
}

/** One period's theme counts for the change test: analysed comments and mentions per theme. */
export interface PeriodMentions {
  readonly comments: number;
  readonly themes: ReadonlyArray<{ readonly theme: string; readonly mentions: number }>;
}

export type ChangeReason = "too_few" | "sparse";

export interface ThemeChange {
  readonly theme: string;
  /** share: 100 · mentions / comments (null with no comments). */
  readonly previous: { readonly mentions: number; readonly comments: number; readonly share: number | null };
  readonly current: { readonly mentions: number; readonly comments: number; readonly share: number | null };
  /** Change in share, current − previous, in percentage points (null when a period has no comments). */
  readonly delta: number | null;
  /** Pooled standard error of delta, in percentage points. */
  readonly se: number | null;
  readonly statistic: number | null;
  /** Two-sided p-value of the pooled two-proportion z-test (null when not tested). */
  readonly pValue: number | null;
  /** Benjamini–Hochberg adjusted p-value across the themes tested (null when not tested). */
  readonly adjustedP: number | null;
  /** A discovery at q = 0.05 across every theme tested at once. */
  readonly significant: boolean;
  /** Why it was not tested: fewer than 30 comments in a period, or an expected count below 5. */
  readonly reason: ChangeReason | null;
}

export interface ThemeChanges {
  /** Significant changes, the largest |delta| first (ties: more mentions, then theme id), at most `limit`. */
  readonly changes: ThemeChange[];
  /** How many were significant in all. */
  readonly significant: number;
  /** Every theme in either period, tested or not, in the same order as `changes` would sort them. */
  readonly all: ThemeChange[];
  readonly tested: number;
}

/**
 * The biggest significant changes in the share of comments mentioning each theme between two periods: per theme the
 * pooled two-proportion z-test of lib/metrics/compare.ts, not made below 30 comments in either period or when an
 * expected count of the 2 × 2 table is below 5 (as the non-response check); Benjamini–Hochberg at q across the themes
 * tested (lib/metrics/fdr.ts). A theme missing from one period has 0 mentions there.
 */
export function themeChanges(previous: PeriodMentions, current: PeriodMentions, limit = 5, q = FDR_Q): ThemeChanges {
  const before = new Map(previous.themes.map((t) => [t.theme, t.mentions]));
  const after = new Map(current.themes.map((t) => [t.theme, t.mentions]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const n1 = previous.comments;
  const n2 = current.comments;
  const tests = ids.map((theme) => {
    const x1 = before.get(theme) ?? 0;
    const x2 = after.get(theme) ?? 0;
    themeShare(x1, n1);
    themeShare(x2, n2);
    const side = (x: number, n: number) => ({ mentions: x, comments: n, share: n > 0 ? (100 * x) / n : null });
    const base = { theme, previous: side(x1, n1), current: side(x2, n2) };
    if (n1 === 0 || n2 === 0)
      return { ...base, delta: null, se: null, statistic: null, pValue: null, reason: "too_few" as ChangeReason };
    const t = twoProportions(x1, n1, x2, n2);
    const expected = Math.min(n1, n2) * Math.min(t.pooled, 1 - t.pooled);
    const reason: ChangeReason | null =
      n1 < MIN_N || n2 < MIN_N ? "too_few" : expected < MIN_EXPECTED ? "sparse" : null;
    const statistic = t.se > 0 ? t.delta / t.se : null;
    const p = statistic === null ? (t.delta === 0 ? 1 : 0) : twoSidedNormalP(statistic);
    return { ...base, delta: t.delta, se: t.se, statistic, pValue: reason === null ? p : null, reason };
  });
  const all = flagUnits(tests, q).sort(
    (a, b) =>
      Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0) ||
      b.previous.mentions + b.current.mentions - (a.previous.mentions + a.current.mentions) ||
      (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0),
  );
  const significant = all.filter((c) => c.significant);
  return {
    changes: significant.slice(0, limit),
    significant: significant.length,
    all,
    tested: all.filter((c) => c.pValue !== null).length,
  };
}

/** A row of `GROUP BY theme` (or `GROUP BY bucket, theme`, with `key`): raw SQL answers bigints for counts, null sums. */
export interface ThemeMentionRow {
  readonly key?: string | null;
  readonly theme: string | null;
  readonly mentions: number | bigint;
  readonly sentimentSum: number | null;
  readonly sentimentSumSquares?: number | null;
}

/** A row of `GROUP BY theme, score` (or `GROUP BY bucket, theme, score`) over the mentioning responses' scores. */
export interface ThemeScoreRow {
  readonly key?: string | null;
  readonly theme: string | null;
  readonly score: number | bigint | null;
  readonly count: number | bigint;
}

const scoreKey = (key: string | null | undefined, theme: string) => `${key ?? ""}\u0000${theme}`;

function scoresByTheme(rows: readonly ThemeScoreRow[]): Map<string, { score: number; count: number }[]> {
  const out = new Map<string, { score: number; count: number }[]>();
  for (const r of rows) {
    if (r.theme === null || r.score === null) continue;
    const k = scoreKey(r.key, r.theme);
    const list = out.get(k) ?? [];
    list.push({ score: Number(r.score), count: Number(r.count) });
    out.set(k, list);
  }
  return out;
}

/**
 * The themes' counts from the two GROUP BYs, in the order of the mention rows. A score row of a theme with no
 * mention row is an Error: the two queries disagree, and dropping counts silently would be worse.
 */
export function themeCountsFromRows(
  mentions: readonly ThemeMentionRow[],
  scores: readonly ThemeScoreRow[],
): ThemeCounts[] {
  const byTheme = scoresByTheme(scores);
  const out = mentions.flatMap((r): ThemeCounts[] => {
    if (r.theme === null) return [];
    const k = scoreKey(r.key, r.theme);
    const list = byTheme.get(k) ?? [];
    byTheme.delete(k);
    return [
      {
        theme: r.theme,
        mentions: Number(r.mentions),
        sentimentSum: r.sentimentSum ?? 0,
        ...(r.sentimentSumSquares === undefined ? {} : { sentimentSumSquares: r.sentimentSumSquares ?? 0 }),
        scores: list,
      },
    ];
  });
  if (byTheme.size > 0) throw new Error(`Scores of themes without mentions: ${[...byTheme.keys()].join(", ")}`);
  return out;
}

/**
 * Each theme's trend over the period's buckets (every bucket, empty ones included, as lib/analytics/series.ts) from
 * `GROUP BY bucket` (analysed comments) and `GROUP BY bucket, theme` (and, for the mentioners' metric,
 * `GROUP BY bucket, theme, score`) rows whose `key` is the bucket start ("2026-11-30"). Throws for a bucket outside
 * the period, as buildSeries does.
 */
export function themeTrendsFromRows(
  metric: Metric,
  period: Period & { bucket: Bucket },
  comments: ReadonlyArray<{ readonly key: string | null; readonly comments: number | bigint }>,
  mentions: readonly ThemeMentionRow[],
  scores?: readonly ThemeScoreRow[],
): Map<string, ThemeTrendPoint[]> {
  const keys = bucketStarts(period.from, period.to, period.bucket).map(bucketKey);
  const known = new Set(keys);
  const check = (key: string | null | undefined) => {
    if (key === null || key === undefined || !known.has(key))
      throw new Error(`Bucket ${String(key)} from the database is outside the period`);
    return key;
  };
  const perBucket = new Map(comments.map((r) => [check(r.key), Number(r.comments)]));
  const rows = mentions.filter((r) => r.theme !== null);
  const counts = new Map(
    themeCountsFromRows(rows, scores ?? []).map((c, i) => [scoreKey(check(rows[i]!.key), c.theme), c]),
  );
  const themes = [...new Set(rows.map((r) => r.theme!))];
  return new Map(
    themes.map((theme) => [
      theme,
      themeTrend(
        metric,
        keys.map((key) => {
          const c = counts.get(scoreKey(key, theme));
          return {
            key,
            comments: perBucket.get(key) ?? 0,
            mentions: c?.mentions ?? 0,
            sentimentSum: c?.sentimentSum ?? 0,
            ...(scores === undefined ? {} : { scores: c?.scores ?? [] }),
          };
        }),
      ),
    ]),
  );
}
