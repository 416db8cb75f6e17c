// A text's stored analysis as the lists show it (docs/text-analytics.md, "Where themes and sentiment show"): the
// response inbox and API, the interactions list and API, the customer 360 timeline and the CSV exports. The theme
// and sentiment filters of those lists are conditions on the stored analysis; they only narrow the caller's list.
import { db, type Prisma } from "../db";
import { starterThemes } from "../orgs/defaults";
import { orgLocale } from "../orgs/settings-service";
import type { SentimentFilter } from "../http/query-fields";
import { readSpans, type Span } from "./highlight";

export type TextSentiment = { score: number | null; label: string; language: string };
export type TextThemeHit = { key: string; name: string; spans: Span[] };
export type TextInsight = { sentiment: TextSentiment | null; themes: TextThemeHit[] };

export const analysisSelect = {
  sentiment: true,
  label: true,
  language: true,
  themes: { select: { themeKey: true, spans: true }, orderBy: { themeKey: "asc" } },
} satisfies Prisma.TextAnalysisSelect;
type AnalysisRow = Prisma.TextAnalysisGetPayload<{ select: typeof analysisSelect }>;

/** Theme key → name of the organization's taxonomy (the starter taxonomy's until it has its own rows). */
export async function themeNames(orgId: string): Promise<Map<string, string>> {
  const rows = await db.textTheme.findMany({ where: { orgId }, select: { key: true, name: true } });
  if (rows.length) return new Map(rows.map((r) => [r.key, r.name]));
  return new Map(starterThemes(await orgLocale(orgId)).map((t) => [t.key, t.name]));
}

/** The themes a filter offers: key and name, by name. */
export async function themeOptions(orgId: string): Promise<{ key: string; name: string }[]> {
  const names = await themeNames(orgId);
  return [...names].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The sentiment and themes of one analysed text (none when the text has no analysis yet). */
export function toInsight(a: AnalysisRow | null | undefined, names: Map<string, string>): TextInsight {
  if (!a) return { sentiment: null, themes: [] };
  return {
    sentiment: { score: a.sentiment, label: a.label, language: a.language },
    themes: a.themes.map((t) => ({
      key: t.themeKey,
      name: names.get(t.themeKey) ?? t.themeKey,
      spans: readSpans(t.spans),
    })),
  };
}

/** The condition on a text's analysis for the theme and sentiment filters; undefined when neither is given. */
export function analysisWhere(f: {
  theme?: string;
  sentiment?: SentimentFilter;
}): Prisma.TextAnalysisWhereInput | undefined {
  if (!f.theme && !f.sentiment) return undefined;
  return {
    ...(f.sentiment ? { label: f.sentiment } : {}),
    ...(f.theme ? { themes: { some: { themeKey: f.theme } } } : {}),
  };
}

/** The CSV cells of an insight: sentiment score, label, theme keys joined by "; ". */
export function insightCells(i: TextInsight): [number | null, string | null, string] {
  return [i.sentiment?.score ?? null, i.sentiment?.label ?? null, i.themes.map((t) => t.key).join("; ")];
}
