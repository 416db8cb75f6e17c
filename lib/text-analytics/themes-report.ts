// Theme analytics (docs/text-analytics.md, "Theme analytics"; the maths in docs/metrics.md, "Themes"): for the
// dashboard's filters, per theme of the organization's taxonomy the comments mentioning it (n, share with its Wilson
// interval), their mean sentiment, the metric (NPS, CSAT or CES) of the mentioners against everyone else with the
// interval of the difference, and the theme's contribution to the overall figure; and one theme's trend per bucket.
// Responses are filtered by responseWhere (lib/analytics/sql.ts), exactly as every other figure, narrowed to the
// caller's units and the unitId filter. The database counts: each query is one GROUP BY on the read replica, all of
// them in one transaction that sees one snapshot (PostgreSQL: REPEATABLE READ; SQLite runs one transaction at a time),
// so that a response written between two of them cannot make the mentioners outnumber everyone.
import { Prisma, provider, readOnlyTransactions, TRANSACTION_OPTIONS } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import { distributionsByKey, emptyDistributions, type Metric } from "../metrics";
import { resolvePeriod, type AnalyticsFilters, type Period, type ResolvedPeriod } from "../analytics/filters";
import { narrowToUnit } from "../analytics/unit-filter";
import { bucketExpression, responseWhere, type ScopeFilters } from "../analytics/sql";
import { scoreCounts } from "../rollups/query";
import { bucketKey, bucketStarts } from "../analytics/buckets";
import { ensureTaxonomy } from "./taxonomy";
import {
  themeCountsFromRows,
  themeStats,
  themeTrendsFromRows,
  type ThemeFigures,
  type ThemeMentionRow,
  type ThemeScoreRow,
  type ThemeTrendPoint,
} from "../text/theme-stats";

/** A comment in the figures: a response's comment (its first free-text answer), analysed in a supported language. */
export const COMMENT = Prisma.sql`a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported'`;
export const MATCH = Prisma.sql`m."source" = 'answer' AND m."isComment" = TRUE`;

export type Read = Prisma.TransactionClient;

/** Runs the report's reads in one transaction on one copy of the database: one snapshot for all of them. */
export function inOneSnapshot<T>(fn: (read: Read) => Promise<T>): Promise<T> {
  // The app is typed against the SQLite client, whose only level is Serializable; PostgreSQL's client takes this one.
  const repeatableRead = { isolationLevel: "RepeatableRead" } as unknown as { isolationLevel?: "Serializable" };
  return readOnlyTransactions(() =>
    analyticsDb().$transaction(fn, {
      ...TRANSACTION_OPTIONS,
      ...(provider === "postgresql" ? repeatableRead : {}),
    }),
  );
}

type CountRowRaw = { key?: string | null; comments: number | bigint };

/**
 * `comments` per key (one row with key null when `key` is null) of the responses in the filter; `narrow` is a further
 * condition on the responses (" AND r.… ", e.g. the touchpoints of the journey map).
 */
export function commentCounts(
  read: Read,
  ctx: Ctx,
  f: ScopeFilters,
  period: Period,
  key: Prisma.Sql | null,
  narrow: Prisma.Sql = Prisma.empty,
) {
  const where = Prisma.sql`a."orgId" = ${ctx.orgId} AND ${COMMENT} AND ${responseWhere(ctx, f, period)}${narrow}`;
  const from = Prisma.sql`"TextAnalysis" a JOIN "Response" r ON r."id" = a."responseId"`;
  return read.$queryRaw<CountRowRaw[]>(
    key
      ? Prisma.sql`SELECT ${key} AS key, COUNT(*) AS comments FROM ${from} WHERE ${where} GROUP BY 1`
      : Prisma.sql`SELECT COUNT(*) AS comments FROM ${from} WHERE ${where}`,
  );
}

/**
 * `GROUP BY [key,] theme` → mentions, SUM(sentiment), SUM(sentiment²) of the responses' comments in the filter (`key`:
 * a bucket, or the touchpoint); `narrow` as commentCounts'.
 */
