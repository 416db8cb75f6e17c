// The experience-gap report: every touchpoint of the organization with a promised score, one row per
// (touchpoint, metric with a target), sorted by priority — the first row is where to act first (gap.ts).
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { resolvePeriod, type AnalyticsFilters, type ResolvedPeriod } from "../analytics/filters";
import { narrowToUnit } from "../analytics/unit-filter";
import { byPriority, type ExperienceGap } from "./gap";
import { liveFigures, loadLive, scopeOf } from "./map";
import { NO_THEMES, themesByTouchpoint, type TouchpointThemes } from "../text-analytics/touchpoint-themes";

export type GapRow = {
  key: string;
  touchpoint: { id: string; name: string; promise: string | null };
  journey: { id: string; name: string };
  stage: { id: string; name: string };
  interactions: number;
  responses: number;
  gap: ExperienceGap;
  /** The touchpoint's top themes in the same filters (the same on each of its rows). */
  themes: TouchpointThemes;
};

export type GapReport = { period: ResolvedPeriod; rows: GapRow[] };

export async function getGapReport(ctx: Ctx, filters: AnalyticsFilters, now = new Date()): Promise<GapReport> {
  const period = resolvePeriod(filters, now);
  const touchpoints = await db.touchpoint.findMany({
    where: {
      orgId: ctx.orgId,
      archivedAt: null,
      journey: { archivedAt: null },
      stage: { archivedAt: null },
      OR: [{ targetCsat: { not: null } }, { targetCes: { not: null } }, { targetNps: { not: null } }],
    },
    select: {
      id: true,
      name: true,
      promise: true,
      targetCsat: true,
      targetCes: true,
      targetNps: true,
      journey: { select: { id: true, name: true } },
      stage: { select: { id: true, name: true } },
    },
  });
  const scoped = await narrowToUnit(ctx, filters.unitId); // the caller's units, narrowed to the unit filter
  const ids = touchpoints.map((t) => t.id);
  const [live, themes] = await Promise.all([
    loadLive(scoped, ids, scopeOf(filters), period),
    themesByTouchpoint(scoped, ids, scopeOf(filters), period),
  ]);
  const rows: GapRow[] = [];
  for (const t of touchpoints) {
    const figures = liveFigures(live.distributions(t.id), live.stats(t.id), {
      csat: t.targetCsat,
      ces: t.targetCes,
      nps: t.targetNps,
    });
    for (const gap of figures.gaps) {
      rows.push({
        key: `${t.id}:${gap.metric}`,
        touchpoint: { id: t.id, name: t.name, promise: t.promise },
        journey: t.journey,
        stage: t.stage,
        interactions: figures.interactions.count,
        responses: figures.responses,
        gap,
        themes: themes.get(t.id) ?? NO_THEMES,
      });
    }
  }
  rows.sort(byPriority);
  return { period, rows };
}

// A spreadsheet runs a cell that starts with one of these as a formula; names are free text.
const FORMULA_START = /^[=+\-@\t\r]/;
const safeText = (s: string | null) => (s === null ? "" : FORMULA_START.test(s) ? `'${s}` : s);
const num = (x: number | null, d = 4) => (x === null ? "" : Number(x.toFixed(d)));

export const GAP_CSV_COLUMNS = [
  "rank",
  "journey",
  "stage",
  "touchpoint",
  "metric",
  "promised",
  "perceived",
  "perceived_low",
  "perceived_high",
  "n",
  "gap",
  "gap_low",
  "gap_high",
  "significant",
  "status",
  "interactions",
  "responses",
  "volume",
  "priority",
  "comments",
  "top_themes",
] as const;

/** The report as a CSV stream (csv-stringify), one line per row, in report order. */
export function gapReportCsv(report: GapReport): ReadableStream<Uint8Array> {
  const csv = stringify({
    header: true,
    columns: [...GAP_CSV_COLUMNS],
    record_delimiter: "windows",
    cast: { boolean: (b) => String(b) },
  });
  report.rows.forEach((r, i) => {
    const g = r.gap;
    csv.write({
      rank: i + 1,
      journey: safeText(r.journey.name),
      stage: safeText(r.stage.name),
      touchpoint: safeText(r.touchpoint.name),
      metric: g.metric,
      promised: g.target,
      perceived: num(g.perceived.value),
      perceived_low: num(g.perceived.low),
      perceived_high: num(g.perceived.high),
      n: g.perceived.n,
      gap: num(g.gap),
      gap_low: num(g.low),
      gap_high: num(g.high),
      significant: g.significant,
      status: g.status,
      interactions: r.interactions,
      responses: r.responses,
      volume: g.volume,
      priority: num(g.priority, 2),
      comments: r.themes.comments,
      // keys with their share of the touchpoint's comments, most mentioned first: "billing 32.5 %; staff 10 %"
      top_themes: r.themes.themes.map((t) => `${t.key} ${num(t.share.share, 1)} %`).join("; "),
    });
  });
  csv.end();
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

export function gapCsvFilename(period: Pick<ResolvedPeriod, "from" | "to">): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `resonance-experience-gaps-${day(period.from)}-to-${day(new Date(period.to.getTime() - 1))}.csv`;
}
