// zod schemas of the survey builder (/api/v1/surveys writes), shared by the routes and the editor's forms.
// Shape only: the rules that need the whole question list or the stored survey (unique keys, skip logic
// pointing to an earlier question, texts in every language, answered questions locked) are in builder-rules.ts.
import { z } from "zod";
import { SERVQUAL_DIMENSIONS } from "../journeys/schema";
import { logicSchema, QUESTION_TYPES } from "./question-schema";
import { normalizeLocale } from "./locale";
import { normalizeOrigin } from "./settings";

export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 20;
export const MAX_LANGUAGES = 10;
export const SURVEY_TEMPLATES = ["nps", "csat", "ces", "servqual", "custom"] as const;
export const SERVQUAL_ROLES = ["expectation", "perception"] as const;

const KEY_RE = /^[a-z][a-z0-9_]*$/;
const keyField = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(50)
    .regex(KEY_RE, `${what}: lower-case letters, digits and _ , starting with a letter`);

export const localeTag = z
  .string()
  .max(35)
  .transform(
    (v, ctx) =>
      normalizeLocale(v) ?? (ctx.addIssue({ code: "custom", message: "Not a language tag (e.g. en, de-CH)" }), z.NEVER),
  );

/** { "en": "…", "de": "…" } — whether every survey language is there is checked by the rules. */
const texts = (max: number) => z.record(z.string().max(35), z.string().trim().max(max, `At most ${max} characters`));

export const questionDraftSchema = z.object({
  /** An existing question's id (kept, so that its answers stay attached); absent for a new question. */
  id: z.string().min(1).max(64).optional(),
  key: keyField("Key"),
  type: z.enum(QUESTION_TYPES),
  required: z.boolean().default(false),
  headline: z.boolean().default(false),
  scaleMin: z.int().min(-100).max(100).nullable().default(null),
  scaleMax: z.int().min(-100).max(100).nullable().default(null),
  text: texts(500),
  options: z
    .array(z.object({ key: keyField("Option key"), label: texts(200) }))
    .max(MAX_OPTIONS)
    .default([]),
  showIf: logicSchema.shape.showIf.nullable().default(null),
  servqualDimension: z.enum(SERVQUAL_DIMENSIONS).nullable().default(null),
  servqualRole: z.enum(SERVQUAL_ROLES).nullable().default(null),
});
export type QuestionDraft = z.output<typeof questionDraftSchema>;

export const questionsReplaceSchema = z.object({
  questions: z.array(questionDraftSchema).max(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} questions`),
});
export type QuestionsReplace = z.output<typeof questionsReplaceSchema>;

const languagesField = z
  .array(localeTag)
  .min(1, "Pick at least one language")
  .max(MAX_LANGUAGES)
  .refine((l) => new Set(l).size === l.length, "A language is listed twice");

const nameField = z.string().trim().min(1, "Name is required").max(120);

export const surveyCreateSchema = z
  .object({
    name: nameField,
    template: z.enum(SURVEY_TEMPLATES),
    touchpointId: z.string().min(1).max(64).nullable().optional(),
    languages: languagesField.default(["en"]),
    defaultLocale: localeTag.optional(),
  })
  .transform((v, ctx) => {
    const defaultLocale = v.defaultLocale ?? v.languages[0];
    if (!v.languages.includes(defaultLocale))
      ctx.addIssue({
        code: "custom",
        path: ["defaultLocale"],
        message: "The default language must be one of the survey's languages",
      });
    return { ...v, defaultLocale };
  });
export type SurveyCreate = z.output<typeof surveyCreateSchema>;

const origin = z
  .string()
  .max(300)
  .transform(
    (v, ctx) =>
      normalizeOrigin(v.trim()) ??
      (ctx.addIssue({ code: "custom", message: "Not a site origin (e.g. https://www.example.com)" }), z.NEVER),
  );

/**
 * The snippet's options (docs/surveys.md, "Widget on your own site"); stored so the editor shows the same snippet
 * again.
 */
export const widgetSettingsSchema = z.object({
  trigger: z.enum(["load", "delay", "manual"]).default("load"),
  delaySeconds: z.int().min(0).max(3600).default(5),
  throttleDays: z.int().min(0).max(365).default(30),
  samplePercent: z.int().min(1).max(100).default(100),
  position: z.enum(["bottom-right", "bottom-left", "center"]).default("bottom-right"),
});
export type WidgetSettings = z.output<typeof widgetSettingsSchema>;

/** Distribution settings: what settings.ts reads (allowedOrigins, rateLimit) plus the widget snippet's options. */
export const distributionSchema = z.object({
  allowedOrigins: z.array(origin).max(100).optional(),
  rateLimit: z
    .object({
      perClientPerMinute: z.int().min(1).max(1_000_000).optional(),
      perSurveyPerMinute: z.int().min(1).max(1_000_000).optional(),
    })
    .optional(),
  widget: widgetSettingsSchema.optional(),
});
export type Distribution = z.output<typeof distributionSchema>;

export const surveyUpdateSchema = z
  .object({
    name: nameField.optional(),
    touchpointId: z.string().min(1).max(64).nullable().optional(),
    languages: languagesField.optional(),
    defaultLocale: localeTag.optional(),
    settings: distributionSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Nothing to change", path: ["body"] });
export type SurveyUpdate = z.output<typeof surveyUpdateSchema>;
