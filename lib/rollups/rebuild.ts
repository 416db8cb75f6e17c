// Recomputing the roll-ups from the raw rows (docs/rollups.md): the operator's rebuild command
// (scripts/rollups-rebuild.ts) and the check that the triggers kept them exact (tests/integration/rollups*.test.ts).
// Each recomputation is its migration's fill (prisma/migrations/*_response_daily_org_rollups,
// *_response_monthly_rollups, *_interaction_daily_rollups, *_interaction_monthly_rollups, *_theme_rollups): a GROUP BY
// over "Response" of the responses analytics count (lib/analytics/sql.ts responseWhere) per day or month, one over
// "Interaction" of the interactions at a touchpoint, and over the comments' analyses and theme matches of those
// responses.
import { db, Prisma, provider } from "../db";
import { NO_EMOTION } from "./query";

/** The UTC day of a DateTime column, as the triggers store it (SQLite: the DateTime text of that midnight). */
const dayOf = (column: string) =>
  Prisma.raw(
    provider === "postgresql" ? `date_trunc('day', ${column})` : `strftime('%Y-%m-%dT00:00:00.000+00:00', ${column})`,
  );

/** The UTC month of a DateTime column, as the monthly triggers store it (SQLite: the text of its first midnight). */
const monthOf = (column: string) =>
  Prisma.raw(
    provider === "postgresql" ? `date_trunc('month', ${column})` : `strftime('%Y-%m-01T00:00:00.000+00:00', ${column})`,
  );

type Rollup = {
  table:
    "ResponseDailyOrg" | "ResponseMonthly" | "InteractionDaily" | "InteractionMonthly" | "ThemeDaily" | "ThemeMonthly";
  /** The raw tables it counts (locked in SHARE mode during a rebuild on PostgreSQL). */
  sources: readonly ("Response" | "Interaction" | "TextAnalysis" | "TextThemeMatch")[];
  /** Its key columns in primary-key order. */
  key: readonly string[];
  /** Its value columns: "count" and, for the theme roll-up, the sentiment sums. */
  values: readonly string[];
  /** The recomputation of its rows (of one organization, or of all of them). */
  recomputed: (org: Prisma.Sql) => Prisma.Sql;
};

