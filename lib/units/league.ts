// The unit league table (docs/hierarchy.md, "Unit comparison statistics"): the children of one unit (or the top-level
// units, against the whole organization) with their NPS, CSAT or CES (`metric`), interval and n over the period and
// dashboard filters, each against its parent — the unit's whole subtree against the rest of the parent
// (lib/metrics/unit-compare.ts) — and flagged only where Benjamini–Hochberg at q = 0.05 across the units compared
// keeps the difference, so that small units are not shamed for noise. "Too few" below n = 30 on the unit or on the
// rest. One GROUP BY unit over the period's responses of the metric (NPS: promoters, passives, detractors; CSAT and
// CES: the count of each score, from which n, the top-2 box, the sum and the sum of squares follow); the subtree sums
// are added up along the materialized paths in memory.
//
// A unit-scoped caller's table starts at their scope unit: its children against it, never the units above or beside
// (a parentId outside the subtree is a 404, as another organization's), and the breadcrumb stops at the scope unit.
// The `unitId` filter names where the table starts as `parentId` does (parentId wins when both are given).
import { z } from "zod";
import { db, Prisma } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../errors";
import { inScope } from "./scope";
import {
  analyticsFiltersWith,
  resolvePeriod,
  type AnalyticsFilters,
  type Period,
  type ResolvedPeriod,
} from "../analytics/filters";
import { responseWhere, type ScopeFilters } from "../analytics/sql";
import { compareCes, compareCsat, compareNps, type CesComparison, type Comparison } from "../metrics/compare";
import {
  changePValue,
  compareCesToParent,
  compareCsatToParent,
  compareNpsToParent,
  flagUnits,
} from "../metrics/unit-compare";
import { FDR_Q } from "../metrics/fdr";
import { npsFromCounts, type NpsResult } from "../metrics/nps";
import { csatFromCounts, type CsatResult } from "../metrics/csat";
import { cesFromCounts, type CesResult } from "../metrics/ces";
import { METRIC_SCALES } from "../metrics/categories";
import type { Distribution } from "../metrics/distribution";

export const LEAGUE_METRICS = ["nps", "csat", "ces"] as const;
export type LeagueMetric = (typeof LEAGUE_METRICS)[number];

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const leagueQuery = analyticsFiltersWith({
  /** Compare this unit's children with it; none = the top-level units with the whole organization. */
  parentId: z
    .preprocess(blank, z.string().min(1).max(64).optional())
    .describe("Compare this unit's children with it; absent: the top-level units with the whole organization"),
  metric: z
    .preprocess(blank, z.enum(LEAGUE_METRICS, { error: "Use nps, csat or ces" }).default("nps"))
    .describe("nps (default): NPS; csat: CSAT, the top-2-box share of 1–5; ces: the mean CES on 1–7"),
});
export type LeagueQuery = z.output<typeof leagueQuery>;

/** Counts per column of `scoreColumns(metric)`: NPS promoters, passives, detractors; CSAT and CES each score. */
type Scores = number[];
type UnitRef = { id: string; code: string; name: string; kind: string | null; archived: boolean };
type Results = { nps: NpsResult; csat: CsatResult; ces: CesResult };
/** The figure of one unit (or the parent) under the metric's own name: `{ nps }`, `{ csat }` or `{ ces }`. */
type Keyed<M extends LeagueMetric> = M extends LeagueMetric ? { [K in M]: Results[K] } : never;

export type LeagueRow<M extends LeagueMetric = "nps"> = {
  unit: UnitRef & { children: number };
  /**
   * Metric(unit) − metric(parent) — NPS points, CSAT percentage points, CES points on 1–7 — with its standard error
   * (null: no responses on one side).
   */
  delta: number | null;
  se: number | null;
  pValue: number | null;
  adjustedP: number | null;
  /** Kept by Benjamini–Hochberg across the units of this table. */
  significant: boolean;
  direction: "above" | "below" | null;
  reason: "too_few_responses" | null;
  /**
   * The unit against its own previous period of equal length (docs/metrics.md, "Unit against its parent", the change
   * paragraph): flagged only where Benjamini–Hochberg across the units of this table keeps it. Absent unless asked
   * for (`unitLeague(…, { change: true })`: one more query).
   */
  change?: UnitChange<M>;
} & Keyed<M>;

