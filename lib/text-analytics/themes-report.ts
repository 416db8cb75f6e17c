// Theme analytics (docs/text-analytics.md, "Theme analytics"; the maths in docs/metrics.md, "Themes"): for the
// dashboard's filters, per theme of the organization's taxonomy the comments mentioning it (n, share with its Wilson
// interval), their mean sentiment, the metric (NPS, CSAT or CES) of the mentioners against everyone else with the
// interval of the difference, and the theme's contribution to the overall figure; and one theme's trend per bucket.
// Responses are filtered by responseWhere (lib/analytics/sql.ts), exactly as every other figure, narrowed to the
// caller's units and the unitId filter. The database counts: the comments and mentions in one statement
// (lib/text-analytics/theme-counts.ts: whole days from the roll-up ThemeDaily, docs/rollups.md), the population in
// another (scoreCounts), on the read replica, both in one transaction that sees one snapshot (PostgreSQL: REPEATABLE READ; SQLite runs one transaction at a time),
// so that a response written between two of them cannot make the mentioners outnumber everyone.
import { Prisma, provider, readOnlyTransactions, TRANSACTION_OPTIONS } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import { distributionsByKey, emptyDistributions, type Metric } from "../metrics";
import { resolvePeriod, type AnalyticsFilters, type ResolvedPeriod } from "../analytics/filters";
import { narrowToUnit } from "../analytics/unit-filter";
import { bucketExpression } from "../analytics/sql";
import { scoreCounts } from "../rollups/query";
import { bucketKey, bucketStarts } from "../analytics/buckets";
import { ensureTaxonomy } from "./taxonomy";
import { commentsOf, mentionsOf, scoresOf, themeCells, type ThemeCountOptions } from "./theme-counts";
import {
  themeCountsFromRows,
  themeStats,
  themeTrendsFromRows,
  type ThemeFigures,
  type ThemeTrendPoint,
} from "../text/theme-stats";

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

/** The key of a part that is not grouped: one row per theme, metric and score. */
const ALL = Prisma.sql`'all'`;

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
export async function getThemesReport(
  ctx: Ctx,
  filters: ThemesFilters,
  now = new Date(),
  opts: Pick<ThemeCountOptions, "source"> = {},
): Promise<ThemesReport> {
  const metric = filters.metric ?? "nps";
  const period = resolvePeriod(filters, now);
  const scoped = await narrowToUnit(ctx, filters.unitId);
  await ensureTaxonomy(ctx.orgId); // on the primary: it may write the starter taxonomy once
  const [taxonomy, cells, population] = await inOneSnapshot(
    async (read) =>
      [
        await taxonomyThemes(read, ctx.orgId),
        await themeCells(read, scoped, filters, [{ period, key: ALL }], { source: opts.source }),
        await scoreCounts(scoped, filters, [{ period, key: Prisma.sql`'current'` }], { read, source: opts.source }),
      ] as const,
  );
  const comments = commentsOf(cells);
  const mentions = mentionsOf(cells);
  const scores = scoresOf(cells, metric);
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
  opts: Pick<ThemeCountOptions, "source"> = {},
): Promise<ThemeTrends | null> {
  const metric = filters.metric ?? "nps";
  const period = resolvePeriod(filters, now);
  const scoped = await narrowToUnit(ctx, filters.unitId);
  const bucket = bucketExpression(provider, period.bucket);
  await ensureTaxonomy(ctx.orgId); // on the primary: it may write the starter taxonomy once
  const [all, cells] = await inOneSnapshot(
    async (read) =>
      [
        await taxonomyThemes(read, ctx.orgId),
        await themeCells(read, scoped, filters, [{ period, key: bucket }], {
          theme: filters.theme,
          source: opts.source,
        }),
      ] as const,
  );
  const comments = commentsOf(cells);
  const mentions = mentionsOf(cells);
  const scores = scoresOf(cells, metric);
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
