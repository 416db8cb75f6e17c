// Skip logic, shared by the server (answer validation) and the hosted form (which questions to show).
// Pure and dependency-free on purpose: it ships in the respondent's browser bundle.
//
// The one JSON shape, stored in SurveyQuestion.logic (validated by `logicSchema` in question-schema.ts):
//
//   { "showIf": { "question": "nps", "in": [0, 1, 2, 3, 4, 5, 6] } }   answer is one of the values
//   { "showIf": { "question": "nps", "lte": 6 } }                      numeric answer ≤ 6
//   { "showIf": { "question": "nps", "gte": 7, "lte": 8 } }            every operator given must hold
//   { "showIf": { "question": "topics", "in": ["price"] } }            multi_choice: any selected option is listed
//   { "showIf": { "question": "renew", "in": [true] } }                yes_no
//
// `question` names an EARLIER question's key. A question is shown only when that question is itself shown
// and answered and the answer matches; a hidden question is never required, and an answer to it is rejected.

export type AnswerValue = number | string | boolean | string[];
export type ShowIf = { question: string; in?: Array<number | string | boolean>; gte?: number; lte?: number };

export function conditionHolds(cond: ShowIf, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (cond.in !== undefined) {
    const list = cond.in;
    const ok = Array.isArray(value) ? value.some((v) => list.includes(v)) : list.includes(value);
    if (!ok) return false;
  }
  if (cond.gte !== undefined && !(typeof value === "number" && value >= cond.gte)) return false;
  if (cond.lte !== undefined && !(typeof value === "number" && value <= cond.lte)) return false;
  return true;
}

/**
 * The keys of the questions shown for the given answers, walking the questions in order so that chains
 * (C depends on B which depends on A) resolve, and answers to hidden questions never unlock others.
 */
export function visibleKeys(
  questions: ReadonlyArray<{ key: string; showIf?: ShowIf | null }>,
  answers: ReadonlyMap<string, AnswerValue> | Readonly<Record<string, AnswerValue | undefined>>,
): Set<string> {
  const get = (k: string) =>
    answers instanceof Map
      ? answers.get(k)
      : Object.hasOwn(answers, k)
        ? (answers as Record<string, AnswerValue | undefined>)[k]
        : undefined;
  const shown = new Set<string>();
  for (const q of questions) {
    if (!q.showIf || (shown.has(q.showIf.question) && conditionHolds(q.showIf, get(q.showIf.question))))
      shown.add(q.key);
  }
  return shown;
}
