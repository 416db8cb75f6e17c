// The two GROUP BYs behind the journey map and the gap report. The database does the counting; no response
// or interaction row leaves it. Both are scoped to ctx.orgId, to the caller's units (lib/units/scope.ts) and to the
// given touchpoints (which the caller loaded from the caller's organization), and use the indexes Response (orgId, touchpointId, submittedAt)
// and Interaction (orgId, touchpointId, occurredAt).
import { Prisma } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import type { Period } from "../analytics/filters";
import { responseWhere } from "../analytics/sql";
import { scopeSql } from "../units/scope";
import type { CountRow } from "../metrics";

/** The filters the map and the report honour besides the period (the touchpoints are the scope). */
export type MapScope = { channelId?: string; segment?: string };

type RawCount = { k: string; metric: string; score: number | bigint; c: number | bigint };

/** Counts per (touchpointId, metric, score) in [from, to) for the given touchpoints. */
export async function responseCountsByTouchpoint(
  ctx: Ctx,
  touchpointIds: readonly string[],
  scope: MapScope,
  period: Period,
): Promise<CountRow[]> {
  if (touchpointIds.length === 0) return [];
  const where = Prisma.sql`${responseWhere(ctx, { channelId: scope.channelId, segment: scope.segment }, period)} AND r."touchpointId" IN (${Prisma.join([...touchpointIds])})`;
  const rows = await analyticsDb().$queryRaw<RawCount[]>(
    Prisma.sql`SELECT r."touchpointId" AS k, r."metric" AS metric, r."score" AS score, COUNT(*) AS c FROM "Response" r WHERE ${where} GROUP BY 1, 2, 3`,
  );
  return rows.map((r) => ({ key: r.k, metric: r.metric, score: r.score, count: r.c }));
}

export type InteractionStats = {
  /** Interactions at the touchpoint in the period. */
  count: number;
  /** How many of them recorded an emotion (−2..+2). */
  emotionCount: number;
  /** Sum of the recorded emotions (the mean is emotionSum / emotionCount). */
  emotionSum: number;
};

type RawInteractions = { k: string; c: number | bigint; ec: number | bigint; es: number | bigint | string | null };

/** Interaction volume and emotion per touchpoint in [from, to), one GROUP BY touchpointId. */
export async function interactionStatsByTouchpoint(
  ctx: Ctx,
  touchpointIds: readonly string[],
  scope: MapScope,
  period: Period,
): Promise<Map<string, InteractionStats>> {
  const out = new Map<string, InteractionStats>();
  if (touchpointIds.length === 0) return out;
  const parts: Prisma.Sql[] = [
    Prisma.sql`i."orgId" = ${ctx.orgId}`,
    Prisma.sql`i."touchpointId" IN (${Prisma.join([...touchpointIds])})`,
    Prisma.sql`i."occurredAt" >= ${period.from}`,
    Prisma.sql`i."occurredAt" < ${period.to}`,
  ];
  const units = scopeSql(ctx, 'i."unitId"'); // " AND i.unitId IN (…)" for a unit-scoped caller
  if (scope.channelId) parts.push(Prisma.sql`i."channelId" = ${scope.channelId}`);
  if (scope.segment) {
    parts.push(
      Prisma.sql`i."customerId" IN (SELECT ct."customerId" FROM "CustomerTag" ct WHERE ct."orgId" = ${ctx.orgId} AND ct."tag" = ${scope.segment})`,
    );
  }
  const rows = await analyticsDb().$queryRaw<RawInteractions[]>(
    Prisma.sql`SELECT i."touchpointId" AS k, COUNT(*) AS c, COUNT(i."emotion") AS ec, SUM(i."emotion") AS es FROM "Interaction" i WHERE ${Prisma.join(parts, " AND ")}${units} GROUP BY 1`,
  );
  for (const r of rows)
    out.set(String(r.k), {
      count: Number(r.c),
      emotionCount: Number(r.ec),
      emotionSum: r.es === null ? 0 : Number(r.es),
    });
  return out;
}
