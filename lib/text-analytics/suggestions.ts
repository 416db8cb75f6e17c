// Suggested themes (docs/text-analytics.md, "Discovery"): lib/text/discovery.ts run over the organization's comments
// that no theme covers — a comment's analysis with no TextThemeMatch (NOT EXISTS) — in a period, detractors against
// promoters by the response's NPS category. A manager accepts a suggestion on Settings → Text analytics, which creates
// a theme through the taxonomy API (the version is bumped and history re-tagged there).
import { z } from "zod";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { blank } from "../http/query-fields";
import { discoverPhrases, type DiscoveryComment, type DiscoveryGroup } from "../text/discovery";

/** At most this many uncovered comments are read, newest first: discovery costs about 8 µs of CPU a comment. */
export const SUGGESTION_COMMENT_CAP = 20_000;
export const SUGGESTION_DEFAULT_DAYS = 90;
const DAY_MS = 86_400_000;

export const suggestionQuery = z.object({
  /** The period: comments of the last `days` days (1 to 365; 90 when not given). */
  days: z.preprocess(
    blank,
    z.coerce
      .number({ error: "Use a number of days from 1 to 365" })
      .int("Use a whole number of days")
      .min(1, "Use a number of days from 1 to 365")
      .max(365, "Use a number of days from 1 to 365")
      .default(SUGGESTION_DEFAULT_DAYS),
  ),
});
export type SuggestionQuery = z.output<typeof suggestionQuery>;

export type ThemeSuggestion = {
  /** How detractors usually wrote it (lower case): the phrase a new theme gets. */
  phrase: string;
  language: "en" | "de";
  stems: string;
  words: 1 | 2;
  /** Comments with the phrase: of detractors, of promoters, of all uncovered comments in the period. */
  detractors: number;
  promoters: number;
  comments: number;
  delta: number;
  z: number;
  /** Up to 3 detractor comments with the phrase. */
  examples: { responseId: string; comment: string }[];
  /**
   * Weaker phrases of the same finding: nearly the same comments mention them (Jaccard ≥ 0.8, lib/text/discovery.ts),
   * so they are listed here rather than suggested apart. Strongest first.
   */
  alternatives: { phrase: string; stems: string }[];
};

export type ThemeSuggestions = {
  from: Date;
  to: Date;
  days: number;
  /** Uncovered comments read per group (in English or German). */
  read: Record<DiscoveryGroup, number>;
  /** More uncovered comments than SUGGESTION_COMMENT_CAP: only the newest were read. */
  capped: boolean;
  cap: number;
  suggestions: ThemeSuggestion[];
};

const groupOf = (category: string | null): DiscoveryGroup =>
  category === "detractor" ? "detractor" : category === "promoter" ? "promoter" : "other";

const round = (x: number) => Math.round(x * 1000) / 1000;

export async function suggestThemes(ctx: Ctx, q: SuggestionQuery, now = new Date()): Promise<ThemeSuggestions> {
  const to = now;
  const from = new Date(now.getTime() - q.days * DAY_MS);
  const rows = await db.textAnalysis.findMany({
    where: {
      orgId: ctx.orgId,
      source: "answer",
      isComment: true,
      language: { in: ["en", "de"] },
      occurredAt: { gte: from, lt: to },
      themes: { none: {} },
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: SUGGESTION_COMMENT_CAP + 1,
    select: { responseId: true, language: true, response: { select: { comment: true, category: true } } },
  });
  const capped = rows.length > SUGGESTION_COMMENT_CAP;
  const comments: DiscoveryComment[] = [];
  const text = new Map<string, string>();
  for (const r of rows.slice(0, SUGGESTION_COMMENT_CAP)) {
    if (!r.responseId || !r.response?.comment) continue;
    text.set(r.responseId, r.response.comment);
    comments.push({
      id: r.responseId,
      text: r.response.comment,
      language: r.language,
      group: groupOf(r.response.category),
    });
  }
  const found = discoverPhrases(comments);
  return {
    from,
    to,
    days: q.days,
    read: { ...found.comments },
    capped,
    cap: SUGGESTION_COMMENT_CAP,
    suggestions: found.phrases.map((p) => ({
      phrase: p.text,
      language: p.language,
      stems: p.stems,
      words: p.words,
      detractors: p.a,
      promoters: p.b,
      comments: p.corpus,
      delta: round(p.delta),
      z: round(p.z),
      examples: p.examples.map((id) => ({ responseId: id, comment: text.get(id) ?? "" })),
      alternatives: p.alternatives.map((a) => ({ phrase: a.text, stems: a.stems })),
    })),
  };
}
