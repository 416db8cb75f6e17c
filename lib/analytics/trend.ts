// The database does the counting: each function here is ONE `GROUP BY <key>, metric, score` over the
// indexed Response columns, returning at most (#keys × 23) small rows. No response row leaves the database.
import { Prisma, provider } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import type { CountRow } from "../metrics";
import type { Bucket } from "./buckets";
import type { Period } from "./filters";
import { customerScopeWhere } from "../units/scope";
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

const RESPONSES = Prisma.sql`"Response" r`;

/** Counts per (bucket start "YYYY-MM-DD", metric, score) in [from, to). */
export function countsByBucket(ctx: Ctx, f: ScopeFilters, period: Period & { bucket: Bucket }): Promise<CountRow[]> {
  return groupedCounts(bucketExpression(provider, period.bucket), RESPONSES, responseWhere(ctx, f, period));
}

/** Counts per ("current" | "previous", metric, score): both periods in one pass over the index. */
export function countsCurrentAndPrevious(
  ctx: Ctx,
  f: ScopeFilters,
  current: Period,
  previous: Period,
): Promise<CountRow[]> {
  const key = Prisma.sql`CASE WHEN r."submittedAt" >= ${current.from} THEN 'current' ELSE 'previous' END`;
  return groupedCounts(key, RESPONSES, responseWhere(ctx, f, { from: previous.from, to: current.to }));
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
