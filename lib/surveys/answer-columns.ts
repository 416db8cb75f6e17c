// How an answer value maps onto the Answer columns, and back. score → valueNumber; yes_no → valueNumber
// 1/0 (so that the share of "yes" is a plain AVG in either database); text → valueText; single_choice →
// valueChoice "key"; multi_choice → valueChoice ["key", …] in option order.
import type { AnswerValue } from "./logic";
import type { QuestionType } from "./question-schema";

export type AnswerColumns = {
  valueNumber: number | null;
  valueText: string | null;
  valueChoice: string | string[] | null;
};

export function toAnswerColumns(type: QuestionType, value: AnswerValue): AnswerColumns {
  const none: AnswerColumns = { valueNumber: null, valueText: null, valueChoice: null };
  switch (type) {
    case "score":
      return { ...none, valueNumber: value as number };
    case "yes_no":
      return { ...none, valueNumber: value ? 1 : 0 };
    case "text":
      return { ...none, valueText: value as string };
    case "single_choice":
      return { ...none, valueChoice: value as string };
    case "multi_choice":
      return { ...none, valueChoice: value as string[] };
  }
}

/** The stored value of an answer; null when the row does not hold a value of the question's type. */
export function fromAnswerColumns(
  type: QuestionType,
  row: { valueNumber: number | null; valueText: string | null; valueChoice: unknown },
): AnswerValue | null {
  switch (type) {
    case "score":
      return row.valueNumber;
    case "yes_no":
      return row.valueNumber === null ? null : row.valueNumber !== 0;
    case "text":
      return row.valueText;
    case "single_choice":
      return typeof row.valueChoice === "string" ? row.valueChoice : null;
    case "multi_choice":
      return Array.isArray(row.valueChoice) && row.valueChoice.every((v) => typeof v === "string")
        ? row.valueChoice
        : null;
  }
}

export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
