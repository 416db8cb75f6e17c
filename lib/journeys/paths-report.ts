// Journey paths on live data: the interactions of this organization with this journey's touchpoints in the
// period (and channel / segment) are read in pages ordered by customer, time and id, so one customer's rows
// arrive together; each customer becomes a path (paths.ts) and is added to the counter at once. Memory holds
// one page and the aggregate, never all rows. Only nodes, links (small ones summed as "other") and the top
// paths leave the server.
import { z } from "zod";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import { analyticsFiltersWith, resolvePeriod, type AnalyticsFilters, type Period } from "../analytics/filters";
import { csvLines, type CsvCell } from "../csv/stream";
import { blank } from "../http/query-fields";
import { narrowToUnit } from "../analytics/unit-filter";
import { scopeWhere } from "../units/scope";
import { getJourney } from "./service";
import type { MapScope } from "./map-sql";
import { scopeOf } from "./map";
import { capLinks, customerPath, DEFAULT_STEPS, MAX_STEPS, PathCounter, type PathEvent } from "./paths";

/** The analytics filters plus the number of steps per path and the answer's format. */
export const pathsQuery = analyticsFiltersWith({
  steps: z.preprocess(
    blank,
    z.coerce
      .number({ error: "Use a whole number" })
      .int("Use a whole number")
      .min(2, "Use 2 to 10 steps")
      .max(MAX_STEPS, "Use 2 to 10 steps")
      .default(DEFAULT_STEPS),
  ),
  format: z.preprocess(blank, z.enum(["json", "csv"], { error: "Use json or csv" }).default("json")),
});
export type PathsQuery = z.output<typeof pathsQuery>;

export const PATHS_PAGE_SIZE = 5000;

type Row = { id: string; customerId: string; touchpointId: string | null; occurredAt: Date };

const toEvent = (r: Row): PathEvent => ({ id: r.id, touchpointId: r.touchpointId!, at: r.occurredAt.getTime() });

/**
 * The in-scope interactions, one customer at a time. Pages are keyed on customerId: a full page's last
 * customer may continue on the next page, so it is held back and read again; a customer who alone fills a
 * page is read on their own.
 */
export async function* customerEvents(
  ctx: Ctx,
  touchpointIds: readonly string[],
  scope: MapScope,
  period: Period,
  pageSize = PATHS_PAGE_SIZE,
): AsyncGenerator<PathEvent[]> {
  if (touchpointIds.length === 0) return;
  const where = {
    orgId: ctx.orgId,
    ...scopeWhere(ctx), // a unit-scoped caller's interactions only: a path is what happened in their units
    touchpointId: { in: [...touchpointIds] },
    occurredAt: { gte: period.from, lt: period.to },
    ...(scope.channelId ? { channelId: scope.channelId } : {}),
    ...(scope.segment ? { customer: { orgId: ctx.orgId, tags: { some: { tag: scope.segment } } } } : {}),
  };
  const select = { id: true, customerId: true, touchpointId: true, occurredAt: true } as const;
  const orderBy = [{ customerId: "asc" }, { occurredAt: "asc" }, { id: "asc" }] as const;
  let after: string | undefined;
  const read = analyticsDb(); // one copy for the whole walk: its pages agree with each other
  for (;;) {
    const rows: Row[] = await read.interaction.findMany({
      where: { ...where, ...(after ? { customerId: { gt: after } } : {}) },
      select,
      orderBy: [...orderBy],
      take: pageSize,
    });
    if (rows.length === 0) return;
    const groups: Row[][] = [];
    for (const r of rows) {
      const last = groups[groups.length - 1];
      if (last && last[0].customerId === r.customerId) last.push(r);
      else groups.push([r]);
    }
    if (rows.length === pageSize) {
      const tail = groups.pop()!;
      if (groups.length === 0) {
        const all: Row[] = await read.interaction.findMany({
          where: { ...where, customerId: tail[0].customerId },
          select,
          orderBy: [...orderBy],
        });
        groups.push(all);
      }
    }
    for (const g of groups) yield g.map(toEvent);
    if (rows.length < pageSize) return;
    after = groups[groups.length - 1][0].customerId;
  }
}

export type JourneyPaths = Awaited<ReturnType<typeof getJourneyPaths>>;

/** Paths through a journey's touchpoints for the period and the channel/segment filters. */
export async function getJourneyPaths(
  ctx: Ctx,
  journeyId: string,
  filters: AnalyticsFilters,
  steps: number = DEFAULT_STEPS,
  now = new Date(),
) {
  const journey = await getJourney(ctx, journeyId);
  const period = resolvePeriod(filters, now);
  const touchpoints = journey.stages.flatMap((s) =>
    s.touchpoints.map((t) => ({ id: t.id, name: t.name, stage: s.name })),
  );
  const counter = new PathCounter(steps);
  const scoped = await narrowToUnit(ctx, filters.unitId);
  for await (const events of customerEvents(
    scoped,
    touchpoints.map((t) => t.id),
    scopeOf(filters),
    period,
  ))
    counter.add(customerPath(events, steps));
  const counts = counter.result();
  const { links, other } = capLinks(counts.links, counts.customers);
  return {
    journey: { id: journey.id, name: journey.name },
    period: { from: period.from, to: period.to, preset: period.preset },
    filters: { channelId: filters.channelId ?? null, segment: filters.segment ?? null, unitId: filters.unitId ?? null },
    steps,
    touchpoints,
    customers: counts.customers,
    starts: counts.starts,
    nodes: counts.nodes,
    links,
    /** Per step, the links under 1 % of the customers, summed. */
    otherLinks: other,
    paths: counts.paths,
  };
}

/** The top paths, then the steps, as one CSV (section, rank/step, path/touchpoint, figures). */
export function journeyPathsCsv(p: JourneyPaths): string {
  const name = new Map(p.touchpoints.map((t) => [t.id, t.name]));
  const nameOf = (id: string) => name.get(id) ?? id;
  const rows: CsvCell[][] = [
    [
      "section",
      "rank_or_step",
      "path_or_touchpoint",
      "customers",
      "share_or_continued",
      "dropped",
      "went_on_past_last_step",
    ],
  ];
  p.paths.forEach((x, i) =>
    rows.push([
      "path",
      i + 1,
      x.touchpointIds.map(nameOf).join(" > "),
      x.customers,
      Number(x.share.toFixed(4)),
      null,
      null,
    ]),
  );
  for (const n of p.nodes)
    rows.push(["step", n.step + 1, nameOf(n.touchpointId), n.customers, n.continued, n.dropped, n.beyond]);
  return csvLines(rows);
}

export function pathsCsvFilename(p: JourneyPaths): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `resonance-journey-paths-${day(p.period.from)}-to-${day(new Date(p.period.to.getTime() - 1))}.csv`;
}
