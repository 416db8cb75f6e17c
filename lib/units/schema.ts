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

export const REASSIGN_KINDS = ["responses", "interactions", "cases"] as const;

/** Moving rows to another unit (docs/hierarchy.md, "Reassignment"): a deliberate, audited operation. */
export const reassignSchema = z
  .object({
    /** Where the rows go: an active unit of the organization. */
    toUnitId: unitId,
    /** Which rows: those now in this unit (null = those without a unit) … */
    fromUnitId: unitId.nullable().optional(),
    /** … and/or those at this touchpoint (a case: its response's or interaction's touchpoint). */
    touchpointId: z.string().min(1).max(64).optional(),
    /** When they happened (a response submitted, an interaction occurred, a case opened), from inclusive, to exclusive. */
    from: z.coerce.date({ error: "Not a date" }).optional(),
    to: z.coerce.date({ error: "Not a date" }).optional(),
    kinds: z
      .array(z.enum(REASSIGN_KINDS))
      .min(1, "Choose at least one kind of row")
      .default([...REASSIGN_KINDS]),
    /** Count what would move, change nothing. */
    dryRun: z.boolean().default(false),
  })
  .refine((r) => r.fromUnitId !== undefined || r.touchpointId !== undefined, {
    message: "Name the rows to move: their current unit (fromUnitId, null for none) or their touchpoint",
    path: ["fromUnitId"],
  })
  .refine((r) => !r.from || !r.to || r.from < r.to, { message: "Must be after from", path: ["to"] })
  .refine((r) => r.fromUnitId !== r.toUnitId, { message: "The rows are in this unit already", path: ["toUnitId"] });
export type ReassignInput = z.infer<typeof reassignSchema>;