export type UnitChange<M extends LeagueMetric = "nps"> = {
  previous: Results[M];
  /** The figure now − in the previous period, in the metric's unit (null: no responses on one side). */
  delta: number | null;
  pValue: number | null;
  adjustedP: number | null;
  significant: boolean;
  direction: "up" | "down" | null;
  reason: "too_few_responses" | null;
};

type LeagueOf<M extends LeagueMetric> = {
  period: ResolvedPeriod;
  metric: M;
  q: number;
  /**
   * The unit compared against (null = the whole organization), with the path of ancestors for the breadcrumb (for a
   * scoped caller only those inside their scope: the first is their scope unit).
   */
  parent: { unit: UnitRef | null; ancestors: UnitRef[] } & Keyed<M>;
  rows: LeagueRow<M>[];
  /** Responses of the metric in the period without a unit: in the organization's figure, in no unit's. */
  unattributed: number;
};
/** The table of one metric (`League<LeagueMetric>`: any of the three, told apart by `metric`). */
export type League<M extends LeagueMetric = "nps"> = M extends LeagueMetric ? LeagueOf<M> : never;

const add = (into: Scores, from: Scores) => {
  for (let i = 0; i < from.length; i++) into[i]! += from[i]!;
};
/** Counts per column as a distribution: each column's count under the score it stands for. */
const dist = (metric: LeagueMetric, scores: Scores | undefined): Distribution =>
  (scores ?? []).flatMap((count, i) => (count > 0 ? [{ score: scoreColumns(metric)[i]![0], count }] : []));

/**
 * Each metric's figure, its test against the parent (the rest of the parent, docs/metrics.md "Unit against its
 * parent") and its period-over-period test ("Comparing two periods or two segments"), all from score counts.
 */
const METRICS = {
  nps: {
    of: (s: Scores | undefined) => npsFromCounts(dist("nps", s)),
    value: (r: NpsResult) => r.nps,
    toParent: (u: Scores | undefined, p: Scores | undefined) =>
      compareNpsToParent(npsFromCounts(dist("nps", u)), npsFromCounts(dist("nps", p))),
    change: (a: NpsResult, b: NpsResult): Comparison | CesComparison => compareNps(a, b),
  },
  csat: {
    of: (s: Scores | undefined) => csatFromCounts(dist("csat", s)),
    value: (r: CsatResult) => r.csat,
    toParent: (u: Scores | undefined, p: Scores | undefined) => compareCsatToParent(dist("csat", u), dist("csat", p)),
    change: (a: CsatResult, b: CsatResult): Comparison | CesComparison => compareCsat(a, b),
  },
  ces: {
    of: (s: Scores | undefined) => cesFromCounts(dist("ces", s)),
    value: (r: CesResult) => r.mean,
    toParent: (u: Scores | undefined, p: Scores | undefined) => compareCesToParent(dist("ces", u), dist("ces", p)),
    change: (a: CesResult, b: CesResult): Comparison | CesComparison => compareCes(a, b),
  },
} as const;
type MetricOps<M extends LeagueMetric> = {
  of: (s: Scores | undefined) => Results[M];
  value: (r: Results[M]) => number | null;
  toParent: (
    u: Scores | undefined,
    p: Scores | undefined,
  ) => {
    delta: number | null;
    se: number | null;
    pValue: number | null;
    reason: "too_few_responses" | null;
  };
  change: (a: Results[M], b: Results[M]) => Comparison | CesComparison;
};
const opsOf = <M extends LeagueMetric>(m: M) => METRICS[m] as unknown as MetricOps<M>;

/** The figure of a league's parent or row, whatever its metric (`parent.nps`, `rows[i].csat` …). */
export function leagueFigure<M extends LeagueMetric>(metric: M, x: Keyed<M>): Results[M] {
  return (x as unknown as Record<LeagueMetric, unknown>)[metric] as Results[M];
}
/** The headline value of a figure: NPS, CSAT % or the CES mean (null: no responses). */
export const figureValue = <M extends LeagueMetric>(metric: M, r: Results[M]) => opsOf(metric).value(r);

type Count = bigint | number | { toString(): string } | null;
type CountsRow = { u?: string | null } & Record<string, Count>;