export function mentionRows(
  read: Read,
  ctx: Ctx,
  f: ScopeFilters,
  period: Period,
  key: Prisma.Sql | null,
  theme?: string,
  narrow: Prisma.Sql = Prisma.empty,
) {
  const only = theme === undefined ? Prisma.empty : Prisma.sql` AND m."themeKey" = ${theme}`;
  const where = Prisma.sql`m."orgId" = ${ctx.orgId} AND ${MATCH}${only} AND ${responseWhere(ctx, f, period)}${narrow}`;
  const sums = Prisma.sql`COUNT(*) AS mentions, SUM(m."sentiment") AS "sentimentSum", SUM(m."sentiment" * m."sentiment") AS "sentimentSumSquares"`;
  const from = Prisma.sql`"TextThemeMatch" m JOIN "Response" r ON r."id" = m."responseId"`;
  return read.$queryRaw<ThemeMentionRow[]>(
    key
      ? Prisma.sql`SELECT ${key} AS key, m."themeKey" AS theme, ${sums} FROM ${from} WHERE ${where} GROUP BY 1, 2`
      : Prisma.sql`SELECT m."themeKey" AS theme, ${sums} FROM ${from} WHERE ${where} GROUP BY 1`,
  );
}

/** `GROUP BY [bucket,] theme, score` over the mentioning responses of the metric. */
function scoreRows(
  read: Read,
  ctx: Ctx,
  f: ScopeFilters,
  period: Period,
  metric: Metric,
  key: Prisma.Sql | null,
  theme?: string,
) {
  const only = theme === undefined ? Prisma.empty : Prisma.sql` AND m."themeKey" = ${theme}`;
  const where = Prisma.sql`m."orgId" = ${ctx.orgId} AND ${MATCH}${only} AND r."metric" = ${metric} AND ${responseWhere(ctx, f, period)}`;
  const from = Prisma.sql`"TextThemeMatch" m JOIN "Response" r ON r."id" = m."responseId"`;
  return read.$queryRaw<ThemeScoreRow[]>(
    key
      ? Prisma.sql`SELECT ${key} AS key, m."themeKey" AS theme, r."score" AS score, COUNT(*) AS count FROM ${from} WHERE ${where} GROUP BY 1, 2, 3`
      : Prisma.sql`SELECT m."themeKey" AS theme, r."score" AS score, COUNT(*) AS count FROM ${from} WHERE ${where} GROUP BY 1, 2`,
  );
}

/** The organization's live themes (not archived) in the taxonomy's order: key and name. */
export async function taxonomyThemes(read: Read, orgId: string): Promise<{ key: string; name: string }[]> {
  return read.textTheme.findMany({
    where: { orgId, archivedAt: null },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: { key: true, name: true },
  });
}

export type ThemeReportRow = ThemeFigures & { name: string };

export type ThemesReport = {
  period: ResolvedPeriod;
  metric: Metric;
  /** Analysed comments in the filter (the base of every share). */
  comments: number;
  /** Responses with a score of the metric in the filter (the population mentioners are compared with). */
  responses: number;
  /** Every live theme of the taxonomy, the most mentioned first (ties: the taxonomy's order). */
  themes: ThemeReportRow[];
};

export type ThemesFilters = AnalyticsFilters & { metric?: Metric };

