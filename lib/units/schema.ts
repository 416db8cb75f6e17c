import { z } from "zod";

/** Tree limits (docs/hierarchy.md, "Editing the tree"). */
export const MAX_UNITS = 5_000;
/** Depth 0 is a top-level unit: at most 12 levels. */
export const MAX_DEPTH = 11;

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const CODE_RULE = "Letters, digits, '.', '-' and '_', starting with a letter or digit";

export const unitCode = z
  .string()
  .trim()
  .min(1, "Give the unit a code")
  .max(64, "At most 64 characters")
  .regex(CODE_PATTERN, CODE_RULE);
export const unitName = z.string().trim().min(1, "Name the unit").max(120, "At most 120 characters");
/** A free label for the level (region, store, team …); empty = none. */
export const unitKind = z
  .string()
  .trim()
  .max(40, "At most 40 characters")
  .transform((k) => k || null);
const unitId = z.string().min(1).max(64);

export const createUnitSchema = z.object({
  code: unitCode,
  name: unitName,
  kind: unitKind.nullish(),
  /** The parent unit; none (or null) = a top-level unit. */
  parentId: unitId.nullish(),
});
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = z
  .object({ code: unitCode.optional(), name: unitName.optional(), kind: unitKind.nullish() })
  .refine((u) => u.code !== undefined || u.name !== undefined || u.kind !== undefined, {
    message: "Change the code, the name or the kind",
    path: ["name"],
  });
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

export const moveUnitSchema = z.object({
  /** The new parent; null = top level. */
  parentId: unitId.nullable(),
});
export type MoveUnitInput = z.infer<typeof moveUnitSchema>;

export const unitListQuery = z.object({
  /** Include archived units (default true: the tree keeps its history). */
  archived: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});
export type UnitListQuery = z.infer<typeof unitListQuery>;
