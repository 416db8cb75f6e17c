// Answer validation and the headline of a response, pure (no I/O): used by the public service before
// anything is stored, and exhaustively unit tested (answers.test.ts).
//
// Rules
// - answers are keyed by question key; a key that names no (active, known) question is refused;
// - score: an integer within the question's scale; single_choice: one option key; multi_choice: a list of
//   distinct option keys (stored in option order); yes_no: true/false; text: at most 5,000 characters
//   (trimmed; an empty text is "no answer");
// - null (or an empty text / empty list) means "no answer": on a later submit it clears an earlier answer;
// - skip logic (logic.ts): an answer to a question hidden by the answers given is refused; an earlier
//   stored answer that the new answers hide is dropped;
// - required questions are enforced only when the response is marked complete, and only when shown;
// - the resulting set of answers must not be empty.
import { cesCategory, csatCategory, npsCategory, type Metric } from "../metrics/categories";
import { visibleKeys, type AnswerValue } from "./logic";
import { TEXT_MAX_LENGTH } from "./limits";
import { isMetric, toQuestionDefs, type QuestionDef, type QuestionInput } from "./question-schema";

export { TEXT_MAX_LENGTH };
export const MAX_ANSWER_KEYS = 200;

export type AnswerIssueCode =
  | "invalid"
  | "empty"
  | "unknown_question"
  | "wrong_type"
  | "out_of_range"
  | "unknown_option"
  | "duplicate_option"
  | "too_long"
  | "hidden"
  | "required";

/** One refused answer; `name` is "answers.<key>" (or "answers" for the object as a whole). */
export type AnswerIssue = { name: string; key: string | null; code: AnswerIssueCode; reason: string };

export type SurveyShape = { type: string; questions: readonly QuestionInput[] };
export type Answers = Record<string, AnswerValue>;
export type ValidationResult = { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] };

type Coerced = { value: AnswerValue } | { clear: true } | { code: AnswerIssueCode; reason: string };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function coerce(q: QuestionDef, raw: unknown): Coerced {
  if (raw === null) return { clear: true };
  switch (q.type) {
    case "score": {
      const { min, max } = q.scale!;
      if (typeof raw !== "number" || !Number.isInteger(raw))
        return { code: "wrong_type", reason: `Expected a whole number from ${min} to ${max}` };
      if (raw < min || raw > max) return { code: "out_of_range", reason: `Must be from ${min} to ${max}` };
      return { value: raw };
    }
    case "yes_no":
      return typeof raw === "boolean" ? { value: raw } : { code: "wrong_type", reason: "Expected true or false" };
    case "text": {
      if (typeof raw !== "string") return { code: "wrong_type", reason: "Expected text" };
      const text = raw.trim();
      if (!text) return { clear: true };
      if (text.length > TEXT_MAX_LENGTH) return { code: "too_long", reason: `At most ${TEXT_MAX_LENGTH} characters` };
      return { value: text };
    }
    case "single_choice": {
      if (typeof raw !== "string") return { code: "wrong_type", reason: "Expected one option key" };
      return q.options.some((o) => o.key === raw)
        ? { value: raw }
        : { code: "unknown_option", reason: `Not an option of this question: ${raw.slice(0, 100)}` };
    }
    case "multi_choice": {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== "string"))
        return { code: "wrong_type", reason: "Expected a list of option keys" };
      if (raw.length === 0) return { clear: true };
      if (new Set(raw).size !== raw.length)
        return { code: "duplicate_option", reason: "Each option may be chosen once" };
      const unknown = raw.find((k) => !q.options.some((o) => o.key === k));
      if (unknown !== undefined)
        return { code: "unknown_option", reason: `Not an option of this question: ${String(unknown).slice(0, 100)}` };
      return { value: q.options.map((o) => o.key).filter((k) => raw.includes(k)) };
    }
  }
}

export type ValidateOptions = {
  /** The respondent marks the response complete: required (shown) questions must then be answered. */
  complete: boolean;
  /** Answers already stored for this response (a partial response being continued). */
  previous?: Answers;
};

/**
 * Validates submitted answers against a survey's questions and returns the response's full set of
 * answers after merging them into `previous`, or every issue found (never throws).
 */
