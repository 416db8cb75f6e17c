// Recomputing the daily roll-up from the raw responses (docs/rollups.md): the operator's rebuild command
// (scripts/rollups-rebuild.ts) and the check that the triggers kept it exact (tests/integration/rollups.test.ts).
// The recomputation is the migration's fill (prisma/migrations/*_response_daily_rollups): one GROUP BY over
// "Response" of the responses analytics count (lib/analytics/sql.ts responseWhere).
import { db, Prisma, provider } from "../db";

/** The UTC day of r."submittedAt", as the triggers store it (SQLite: the DateTime text of that midnight). */
const DAY =
  provider === "postgresql"
    ? Prisma.raw(`date_trunc('day', r."submittedAt")`)
    : Prisma.raw(`strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt")`);

const COLUMNS = Prisma.raw(
  `"orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "unitId", "score", "count"`,
);

function recomputed(orgId: string | undefined): Prisma.Sql {
  const org = orgId ? Prisma.sql` AND r."orgId" = ${orgId}` : Prisma.empty;
  return Prisma.sql`SELECT r."orgId" AS "orgId", ${DAY} AS "day", r."surveyId" AS "surveyId", r."metric" AS "metric",
    COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId", COALESCE(r."unitId", '') AS "unitId",
    r."score" AS "score", COUNT(*) AS "count"
    FROM "Response" r WHERE r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL${org}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

export type RollupRow = {
  orgId: string;
  day: string;
  surveyId: string;
  metric: string;
  touchpointId: string;
  channelId: string;
  unitId: string;
  score: number;
  count: number;
};

type Raw = Omit<RollupRow, "day" | "score" | "count"> & {
  day: Date | string;
  score: number | bigint;
  count: number | bigint;
};

const keyOf = (r: RollupRow) =>
  [r.orgId, r.day, r.surveyId, r.metric, r.touchpointId, r.channelId, r.unitId, r.score].join("\n");

function normalise(rows: Raw[]): Map<string, RollupRow> {
  const out = new Map<string, RollupRow>();
  for (const r of rows) {
    const day = (r.day instanceof Date ? r.day : new Date(r.day)).toISOString().slice(0, 10);
    const row = { ...r, day, score: Number(r.score), count: Number(r.count) };
    out.set(keyOf(row), row);
  }
  return out;
}

/**
 * Where the stored roll-up differs from a recomputation (an empty list: exact). For tests and the operator's
 * `--check`; reads every counted response of the organization (or of all of them).
 */
export async function rollupDifferences(
  orgId?: string,
): Promise<Array<{ key: Omit<RollupRow, "count">; stored: number; expected: number }>> {
  const org = orgId ? Prisma.sql` WHERE d."orgId" = ${orgId}` : Prisma.empty;
  const [stored, expected] = await Promise.all([
    db.$queryRaw<Raw[]>(
      Prisma.sql`SELECT d."orgId" AS "orgId", d."day" AS "day", d."surveyId" AS "surveyId", d."metric" AS "metric", d."touchpointId" AS "touchpointId",
        d."channelId" AS "channelId", d."unitId" AS "unitId", d."score" AS "score", d."count" AS "count" FROM "ResponseDaily" d${org}`,
    ),
    db.$queryRaw<Raw[]>(recomputed(orgId)),
  ]).then(([s, e]) => [normalise(s), normalise(e)]);
  const out: Array<{ key: Omit<RollupRow, "count">; stored: number; expected: number }> = [];
  for (const k of new Set([...stored.keys(), ...expected.keys()])) {
    const s = stored.get(k);
    const e = expected.get(k);
    if (s?.count === e?.count) continue;
    const { count: _, ...key } = (s ?? e)!;
    out.push({ key, stored: s?.count ?? 0, expected: e?.count ?? 0 });
  }
  return out;
}

/**
 * Replaces the organization's roll-up (or every organization's) by a recomputation, in one transaction. On
 * PostgreSQL it first takes a SHARE lock on "Response": writes to responses wait until the rebuild commits (and
 * it waits for those in flight), so that no response is counted twice or missed; SQLite runs one writing
 * transaction at a time anyway. Returns the number of roll-up rows written.
 */
export async function rebuildRollups(orgId?: string): Promise<number> {
  return db.$transaction(
    async (tx) => {
      if (provider === "postgresql") await tx.$executeRaw`LOCK TABLE "Response" IN SHARE MODE`;
      await tx.$executeRaw(
        Prisma.sql`DELETE FROM "ResponseDaily"${orgId ? Prisma.sql` WHERE "orgId" = ${orgId}` : Prisma.empty}`,
      );
      return tx.$executeRaw(Prisma.sql`INSERT INTO "ResponseDaily" (${COLUMNS}) ${recomputed(orgId)}`);
    },
    { timeout: 600_000 },
  );
}
