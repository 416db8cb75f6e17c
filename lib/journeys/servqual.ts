// The SERVQUAL view of the experience-gap report (docs/metrics.md, "SERVQUAL gap"): per touchpoint and dimension,
// mean perception, mean expectation and gap = perception − expectation on the items' 1–7 scale, with a 95 %
// interval. Negative = shortfall.
//
// Definitions chosen here (and pinned by servqual.test.ts):
// - A response's perception (expectation) of a dimension = the mean of its answered perception (expectation)
//   items of that dimension (the builder's template has one of each; the full instrument has several).
// - The gap is PAIRED: only responses that answered both sides of the dimension count; gap = mean of
//   (p − e) over those responses, with a Student-t interval (df = pairs − 1); n = pairs. Pairing removes the
//   between-respondent spread that both sides share, so the interval is narrower than comparing two means.
// - Significant = n ≥ 30 and the interval excludes 0; below 30 the cell is "too few" (never significant).
// - The mean perception and expectation shown beside the gap use every response that answered that side.
//
// The database does the counting: one GROUP BY (touchpoint, dimension) over a per-response pivot returns
// count, sum and sum of squares for p, e and p − e; no answer row leaves it.
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { db, Prisma } from "../db";
import { analyticsDb } from "../db-replica";
import { guardCell as safeText } from "../csv/stream";
import type { Ctx } from "../auth/ctx";
import { resolvePeriod, type AnalyticsFilters, type Period, type ResolvedPeriod } from "../analytics/filters";
import type { ScopeFilters } from "../analytics/sql";
import { narrowToUnit } from "../analytics/unit-filter";
import { scopeSql } from "../units/scope";
import { MIN_N } from "../metrics/distribution";
import { meanFromMoments, type MeanEstimate, type Moments } from "../metrics/moments";
import { SERVQUAL_DIMENSIONS } from "./schema";

export type ServqualDimension = (typeof SERVQUAL_DIMENSIONS)[number];

export { meanFromMoments, momentsOf, type MeanEstimate, type Moments } from "../metrics/moments";

export type ServqualStatus = "shortfall" | "surplus" | "no_difference" | "too_few" | "no_pairs";

export type ServqualCell = {
  dimension: ServqualDimension;
  perception: MeanEstimate;
  expectation: MeanEstimate;
  /** Paired p − e: n = responses that answered both sides. */
  gap: MeanEstimate;
  significant: boolean;
  status: ServqualStatus;
};

/** One cell of the heatmap from the database's moments. */
export function servqualCell(dimension: ServqualDimension, p: Moments, e: Moments, d: Moments): ServqualCell {
  const gap = meanFromMoments(d);
  let status: ServqualStatus;
  let significant = false;
  if (gap.n === 0) status = "no_pairs";
  else if (gap.n < MIN_N) status = "too_few";
  else if (gap.high !== null && gap.high < 0) {
    status = "shortfall";
    significant = true;
  } else if (gap.low !== null && gap.low > 0) {
    status = "surplus";
    significant = true;
  } else status = "no_difference";
  return { dimension, perception: meanFromMoments(p), expectation: meanFromMoments(e), gap, significant, status };
}

export type ServqualRow = {
  touchpoint: { id: string; name: string };
  journey: { id: string; name: string };
  stage: { id: string; name: string };
  /** One cell per dimension, in SERVQUAL_DIMENSIONS order (no_pairs where nothing was answered). */
  cells: ServqualCell[];
};

export type ServqualReport = { period: ResolvedPeriod; dimensions: readonly ServqualDimension[]; rows: ServqualRow[] };

/** WHERE on responses r (any survey, headline or not) of the caller's organization in [from, to), narrowed by the filters. */
function servqualResponseWhere(ctx: Ctx, f: ScopeFilters, range: Period): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`r."orgId" = ${ctx.orgId}`,
    Prisma.sql`r."submittedAt" >= ${range.from}`,
    Prisma.sql`r."submittedAt" < ${range.to}`,
    Prisma.sql`r."touchpointId" IS NOT NULL`,
  ];
  if (f.touchpointId) parts.push(Prisma.sql`r."touchpointId" = ${f.touchpointId}`);
  if (f.surveyId) parts.push(Prisma.sql`r."surveyId" = ${f.surveyId}`);
  if (f.channelId) parts.push(Prisma.sql`r."channelId" = ${f.channelId}`);
  if (f.segment)
    parts.push(
      Prisma.sql`r."customerId" IN (SELECT ct."customerId" FROM "CustomerTag" ct WHERE ct."orgId" = ${ctx.orgId} AND ct."tag" = ${f.segment})`,
    );
  // A unit-scoped caller counts their units' responses only (lib/units/scope.ts).
  return Prisma.sql`${Prisma.join(parts, " AND ")}${scopeSql(ctx, 'r."unitId"')}`;
}

type Num = number | bigint | string | null;
type RawCell = {
  tp: string;
  dim: string;
  np: Num;
  sp: Num;
  qp: Num;
  ne: Num;
  se: Num;
  qe: Num;
  nd: Num;
  sd: Num;
  qd: Num;
};
const num = (v: Num) => (v === null ? 0 : Number(v));
const isDimension = (d: string): d is ServqualDimension => (SERVQUAL_DIMENSIONS as readonly string[]).includes(d);

