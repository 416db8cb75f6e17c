// Comment and theme-mention counts for the theme figures (docs/rollups.md, "The theme roll-up"): the themes report
// and its trends, the journey map's and gap report's top themes per touchpoint and the digest's theme changes. One
// statement answers per (key, theme, metric, score) — theme "" for "an analysed comment" — the number of comments or
// mentions and the sums of their sentiment and its square, in thousandths and millionths (the analyser rounds a
// sentiment to 3 decimals, lib/text/sentiment.ts), so both sources add integers and give the same figures. Like
// scoreCounts (lib/rollups/query.ts): a period's whole UTC days come from the roll-up "ThemeDaily" when it can answer
// (countingParts), the partial days at its edges from "TextAnalysis" / "TextThemeMatch" joined to "Response"; every
// part is filtered by the very same responseWhere (the roll-up read through a sub-select that exposes its columns
// under the names of "Response").
import { Prisma, provider } from "../db";
import type { Ctx } from "../auth/ctx";
import type { Metric } from "../metrics";
import { responseWhere, type ScopeFilters } from "../analytics/sql";
import type { Period } from "../analytics/filters";
import { countingParts, monthSafe, type CountOptions, type CountPart } from "../rollups/query";
import type { ThemeMentionRow, ThemeScoreRow } from "../text/theme-stats";

/** A comment in the figures: a response's comment (its first free-text answer), analysed in a supported language. */
export const COMMENT = Prisma.sql`a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported'`;
/** A theme mention in the figures: a match in a response's comment. */
export const MATCH = Prisma.sql`m."source" = 'answer' AND m."isComment" = TRUE`;

/** A sentiment in thousandths (an integer, 0 for none): what the roll-up's triggers add up. */
const milli = (column: string) => Prisma.raw(`COALESCE(CAST(ROUND(${column} * 1000) AS BIGINT), 0)`);
const sums = (column: string) =>
  Prisma.sql`COUNT(*) AS n, SUM(${milli(column)}) AS s1, SUM(${milli(column)} * ${milli(column)}) AS s2`;

export type ThemeCountOptions = Pick<CountOptions, "source"> & {
  /** Only this theme's mentions (the comments are always counted). */
  theme?: string;
  /** A further condition on the responses (" AND r.… ", e.g. the touchpoints of the journey map). */
  narrow?: Prisma.Sql;
};

/** One row of the answer: comments (theme "") or mentions of a theme, per key, metric and score. */
export type ThemeCell = {
  key: string | null;
  theme: string;
  metric: string;
  score: number;
  n: number;
  /** Σ sentiment in thousandths, Σ sentiment² in millionths. */
  milli: number;
  micro: number;
};

type RawCell = {
  k: string | null;
  theme: string;
  metric: string;
  score: number | bigint;
  n: number | bigint | string;
  s1: number | bigint | string | null;
  s2: number | bigint | string | null;
};

// A theme roll-up's rows of the organization's whole days or months under the names of "Response"; "themeKey", its
// count as "n" and its sums as "s1", "s2".
function rollupRows(ctx: Ctx, range: Period, grain: "day" | "month", theme: string | undefined): Prisma.Sql {
  const [table, column] =
    grain === "day"
      ? [Prisma.raw(`"ThemeDaily"`), Prisma.raw(`"day"`)]
      : [Prisma.raw(`"ThemeMonthly"`), Prisma.raw(`"month"`)];
  const only = theme === undefined ? Prisma.empty : Prisma.sql` AND d."themeKey" IN ('', ${theme})`;
  return Prisma.sql`(SELECT d."orgId" AS "orgId", d.${column} AS "submittedAt", d."surveyId" AS "surveyId", d."metric" AS "metric",
    NULLIF(d."touchpointId", '') AS "touchpointId", NULLIF(d."channelId", '') AS "channelId", d."score" AS "score",
    d."themeKey" AS "themeKey", d."count" AS n, d."sentimentMilli" AS s1, d."sentimentSquaresMicro" AS s2
    FROM ${table} d WHERE d."orgId" = ${ctx.orgId} AND d.${column} >= ${range.from} AND d.${column} < ${range.to}${only}) r`;
}

