// Analysing history (docs/text-analytics.md, "Analysing history"): a background job (lib/jobs/runner.ts) that analyses
// every free-text answer, then every interaction note, of an organization that has no analysis at the current
// analyser and taxonomy versions — texts written before text analytics existed, while it was off
// (TEXT_ANALYTICS=off), or before the last change of the taxonomy. Each batch is one transaction under the job's
// lease: it replaces the batch's analyses and advances the cursor together, so a batch is never done twice and a
// killed job resumes from its cursor. Only texts not yet at the current versions are selected, so running it again
// redoes nothing. A taxonomy change during the job restarts it from the first text (with the new version); at the end
// one more pass picks up texts a write analysed with the old version while the change was being committed.
import { db, Prisma, provider, type Db } from "../db";
import type { JobHandler, StepResult } from "../jobs/types";
import { ANALYSER_VERSION, interactionItems, responseItems, storeAnalyses } from "./store";
import { taxonomyVersion } from "./taxonomy";

type Tx = Prisma.TransactionClient;
const KINDS = ["answer", "note"] as const;
type Kind = (typeof KINDS)[number];
type Cursor = { kind: Kind; after: string | null; version: number; pass: number };
/** Texts per batch (one transaction). 1,000: on 1,000,000 comments a batch of 500 cost 175 µs of CPU a comment, 1,000
 * 154 µs, 2,000 133 µs (bench/text-backfill.ts, SQLite), and a longer transaction holds SQLite's one connection longer. */
export const TEXT_ANALYSIS_BATCH = 1_000;
const BATCH = TEXT_ANALYSIS_BATCH;
/** Passes over the history at most (the first, and sweeps for texts written during a change). */
const MAX_PASSES = 3;

export const TEXT_ANALYSIS_JOB = "text-analysis";

/** Texts without an analysis at these versions. */
const notCurrent = (version: number) => ({
  NOT: { textAnalysis: { is: { analyserVersion: ANALYSER_VERSION, taxonomyVersion: version } } },
});
/** What the batch's statement selects (textsToAnalyse counts with it). */
const staleAnswers = (orgId: string, version: number) => ({
  orgId,
  valueText: { not: null },
  ...notCurrent(version),
});
const staleNotes = (orgId: string, version: number) => ({ orgId, note: { not: null }, ...notCurrent(version) });

/** How many texts of the organization are not analysed at the current versions. */
export async function textsToAnalyse(client: Tx | Db, orgId: string): Promise<number> {
  const version = await taxonomyVersion(client, orgId);
  const [answers, notes] = await Promise.all([
    client.answer.count({ where: staleAnswers(orgId, version) }),
    client.interaction.count({ where: staleNotes(orgId, version) }),
  ]);
  return answers + notes;
}

type AnswerRow = {
  id: string;
  responseId: string;
  valueText: string;
  orgId: string;
  locale: string | null;
  comment: string | null;
  submittedAt: Date | string;
  /** The text's analysis, if any, and its versions. */
  analysisId: string | null;
  analyserVersion: number | bigint | null;
  taxonomyVersion: number | bigint | null;
};