/** Moments per (touchpointId, dimension): one GROUP BY over a per-response pivot of the SERVQUAL answers. */
export async function servqualMoments(ctx: Ctx, f: ScopeFilters, period: Period) {
  const rows = await analyticsDb().$queryRaw<RawCell[]>(Prisma.sql`
    SELECT x.tp AS tp, x.dim AS dim,
      COUNT(x.p) AS np, SUM(x.p) AS sp, SUM(x.p * x.p) AS qp,
      COUNT(x.e) AS ne, SUM(x.e) AS se, SUM(x.e * x.e) AS qe,
      COUNT(x.p - x.e) AS nd, SUM(x.p - x.e) AS sd, SUM((x.p - x.e) * (x.p - x.e)) AS qd
    FROM (
      SELECT r."touchpointId" AS tp, q."servqualDimension" AS dim,
        AVG(CASE WHEN q."servqualRole" = 'perception' THEN a."valueNumber" END) AS p,
        AVG(CASE WHEN q."servqualRole" = 'expectation' THEN a."valueNumber" END) AS e
      FROM "Answer" a
      JOIN "SurveyQuestion" q ON q."id" = a."questionId"
      JOIN "Response" r ON r."id" = a."responseId"
      WHERE a."orgId" = ${ctx.orgId} AND q."orgId" = ${ctx.orgId} AND a."valueNumber" IS NOT NULL
        AND q."servqualDimension" IS NOT NULL AND q."servqualRole" IN ('perception', 'expectation')
        AND ${servqualResponseWhere(ctx, f, period)}
      GROUP BY r."touchpointId", q."servqualDimension", r."id"
    ) x
    GROUP BY x.tp, x.dim`);
  const out = new Map<string, Map<ServqualDimension, { p: Moments; e: Moments; d: Moments }>>();
  for (const r of rows) {
    const dim = String(r.dim);
    if (!isDimension(dim)) continue;
    const tp = String(r.tp);
    if (!out.has(tp)) out.set(tp, new Map());
    out.get(tp)!.set(dim, {
      p: { n: num(r.np), sum: num(r.sp), sumSq: num(r.qp) },
      e: { n: num(r.ne), sum: num(r.se), sumSq: num(r.qe) },
      d: { n: num(r.nd), sum: num(r.sd), sumSq: num(r.qd) },
    });
  }
  return out;
}

const EMPTY: Moments = { n: 0, sum: 0, sumSq: 0 };

/** Every active touchpoint with SERVQUAL answers in the period, in journey, stage and touchpoint order. */
export async function getServqualReport(
  ctx: Ctx,
  filters: AnalyticsFilters,
  now = new Date(),
): Promise<ServqualReport> {
  const period = resolvePeriod(filters, now);
  const moments = await servqualMoments(await narrowToUnit(ctx, filters.unitId), filters, period);
  const touchpoints =
    moments.size === 0
      ? []
      : await db.touchpoint.findMany({
          where: {
            orgId: ctx.orgId,
            id: { in: [...moments.keys()] },
            archivedAt: null,
            journey: { archivedAt: null },
            stage: { archivedAt: null },
            ...(filters.journeyId ? { journeyId: filters.journeyId } : {}),
            ...(filters.stageId ? { stageId: filters.stageId } : {}),
          },
          select: {
            id: true,
            name: true,
            journey: { select: { id: true, name: true } },
            stage: { select: { id: true, name: true, position: true } },
            position: true,
          },
          orderBy: [{ journey: { name: "asc" } }, { stage: { position: "asc" } }, { position: "asc" }, { name: "asc" }],
        });
  const rows = touchpoints.map((t): ServqualRow => {
    const m = moments.get(t.id)!;
    return {
      touchpoint: { id: t.id, name: t.name },
      journey: t.journey,
      stage: { id: t.stage.id, name: t.stage.name },
      cells: SERVQUAL_DIMENSIONS.map((dim) => {
        const c = m.get(dim);
        return servqualCell(dim, c?.p ?? EMPTY, c?.e ?? EMPTY, c?.d ?? EMPTY);
      }),
    };
  });
  return { period, dimensions: SERVQUAL_DIMENSIONS, rows };
}

const fixed = (x: number | null) => (x === null ? "" : Number(x.toFixed(4)));

export const SERVQUAL_CSV_COLUMNS = [
  "journey",
  "stage",
  "touchpoint",
  "dimension",
  "perception",
  "perception_n",
  "expectation",
  "expectation_n",
  "gap",
  "gap_low",
  "gap_high",
  "pairs",
  "significant",
  "status",
] as const;

/** The SERVQUAL view as CSV, one line per touchpoint and dimension. */
export function servqualReportCsv(report: ServqualReport): ReadableStream<Uint8Array> {
  const csv = stringify({
    header: true,
    columns: [...SERVQUAL_CSV_COLUMNS],
    record_delimiter: "windows",
    cast: { boolean: (b) => String(b) },
  });
  for (const r of report.rows) {
    for (const c of r.cells) {
      csv.write({
        journey: safeText(r.journey.name),
        stage: safeText(r.stage.name),
        touchpoint: safeText(r.touchpoint.name),
        dimension: c.dimension,
        perception: fixed(c.perception.mean),
        perception_n: c.perception.n,
        expectation: fixed(c.expectation.mean),
        expectation_n: c.expectation.n,
        gap: fixed(c.gap.mean),
        gap_low: fixed(c.gap.low),
        gap_high: fixed(c.gap.high),
        pairs: c.gap.n,
        significant: c.significant,
        status: c.status,
      });
    }
  }
  csv.end();
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

export function servqualCsvFilename(period: Pick<ResolvedPeriod, "from" | "to">): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `resonance-servqual-gaps-${day(period.from)}-to-${day(new Date(period.to.getTime() - 1))}.csv`;
}
