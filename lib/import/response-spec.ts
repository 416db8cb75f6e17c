// The columns of a survey-responses CSV for one survey: the fixed ones (client id, submitted at, customer,
// touchpoint, channel, locale, completed) and one per live question, `answers.<key>`. Pure (no I/O) so the
// import screen builds the same spec from the survey the page loaded. The header spellings include the columns
// of our own response export (GET /api/v1/exports/responses?surveyId=…: `id`, `submittedAt`, `customerEmail`,
// one column per question titled with its text, or "text (key)"), so an export maps itself.
import type { MappingSpec } from "./mapping";

export const RESPONSE_BASE_FIELDS = [
  "clientId",
  "submittedAt",
  "customer",
  "touchpoint",
  "channel",
  "locale",
  "completed",
] as const;

/** A question as the mapping sees it: its key and its text in the survey's default language. */
export type QuestionColumn = { key: string; title: string };

export const answerField = (key: string) => `answers.${key}`;
export const ANSWER_FIELD = /^answers\.(.+)$/s;

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
// Columns our export derives from the answers (RESPONSE_COLUMNS in lib/responses/export.ts): a question keyed
// "comment" or "score" must not take them in place of its own column (the comment is only the first text answer).
const DERIVED = new Set([
  "survey",
  "customerid",
  "customername",
  "metric",
  "score",
  "category",
  "comment",
  "sentiment",
  "sentimentlabel",
  "themes",
]);

export function responseSpec(questions: readonly QuestionColumn[]): MappingSpec {
  const labels: Record<string, string> = {
    clientId: "Client id",
    submittedAt: "Submitted at",
    customer: "Customer",
    touchpoint: "Touchpoint",
    channel: "Channel",
    locale: "Locale",
    completed: "Completed",
  };
  const synonyms: Record<string, string[]> = {
    clientId: ["clientid", "id", "responseid", "idempotencykey"],
    submittedAt: ["submittedat", "submitted", "date", "datetime", "timestamp", "time", "when", "createdat"],
    // Not "customerid": in an export that is our internal id, unknown to any other organization.
    customer: ["customer", "customeremail", "email", "externalid", "customerexternalid"],
    touchpoint: ["touchpoint", "touchpointid", "touchpointname"],
    channel: ["channel", "channelkey", "channelname"],
    locale: ["locale", "language", "lang"],
    completed: ["completed", "complete"],
  };
  for (const q of questions) {
    const field = answerField(q.key);
    // The key first: a long question text is cut off in a narrow select.
    const label = q.title && q.title !== q.key ? `Answer ${q.key}: ${q.title}` : `Answer ${q.key}`;
    labels[field] = label.length > 70 ? `${label.slice(0, 69)}…` : label;
    synonyms[field] = [
      ...new Set(
        [DERIVED.has(squash(q.key)) ? "" : q.key, field, q.title, `${q.title} (${q.key})`].map(squash).filter(Boolean),
      ),
    ];
  }
  return {
    fields: [...RESPONSE_BASE_FIELDS, ...questions.map((q) => answerField(q.key))],
    labels,
    synonyms,
    required: ["submittedAt"],
    attributes: false,
    requiredWhy: "every response needs the time it was submitted",
  };
}