export function validateAnswers(survey: SurveyShape, submitted: unknown, opts: ValidateOptions): ValidationResult {
  const defs = toQuestionDefs(survey.questions, survey.type);
  const byKey = new Map(defs.map((q) => [q.key, q]));
  const issues: AnswerIssue[] = [];
  const issue = (key: string | null, code: AnswerIssueCode, reason: string) =>
    issues.push({ name: key === null ? "answers" : `answers.${key}`, key, code, reason });

  if (!isPlainObject(submitted)) {
    issue(null, "invalid", "Expected an object of answers keyed by question key");
    return { ok: false, issues };
  }
  const entries = Object.entries(submitted);
  if (entries.length > MAX_ANSWER_KEYS) {
    issue(null, "invalid", `At most ${MAX_ANSWER_KEYS} answers`);
    return { ok: false, issues };
  }

  const given = new Map<string, AnswerValue | null>(); // null: cleared
  const failed = new Set<string>();
  for (const [key, raw] of entries) {
    const q = byKey.get(key);
    if (!q) {
      issue(key, "unknown_question", "This survey has no such question");
      continue;
    }
    const result = coerce(q, raw);
    if ("code" in result) {
      issue(key, result.code, result.reason);
      failed.add(key);
    } else given.set(key, "clear" in result ? null : result.value);
  }

  const merged = new Map<string, AnswerValue>();
  for (const [key, value] of Object.entries(opts.previous ?? {})) if (byKey.has(key)) merged.set(key, value);
  for (const [key, value] of given) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }

  const shown = visibleKeys(defs, merged);
  for (const q of defs) {
    if (!shown.has(q.key)) {
      if (given.get(q.key) != null)
        issue(q.key, "hidden", "Not asked for the answers given (skip logic); leave it out");
      merged.delete(q.key);
    } else if (opts.complete && q.required && !merged.has(q.key) && !failed.has(q.key)) {
      issue(q.key, "required", "Required to complete the response");
    }
  }
  if (issues.length === 0 && merged.size === 0) issue(null, "empty", "Answer at least one question");
  if (issues.length > 0) {
    // An issue with the answers object first, then in question order, unknown keys last.
    const order = (i: AnswerIssue) =>
      i.key === null ? -1 : defs.findIndex((q) => q.key === i.key) + 1 || defs.length + 1;
    return { ok: false, issues: issues.sort((a, b) => order(a) - order(b)) };
  }
  const answers: Answers = {};
  for (const q of defs) if (merged.has(q.key)) answers[q.key] = merged.get(q.key)!;
  return { ok: true, answers };
}

export type Headline = {
  metric: Metric | null;
  score: number | null;
  category: string | null;
  comment: string | null;
  hasComment: boolean;
};

const CATEGORY: Record<Metric, (score: number) => string> = { nps: npsCategory, csat: csatCategory, ces: cesCategory };

/**
 * What is stored on the Response for aggregation: the metric of an NPS/CSAT/CES survey with the score of
 * its headline question and that score's category (lib/metrics/categories.ts), and the comment — the
 * answer of the first text question that has one (so alternative follow-ups behind skip logic both count).
 * metric, score and category are all null until the headline question is answered.
 */
export function computeHeadline(survey: SurveyShape, answers: Answers): Headline {
  const defs = toQuestionDefs(survey.questions, survey.type);
  const headline = defs.find((q) => q.headline && q.type === "score");
  const value = headline && Object.hasOwn(answers, headline.key) ? answers[headline.key] : undefined;
  let scored: Pick<Headline, "metric" | "score" | "category"> = { metric: null, score: null, category: null };
  if (isMetric(survey.type) && typeof value === "number") {
    try {
      scored = { metric: survey.type, score: value, category: CATEGORY[survey.type](value) };
    } catch {
      // Not on the metric's scale: cannot happen after validateAnswers; store no headline rather than fail.
    }
  }
  const textQ = defs.find(
    (q) => q.type === "text" && Object.hasOwn(answers, q.key) && typeof answers[q.key] === "string",
  );
  const comment = textQ ? (answers[textQ.key] as string) : null;
  return { ...scored, comment, hasComment: comment !== null };
}