/**
 * The columns the GROUP BY unit counts, each named by the score it stands for: NPS's categories (10 promoters, 8
 * passives, 0 detractors: NPS and its interval depend on the categories alone), every score of CSAT (1–5) and CES
 * (1–7), from which n, the top-2 box, the sum and the sum of squares follow. Fixed text only (no input reaches it).
 */
const SCORE_COLUMNS: Record<LeagueMetric, [score: number, when: string][]> = {
  nps: [
    [10, `r."score" >= 9`],
    [8, `r."score" BETWEEN 7 AND 8`],
    [0, `r."score" <= 6`],
  ],
  csat: everyScore("csat"),
  ces: everyScore("ces"),
};
function everyScore(metric: "csat" | "ces"): [score: number, when: string][] {
  const { min, max } = METRIC_SCALES[metric];
  return Array.from({ length: max - min + 1 }, (_, i) => [min + i, `r."score" = ${min + i}`]);
}
const scoreColumns = (metric: LeagueMetric) => SCORE_COLUMNS[metric];

/**
 * The period's responses of the metric per unit: one row per unit with its counts per column (unit null: the
 * responses without a unit). Naming the organization's units lets
 * both databases read one range of the (orgId, unitId, metric, submittedAt, score) index per unit, already grouped,
 * instead of scanning and sorting every response of the organization (a year of 1,000,000 responses: 1.3 s → 0.4 s
 * on SQLite, bench/units.ts, docs/benchmarks.md); the responses without a unit are counted apart (the
 * `unitId IS NULL` range of the same index).
 */
async function countsByUnit(ctx: Ctx, q: ScopeFilters, period: Period, units: { id: string }[], metric: LeagueMetric) {
  const where = Prisma.sql`${responseWhere(ctx, q, period)} AND r."metric" = ${metric}`;
  const columns = scoreColumns(metric);
  const counts = Prisma.raw(
    columns.map(([, when], i) => `SUM(CASE WHEN ${when} THEN 1 ELSE 0 END) AS c${i}`).join(", ") + `, COUNT(*) AS c`,
  );
  const read = analyticsDb(); // both counts from one copy
  const inUnits = units.length
    ? await read.$queryRaw<CountsRow[]>(
        Prisma.sql`SELECT r."unitId" AS u, ${counts} FROM "Response" r
          WHERE ${where} AND r."unitId" IN (${Prisma.join(units.map((u) => u.id))}) GROUP BY r."unitId"`,
      )
    : [];
  const none = await read.$queryRaw<CountsRow[]>(
    Prisma.sql`SELECT ${counts} FROM "Response" r WHERE ${where} AND r."unitId" IS NULL`,
  );
  return [...inUnits, ...none].map((row) => ({
    u: (row.u as string | null | undefined) ?? null,
    counts: columns.map((_, i) => Number(row[`c${i}`] ?? 0)),
  }));
}

/**
 * Each unit's subtree: its own counts added to itself and every ancestor (the ids of its path) — one array per unit,
 * added in place (at 500 units a Map per row and score cost more than the arithmetic).
 */
function subtrees(grouped: { u: string | null; counts: Scores }[], byId: Map<string, { path: string }>) {
  const subtree = new Map<string, Scores>();
  const zeros = () => new Array<number>(grouped[0]?.counts.length ?? 0).fill(0);
  const all: Scores = zeros();
  let unattributed = 0;
  for (const row of grouped) {
    add(all, row.counts);
    const unit = row.u ? byId.get(row.u) : undefined;
    if (!unit) {
      unattributed += row.counts.reduce((a, b) => a + b, 0);
      continue;
    }
    for (const id of unit.path.split("/")) {
      if (!id) continue;
      let into = subtree.get(id);
      if (!into) subtree.set(id, (into = zeros()));
      add(into, row.counts);
    }
  }
  return { subtree, all, unattributed };
}

/** Each unit's change against its previous period, flagged by Benjamini–Hochberg across the units compared. */
function changes<M extends LeagueMetric>(
  metric: M,
  ids: string[],
  now: Map<string, Scores>,
  before: Map<string, Scores>,
): UnitChange<M>[] {
  const ops = opsOf(metric);
  const compared = flagUnits(
    ids.map((id) => {
      const previous = ops.of(before.get(id));
      const c = ops.change(previous, ops.of(now.get(id)));
      return { previous, delta: c.delta, pValue: changePValue(c), reason: c.reason };
    }),
  );
  return compared.map((c) => ({
    ...c,
    direction: c.significant && c.delta !== null ? (c.delta > 0 ? ("up" as const) : ("down" as const)) : null,
  }));
}

