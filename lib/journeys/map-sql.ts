// The two GROUP BYs behind the journey map and the gap report. The database does the counting; no response
// or interaction row leaves it. Both are scoped to ctx.orgId, to the caller's units (lib/units/scope.ts) and to the
// given touchpoints (which the caller loaded from the caller's organization). Responses: the daily roll-up for whole
// days and Response (orgId, metric, submittedAt, …) for the partial ones (lib/rollups/query.ts); interactions:
// Interaction (orgId, touchpointId, occurredAt).
import { Prisma } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import type { Period } from "../analytics/filters";
import { scopeSql } from "../units/scope";
import { scoreCounts, type CountOptions } from "../rollups/query";
import type { CountRow } from "../metrics";

/** The filters the map and the report honour besides the period (the touchpoints are the scope). */
export type MapScope = { channelId?: string; segment?: string };

/**
 * Counts per (touchpointId, metric, score) in [from, to) for the given touchpoints: whole days from the daily
 * roll-up, the partial days at the edges (and a segment) from the raw responses (lib/rollups/query.ts).
 */
export async function responseCountsByTouchpoint(
  ctx: Ctx,
  touchpointIds: readonly string[],
  scope: MapScope,
  period: Period,
  opts: CountOptions = {},
): Promise<CountRow[]> {
  if (touchpointIds.length === 0) return [];
  return scoreCounts(
    ctx,
    { channelId: scope.channelId, segment: scope.segment },
    [{ period, key: Prisma.sql`r."touchpointId"` }],
    {
      ...opts,
      where: Prisma.sql`r."touchpointId" IN (${Prisma.join([...touchpointIds])})`,
    },
  );
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
