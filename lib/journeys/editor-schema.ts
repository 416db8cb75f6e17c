// zod for the journey editor (issue #6): stages, their blueprint lanes, touchpoints and their promise.
// Shared by the REST routes and the editor's forms, so a field's rule and message live in one place.
import { z } from "zod";
import { SERVQUAL_DIMENSIONS, TOUCHPOINT_KINDS } from "./schema";

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");
const name = (what: string) =>
  z.string().trim().min(1, `${what} is required`).max(120, `${what} is at most 120 characters`);
/** Free text that may be cleared: "" and null both store null. */
const clearable = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullable()
    .transform((v) => (v ? v : null));
const target = (min: number, max: number, label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .min(min, `${label} must be between ${min} and ${max}`)
    .max(max, `${label} must be between ${min} and ${max}`)
    .nullable();

export const BLUEPRINT_LANES = ["customerAction", "frontstage", "backstage", "supportSystems"] as const;
export type BlueprintLane = (typeof BLUEPRINT_LANES)[number];

const lanes = {
  customerAction: clearable(2000).optional(),
  frontstage: clearable(2000).optional(),
  backstage: clearable(2000).optional(),
  supportSystems: clearable(2000).optional(),
};

export const stageCreateSchema = z.object({
  name: name("Stage name"),
  description: clearable(2000).optional(),
  ...lanes,
});
export type StageCreate = z.infer<typeof stageCreateSchema>;

export const stageUpdateSchema = z
  .object({
    name: name("Stage name").optional(),
    description: clearable(2000).optional(),
    ...lanes,
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change" });
export type StageUpdate = z.infer<typeof stageUpdateSchema>;

export const stageOrderSchema = z.object({ stageIds: z.array(id).min(1, "List every stage of the journey").max(100) });
export type StageOrder = z.infer<typeof stageOrderSchema>;

const promiseFields = {
  name: name("Touchpoint name"),
  description: clearable(2000).optional(),
  kind: z.enum(TOUCHPOINT_KINDS, { error: "Choose digital, human or physical" }),
  channelId: id.nullable().optional(),
  promise: clearable(500).optional(),
  targetCsat: target(1, 5, "Target CSAT").optional(),
  targetCes: target(1, 7, "Target CES").optional(),
  targetNps: target(-100, 100, "Target NPS").optional(),
  servqualDimension: z.enum(SERVQUAL_DIMENSIONS, { error: "Choose a SERVQUAL dimension" }).nullable().optional(),
  /** The unit it belongs to ("Store 42 · checkout"): its answers and interactions are attributed there. */
  unitId: id.nullable().optional(),
};

export const touchpointCreateSchema = z.object({ stageId: id, ...promiseFields });
export type TouchpointCreate = z.infer<typeof touchpointCreateSchema>;

export const touchpointUpdateSchema = z
  .object({
    ...promiseFields,
    name: promiseFields.name.optional(),
    kind: promiseFields.kind.optional(),
    /** Move to another stage of the same journey. */
    stageId: id.optional(),
    /** Index among the stage's active touchpoints (0 = first); beyond the end means last. */
    position: z
      .number()
      .int("Position must be a whole number")
      .min(0, "Position must be 0 or more")
      .max(1000)
      .optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change" });
export type TouchpointUpdate = z.infer<typeof touchpointUpdateSchema>;
