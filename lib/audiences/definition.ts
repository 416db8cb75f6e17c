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

/** A stored definition read back; one that no longer parses (never written by this code) matches no one. */
export function storedDefinition(json: unknown): AudienceDefinition | null {
  const parsed = definitionSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
