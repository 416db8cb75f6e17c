// The two GROUP BYs behind the journey map and the gap report. The database does the counting; no response
// or interaction row leaves it. Both are scoped to ctx.orgId, to the caller's units (lib/units/scope.ts) and to the
// given touchpoints (which the caller loaded from the caller's organization). Each reads its roll-ups for whole
// months and days and the raw rows for the partial days (docs/rollups.md): responses ResponseMonthly,
// ResponseDailyOrg and Response (orgId, metric, submittedAt, …) (lib/rollups/query.ts); interactions
// InteractionMonthly, InteractionDaily and Interaction (orgId, touchpointId, occurredAt, …).
import { Prisma } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import type { Period } from "../analytics/filters";
import { scopeSql } from "../units/scope";
import { countingParts, NO_EMOTION, scoreCounts, type CountOptions } from "../rollups/query";
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

type RawInteractions = {
  k: string;
  c: number | bigint | string;
  ec: number | bigint | string;
  es: number | bigint | string | null;
};

// The interaction roll-ups' rows under the column names of "Interaction", each carrying its count as "n" ("" and
// the "no emotion" value as NULL). Narrowed here by the organization and the whole days or months (primary keys
// (orgId, touchpointId, day | month, …)); the outer WHERE repeats those terms and adds the filters. They have no
// unit: a caller narrowed to units reads the raw interactions (countingParts), so the WHERE has no unit term here.
function interactionRollupRows(ctx: Ctx, range: Period, grain: "day" | "month"): Prisma.Sql {
  const [table, column] =
    grain === "day"
      ? [Prisma.raw(`"InteractionDaily"`), Prisma.raw(`"day"`)]
      : [Prisma.raw(`"InteractionMonthly"`), Prisma.raw(`"month"`)];
  return Prisma.sql`(SELECT d."orgId" AS "orgId", d."touchpointId" AS "touchpointId", d.${column} AS "occurredAt",
    NULLIF(d."channelId", '') AS "channelId", NULLIF(d."emotion", ${Prisma.raw(String(NO_EMOTION))}) AS "emotion", d."count" AS "n"
    FROM ${table} d WHERE d."orgId" = ${ctx.orgId} AND d.${column} >= ${range.from} AND d.${column} < ${range.to}) i`;
}

/**
 * Interaction volume and emotion per touchpoint in [from, to): whole UTC days from the daily roll-up
 * (InteractionDaily, docs/rollups.md), the partial days at the edges from "Interaction" (orgId, touchpointId,
 * occurredAt, emotion, channelId), summed in one statement; both filtered by the same WHERE. A segment (the roll-up
 * has no customer) and a caller narrowed to units read the raw interactions for the whole period, as responses do
 * (rollupAnswers in lib/rollups/query.ts).
 */
export async function interactionStatsByTouchpoint(
  ctx: Ctx,
  touchpointIds: readonly string[],
  scope: MapScope,
  period: Period,
  opts: CountOptions = {},
): Promise<Map<string, InteractionStats>> {
  const out = new Map<string, InteractionStats>();
  if (touchpointIds.length === 0) return out;
  const where = (range: Period) => {
    const parts: Prisma.Sql[] = [
      Prisma.sql`i."orgId" = ${ctx.orgId}`,
      Prisma.sql`i."touchpointId" IN (${Prisma.join([...touchpointIds])})`,
      Prisma.sql`i."occurredAt" >= ${range.from}`,
      Prisma.sql`i."occurredAt" < ${range.to}`,
    ];
    if (scope.channelId) parts.push(Prisma.sql`i."channelId" = ${scope.channelId}`);
    if (scope.segment) {
      parts.push(
        Prisma.sql`i."customerId" IN (SELECT ct."customerId" FROM "CustomerTag" ct WHERE ct."orgId" = ${ctx.orgId} AND ct."tag" = ${scope.segment})`,
      );
    }
    // " AND i.unitId IN (…)" for a unit-scoped caller
    return Prisma.sql`${Prisma.join(parts, " AND ")}${scopeSql(ctx, 'i."unitId"')}`;
  };
  // The key is the touchpoint, the same for every day of a month: whole months may come from InteractionMonthly.
  const { months, days, minus, edges } = countingParts(ctx, { segment: scope.segment }, period, {
    ...opts,
    months: true,
  });
  const selects = edges.map(
    (edge) =>
      Prisma.sql`SELECT i."touchpointId" AS k, COUNT(*) AS c, COUNT(i."emotion") AS ec, SUM(i."emotion") AS es FROM "Interaction" i WHERE ${where(edge)} GROUP BY 1`,
  );
  // A month minus its days outside the period (splitPeriod) subtracts those days' sums: sign −1.
  const pieces: Array<{ range: Period; grain: "day" | "month"; sign: 1 | -1 }> = [
    ...days.map((range) => ({ range, grain: "day" as const, sign: 1 as const })),
    ...minus.map((range) => ({ range, grain: "day" as const, sign: -1 as const })),
  ];
  if (months) pieces.push({ range: months, grain: "month", sign: 1 });
  for (const { range, grain, sign } of pieces) {
    const by = Prisma.raw(String(sign));
    selects.push(
      Prisma.sql`SELECT i."touchpointId" AS k, ${by} * SUM(i."n") AS c, ${by} * SUM(CASE WHEN i."emotion" IS NULL THEN 0 ELSE i."n" END) AS ec,
        ${by} * SUM(i."emotion" * i."n") AS es FROM ${interactionRollupRows(ctx, range, grain)} WHERE ${where(range)} GROUP BY 1`,
    );
  }
  if (selects.length === 0) return out;
  const sql =
    selects.length === 1
      ? selects[0]
      : Prisma.sql`SELECT x.k AS k, SUM(x.c) AS c, SUM(x.ec) AS ec, SUM(x.es) AS es FROM (${Prisma.join(selects, " UNION ALL ")}) x GROUP BY 1 HAVING SUM(x.c) <> 0`;
  const rows = await (opts.read ?? analyticsDb()).$queryRaw<RawInteractions[]>(sql);
  for (const r of rows)
    out.set(String(r.k), {
      count: Number(r.c),
      emotionCount: Number(r.ec),
      emotionSum: r.es === null ? 0 : Number(r.es),
    });
  return out;
}
