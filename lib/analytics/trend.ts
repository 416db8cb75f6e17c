// The database does the counting: each function here is ONE statement grouping by `<key>, metric, score`, returning
// at most (#keys × 23) small rows. No response row leaves the database. The trend and the headline read the daily
// roll-up for whole days and the raw responses for the partial days at the edges (lib/rollups/query.ts); the
// segment comparison reads the raw responses (the roll-up has no customer).
import { Prisma, provider } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import type { CountRow } from "../metrics";
import type { Bucket } from "./buckets";
import type { Period } from "./filters";
import { customerScopeWhere } from "../units/scope";
import { scoreCounts, type CountOptions } from "../rollups/query";
import { bucketExpression, responseWhere, type ScopeFilters } from "./sql";

type RawRow = { k: string; metric: string; score: number | bigint; c: number | bigint };

async function groupedCounts(key: Prisma.Sql, from: Prisma.Sql, where: Prisma.Sql): Promise<CountRow[]> {
  // GROUP BY positions: the same statement text is valid on both databases, also when the key holds
  // bound parameters (PostgreSQL would not match "$5" in the GROUP BY with "$1" in the SELECT list).
  const rows = await analyticsDb().$queryRaw<RawRow[]>(
    Prisma.sql`SELECT ${key} AS k, r."metric" AS metric, r."score" AS score, COUNT(*) AS c FROM ${from} WHERE ${where} GROUP BY 1, 2, 3`,
  );
  return rows.map((r) => ({ key: r.k, metric: r.metric, score: r.score, count: r.c }));
}

/** Counts per (bucket start "YYYY-MM-DD", metric, score) in [from, to). */
export function countsByBucket(
  ctx: Ctx,
  f: ScopeFilters,
  period: Period & { bucket: Bucket },
  opts?: CountOptions,
): Promise<CountRow[]> {
  return scoreCounts(ctx, f, [{ period, key: bucketExpression(provider, period.bucket) }], opts);
}

/** Counts per ("current" | "previous", metric, score): both periods in one statement. */
export function countsCurrentAndPrevious(
  ctx: Ctx,
  f: ScopeFilters,
  current: Period,
  previous: Period,
  opts?: CountOptions,
): Promise<CountRow[]> {
  return scoreCounts(
    ctx,
    f,
    [
      { period: previous, key: Prisma.sql`'previous'` },
      { period: current, key: Prisma.sql`'current'` },
    ],
    opts,
  );
}

/**
 * Counts per (segment tag, metric, score) for two tags. A customer carrying both tags counts in both
 * (CustomerTag is unique per customer and tag, so never twice in one).
 */
export function countsBySegment(
  ctx: Ctx,
  f: ScopeFilters,
  period: Period,
  tags: readonly [string, string],
): Promise<CountRow[]> {
  const from = Prisma.sql`"Response" r JOIN "CustomerTag" ct ON ct."customerId" = r."customerId" AND ct."orgId" = ${ctx.orgId} AND ct."tag" IN (${Prisma.join([...tags])})`;
  return groupedCounts(Prisma.sql`ct."tag"`, from, responseWhere(ctx, f, period, { segment: false }));
}

/**
 * The organization's segment tags with how many customers carry each (CustomerTag (orgId, tag) index); for a
 * unit-scoped caller, the customers they may see (lib/units/scope.ts).
 */
export async function segmentTags(ctx: Ctx): Promise<Array<{ tag: string; customers: number }>> {
  const rows = await analyticsDb().customerTag.groupBy({
    by: ["tag"],
    where: { orgId: ctx.orgId, ...(ctx.scope ? { customer: customerScopeWhere(ctx) } : {}) },
    _count: { _all: true },
    orderBy: { tag: "asc" },
  });
  return rows.map((r) => ({ tag: r.tag, customers: r._count._all }));
}
