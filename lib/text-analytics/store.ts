// Stored text analyses (docs/text-analytics.md, "Stored analyses"): the sentiment and themes of every free-text
// answer and interaction note, written in the transaction that writes the text. Each write path makes one call:
//  - analyseOnWrite: rows just inserted in bulk (the ingestion batch, imports, demo data) or an interaction logged or
//    edited — the rows as written, no read back;
//  - analyseStoredResponses: responses written through Prisma (the single path, a partial response continued): their
//    text answers are read back and their analyses replaced.
// Erasure and anonymisation call forgetResponseTexts / forgetInteractionTexts; deleting a text deletes its analysis
// (foreign keys, cascade). TEXT_ANALYTICS=off turns the write-time analysis off (the re-analysis job catches up).
import type { Prisma } from "../db";
import { newId } from "../db-bulk";
import { analyse } from "../text/analyse";
import { cachedTextContexts, textContexts, type OrgTextContext } from "./taxonomy";
import { insertJsonRows, type ColumnKind } from "./insert-json";

type Tx = Prisma.TransactionClient;

/** Bump when lib/text changes what it answers (lexicon, rules, starter taxonomy): history is then re-analysed. */
export const ANALYSER_VERSION = 1;

/** Text analytics on the write paths, unless TEXT_ANALYTICS=off (then only the background job analyses). */
export function textAnalyticsOnWrite(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TEXT_ANALYTICS !== "off";
}

export type ResponseText = {
  id: string;
  orgId: string;
  locale?: string | null;
  comment?: string | null;
  submittedAt: Date;
};
export type AnswerText = { id: string; responseId: string; valueText?: string | null };
export type InteractionText = { id: string; orgId: string; note?: string | null; occurredAt: Date };

/** One text to analyse: where it belongs and in which language. */
export type TextItem = {
  orgId: string;
  source: "answer" | "note";
  responseId: string | null;
  answerId: string | null;
  interactionId: string | null;
  isComment: boolean;
  text: string;
  /** The response's locale; null: the organization's default language. */
  language: string | null;
  occurredAt: Date;
};

/** The language a text is analysed in: the response's locale, else the organization's default locale, else English. */
function languageOf(item: TextItem, ctx: OrgTextContext): string {
  return item.language?.trim() ? item.language : ctx.defaultLanguage;
}

/** The TextAnalysis and TextThemeMatch rows of texts (analysed now, with each organization's current taxonomy). */
export function analysisRows(items: readonly TextItem[], contexts: Map<string, OrgTextContext>, now = new Date()) {
  const analyses: object[] = [];
  const matches: object[] = [];
  for (const item of items) {
    const ctx = contexts.get(item.orgId);
    if (!ctx) continue; // the organization is gone
    const a = analyse(item.text, languageOf(item, ctx), ctx.compiled);
    const id = newId();
    const shared = {
      orgId: item.orgId,
      source: item.source,
      responseId: item.responseId,
      interactionId: item.interactionId,
      isComment: item.isComment,
      sentiment: a.sentiment,
      occurredAt: item.occurredAt,
    };
    analyses.push({
      id,
      ...shared,
      answerId: item.answerId,
      language: a.language ?? "unsupported",
      label: a.label,
      analyserVersion: ANALYSER_VERSION,
      taxonomyVersion: ctx.version,
      analysedAt: now,
    });
    for (const theme of a.themes)
      matches.push({
        id: newId(),
        analysisId: id,
        ...shared,
        themeKey: theme.theme,
        spans: theme.spans.map((s) => [s.start, s.end]),
      });
  }
  return { analyses, matches };
}

const SHARED_COLUMNS = {
  id: "text",
  orgId: "text",
  source: "text",
  responseId: "text",
  interactionId: "text",
  isComment: "boolean",
  sentiment: "number",
  occurredAt: "date",
} satisfies Record<string, ColumnKind>;
const ANALYSIS_COLUMNS = {
  ...SHARED_COLUMNS,
  answerId: "text",
  language: "text",
  label: "text",
  analyserVersion: "number",
  taxonomyVersion: "number",
  analysedAt: "date",
} satisfies Record<string, ColumnKind>;
const MATCH_COLUMNS = {
  ...SHARED_COLUMNS,
  analysisId: "text",
  themeKey: "text",
  spans: "json",
} satisfies Record<string, ColumnKind>;

/** The analysis of a text is kept only if the organization's taxonomy is still at the version it was made with. */
const atCurrentVersion = (row: (column: string) => string) =>
  `COALESCE((SELECT t."version" FROM "TextTaxonomy" t WHERE t."orgId" = ${row("orgId")}), 0) = ${row("taxonomyVersion")}`;

/**
 * Writes the analyses of the texts (the caller has removed any older ones). The organizations' taxonomies come from
 * this process's memory (cachedTextContexts): the INSERT itself checks each analysis's taxonomy version against the
 * database, so a change made on another instance is never missed — when it finds one, the analyses are made again
 * with the taxonomy read afresh. Two statements per write in the usual case, whatever the number of texts.
 */
