// Score counts for analytics from the roll-ups (ResponseDailyOrg, ResponseMonthly: docs/rollups.md) where they
// can answer, and from the raw responses where they cannot. A period is half-open [from, to) and usually starts and
// ends mid-day (the presets are rolling): its whole UTC months come from the monthly roll-up (when the key allows),
// its other whole UTC days from the daily one and the partial days at its two edges from "Response" (index (orgId,
// metric, submittedAt, …)), summed in the same statement. All parts are filtered by the very same responseWhere
// (lib/analytics/sql.ts): a roll-up is read through a sub-select that exposes its columns under the names of
// "Response" ("day"/"month" as "submittedAt", "" as NULL), so a filter means the same on all. A filter the roll-ups
// have no column for — the customer segment — makes the whole count raw.
import { Prisma, provider } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import type { CountRow } from "../metrics";
import { DAY_MS } from "../analytics/buckets";
import type { Period } from "../analytics/filters";
import { bucketExpression, responseWhere, type ScopeFilters } from "../analytics/sql";
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

/** The first instant of the UTC month of t, or of the next month when `up` and t is not one already. */
function monthStart(t: number, up: boolean): number {
  const d = new Date(t);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return up && start < t ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : start;
}

/** The first instant of the UTC month after the one t is in. */
function nextMonth(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

const span = (from: number, to: number): Period => ({ from: new Date(from), to: new Date(to) });

/** The pieces of a period to count: each is added, except `minus`, whose whole days are taken away. */
export type PeriodSplit = {
  /** Whole UTC months, from the monthly roll-up (null when none). */
  months: Period | null;
  /** Whole UTC days, from the daily roll-up (zero to two ranges). */
  days: Period[];
  /** Whole UTC days of those months that lie outside the period, from the daily roll-up, subtracted. */
  minus: Period[];
  /** The partial days at the period's two edges, from the raw rows. */
  edges: Period[];
};

/**
 * [from, to) in pieces whose counts add up to the period's exactly: its whole UTC months (only with `months`), its
 * other whole UTC days, and the partial days at its edges. A month the period covers only in part is read as its
 * days inside the period, or — when fewer of its days lie outside the period — as the whole month minus those
 * outside days (which include the edge day, read raw again in `edges`): a rolling 12 months ending on the 5th reads
 * its first month as the month minus 5 days rather than 26 days (docs/rollups.md, "Reading fast"). Both roll-ups
 * are read in the same statement, so the difference is exact.
 */
export function splitPeriod(p: Period, opts: { months?: boolean } = {}): PeriodSplit {
  const first = Math.ceil(p.from.getTime() / DAY_MS) * DAY_MS;
  const last = Math.floor(p.to.getTime() / DAY_MS) * DAY_MS;
  if (first >= last) return { months: null, days: [], minus: [], edges: p.from < p.to ? [p] : [] };
  const edges: Period[] = [];
  if (p.from.getTime() < first) edges.push(span(p.from.getTime(), first));
  if (last < p.to.getTime()) edges.push(span(last, p.to.getTime()));
  if (!opts.months) return { months: null, days: [span(first, last)], minus: [], edges };
  const days: Period[] = [];
  const minus: Period[] = [];
  let mFirst = monthStart(first, true);
  let mLast = monthStart(last, false);
  if (mFirst > mLast) {
    // Both ends inside one month: its days in the period, or the month without its days outside.
    const start = monthStart(first, false);
    const end = nextMonth(first);
    if (first - start + (end - last) >= last - first) return { months: null, days: [span(first, last)], minus, edges };
    if (start < first) minus.push(span(start, first));
    if (last < end) minus.push(span(last, end));
    return { months: span(start, end), days, minus, edges };
  }
  if (first < mFirst) {
    const start = monthStart(first, false);
    if (first - start < mFirst - first) {
      minus.push(span(start, first));
      mFirst = start;
    } else days.push(span(first, mFirst));
  }
  if (mLast < last) {
    const end = nextMonth(mLast);
    if (end - last < last - mLast) {
      minus.push(span(last, end));
      mLast = end;
    } else days.push(span(mLast, last));
  }
  return { months: mFirst < mLast ? span(mFirst, mLast) : null, days, minus, edges };
}

/**
 * Whether a key gives every response of one UTC month the same value, so whole months may be counted from
 * ResponseMonthly: it does not read the time at all, or it is the month bucket itself. (The time of a row there is
 * its month's first instant, so a day or week bucket would put the whole month in one bucket.)
 */
export function monthSafe(key: Prisma.Sql): boolean {
  return !key.sql.includes('"submittedAt"') || key.sql === bucketExpression(provider, "month").sql;
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
 * The parts of a period to count: whole months (with `months`) and days from the roll-ups and the edges raw when they may answer
 * (rollupAnswers, unless `source: "raw"` or ANALYTICS_ROLLUPS=off); otherwise the whole period raw. For scoreCounts
 * and the interaction counts of the journey map (lib/journeys/map-sql.ts).
 */
export function countingParts(
  ctx: Ctx,
  f: Pick<ScopeFilters, "segment">,
  period: Period,
  opts: Pick<CountOptions, "source"> & { months?: boolean },
): PeriodSplit {
  const useRollup = opts.source !== "raw" && process.env.ANALYTICS_ROLLUPS !== "off" && rollupAnswers(ctx, f);
  return useRollup
    ? splitPeriod(period, { months: opts.months })
    : { months: null, days: [], minus: [], edges: [period] };
}

/** "No emotion" in InteractionDaily (a key column, where NULL cannot be); the app writes emotions −2..+2 only. */
export const NO_EMOTION = 99;

// A roll-up's rows under the column names of "Response", each carrying its count as "n". Narrowed here by the
// organization and the whole days or months (their primary keys); the outer responseWhere repeats those terms and
// adds the filters. Only callers the scope does not narrow read the roll-ups (rollupAnswers), so these are the ones
// without the unit (ResponseDailyOrg, ResponseMonthly: far fewer rows in an organization with many small units,
// docs/rollups.md "Size") and responseWhere has no unit term for them.
function rollupRows(ctx: Ctx, range: Period, grain: "day" | "month"): Prisma.Sql {
  const [table, column] =
    grain === "day"
      ? [Prisma.raw(`"ResponseDailyOrg"`), Prisma.raw(`"day"`)]
      : [Prisma.raw(`"ResponseMonthly"`), Prisma.raw(`"month"`)];
  return Prisma.sql`(SELECT d."orgId" AS "orgId", d.${column} AS "submittedAt", d."surveyId" AS "surveyId", d."metric" AS "metric",
    NULLIF(d."touchpointId", '') AS "touchpointId", NULLIF(d."channelId", '') AS "channelId", d."score" AS "score", d."count" AS "n"
    FROM ${table} d WHERE d."orgId" = ${ctx.orgId} AND d.${column} >= ${range.from} AND d.${column} < ${range.to}) r`;
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
    const { months, days, minus, edges } = countingParts(ctx, f, period, { ...opts, months: monthSafe(key) });
    // GROUP BY positions: valid on both databases also when the key holds bound parameters.
    for (const edge of edges)
      selects.push(
        Prisma.sql`SELECT ${key} AS k, r."metric" AS metric, r."score" AS score, COUNT(*) AS c FROM "Response" r WHERE ${responseWhere(ctx, f, edge)}${extra} GROUP BY 1, 2, 3`,
      );
    for (const range of days)
      selects.push(
        Prisma.sql`SELECT ${key} AS k, r."metric" AS metric, r."score" AS score, SUM(r."n") AS c FROM ${rollupRows(ctx, range, "day")} WHERE ${responseWhere(ctx, f, range)}${extra} GROUP BY 1, 2, 3`,
      );
    for (const range of minus)
      selects.push(
        Prisma.sql`SELECT ${key} AS k, r."metric" AS metric, r."score" AS score, -SUM(r."n") AS c FROM ${rollupRows(ctx, range, "day")} WHERE ${responseWhere(ctx, f, range)}${extra} GROUP BY 1, 2, 3`,
      );
    if (months)
      selects.push(
        Prisma.sql`SELECT ${key} AS k, r."metric" AS metric, r."score" AS score, SUM(r."n") AS c FROM ${rollupRows(ctx, months, "month")} WHERE ${responseWhere(ctx, f, months)}${extra} GROUP BY 1, 2, 3`,
      );
  }
  if (selects.length === 0) return [];
  // A month minus its outside days can net a (key, metric, score) to 0: no row, as a raw count has none.
  const sql =
    selects.length === 1
      ? selects[0]
      : Prisma.sql`SELECT x.k AS k, x.metric AS metric, x.score AS score, CAST(SUM(x.c) AS BIGINT) AS c FROM (${Prisma.join(selects, " UNION ALL ")}) x GROUP BY 1, 2, 3 HAVING SUM(x.c) <> 0`;
  const rows = await (opts.read ?? analyticsDb()).$queryRaw<RawRow[]>(sql);
  return rows.map((r) => ({
    key: r.k,
    metric: r.metric,
    score: r.score,
    count: typeof r.c === "string" ? Number(r.c) : r.c,
  }));
}
