// A short-lived, per-process cache of survey definitions for the respondent's side. Every public request
// (show the survey, CORS check, submit) needs the survey and its questions; at ingestion rates of hundreds
// per second re-reading them each time costs more than writing the response. Entries live FRESH_MS; a
// change made meanwhile on another instance is seen within that time, and the writes never depend on it
// alone: the ingestion batch re-checks each survey's status and version in its own transaction and hands a
// response whose survey changed back to the uncached path (ingest-batch.ts).
import { db } from "../db";

export const FRESH_MS = 2_000;
const MAX_ENTRIES = 2_000;

const liveQuestions = {
  where: { archivedAt: null },
  orderBy: [{ position: "asc" as const }, { createdAt: "asc" as const }],
};

function read(publicId: string) {
  return db.survey.findUnique({
    where: { publicId },
    include: { questions: liveQuestions, org: { select: { name: true } } },
  });
}
export type CachedSurvey = NonNullable<Awaited<ReturnType<typeof read>>>;

type Entry = { at: number; value: Promise<CachedSurvey | null> };
// One cache per process, kept on globalThis: the custom server's bundle (server/index.ts) and Next.js's
// bundle of the app routes each hold a copy of this module, and a change saved through one (builder.ts
// calls forgetSurvey) must be seen by the other at once.
const entries: Map<string, Entry> = ((
  globalThis as { __resonanceSurveyCache?: Map<string, Entry> }
).__resonanceSurveyCache ??= new Map());

/** The survey (any status) with its live questions and its organization's name; null when there is none. */
export function surveyByPublicId(publicId: string, opts: { fresh?: boolean } = {}): Promise<CachedSurvey | null> {
  const now = Date.now();
  const hit = entries.get(publicId);
  if (hit && !opts.fresh && now - hit.at < FRESH_MS) return hit.value;
  const value = read(publicId);
  entries.delete(publicId); // re-insert: the Map's order is the eviction order
  entries.set(publicId, { at: now, value });
  value.catch(() => entries.get(publicId)?.value === value && entries.delete(publicId)); // never cache a failure
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** Drops a survey from this process's cache (after a change made here, or when a batch found it stale). */
export function forgetSurvey(publicId: string): void {
  entries.delete(publicId);
}
