// Answers for reading: each stored answer with its question's text in the survey's default language and a
// display value (option labels instead of keys, Yes/No). Pure.
import { fromAnswerColumns } from "../surveys/answer-columns";
import { localizedText } from "../surveys/locale";
import { isQuestionType, optionsSchema } from "../surveys/question-schema";
import type { AnswerValue } from "../surveys/logic";

export type StoredAnswer = {
  valueNumber: number | null;
  valueText: string | null;
  valueChoice: unknown;
  question: { id: string; key: string; type: string; position: number; text: unknown; options: unknown };
};

export type ReadAnswer = {
  questionId: string;
  key: string;
  type: string;
  question: string;
  value: AnswerValue | null;
  display: string;
};

/** The display text of one value of a question (labels in `locale`). */
export function displayValue(type: string, value: AnswerValue | null, options: unknown, locale: string): string {
  if (value === null) return "";
  if (type === "yes_no") return value ? "Yes" : "No";
  if (type === "single_choice" || type === "multi_choice") {
    const labels = new Map(
      (optionsSchema.safeParse(options).data ?? []).map((o) => [o.key, localizedText(o.label, locale, locale)]),
    );
    const keys = Array.isArray(value) ? value : [String(value)];
    return keys.map((k) => labels.get(k) || k).join(", ");
  }
  return String(value);
}

/** A response's answers in question order, readable. */
export function readAnswers(answers: StoredAnswer[], locale: string): ReadAnswer[] {
  return [...answers]
    .sort((a, b) => a.question.position - b.question.position)
    .map((a) => {
      const q = a.question;
      const value = isQuestionType(q.type) ? fromAnswerColumns(q.type, a) : (a.valueText ?? a.valueNumber);
      return {
        questionId: q.id,
        key: q.key,
        type: q.type,
        question: localizedText(q.text, locale, locale) || q.key,
        value,
        display: displayValue(q.type, value, q.options, locale),
      };
    });
}