/** Every live theme's figures for the dashboard's filters (docs/metrics.md, "Themes"). */
export async function getThemesReport(ctx: Ctx, filters: ThemesFilters, now = new Date()): Promise<ThemesReport> {
  const metric = filters.metric ?? "nps";
  const period = resolvePeriod(filters, now);
  const scoped = await narrowToUnit(ctx, filters.unitId);
  await ensureTaxonomy(ctx.orgId); // on the primary: it may write the starter taxonomy once
  const [taxonomy, comments, mentions, scores, population] = await inOneSnapshot(
    async (read) =>
      [
        await taxonomyThemes(read, ctx.orgId),
        await commentCounts(read, scoped, filters, period, null),
        await mentionRows(read, scoped, filters, period, null),
        await scoreRows(read, scoped, filters, period, metric, null),
        await scoreCounts(scoped, filters, [{ period, key: Prisma.sql`'current'` }], { read }),
      ] as const,
  );
  const names = new Map(taxonomy.map((t, i) => [t.key, { name: t.name, position: i }]));
  // Matches of a theme no longer live (archived or deleted, before the re-analysis has run) are left out.
  const live = (r: { theme: string | null }) => r.theme !== null && names.has(r.theme);
  const counts = new Map(themeCountsFromRows(mentions.filter(live), scores.filter(live)).map((c) => [c.theme, c]));
  const dist = (distributionsByKey(population).get("current") ?? emptyDistributions())[metric];
  const figures = themeStats({
    metric,
    comments: Number(comments[0]?.comments ?? 0),
    population: dist,
    themes: taxonomy.map(
      (t) => counts.get(t.key) ?? { theme: t.key, mentions: 0, sentimentSum: 0, sentimentSumSquares: 0, scores: [] },
    ),
  });
  const themes = figures
    .map((f) => ({ ...f, name: names.get(f.theme)!.name }))
    .sort((a, b) => b.mentions - a.mentions || names.get(a.theme)!.position - names.get(b.theme)!.position);
  return {
    period,
    metric,
    comments: Number(comments[0]?.comments ?? 0),
    responses: dist.reduce((s, d) => s + d.count, 0),
    themes,
  };
}

export type ThemeTrends = {
  period: ResolvedPeriod;
  metric: Metric;
  /** Every live theme (or the one asked for), in the taxonomy's order, with a point per bucket. */
  themes: { key: string; name: string; points: ThemeTrendPoint[] }[];
};

/**
 * The themes' trends over the period's buckets (empty buckets included) — every live theme, or only `theme`; null
 * when `theme` is not a live theme of the taxonomy.
 */
export async function getThemeTrends(
  ctx: Ctx,
  filters: ThemesFilters & { theme?: string },
  now = new Date(),
): Promise<ThemeTrends | null> {
  const metric = filters.metric ?? "nps";
  const period = resolvePeriod(filters, now);
  const scoped = await narrowToUnit(ctx, filters.unitId);
  const bucket = bucketExpression(provider, period.bucket);
  await ensureTaxonomy(ctx.orgId); // on the primary: it may write the starter taxonomy once
  const [all, comments, mentions, scores] = await inOneSnapshot(
    async (read) =>
      [
        await taxonomyThemes(read, ctx.orgId),
        await commentCounts(read, scoped, filters, period, bucket),
        await mentionRows(read, scoped, filters, period, bucket, filters.theme),
        await scoreRows(read, scoped, filters, period, metric, bucket, filters.theme),
      ] as const,
  );
  const taxonomy = all.filter((t) => !filters.theme || t.key === filters.theme);
  if (filters.theme && taxonomy.length === 0) return null;
  const live = new Set(taxonomy.map((t) => t.key));
  const keep = (r: { theme: string | null }) => r.theme !== null && live.has(r.theme);
  const perBucket = comments.map((r) => ({ key: r.key ?? null, comments: r.comments }));
  // A theme with no mention in the period still gets a point per bucket (share 0, or none without comments).
  const first = bucketKey(bucketStarts(period.from, period.to, period.bucket)[0]!);
  const mentioned = new Set(mentions.map((r) => r.theme));
  const zero = taxonomy
    .filter((t) => !mentioned.has(t.key))
    .map((t) => ({ key: first, theme: t.key, mentions: 0, sentimentSum: null }));
  const rows = [...mentions.filter(keep), ...zero];
  const trends = themeTrendsFromRows(metric, period, perBucket, rows, scores.filter(keep));
  return { period, metric, themes: taxonomy.map((t) => ({ ...t, points: trends.get(t.key)! })) };
}
