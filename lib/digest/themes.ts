// The digest's biggest significant theme changes (docs/metrics.md, "Themes", "Biggest significant changes"): per live
// theme of the organization's taxonomy, the share of analysed comments mentioning it in the week against the week
// before, by the pooled two-proportion z-test with Benjamini–Hochberg across the themes tested
// (lib/text/theme-stats.ts, themeChanges). One statement over both weeks, each week a part of its own (their whole
// days from the roll-up ThemeDaily, lib/text-analytics/theme-counts.ts), in one snapshot of the read replica:
// comments per week, mentions per (week, theme). The responses are
// the digest's — the caller's units only for a unit-scoped member (responseWhere).
import { Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import type { Period } from "../analytics/filters";
import { themeChanges, type ThemeChange } from "../text/theme-stats";
import { inOneSnapshot } from "../text-analytics/themes-report";
import { commentsOf, mentionsOf, themeCells } from "../text-analytics/theme-counts";
import { liveThemes } from "../text-analytics/touchpoint-themes";
import { TOP_CHANGES } from "./select";

export type DigestThemeChange = ThemeChange & { name: string };

export type DigestThemes = {
  /** Analysed comments in each week: the base of the shares (n). */
  comments: { previous: number; current: number };
  /** Significant changes, the largest |Δ| first, at most TOP_CHANGES. */
  changes: DigestThemeChange[];
  significant: number;
  /** Themes tested (mentioned in either week, 30 comments or more in both, no expected count below 5). */
  tested: number;
  /** Themes mentioned in either week that were not tested: too few comments or too sparse. */
  untested: number;
};

type WeekRow = { key?: string | null };

/** Pure: the digest's theme changes from the rows of the two GROUP BYs (key "previous" / "current"). */
export function digestThemesFromRows(
  taxonomy: readonly { key: string; name: string }[],
  comments: ReadonlyArray<WeekRow & { comments: number | bigint }>,
  mentions: ReadonlyArray<WeekRow & { theme: string | null; mentions: number | bigint }>,
  limit = TOP_CHANGES,
): DigestThemes {
  const names = new Map(taxonomy.map((t) => [t.key, t.name]));
  const count = (key: string) => Number(comments.find((r) => r.key === key)?.comments ?? 0);
  const week = (key: string) => ({
    comments: count(key),
    themes: mentions
      .filter((r) => r.key === key && r.theme !== null && names.has(r.theme))
      .map((r) => ({ theme: r.theme!, mentions: Number(r.mentions) })),
  });
  const result = themeChanges(week("previous"), week("current"), limit);
  return {
    comments: { previous: count("previous"), current: count("current") },
    changes: result.changes.map((c) => ({ ...c, name: names.get(c.theme)! })),
    significant: result.significant,
    tested: result.tested,
    untested: result.all.length - result.tested,
  };
}

/** The theme changes between `previous` and `current` (adjacent weeks, previous.to = current.from). */
export async function digestThemes(ctx: Ctx, current: Period, previous: Period): Promise<DigestThemes> {
  const parts = [
    { period: previous, key: Prisma.sql`'previous'` },
    { period: current, key: Prisma.sql`'current'` },
  ];
  const [taxonomy, cells] = await inOneSnapshot(
    async (read) => [await liveThemes(read, ctx.orgId), await themeCells(read, ctx, {}, parts)] as const,
  );
  return digestThemesFromRows(taxonomy, commentsOf(cells), mentionsOf(cells));
}