// The responses of a partial edge day as "r", with the columns a key or a condition reads (CountPart), fenced with
// OFFSET 0 (SQLite wants a LIMIT before it) so that the join starts from them.
function edgeResponses(where: Prisma.Sql, narrow: Prisma.Sql): Prisma.Sql {
  const fence = Prisma.raw(provider === "postgresql" ? "OFFSET 0" : "LIMIT -1 OFFSET 0");
  return Prisma.sql`(SELECT r."id", r."orgId", r."submittedAt", r."surveyId", r."metric", r."score", r."touchpointId",
    r."channelId", r."unitId" FROM "Response" r WHERE ${where}${narrow} ${fence}) r`;
}

/**
 * Comments and mentions per (part's key, theme, metric, score) of the responses analytics count (responseWhere) in
 * each part's period, exactly as GROUP BYs over the analyses and matches joined to "Response" give them.
 */
export async function themeCells(
  read: Pick<Prisma.TransactionClient, "$queryRaw">,
  ctx: Ctx,
  f: ScopeFilters,
  parts: readonly CountPart[],
  opts: ThemeCountOptions = {},
): Promise<ThemeCell[]> {
  const narrow = opts.narrow ?? Prisma.empty;
  const only = opts.theme === undefined ? Prisma.empty : Prisma.sql` AND m."themeKey" = ${opts.theme}`;
  const selects: Prisma.Sql[] = [];
  for (const { period, key } of parts) {
    const { months, days, minus, edges } = countingParts(ctx, f, period, {
      source: opts.source,
      months: monthSafe(key),
    });
    // GROUP BY positions: valid on both databases also when the key holds bound parameters.
    // A partial edge day beside the roll-ups is read from its responses (the index (orgId, metric, submittedAt …)),
    // then their analyses (index on responseId) and the analyses' matches (unique (analysisId, themeKey)). The edge's
    // responses are a sub-select with OFFSET 0 (edgeResponses), which neither database merges into the join, and
    // CROSS JOIN keeps SQLite's planner in that order: otherwise a planner may scan every analysis and match of the
    // organization for one day (PostgreSQL did, 130 ms, where the organization had few analyses beside a million
    // responses). A match belongs to its analysis's response (the application writes both from one text);
    // `m.responseId = r.id` keeps the condition of the whole-period read below.
    const short = days.length > 0 || months !== null;
    for (const edge of edges) {
      const where = responseWhere(ctx, f, edge);
      selects.push(
        short
          ? Prisma.sql`SELECT ${key} AS k, '' AS theme, r."metric" AS metric, r."score" AS score, ${sums(`a."sentiment"`)}
          FROM ${edgeResponses(where, narrow)} CROSS JOIN "TextAnalysis" a
          WHERE a."responseId" = r."id" AND a."orgId" = ${ctx.orgId} AND ${COMMENT} GROUP BY 1, 3, 4`
          : Prisma.sql`SELECT ${key} AS k, '' AS theme, r."metric" AS metric, r."score" AS score, ${sums(`a."sentiment"`)}
          FROM "TextAnalysis" a JOIN "Response" r ON r."id" = a."responseId"
          WHERE a."orgId" = ${ctx.orgId} AND ${COMMENT} AND ${where}${narrow} GROUP BY 1, 3, 4`,
        short
          ? Prisma.sql`SELECT ${key} AS k, m."themeKey" AS theme, r."metric" AS metric, r."score" AS score, ${sums(`m."sentiment"`)}
          FROM ${edgeResponses(where, narrow)} CROSS JOIN "TextAnalysis" a CROSS JOIN "TextThemeMatch" m
          WHERE a."responseId" = r."id" AND m."analysisId" = a."id" AND m."responseId" = r."id"
            AND m."orgId" = ${ctx.orgId} AND ${MATCH}${only} GROUP BY 1, 2, 3, 4`
          : Prisma.sql`SELECT ${key} AS k, m."themeKey" AS theme, r."metric" AS metric, r."score" AS score, ${sums(`m."sentiment"`)}
          FROM "TextThemeMatch" m JOIN "Response" r ON r."id" = m."responseId"
          WHERE m."orgId" = ${ctx.orgId} AND ${MATCH}${only} AND ${where}${narrow} GROUP BY 1, 2, 3, 4`,
      );
    }
    // sign −1: the days of a month outside the period, taken away from the month (splitPeriod).
    const rolled = (range: Period, grain: "day" | "month", sign: 1 | -1 = 1) => {
      const by = Prisma.raw(String(sign));
      return Prisma.sql`SELECT ${key} AS k, r."themeKey" AS theme, r."metric" AS metric, r."score" AS score, ${by} * SUM(r.n) AS n,
          ${by} * SUM(r.s1) AS s1, ${by} * SUM(r.s2) AS s2
          FROM ${rollupRows(ctx, range, grain, opts.theme)} WHERE ${responseWhere(ctx, f, range)}${narrow} GROUP BY 1, 2, 3, 4`;
    };
    for (const range of days) selects.push(rolled(range, "day"));
    for (const range of minus) selects.push(rolled(range, "day", -1));
    if (months) selects.push(rolled(months, "month"));
  }
  if (selects.length === 0) return [];
  // HAVING: a month minus its outside days can net a cell to 0, where a raw count has no row.
  const rows = await read.$queryRaw<RawCell[]>(
    Prisma.sql`SELECT x.k AS k, x.theme AS theme, x.metric AS metric, x.score AS score, CAST(SUM(x.n) AS BIGINT) AS n,
      CAST(SUM(x.s1) AS BIGINT) AS s1, CAST(SUM(x.s2) AS BIGINT) AS s2
      FROM (${Prisma.join(selects, " UNION ALL ")}) x GROUP BY 1, 2, 3, 4 HAVING SUM(x.n) <> 0`,
  );
  return rows.map((r) => ({
    key: r.k ?? null,
    theme: r.theme,
    metric: r.metric,
    score: Number(r.score),
    n: Number(r.n),
    milli: Number(r.s1 ?? 0),
    micro: Number(r.s2 ?? 0),
  }));
}

