"use server";
// The unit tree editor (Settings → Units; docs/hierarchy.md): admins create, rename, move, archive and restore units
// and import the tree as CSV. The services validate, serialise tree writes and audit.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { ValidationError } from "@/lib/errors";
import { createUnitSchema, moveUnitSchema, updateUnitSchema } from "@/lib/units/schema";
import { archiveUnit, createUnit, moveUnit, restoreUnit, updateUnit } from "@/lib/units/service";
import { importUnitsCsv, type UnitImportSummary } from "@/lib/units/csv";

const PAGE = "/settings/units";
const unitId = z.string().min(1).max(64);
const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

/** A new unit: code, name, kind; `parentId` empty = top level. */
export async function createUnitAction(
  _prev: ActionState<{ id: string }>,
  form: FormData,
): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(createUnitSchema, {
      code: field(form, "code"),
      name: field(form, "name"),
      kind: field(form, "kind"),
      parentId: field(form, "parentId") || null,
    });
    const unit = await createUnit(ctx, input);
    revalidatePath(PAGE);
    return { id: unit.id };
  });
}

/** Rename: name, code and kind of the bound unit. */
export async function updateUnitAction(id: string, _prev: ActionState, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(updateUnitSchema, {
      code: field(form, "code"),
      name: field(form, "name"),
      kind: field(form, "kind"),
    });
    await updateUnit(ctx, unitId.parse(id), input);
    revalidatePath(PAGE);
    return null;
  });
}

/** Move the bound unit under `parentId` (empty = top level). */
export async function moveUnitAction(id: string, _prev: ActionState, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(moveUnitSchema, { parentId: field(form, "parentId") || null });
    await moveUnit(ctx, unitId.parse(id), input);
    revalidatePath(PAGE);
    return null;
  });
}

/** Archive the bound unit and its subtree, or restore it (`restore` = "1"). */
export async function archiveUnitAction(id: string, _prev: ActionState, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    if (field(form, "restore") === "1") await restoreUnit(ctx, unitId.parse(id));
    else await archiveUnit(ctx, unitId.parse(id));
    revalidatePath(PAGE);
    return null;
  });
}

/** The tree from the `file` of the form (code, name, kind, parentCode, archived), all or nothing. */
export async function importUnitsAction(
  _prev: ActionState<UnitImportSummary>,
  form: FormData,
): Promise<ActionResult<UnitImportSummary>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new ValidationError([{ name: "file", reason: "Choose a CSV file" }]);
    const summary = await importUnitsCsv(ctx, file.stream());
    revalidatePath(PAGE);
    return summary;
  });
}
