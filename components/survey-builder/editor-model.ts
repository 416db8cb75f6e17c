// The editor's question state and the pure helpers around it: new questions per type, moving, and the
// conversion to what the API takes and to what the respondent's form (components/survey-form) renders.
import type { SurveyDetail } from "@/lib/surveys/builder";
import type { QuestionDraft } from "@/lib/surveys/builder-schema";
import type { PublicQuestion } from "@/lib/surveys/public-service";
import type { QuestionType } from "@/lib/surveys/question-schema";
import { localizedText } from "@/lib/surveys/locale";
import { uiText } from "@/lib/surveys/ui-text";

export type EditorQuestion = QuestionDraft & {
  uid: string;
  locked: boolean;
  answerCount: number;
  lockedOptionKeys: string[];
};

let counter = 0;
const nextUid = () => `u${++counter}`;

export function fromDetail(s: SurveyDetail): EditorQuestion[] {
  return s.questions.map(({ answerCount, locked, ...q }) => ({
    ...q,
    uid: q.id ?? nextUid(),
    locked,
    answerCount,
    lockedOptionKeys: locked ? q.options.map((o) => o.key) : [],
  }));
}

const blank = (languages: readonly string[]) => Object.fromEntries(languages.map((l) => [l, ""]));

export function newQuestion(
  type: QuestionType,
  existing: readonly EditorQuestion[],
  languages: readonly string[],
): EditorQuestion {
  const taken = new Set(existing.map((q) => q.key));
  let n = existing.length + 1;
  while (taken.has(`q${n}`)) n++;
  const choice = type === "single_choice" || type === "multi_choice";
  return {
    uid: nextUid(),
    locked: false,
    answerCount: 0,
    lockedOptionKeys: [],
    key: `q${n}`,
    type,
    required: false,
    headline: false,
    scaleMin: type === "score" ? 1 : null,
    scaleMax: type === "score" ? 5 : null,
    text: blank(languages),
    options: choice ? [1, 2].map((i) => ({ key: `option_${i}`, label: blank(languages) })) : [],
    showIf: null,
    servqualDimension: null,
    servqualRole: null,
  };
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** The body of PUT /api/v1/surveys/:id/questions. */
export function toRequest(questions: readonly EditorQuestion[]): QuestionDraft[] {
  return questions.map(({ uid: _u, locked: _l, answerCount: _a, lockedOptionKeys: _k, ...q }) => q);
}

/** The questions as the hosted form gets them from the public service, in one language. */
export function toPublicQuestions(
  questions: readonly EditorQuestion[],
  surveyType: string,
  locale: string,
  defaultLocale: string,
): PublicQuestion[] {
  const ends = uiText(locale).scale;
  return questions.map((q) => {
    const out: PublicQuestion = {
      key: q.key,
      type: q.type,
      required: q.required,
      headline: q.headline,
      text: localizedText(q.text, locale, defaultLocale) || "…",
    };
    if (q.type === "score") {
      const metricEnds =
        q.headline && (surveyType === "nps" || surveyType === "csat" || surveyType === "ces") ? ends[surveyType] : null;
      out.scale = {
        min: q.scaleMin ?? 0,
        max: q.scaleMax ?? 10,
        minLabel: metricEnds?.[0] ?? null,
        maxLabel: metricEnds?.[1] ?? null,
      };
    }
    if (q.type === "single_choice" || q.type === "multi_choice")
      out.options = q.options.map((o) => ({
        key: o.key,
        label: localizedText(o.label, locale, defaultLocale) || o.key,
      }));
    if (q.showIf) out.showIf = q.showIf;
    return out;
  });
}
