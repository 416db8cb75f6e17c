// Score counts for analytics from the daily roll-ups (ResponseDailyOrg, ResponseDaily: docs/rollups.md) where they
// can answer, and from the raw responses where they cannot. A period is half-open [from, to) and usually starts and
// ends mid-day (the presets are rolling): its whole UTC days come from the roll-up and the partial days at its two
// edges from "Response" (index (orgId, metric, submittedAt, …)), summed in the same statement. Both halves are
// filtered by the very same responseWhere (lib/analytics/sql.ts): the roll-up is read through a sub-select that
// exposes its columns under the names of "Response" ("day" as "submittedAt", "" as NULL), so a filter means the same
// on both. A filter the roll-up has no column for — the customer segment — makes the whole count raw.
import { Prisma } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import type { CountRow } from "../metrics";
import { DAY_MS } from "../analytics/buckets";
import type { Period } from "../analytics/filters";
import { responseWhere, type ScopeFilters } from "../analytics/sql";
import { isScoped } from "../units/scope";

/** One period to count and the key its rows are grouped by, written over r."submittedAt", r."touchpointId", r."channelId", r."unitId", r."surveyId". */
export type CountPart = { period: Period; key: Prisma.Sql };

export type CountOptions = {
  /** The client to read with (a transaction that must see one snapshot); default analyticsDb(). */
  read?: Pick<Prisma.TransactionClient, "$queryRaw">;
  /** One more condition over the same columns of r (e.g. r."touchpointId" IN (…)). */
  where?: Prisma.Sql;
  /**
   * "raw" counts every response row (for comparisons and benchmarks); default: the roll-up where it can answer.
   * ANALYTICS_ROLLUPS=off makes every count raw, for comparison (bench/analytics-1m.ts).
   */
  source?: "auto" | "raw";
};

/** The whole UTC days of [from, to) (null when it holds none) and the partial days at its edges. */
export function splitPeriod(p: Period): { days: Period | null; edges: Period[] } {
  const first = Math.ceil(p.from.getTime() / DAY_MS) * DAY_MS;
  const last = Math.floor(p.to.getTime() / DAY_MS) * DAY_MS;
  if (first >= last) return { days: null, edges: p.from < p.to ? [p] : [] };
  const edges: Period[] = [];
  if (p.from.getTime() < first) edges.push({ from: p.from, to: new Date(first) });
  if (last < p.to.getTime()) edges.push({ from: new Date(last), to: p.to });
  return { days: { from: new Date(first), to: new Date(last) }, edges };
}

/**
 * Whether the roll-up should answer: it has no customer, so no segment; and a caller narrowed to units (a unit-scoped
 * member, or the `unitId` filter, which narrows the scope) reads the raw responses of those units. A unit's responses
 * are few per day, so its roll-up rows are nearly one per response (bench/units.ts: 966,500 rows for 1,000,000
 * responses over 555 units) and reading them costs more than the (orgId, unitId, submittedAt) range of "Response"
 * (docs/rollups.md, "Size").
 */
export function rollupAnswers(ctx: Ctx, f: Pick<ScopeFilters, "segment">): boolean {
  return !f.segment && !isScoped(ctx);
}

/**
 * The parts of a period to count: whole days from a roll-up and the edges raw when the roll-ups may answer
 * (rollupAnswers, unless `source: "raw"` or ANALYTICS_ROLLUPS=off); otherwise the whole period raw. For scoreCounts
 * and the interaction counts of the journey map (lib/journeys/map-sql.ts).
 */
export function countingParts(
  ctx: Ctx,
  f: Pick<ScopeFilters, "segment">,
  period: Period,
  opts: Pick<CountOptions, "source">,
): { days: Period | null; edges: Period[] } {
  const useRollup = opts.source !== "raw" && process.env.ANALYTICS_ROLLUPS !== "off" && rollupAnswers(ctx, f);
  return useRollup ? splitPeriod(period) : { days: null, edges: [period] };
}

/** "No emotion" in InteractionDaily (a key column, where NULL cannot be); the app writes emotions −2..+2 only. */
export const NO_EMOTION = 99;

// The roll-up's rows under the column names of "Response", each carrying its count as "n". Narrowed here by the
// organization, the metrics and the whole days (its primary key and (orgId, metric, day) index); the outer
// responseWhere repeats those terms and adds the filters. A caller who is not narrowed to units reads the roll-up
// without the unit dimension (ResponseDailyOrg: far fewer rows in an organization with many small units,
// docs/rollups.md "Size"); one narrowed to units would need ResponseDaily's unitId (today such callers read the raw
// responses: rollupAnswers).
function rollupRows(ctx: Ctx, days: Period): Prisma.Sql {
  const [table, unit] = isScoped(ctx)
    ? [Prisma.raw(`"ResponseDaily"`), Prisma.raw(`, NULLIF(d."unitId", '') AS "unitId"`)]
    : [Prisma.raw(`"ResponseDailyOrg"`), Prisma.empty];
  return Prisma.sql`(SELECT d."orgId" AS "orgId", d."day" AS "submittedAt", d."surveyId" AS "surveyId", d."metric" AS "metric",
    NULLIF(d."touchpointId", '') AS "touchpointId", NULLIF(d."channelId", '') AS "channelId"${unit},
    d."score" AS "score", d."count" AS "n"
    FROM ${table} d WHERE d."orgId" = ${ctx.orgId} AND d."day" >= ${days.from} AND d."day" < ${days.to}) r`;
}

type RawRow = { k: string | null; metric: string; score: number | bigint; c: number | bigint | string };

/**
 * Counts per (key, metric, score) of the responses analytics count (responseWhere) in each part's period, exactly
 * as a GROUP BY over "Response" would give them. Parts should not overlap (a response in two parts counts twice,
 * as it would in two raw queries).
 */
export async function scoreCounts(
  ctx: Ctx,
  f: ScopeFilters,
  parts: readonly CountPart[],
  opts: CountOptions = {},
): Promise<CountRow[]> {
  const extra = opts.where ? Prisma.sql` AND ${opts.where}` : Prisma.empty;
  const selects: Prisma.Sql[] = [];
  for (const { period, key } of parts) {
    const { days, edges } = countingParts(ctx, f, period, opts);
    // GROUP BY positions: valid on both databases also when the key holds bound parameters.
    for (const edge of edges)
      selects.push(
        Prisma.sql`SELECT ${key} AS k, r."metric" AS metric, r."score" AS score, COUNT(*) AS c FROM "Response" r WHERE ${responseWhere(ctx, f, edge)}${extra} GROUP BY 1, 2, 3`,
      );
    if (days)
      selects.push(
        Prisma.sql`SELECT ${key} AS k, r."metric" AS metric, r."score" AS score, SUM(r."n") AS c FROM ${rollupRows(ctx, days)} WHERE ${responseWhere(ctx, f, days)}${extra} GROUP BY 1, 2, 3`,
      );
  }
  if (selects.length === 0) return [];
  const sql =
    selects.length === 1
      ? selects[0]
      : Prisma.sql`SELECT x.k AS k, x.metric AS metric, x.score AS score, CAST(SUM(x.c) AS BIGINT) AS c FROM (${Prisma.join(selects, " UNION ALL ")}) x GROUP BY 1, 2, 3`;
  const rows = await (opts.read ?? analyticsDb()).$queryRaw<RawRow[]>(sql);
  return rows.map((r) => ({
    key: r.k,
    metric: r.metric,
    score: r.score,
    count: typeof r.c === "string" ? Number(r.c) : r.c,
  }));
}