/**
 * The league table of `q.metric` (NPS by default). `change`: also each unit against its previous period (one more
 * query; the reports ask for it, the dashboard not).
 */
export async function unitLeague<M extends LeagueMetric = "nps">(
  ctx: Ctx,
  q: Omit<LeagueQuery, "metric"> & { metric?: M },
  now = new Date(),
  opts: { change?: boolean } = {},
): Promise<League<M>> {
  const metric = (q.metric ?? "nps") as M;
  const ops = opsOf(metric);
  const keyed = (r: Results[M]) => ({ [metric]: r }) as unknown as Keyed<M>;
  const period = resolvePeriod(q as AnalyticsFilters, now);
  const units = await db.unit.findMany({
    where: { orgId: ctx.orgId },
    select: { id: true, code: true, name: true, kind: true, parentId: true, path: true, archivedAt: true },
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  // The unit compared against: the one asked for, else a scoped caller's scope unit, else the whole organization.
  const parentId = q.parentId ?? q.unitId ?? ctx.scope?.unitId ?? null;
  const parentUnit = parentId ? byId.get(parentId) : null;
  if (parentId && (!parentUnit || !inScope(ctx, parentId))) throw new NotFoundError("Unit");

  const current = subtrees(await countsByUnit(ctx, q, period, units, metric), byId);
  const { subtree, all, unattributed } = current;
  const before = opts.change
    ? subtrees(await countsByUnit(ctx, q, period.previous, units, metric), byId).subtree
    : null;

  const ref = (u: (typeof units)[number]): UnitRef => ({
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    archived: u.archivedAt !== null,
  });
  const parentScores = parentUnit ? subtree.get(parentUnit.id) : all;
  const childCount = new Map<string | null, number>();
  for (const u of units) childCount.set(u.parentId, (childCount.get(u.parentId) ?? 0) + 1);
  // The children: active ones always; archived ones only where they have responses in the period (their history).
  const children = units
    .filter((u) => u.parentId === (parentUnit?.id ?? null) && (u.archivedAt === null || subtree.has(u.id)))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code, "en"));
  const compared = flagUnits(
    children.map((u) => {
      const { delta, se, pValue, reason } = ops.toParent(subtree.get(u.id), parentScores);
      return { u, own: ops.of(subtree.get(u.id)), delta, se, pValue, reason };
    }),
  );
  const changed = before
    ? changes(
        metric,
        children.map((u) => u.id),
        subtree,
        before,
      )
    : null;
  const rows = compared.map(
    (c, i) =>
      ({
        unit: { ...ref(c.u), children: childCount.get(c.u.id) ?? 0 },
        ...keyed(c.own),
        delta: c.delta,
        se: c.se,
        pValue: c.pValue,
        adjustedP: c.adjustedP,
        significant: c.significant,
        direction: c.significant && c.delta !== null ? (c.delta > 0 ? "above" : "below") : null,
        reason: c.reason,
        ...(changed ? { change: changed[i] } : {}),
      }) as LeagueRow<M>,
  );
  // Best first (the highest NPS, CSAT or CES: on CES 2.0 a higher score is less effort); units without responses last.
  const value = (r: Results[M]) => ops.value(r) ?? -Infinity;
  const order = compared.map((c, i) => ({ i, v: value(c.own), n: c.own.n }));
  order.sort((a, b) => b.v - a.v || b.n - a.n);
  const ancestors = parentUnit
    ? parentUnit.path
        .split("/")
        .filter(Boolean)
        .slice(0, -1)
        .flatMap((id) => (byId.has(id) && inScope(ctx, id) ? [ref(byId.get(id)!)] : []))
    : [];
  return {
    period,
    metric,
    q: FDR_Q,
    parent: { unit: parentUnit ? ref(parentUnit) : null, ancestors, ...keyed(ops.of(parentScores)) },
    rows: order.map((o) => rows[o.i]!),
    unattributed,
  } as unknown as League<M>;
}
