// The audience definition language (docs/distribution.md, "Audiences"): a list of criteria that must all hold
// (AND), each negatable. Stored as JSON on Audience.definition and evaluated at query time (compile.ts), so a
// live audience always means "who matches now".
import { z } from "zod";
import { OUTCOMES } from "../interactions/schema";

const id = z
  .string()
  .min(1, "Choose one")
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");
const negate = z.boolean().optional().describe("Match the customers for whom this criterion does NOT hold.");
const days = z.coerce
  .number({ error: "Enter a number of days" })
  .int("Enter a whole number of days")
  .min(1, "At least 1 day")
  .max(3650, "At most 3650 days (10 years)");

/** An attribute key as customers carry them (lib/customers/schema.ts); no quotes or backslashes (JSON path). */
const attributeKey = z
  .string()
  .trim()
  .min(1, "Name the attribute")
  .max(100)
  .regex(/^[^"\\]+$/, "An attribute name cannot contain quotes or backslashes");
const attributeValue = z.union([z.string().max(1000), z.number(), z.boolean()]);

/** The type an attribute's values are compared as: text, a number or yes/no (a JSON boolean). */
export const VALUE_TYPES = ["text", "number", "boolean"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
const JSON_TYPE: Record<ValueType, string> = { text: "string", number: "number", boolean: "boolean" };
const TYPE_MISMATCH: Record<ValueType, string> = {
  text: "Enter text",
  number: "Enter a number",
  boolean: "Choose yes or no",
};

export const NPS_CATEGORIES = ["promoter", "passive", "detractor"] as const;
export const CONSENT_STATES = ["given", "refused", "not_asked"] as const;

const tags = z.object({
  type: z.literal("tags"),
  match: z.enum(["any", "all"]).default("any"),
  tags: z
    .array(z.string().trim().min(1).max(40))
    .min(1, "Add at least one tag")
    .max(20)
    .transform((t) => [...new Set(t)]),
  negate,
});

const attribute = z
  .object({
    type: z.literal("attribute"),
    key: attributeKey,
    op: z.enum(["equals", "in", "range"]),
    valueType: z
      .enum(VALUE_TYPES)
      .optional()
      .describe(
        'The type of `value` / `values` (the builder always names it). Each value must be of it: "01234" as text stays text.',
      ),
    value: attributeValue.optional(),
    values: z.array(attributeValue).max(50).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    negate,
  })
  .superRefine((c, issue) => {
    if (c.op === "equals" && c.value === undefined)
      issue.addIssue({ code: "custom", path: ["value"], message: "Enter the value" });
    if (c.op === "in" && !c.values?.length)
      issue.addIssue({ code: "custom", path: ["values"], message: "Enter at least one value" });
    if (c.valueType && c.op !== "range") {
      const want = JSON_TYPE[c.valueType];
      if (c.op === "equals" && c.value !== undefined && typeof c.value !== want)
        issue.addIssue({ code: "custom", path: ["value"], message: TYPE_MISMATCH[c.valueType] });
      if (c.op === "in")
        (c.values ?? []).forEach((v, i) => {
          if (typeof v !== want)
            issue.addIssue({ code: "custom", path: ["values", i], message: TYPE_MISMATCH[c.valueType!] });
        });
    }
    if (c.op === "range" && c.valueType && c.valueType !== "number")
      issue.addIssue({ code: "custom", path: ["valueType"], message: "A range compares numbers" });
    if (c.op === "range") {
      if (c.min === undefined && c.max === undefined)
        issue.addIssue({ code: "custom", path: ["min"], message: "Enter a minimum, a maximum or both" });
      if (c.min !== undefined && c.max !== undefined && c.min > c.max)
        issue.addIssue({ code: "custom", path: ["max"], message: "The maximum is below the minimum" });
    }
  });

const language = z.object({
  type: z.literal("language"),
  languages: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, "A language code such as en, de or pt-br"),
    )
    .min(1, "Add at least one language")
    .max(20),
  negate,
});

const consent = z.object({
  type: z.literal("consent"),
  // each state at most once: the list compiles to one OR term per entry
  states: z
    .array(z.enum(CONSENT_STATES))
    .min(1, "Choose at least one consent state")
    .max(CONSENT_STATES.length)
    .transform((xs) => [...new Set(xs)]),
  negate,
});

const interaction = z.object({
  type: z.literal("interaction"),
  touchpointId: id.optional().describe("Any touchpoint when absent."),
  outcome: z.enum(OUTCOMES).optional(),
  days,
  negate,
});

const lastNps = z.object({
  type: z.literal("lastNps"),
  categories: z
    .array(z.enum(NPS_CATEGORIES))
    .min(1, "Choose at least one category")
    .max(NPS_CATEGORIES.length)
    .transform((xs) => [...new Set(xs)]),
  negate,
});

const journey = z.object({
  type: z.literal("journey"),
  journeyId: id,
  days: days.optional().describe("Only interactions and responses of the last N days; all time when absent."),
  negate,
});

export const criterionSchema = z.discriminatedUnion("type", [
  tags,
  attribute,
  language,
  consent,
  interaction,
  lastNps,
  journey,
]);
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionType = Criterion["type"];

export const definitionSchema = z.object({
  criteria: z.array(criterionSchema).max(20, "At most 20 criteria").default([]),
});
export type AudienceDefinition = z.infer<typeof definitionSchema>;

/** What is wrong with a stored definition that no longer parses: each problem named by its path in the JSON. */
export type DefinitionProblem = { name: string; reason: string };

/**
 * A stored definition read back. One that no longer parses (a schema change, a hand-edited row) is never read as
 * "no criteria" — that would be every customer: `definition` is null, which matches NO customer wherever the
 * audience is used (lib/audiences/compile.ts), and `problems` says what is wrong, for the list, the editor and the API.
 */
export function readStoredDefinition(
  json: unknown,
): { definition: AudienceDefinition; problems: null } | { definition: null; problems: DefinitionProblem[] } {
  const parsed = definitionSchema.safeParse(json);
  if (parsed.success) return { definition: parsed.data, problems: null };
  return {
    definition: null,
    problems: parsed.error.issues.slice(0, 20).map((i) => ({
      name: ["definition", ...i.path.map(String)].join("."),
      reason: i.message,
    })),
  };
}
