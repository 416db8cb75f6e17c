// The JSON columns of SurveyQuestion (text, options, logic) as zod schemas, and the normalized question
// definition that answer validation and the public survey work with. A stored value that does not parse
// is treated as absent (no options, no logic) rather than failing a respondent's request.
import { z } from "zod";
import { METRIC_SCALES, type Metric } from "../metrics/categories";
import type { ShowIf } from "./logic";

export const QUESTION_TYPES = ["score", "single_choice", "multi_choice", "text", "yes_no"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Per-locale text: { "en": "…", "de": "…" }; a plain string is accepted as text in every locale. */
export const localizedTextSchema = z.union([z.string(), z.record(z.string(), z.string())]);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Choice options: [{ "key": "price", "label": { "en": "Price", "de": "Preis" } }, …]. Keys are what answers hold. */
export const optionsSchema = z.array(z.object({ key: z.string().min(1).max(100), label: localizedTextSchema }));
export type ChoiceOption = z.infer<typeof optionsSchema>[number];

const logicValue = z.union([z.number(), z.string(), z.boolean()]);
/** Skip logic; the shape and its meaning are documented in logic.ts. */
export const logicSchema = z.object({
  showIf: z
    .strictObject({
      question: z.string().min(1),
      in: z.array(logicValue).min(1).optional(),
      gte: z.number().optional(),
      lte: z.number().optional(),
    })
    .refine(
      (c) => c.in !== undefined || c.gte !== undefined || c.lte !== undefined,
      "Give at least one of in, gte, lte",
    ),
});

/** A question as stored (the columns answer validation needs). */
export type QuestionInput = {
  key: string;
  type: string;
  required?: boolean | null;
  headline?: boolean | null;
  scaleMin?: number | null;
  scaleMax?: number | null;
  text?: unknown;
  options?: unknown;
  logic?: unknown;
};

export type QuestionDef = {
  key: string;
  type: QuestionType;
  required: boolean;
  headline: boolean;
  /** score questions only: the accepted integer range. */
  scale: { min: number; max: number } | null;
  options: ChoiceOption[];
  showIf: ShowIf | null;
};

export function isMetric(type: string): type is Metric {
  return Object.hasOwn(METRIC_SCALES, type);
}

export function isQuestionType(type: string): type is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(type);
}

/**
 * Normalizes a stored question; null for a type this version does not know (it is then not offered and
 * answers to it are refused as unknown). The headline score question of an NPS/CSAT/CES survey always
 * uses the metric's own scale, so that the stored category can always be computed.
 */
export function toQuestionDef(q: QuestionInput, surveyType: string): QuestionDef | null {
  if (!isQuestionType(q.type)) return null;
  const headline = q.headline === true;
  let scale: QuestionDef["scale"] = null;
  if (q.type === "score") {
    scale =
      headline && isMetric(surveyType)
        ? { ...METRIC_SCALES[surveyType] }
        : { min: q.scaleMin ?? 0, max: q.scaleMax ?? 10 };
  }
  const options =
    q.type === "single_choice" || q.type === "multi_choice" ? (optionsSchema.safeParse(q.options).data ?? []) : [];
  const showIf = logicSchema.safeParse(q.logic).data?.showIf ?? null;
  return { key: q.key, type: q.type, required: q.required === true, headline, scale, options, showIf };
}

// The same question rows (a survey cached by survey-cache.ts) are parsed on every public request, several
// times: keep the result per rows array. Callers must not modify the definitions they get.
const parsed = new WeakMap<readonly QuestionInput[], Map<string, QuestionDef[]>>();

export function toQuestionDefs(questions: readonly QuestionInput[], surveyType: string): QuestionDef[] {
  const byType = parsed.get(questions) ?? new Map<string, QuestionDef[]>();
  let defs = byType.get(surveyType);
  if (!defs) {
    defs = questions.map((q) => toQuestionDef(q, surveyType)).filter((q): q is QuestionDef => q !== null);
    byType.set(surveyType, defs);
    parsed.set(questions, byType);
  }
  return defs;
}