async function batch(tx: Tx, orgId: string, c: Cursor) {
  if (c.kind === "answer") {
    // One statement: the next BATCH text answers by id (the inner LIMIT walks the id index from the cursor, whatever
    // the planner thinks of the analyses), with what their analysis needs of the response and their analysis if any.
    // An anti-join in the same statement let PostgreSQL's planner sort every answer of the organization per batch.
    const after = c.after ? Prisma.sql`AND a."id" > ${c.after}` : Prisma.empty;
    const rows = await tx.$queryRaw<AnswerRow[]>`
      SELECT a."id", a."responseId", a."valueText", r."orgId", r."locale", r."comment", r."submittedAt",
        t."id" AS "analysisId", t."analyserVersion", t."taxonomyVersion"
      FROM (SELECT a."id", a."responseId", a."valueText" FROM "Answer" a
            WHERE a."orgId" = ${orgId} AND a."valueText" IS NOT NULL ${after}
            ORDER BY a."id" LIMIT ${BATCH}) a
      JOIN "Response" r ON r."id" = a."responseId"
      LEFT JOIN "TextAnalysis" t ON t."answerId" = a."id"
      ORDER BY a."id"`;
    // Texts analysed at the current versions are skipped; an analysis at an older version is replaced.
    const current = (r: AnswerRow) =>
      r.analysisId !== null &&
      Number(r.analyserVersion) === ANALYSER_VERSION &&
      Number(r.taxonomyVersion) === c.version;
    const todo = rows.filter((r) => !current(r));
    const stale = todo.flatMap((r) => (r.analysisId ? [r.analysisId] : []));
    // PostgreSQL: the theme roll-ups' triggers lock each analysis's response FOR SHARE (docs/rollups.md, "The theme
    // roll-up"); taking those locks first, in id order, before the stale analyses are locked by their delete, keeps
    // the order of a respondent completing a response (its row, then its analyses): one waits, neither deadlocks.
    if (provider === "postgresql" && todo.length)
      await tx.$queryRaw`SELECT 1 FROM "Response" WHERE "id" IN (${Prisma.join([...new Set(todo.map((r) => r.responseId))])}) ORDER BY "id" FOR SHARE`;
    if (stale.length) await tx.textAnalysis.deleteMany({ where: { id: { in: stale } } });
    const responses = todo.map((r) => ({
      id: r.responseId,
      orgId: r.orgId,
      locale: r.locale,
      comment: r.comment,
      submittedAt: new Date(r.submittedAt), // SQLite's raw rows carry the stored text
    }));
    const items = responseItems(responses, todo);
    return { last: rows.at(-1)?.id ?? null, scanned: rows.length, examined: todo.length, items };
  }
  const after = c.after ? { id: { gt: c.after } } : {};
  const rows = await tx.interaction.findMany({
    orderBy: { id: "asc" },
    take: BATCH,
    where: { ...staleNotes(orgId, c.version), ...after },
    select: { id: true, orgId: true, note: true, occurredAt: true },
  });
  const ids = rows.map((r) => r.id);
  if (ids.length) await tx.textAnalysis.deleteMany({ where: { interactionId: { in: ids } } });
  return { last: rows.at(-1)?.id ?? null, scanned: rows.length, examined: rows.length, items: interactionItems(rows) };
}

export async function retagStep(tx: Tx, orgId: string, raw: unknown): Promise<StepResult> {
  const version = await taxonomyVersion(tx, orgId);
  let c: Cursor = (raw as Cursor | null) ?? { kind: KINDS[0], after: null, version, pass: 1 };
  // The taxonomy changed since the job started: everything is analysed again, from the first text.
  if (c.version !== version) c = { kind: KINDS[0], after: null, version, pass: c.pass + 1 };
  // examined: the texts not at the current versions in this batch (the job's total counts those).
  const { last, scanned, examined, items } = await batch(tx, orgId, c);
  const analysed = await storeAnalyses(tx, items);
  const counts = { analysed };
  if (scanned === BATCH) return { cursor: { ...c, after: last }, examined, counts, finished: false };
  const next = KINDS[KINDS.indexOf(c.kind) + 1];
  if (next) return { cursor: { ...c, kind: next, after: null }, examined, counts, finished: false };
  // The end of a pass: once more from the start if a write raced a taxonomy change (bounded).
  const again = c.pass < MAX_PASSES && (await textsToAnalyse(tx, orgId)) > 0;
  return {
    cursor: again ? { kind: KINDS[0], after: null, version, pass: c.pass + 1 } : c,
    examined,
    counts,
    finished: !again,
  };
}

export const textAnalysisJob: JobHandler = {
  total: (orgId) => textsToAnalyse(db, orgId),
  step: (tx, job) => retagStep(tx, job.orgId, job.cursor),
  audit: { action: "text.analysed", entityType: "BackgroundJob" },
};
