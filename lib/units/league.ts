// The unit league table (docs/hierarchy.md, "Unit comparison statistics"): the children of one unit (or the top-level
// units, against the whole organization) with their NPS, interval and n over the period and dashboard filters, each
// against its parent — the unit's whole subtree against the rest of the parent (lib/metrics/unit-compare.ts) — and
// flagged only where Benjamini–Hochberg at q = 0.05 across the units compared keeps the difference, so that small
// units are not shamed for noise. "Too few" below n = 30 on the unit or on the rest. One GROUP BY over the period's
// NPS responses by unit (promoters, passives, detractors); the subtree sums are added up along the materialized
// paths in memory (at most MAX_UNITS units).
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
import { responseWhere } from "../analytics/sql";
import { compareNps } from "../metrics/compare";
import { changePValue, compareNpsToParent, flagUnits } from "../metrics/unit-compare";
import { FDR_Q } from "../metrics/fdr";
import { npsFromCounts, type NpsResult } from "../metrics/nps";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const leagueQuery = analyticsFiltersWith({
  /** Compare this unit's children with it; none = the top-level units with the whole organization. */
  parentId: z.preprocess(blank, z.string().min(1).max(64).optional()),
});
export type LeagueQuery = z.output<typeof leagueQuery>;

type Scores = Map<number, number>; // score → count
type UnitRef = { id: string; code: string; name: string; kind: string | null; archived: boolean };

export type LeagueRow = {
  unit: UnitRef & { children: number };
  nps: NpsResult;
  /** NPS(unit) − NPS(parent), with its standard error (null: no responses on one side). */
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
  change?: UnitChange;
};

export type UnitChange = {
  previous: NpsResult;
  /** NPS now − NPS in the previous period (null: no responses on one side). */
  delta: number | null;
  pValue: number | null;
  adjustedP: number | null;
  significant: boolean;
  direction: "up" | "down" | null;
  reason: "too_few_responses" | null;
};

export type League = {
  period: ResolvedPeriod;
  metric: "nps";
  q: number;
  /**
   * The unit compared against (null = the whole organization), with the path of ancestors for the breadcrumb (for a
   * scoped caller only those inside their scope: the first is their scope unit).
   */
  parent: { unit: UnitRef | null; ancestors: UnitRef[]; nps: NpsResult };
  rows: LeagueRow[];
  /** NPS responses of the period without a unit: in the organization's figure, in no unit's. */
  unattributed: number;
};

const add = (into: Scores, from: Scores) => {
  for (const [s, c] of from) into.set(s, (into.get(s) ?? 0) + c);
};
const nps = (scores: Scores | undefined) =>
  npsFromCounts([...(scores ?? new Map<number, number>())].map(([score, count]) => ({ score, count })));

type Count = bigint | number | { toString(): string } | null;
type CategoryRow = { u?: string | null; p: Count; m: Count; d: Count };

/**
 * The period's NPS responses per unit as (unit, score, count) rows, where a category stands for its scores (10
 * promoters, 8 passives, 0 detractors: NPS and its interval depend on the categories alone). Naming the
 * organization's units lets both databases read one range of the (orgId, unitId, metric, submittedAt, score) index
 * per unit, already grouped, instead of scanning and sorting every response of the organization (a year of 1,000,000
 * responses: 1.3 s → 0.4 s on SQLite, bench/units.ts, docs/benchmarks.md); the responses without a unit are
 * counted apart (the `unitId IS NULL` range of the same index).
 */
async function npsByUnit(ctx: Ctx, q: LeagueQuery, period: Period, units: { id: string }[]) {
  const where = Prisma.sql`${responseWhere(ctx, q, period)} AND r."metric" = 'nps'`;
  const counts = Prisma.sql`SUM(CASE WHEN r."score" >= 9 THEN 1 ELSE 0 END) AS p,
    SUM(CASE WHEN r."score" BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS m,
    SUM(CASE WHEN r."score" <= 6 THEN 1 ELSE 0 END) AS d, COUNT(*) AS c`;
  const read = analyticsDb(); // both counts from one copy
  const inUnits = units.length
    ? await read.$queryRaw<CategoryRow[]>(
        Prisma.sql`SELECT r."unitId" AS u, ${counts} FROM "Response" r
          WHERE ${where} AND r."unitId" IN (${Prisma.join(units.map((u) => u.id))}) GROUP BY r."unitId"`,
      )
    : [];
  const none = await read.$queryRaw<CategoryRow[]>(
    Prisma.sql`SELECT ${counts} FROM "Response" r WHERE ${where} AND r."unitId" IS NULL`,
  );
  return [...inUnits, ...none].flatMap((row) =>
    (
      [
        [10, row.p],
        [8, row.m],
        [0, row.d],
      ] as const
    ).flatMap(([s, c]) => (Number(c ?? 0) > 0 ? [{ u: row.u ?? null, s, c: Number(c) }] : [])),
  );
}