export async function storeAnalyses(tx: Tx, items: readonly TextItem[]): Promise<number> {
  if (items.length === 0) return 0;
  const orgIds = items.map((i) => i.orgId);
  let { analyses, matches } = analysisRows(items, await cachedTextContexts(tx, orgIds));
  const kept = await insertJsonRows(tx, "TextAnalysis", ANALYSIS_COLUMNS, analyses, atCurrentVersion);
  if (kept < analyses.length) {
    // A taxonomy changed since this process read it: undo, read the taxonomies, analyse again.
    const ids = analyses.map((a) => (a as { id: string }).id);
    await tx.textAnalysis.deleteMany({ where: { id: { in: ids } } });
    ({ analyses, matches } = analysisRows(items, await textContexts(tx, orgIds)));
    await insertJsonRows(tx, "TextAnalysis", ANALYSIS_COLUMNS, analyses);
  }
  if (matches.length) await insertJsonRows(tx, "TextThemeMatch", MATCH_COLUMNS, matches);
  return analyses.length;
}

const hasText = (t: string | null | undefined): t is string => typeof t === "string" && t.trim() !== "";

/** The texts of responses and their answers: every answer with a text; the response's comment is one of them. */
export function responseItems(responses: readonly ResponseText[], answers: readonly AnswerText[]): TextItem[] {
  const byId = new Map(responses.map((r) => [r.id, r]));
  const items: TextItem[] = [];
  for (const a of answers) {
    const r = byId.get(a.responseId);
    if (!r || !hasText(a.valueText)) continue;
    items.push({
      orgId: r.orgId,
      source: "answer",
      responseId: r.id,
      answerId: a.id,
      interactionId: null,
      isComment: a.valueText === r.comment,
      text: a.valueText,
      language: r.locale ?? null,
      occurredAt: r.submittedAt,
    });
  }
  return items;
}

export function interactionItems(interactions: readonly InteractionText[]): TextItem[] {
  return interactions.flatMap((i) =>
    hasText(i.note)
      ? [
          {
            orgId: i.orgId,
            source: "note" as const,
            responseId: null,
            answerId: null,
            interactionId: i.id,
            isComment: false,
            text: i.note,
            language: null,
            occurredAt: i.occurredAt,
          },
        ]
      : [],
  );
}

/**
 * The analyses of texts as they were just written: new responses with their answers (bulk inserts: the ingestion
 * batch, response imports, demo data), interactions logged or imported. `replace`: the interactions existed (a note
 * edited), so their analyses are replaced.
 */
export async function analyseOnWrite(
  tx: Tx,
  written: {
    responses?: readonly ResponseText[];
    answers?: readonly AnswerText[];
    interactions?: readonly InteractionText[];
    replace?: boolean;
  },
): Promise<void> {
  const interactions = written.interactions ?? [];
  // An edited note's old analysis goes even when analysis on write is off (the job analyses the new text).
  if (written.replace && interactions.length > 0)
    await tx.textAnalysis.deleteMany({ where: { interactionId: { in: interactions.map((i) => i.id) } } });
  if (!textAnalyticsOnWrite()) return;
  await storeAnalyses(tx, [
    ...responseItems(written.responses ?? [], written.answers ?? []),
    ...interactionItems(interactions),
  ]);
}

/**
 * Responses already stored (written through Prisma: the single path, or a partial response continued — a comment
 * added later): their text answers are read back and their analyses replaced.
 */
export async function analyseStoredResponses(tx: Tx, orgId: string, responseIds: readonly string[]): Promise<void> {
  if (responseIds.length === 0) return;
  const ids = [...responseIds];
  await tx.textAnalysis.deleteMany({ where: { orgId, responseId: { in: ids } } });
  if (!textAnalyticsOnWrite()) return; // the old analyses went all the same: the job analyses the new texts
  const responses = await tx.response.findMany({
    where: { orgId, id: { in: ids } },
    select: {
      id: true,
      orgId: true,
      locale: true,
      comment: true,
      submittedAt: true,
      answers: { where: { valueText: { not: null } }, select: { id: true, responseId: true, valueText: true } },
    },
  });
  await storeAnalyses(
    tx,
    responseItems(
      responses,
      responses.flatMap((r) => r.answers),
    ),
  );
}

/** Erasure and anonymisation: the analyses of these responses' texts go with the texts (`ids` of one organization). */
export async function forgetResponseTexts(tx: Tx, responseIds: readonly string[]): Promise<void> {
  if (responseIds.length === 0) return;
  await tx.textAnalysis.deleteMany({ where: { responseId: { in: [...responseIds] } } });
}

/** Erasure: the analyses of a customer's interaction notes go with the notes. */
export async function forgetInteractionTexts(tx: Tx, orgId: string, customerId: string): Promise<void> {
  await tx.textAnalysis.deleteMany({ where: { orgId, source: "note", interaction: { customerId } } });
}
