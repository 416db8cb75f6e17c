// Analysing history (docs/text-analytics.md, "Analysing history"): a background job (lib/jobs/runner.ts) that analyses
// every free-text answer, then every interaction note, of an organization that has no analysis at the current
// analyser and taxonomy versions — texts written before text analytics existed, while it was off
// (TEXT_ANALYTICS=off), or before the last change of the taxonomy. Each batch is one transaction under the job's
// lease: it replaces the batch's analyses and advances the cursor together, so a batch is never done twice and a
// killed job resumes from its cursor. Only texts not yet at the current versions are selected, so running it again
// redoes nothing. A taxonomy change during the job restarts it from the first text (with the new version); at the end
// one more pass picks up texts a write analysed with the old version while the change was being committed.
import { db, Prisma, type Db } from "../db";
import type { JobHandler, StepResult } from "../jobs/types";
import { ANALYSER_VERSION, interactionItems, responseItems, storeAnalyses } from "./store";
import { taxonomyVersion } from "./taxonomy";

type Tx = Prisma.TransactionClient;
const KINDS = ["answer", "note"] as const;
type Kind = (typeof KINDS)[number];
type Cursor = { kind: Kind; after: string | null; version: number; pass: number };
const BATCH = 500;
/** Passes over the history at most (the first, and sweeps for texts written during a change). */
const MAX_PASSES = 3;

export const TEXT_ANALYSIS_JOB = "text-analysis";

/** Texts without an analysis at these versions. */
const notCurrent = (version: number) => ({
  NOT: { textAnalysis: { is: { analyserVersion: ANALYSER_VERSION, taxonomyVersion: version } } },
});
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

async function batch(tx: Tx, orgId: string, c: Cursor) {
  const after = c.after ? { id: { gt: c.after } } : {};
  const page = { orderBy: { id: "asc" as const }, take: BATCH };
  if (c.kind === "answer") {
    const rows = await tx.answer.findMany({
      ...page,
      where: { ...staleAnswers(orgId, c.version), ...after },
      select: {
        id: true,
        responseId: true,
        valueText: true,
        response: { select: { id: true, orgId: true, locale: true, comment: true, submittedAt: true } },
      },
    });
    const ids = rows.map((r) => r.id);
    if (ids.length) await tx.textAnalysis.deleteMany({ where: { answerId: { in: ids } } });
    return {
      last: rows.at(-1)?.id ?? null,
      count: rows.length,
      items: responseItems(
        rows.map((r) => r.response),
        rows,
      ),
    };
  }
  const rows = await tx.interaction.findMany({
    ...page,
    where: { ...staleNotes(orgId, c.version), ...after },
    select: { id: true, orgId: true, note: true, occurredAt: true },
  });
  const ids = rows.map((r) => r.id);
  if (ids.length) await tx.textAnalysis.deleteMany({ where: { interactionId: { in: ids } } });
  return { last: rows.at(-1)?.id ?? null, count: rows.length, items: interactionItems(rows) };
}

export async function retagStep(tx: Tx, orgId: string, raw: unknown): Promise<StepResult> {
  const version = await taxonomyVersion(tx, orgId);
  let c: Cursor = (raw as Cursor | null) ?? { kind: KINDS[0], after: null, version, pass: 1 };
  // The taxonomy changed since the job started: everything is analysed again, from the first text.
  if (c.version !== version) c = { kind: KINDS[0], after: null, version, pass: c.pass + 1 };
  const { last, count, items } = await batch(tx, orgId, c);
  const analysed = await storeAnalyses(tx, items);
  const counts = { analysed };
  if (count === BATCH) return { cursor: { ...c, after: last }, examined: count, counts, finished: false };
  const next = KINDS[KINDS.indexOf(c.kind) + 1];
  if (next) return { cursor: { ...c, kind: next, after: null }, examined: count, counts, finished: false };
  // The end of a pass: once more from the start if a write raced a taxonomy change (bounded).
  const again = c.pass < MAX_PASSES && (await textsToAnalyse(tx, orgId)) > 0;
  return {
    cursor: again ? { kind: KINDS[0], after: null, version, pass: c.pass + 1 } : c,
    examined: count,
    counts,
    finished: !again,
  };
}

export const textAnalysisJob: JobHandler = {
  total: (orgId) => textsToAnalyse(db, orgId),
  step: (tx, job) => retagStep(tx, job.orgId, job.cursor),
  audit: { action: "text.analysed", entityType: "BackgroundJob" },
};