/** The score roll-ups of "Response" per UTC day or month, for the whole organization (no unit: docs/rollups.md). */
function scoreRollup(table: "ResponseDailyOrg" | "ResponseMonthly"): Rollup {
  const [column, grain] = table === "ResponseDailyOrg" ? ["day", dayOf] : ["month", monthOf];
  return {
    table,
    sources: ["Response"],
    key: ["orgId", column, "surveyId", "metric", "touchpointId", "channelId", "score"],
    values: ["count"],
    recomputed: (
      org,
    ) => Prisma.sql`SELECT r."orgId" AS "orgId", ${grain(`r."submittedAt"`)} AS ${Prisma.raw(`"${column}"`)}, r."surveyId" AS "surveyId", r."metric" AS "metric",
    COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId", r."score" AS "score", COUNT(*) AS "count"
    FROM "Response" r WHERE r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL${org}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  };
}

/** The interaction roll-up per UTC day or month (the touchpoint, channel and emotion of each interaction at one). */
function interactionRollup(table: "InteractionDaily" | "InteractionMonthly"): Rollup {
  const [column, grain] = table === "InteractionDaily" ? ["day", dayOf] : ["month", monthOf];
  return {
    table,
    sources: ["Interaction"],
    key: ["orgId", "touchpointId", column, "channelId", "emotion"],
    values: ["count"],
    recomputed: (
      org,
    ) => Prisma.sql`SELECT r."orgId" AS "orgId", r."touchpointId" AS "touchpointId", ${grain(`r."occurredAt"`)} AS ${Prisma.raw(`"${column}"`)},
    COALESCE(r."channelId", '') AS "channelId", COALESCE(r."emotion", ${Prisma.raw(String(NO_EMOTION))}) AS "emotion", COUNT(*) AS "count"
    FROM "Interaction" r WHERE r."touchpointId" IS NOT NULL${org}
    GROUP BY 1, 2, 3, 4, 5`,
  };
}

/** A sentiment in thousandths, as the theme roll-up's triggers add it up (0 for none). */
const milli = (column: string) => Prisma.raw(`COALESCE(CAST(ROUND(${column} * 1000) AS BIGINT), 0)`);

/**
 * The theme roll-ups per UTC day or month (docs/rollups.md, "The theme roll-up"): the analysed comments (theme "") and
 * the theme mentions of the responses analytics count, with their sentiment sums in thousandths and millionths.
 */
function themeRollup(table: "ThemeDaily" | "ThemeMonthly"): Rollup {
  const [column, grain] = table === "ThemeDaily" ? ["day", dayOf] : ["month", monthOf];
  const key = (org: Prisma.Sql) => ({
    columns: Prisma.sql`r."orgId" AS "orgId", ${grain(`r."submittedAt"`)} AS ${Prisma.raw(`"${column}"`)}, r."surveyId" AS "surveyId", r."metric" AS "metric",
    COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId", r."score" AS "score"`,
    where: Prisma.sql`r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL${org}`,
  });
  return {
    table,
    sources: ["Response", "TextAnalysis", "TextThemeMatch"],
    key: ["orgId", column, "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey"],
    values: ["count", "sentimentMilli", "sentimentSquaresMicro"],
    recomputed: (org) => {
      const { columns, where } = key(org);
      return Prisma.sql`SELECT ${columns}, '' AS "themeKey", COUNT(*) AS "count",
      SUM(${milli(`a."sentiment"`)}) AS "sentimentMilli", SUM(${milli(`a."sentiment"`)} * ${milli(`a."sentiment"`)}) AS "sentimentSquaresMicro"
    FROM "TextAnalysis" a JOIN "Response" r ON r."id" = a."responseId" AND r."orgId" = a."orgId"
    WHERE a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND ${where}
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    UNION ALL
    SELECT ${columns}, m."themeKey" AS "themeKey", COUNT(*) AS "count",
      SUM(${milli(`m."sentiment"`)}) AS "sentimentMilli", SUM(${milli(`m."sentiment"`)} * ${milli(`m."sentiment"`)}) AS "sentimentSquaresMicro"
    FROM "TextThemeMatch" m JOIN "Response" r ON r."id" = m."responseId" AND r."orgId" = m."orgId"
    WHERE m."source" = 'answer' AND m."isComment" = TRUE AND ${where}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
    },
  };
}

const ROLLUPS: readonly Rollup[] = [
  scoreRollup("ResponseDailyOrg"),
  scoreRollup("ResponseMonthly"),
  interactionRollup("InteractionDaily"),
  interactionRollup("InteractionMonthly"),
  themeRollup("ThemeDaily"),
  themeRollup("ThemeMonthly"),
];

const quoted = (columns: readonly string[]) => Prisma.raw(columns.map((c) => `"${c}"`).join(", "));

/** A roll-up row: its key columns (the day as YYYY-MM-DD, numbers as numbers) and its count. */
export type RollupRow = Record<string, string | number> & { count: number };

/**
 * A key where the stored roll-up and the recomputation differ: its count (0 where it has no row) and, for the theme
 * roll-up, its other values where they differ.
 */
export type RollupDifference = {
  table: Rollup["table"];
  key: Record<string, string | number>;
  stored: number;
  expected: number;
  values?: Record<string, { stored: number; expected: number }>;
};

function normalise(rollup: Rollup, rows: Array<Record<string, unknown>>): Map<string, RollupRow> {
  const out = new Map<string, RollupRow>();
  for (const r of rows) {
    const row: RollupRow = { count: Number(r.count) };
    for (const v of rollup.values) row[v] = Number(r[v]);
    for (const k of rollup.key) {
      const v = r[k];
      row[k] =
        k === "day" || k === "month"
          ? (v instanceof Date ? v : new Date(String(v))).toISOString().slice(0, 10)
          : typeof v === "bigint" || typeof v === "number"
            ? Number(v)
            : String(v);
    }
    out.set(rollup.key.map((k) => row[k]).join("\n"), row);
  }
  return out;
}

/**
 * Where the stored roll-ups differ from a recomputation (an empty list: exact). For tests and the operator's
 * `--check`; reads every counted response and interaction of the organization (or of all of them).
 */
export async function rollupDifferences(
  orgId?: string,
  read: Pick<Prisma.TransactionClient, "$queryRaw"> = db,
): Promise<RollupDifference[]> {
  const out: RollupDifference[] = [];
  for (const rollup of ROLLUPS) {
    const [stored, expected] = await Promise.all([
      read.$queryRaw<Array<Record<string, unknown>>>(
        Prisma.sql`SELECT ${quoted([...rollup.key, ...rollup.values])} FROM "${Prisma.raw(rollup.table)}"${orgId ? Prisma.sql` WHERE "orgId" = ${orgId}` : Prisma.empty}`,
      ),
      read.$queryRaw<Array<Record<string, unknown>>>(
        rollup.recomputed(orgId ? Prisma.sql` AND r."orgId" = ${orgId}` : Prisma.empty),
      ),
    ]).then(([s, e]) => [normalise(rollup, s), normalise(rollup, e)]);
    for (const k of new Set([...stored.keys(), ...expected.keys()])) {
      const s = stored.get(k);
      const e = expected.get(k);
      const values = Object.fromEntries(
        rollup.values
          .filter((v) => v !== "count" && s?.[v] !== e?.[v])
          .map((v) => [v, { stored: Number(s?.[v] ?? 0), expected: Number(e?.[v] ?? 0) }]),
      );
      if (s?.count === e?.count && Object.keys(values).length === 0) continue;
      const key = Object.fromEntries(rollup.key.map((c) => [c, (s ?? e)![c]!]));
      out.push({
        table: rollup.table,
        key,
        stored: s?.count ?? 0,
        expected: e?.count ?? 0,
        ...(Object.keys(values).length ? { values } : {}),
      });
    }
  }
  return out;
}

/**
 * Replaces the organization's roll-ups (or every organization's) by a recomputation, in one transaction. On
 * PostgreSQL it first takes a SHARE lock on "Response" and "Interaction": writes to them wait until the rebuild
 * commits (and it waits for those in flight), so that no row is counted twice or missed; SQLite runs one writing
 * transaction at a time anyway. Returns the number of roll-up rows written.
 */
export async function rebuildRollups(orgId?: string): Promise<number> {
  return db.$transaction(
    async (tx) => {
      if (provider === "postgresql")
        await tx.$executeRawUnsafe(
          `LOCK TABLE ${[...new Set(ROLLUPS.flatMap((r) => r.sources.map((t) => `"${t}"`)))].join(", ")} IN SHARE MODE`,
        );
      let written = 0;
      for (const rollup of ROLLUPS) {
        const table = Prisma.raw(`"${rollup.table}"`);
        await tx.$executeRaw(
          Prisma.sql`DELETE FROM ${table}${orgId ? Prisma.sql` WHERE "orgId" = ${orgId}` : Prisma.empty}`,
        );
        written += await tx.$executeRaw(
          Prisma.sql`INSERT INTO ${table} (${quoted([...rollup.key, ...rollup.values])}) ${rollup.recomputed(orgId ? Prisma.sql` AND r."orgId" = ${orgId}` : Prisma.empty)}`,
        );
      }
      return written;
    },
    { timeout: 600_000 },
  );
}

/** The roll-up tables, for the rebuild command's clean-up of rows of deleted organizations. */
export const ROLLUP_TABLES = ROLLUPS.map((r) => r.table);