/** Each unit's subtree: its own responses added to itself and every ancestor (the ids of its path). */
function subtrees(grouped: { u: string | null; s: number; c: number }[], byId: Map<string, { path: string }>) {
  const subtree = new Map<string, Scores>();
  const all: Scores = new Map();
  let unattributed = 0;
  for (const row of grouped) {
    const one: Scores = new Map([[Number(row.s), Number(row.c)]]);
    add(all, one);
    const unit = row.u ? byId.get(row.u) : undefined;
    if (!unit) {
      unattributed += Number(row.c);
      continue;
    }
    for (const id of unit.path.split("/").filter(Boolean)) {
      if (!subtree.has(id)) subtree.set(id, new Map());
      add(subtree.get(id)!, one);
    }
  }
  return { subtree, all, unattributed };
}

/** Each unit's change against its previous period, flagged by Benjamini–Hochberg across the units compared. */
function changes(ids: string[], now: Map<string, Scores>, before: Map<string, Scores>): UnitChange[] {
  const compared = flagUnits(
    ids.map((id) => {
      const previous = nps(before.get(id));
      const c = compareNps(previous, nps(now.get(id)));
      return { previous, delta: c.delta, pValue: changePValue(c), reason: c.reason };
    }),
  );
  return compared.map((c) => ({
    ...c,
    direction: c.significant && c.delta !== null ? (c.delta > 0 ? ("up" as const) : ("down" as const)) : null,
  }));
}

/** `change`: also each unit against its previous period (one more query; the reports ask for it, the dashboard not). */
export async function unitLeague(
  ctx: Ctx,
  q: LeagueQuery,
  now = new Date(),
  opts: { change?: boolean } = {},
): Promise<League> {
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

  const current = subtrees(await npsByUnit(ctx, q, period, units), byId);
  const { subtree, all, unattributed } = current;
  const before = opts.change ? subtrees(await npsByUnit(ctx, q, period.previous, units), byId).subtree : null;

  const ref = (u: (typeof units)[number]): UnitRef => ({
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    archived: u.archivedAt !== null,
  });
  const parentNps = parentUnit ? nps(subtree.get(parentUnit.id)) : nps(all);
  const childCount = new Map<string | null, number>();
  for (const u of units) childCount.set(u.parentId, (childCount.get(u.parentId) ?? 0) + 1);
  // The children: active ones always; archived ones only where they have responses in the period (their history).
  const children = units
    .filter((u) => u.parentId === (parentUnit?.id ?? null) && (u.archivedAt === null || subtree.has(u.id)))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code, "en"));
  const compared = flagUnits(
    children.map((u) => {
      const own = nps(subtree.get(u.id));
      return { u, own, ...compareNpsToParent(own, parentNps) };
    }),
  );
  const changed = before
    ? changes(
        children.map((u) => u.id),
        subtree,
        before,
      )
    : null;
  const rows: LeagueRow[] = compared.map((c, i) => ({
    unit: { ...ref(c.u), children: childCount.get(c.u.id) ?? 0 },
    nps: c.own,
    delta: c.delta,
    se: c.se,
    pValue: c.pValue,
    adjustedP: c.adjustedP,
    significant: c.significant,
    direction: c.significant && c.delta !== null ? (c.delta > 0 ? "above" : "below") : null,
    reason: c.reason,
    ...(changed ? { change: changed[i] } : {}),
  }));
  // Best first; units without responses last.
  rows.sort((a, b) => (b.nps.nps ?? -Infinity) - (a.nps.nps ?? -Infinity) || b.nps.n - a.nps.n);
  const ancestors = parentUnit
    ? parentUnit.path
        .split("/")
        .filter(Boolean)
        .slice(0, -1)
        .flatMap((id) => (byId.has(id) && inScope(ctx, id) ? [ref(byId.get(id)!)] : []))
    : [];
  return {
    period,
    metric: "nps",
    q: FDR_Q,
    parent: { unit: parentUnit ? ref(parentUnit) : null, ancestors, nps: parentNps },
    rows,
    unattributed,
  };
}