/** Analysed comments per key (the rows of `SELECT key, COUNT(*) … GROUP BY key`). */
export function commentsOf(cells: readonly ThemeCell[]): { key: string | null; comments: number }[] {
  const out = new Map<string | null, number>();
  for (const c of cells) if (c.theme === "") out.set(c.key, (out.get(c.key) ?? 0) + c.n);
  return [...out].map(([key, comments]) => ({ key, comments }));
}

/** Mentions and sentiment sums per (key, theme). */
export function mentionsOf(cells: readonly ThemeCell[]): ThemeMentionRow[] {
  const out = new Map<string, { key: string | null; theme: string; n: number; milli: number; micro: number }>();
  for (const c of cells) {
    if (c.theme === "") continue;
    const k = `${c.key ?? ""}\u0000${c.theme}`;
    const row = out.get(k) ?? { key: c.key, theme: c.theme, n: 0, milli: 0, micro: 0 };
    row.n += c.n;
    row.milli += c.milli;
    row.micro += c.micro;
    out.set(k, row);
  }
  return [...out.values()].map((r) => ({
    key: r.key,
    theme: r.theme,
    mentions: r.n,
    sentimentSum: r.milli / 1000,
    sentimentSumSquares: r.micro / 1_000_000,
  }));
}

/** The mentioning responses' scores of `metric` per (key, theme, score). */
export function scoresOf(cells: readonly ThemeCell[], metric: Metric): ThemeScoreRow[] {
  return cells
    .filter((c) => c.theme !== "" && c.metric === metric)
    .map((c) => ({ key: c.key, theme: c.theme, score: c.score, count: c.n }));
}
