// Top themes per touchpoint (docs/text-analytics.md, "Top themes per touchpoint"): for the journey map and the gap
// report, per touchpoint the themes its responses' comments mention most — share of the touchpoint's analysed
// comments with its Wilson interval ("too few" below 30 comments), mean sentiment with its t-interval, n — for the
// page's period and filters (channel, segment, unit) and the caller's unit scope. Two GROUP BYs for all the page's
// touchpoints at once, in one snapshot of the read replica: comments per touchpoint, and mentions per (touchpoint,
// theme), in one statement (lib/text-analytics/theme-counts.ts: whole days from the roll-up ThemeDaily). Comments are counted as by the dashboard's themes card (lib/text-analytics/themes-report.ts): a response's
// comment in English or German, of a response with a headline score (responseWhere).
import { Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import type { Period } from "../analytics/filters";
import { MIN_N } from "../metrics";
import { meanFromMoments, type MeanEstimate } from "../metrics/moments";
import { starterThemes } from "../orgs/defaults";
import { orgLocale } from "../orgs/settings-service";
import { themeShare, type Share } from "../text/theme-stats";
import { inOneSnapshot, type Read } from "./themes-report";
import { commentsOf, mentionsOf, themeCells, type ThemeCountOptions } from "./theme-counts";

/** How many themes each touchpoint lists, the most mentioned first (the gap report's chips show the first three). */
export const TOUCHPOINT_THEMES = 5;

export type TouchpointTheme = {
  key: string;
  name: string;
  /** Comments at the touchpoint that mention the theme. */
  mentions: number;
  /** 100 · mentions / the touchpoint's comments, Wilson 95 % interval; enough = comments ≥ 30. */
  share: Share;
  /** Mean sentiment of the mentioning comments in [−1, 1] with its t-interval (n = mentions). */
  sentiment: MeanEstimate;
};

export type TouchpointThemes = {
  /** Analysed comments at the touchpoint in the filters: the base of every share (n). */
  comments: number;
  /** comments ≥ MIN_N (30): below it every share is "too few comments". */
  enough: boolean;
  /** The most mentioned live themes (at most TOUCHPOINT_THEMES; ties in the taxonomy's order). */
  themes: TouchpointTheme[];
  /** Live themes mentioned at the touchpoint beyond those listed. */
  more: number;
};

export const NO_THEMES: TouchpointThemes = { comments: 0, enough: false, themes: [], more: 0 };

/** The filters besides the period that the journey map and the gap report honour. */
export type TouchpointThemeFilters = { channelId?: string; segment?: string };

/**
 * The organization's live themes (not archived), key and name in the taxonomy's order, without writing anything: an
 * organization that never opened its taxonomy is tagged with the starter taxonomy (docs/text-analytics.md).
 */
export async function liveThemes(read: Read, orgId: string): Promise<{ key: string; name: string }[]> {
  const rows = await read.textTheme.findMany({
    where: { orgId },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: { key: true, name: true, archivedAt: true },
  });
  if (rows.length === 0) return starterThemes(await orgLocale(orgId, read));
  return rows.filter((r) => r.archivedAt === null).map(({ key, name }) => ({ key, name }));
}

export type TouchpointThemeRow = {
  key?: string | null;
  theme: string | null;
  mentions: number | bigint;
  sentimentSum: number | null;
  sentimentSumSquares?: number | null;
};

/**
 * Pure: each touchpoint's top themes from the rows of the two GROUP BYs (raw SQL answers bigints and null sums).
 * Themes not in `taxonomy` (archived, or deleted before the re-analysis ran) are left out, as on the dashboard.
 */
export function touchpointThemesFromRows(
  taxonomy: readonly { key: string; name: string }[],
  comments: ReadonlyArray<{ key?: string | null; comments: number | bigint }>,
  mentions: readonly TouchpointThemeRow[],
  limit = TOUCHPOINT_THEMES,
): Map<string, TouchpointThemes> {
  const position = new Map(taxonomy.map((t, i) => [t.key, { i, name: t.name }]));
  const out = new Map<string, TouchpointThemes>();
  const byTouchpoint = new Map<string, TouchpointTheme[]>();
  const base = new Map(comments.flatMap((r) => (r.key ? [[r.key, Number(r.comments)] as const] : [])));
  for (const r of mentions) {
    const live = r.theme === null ? undefined : position.get(r.theme);
    if (!r.key || !live) continue;
    const n = base.get(r.key) ?? 0;
    const mentions = Number(r.mentions);
    const list = byTouchpoint.get(r.key) ?? [];
    list.push({
      key: r.theme!,
      name: live.name,
      mentions,
      share: themeShare(mentions, n), // a RangeError when the two GROUP BYs disagree
      sentiment: meanFromMoments({ n: mentions, sum: r.sentimentSum ?? 0, sumSq: r.sentimentSumSquares ?? 0 }),
    });
    byTouchpoint.set(r.key, list);
  }
  // By touchpoint id: the same order whichever way the rows were read (roll-up, raw, with or without a minus part).
  for (const [id, n] of [...base].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = (byTouchpoint.get(id) ?? []).sort(
      (a, b) => b.mentions - a.mentions || position.get(a.key)!.i - position.get(b.key)!.i,
    );
    out.set(id, {
      comments: n,
      enough: n >= MIN_N,
      themes: list.slice(0, limit),
      more: Math.max(0, list.length - limit),
    });
  }
  return out;
}

/**
 * The top themes of each of `touchpointIds` (which the caller loaded from its organization) in [from, to) — `ctx` is
 * the caller's, already narrowed to the unit filter (lib/analytics/unit-filter.ts). A touchpoint without analysed
 * comments is absent from the map (NO_THEMES).
 */
export async function themesByTouchpoint(
  ctx: Ctx,
  touchpointIds: readonly string[],
  filters: TouchpointThemeFilters,
  period: Period,
  opts: Pick<ThemeCountOptions, "source"> = {},
): Promise<Map<string, TouchpointThemes>> {
  if (touchpointIds.length === 0) return new Map();
  const f = { channelId: filters.channelId, segment: filters.segment };
  const key = Prisma.sql`r."touchpointId"`;
  const only = Prisma.sql` AND r."touchpointId" IN (${Prisma.join([...touchpointIds])})`;
  const [taxonomy, cells] = await inOneSnapshot(
    async (read) =>
      [
        await liveThemes(read, ctx.orgId),
        await themeCells(read, ctx, f, [{ period, key }], { narrow: only, source: opts.source }),
      ] as const,
  );
  return touchpointThemesFromRows(taxonomy, commentsOf(cells), mentionsOf(cells));
}
