"use server";
// Audiences (managers and admins; docs/distribution.md). The builder previews a definition before it is saved and
// saves it as JSON; a static audience is an uploaded CSV. The services validate, scope and audit.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { ValidationError } from "@/lib/errors";
import { createAudienceSchema, previewDefinitionSchema, staticAudienceQuery } from "@/lib/audiences/schema";
import {
  createAudience,
  createStaticAudience,
  deleteAudience,
  previewDefinition,
  updateAudience,
  type AudiencePreview,
} from "@/lib/audiences/service";

/** The live preview: `{ definition, audienceId? }` as the builder holds it; field errors name `definition.criteria.N.field`. */
export async function previewAudienceAction(input: unknown): Promise<ActionResult<AudiencePreview>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const { definition, audienceId } = parseWith(previewDefinitionSchema, input);
    return previewDefinition(ctx, definition, audienceId);
  });
}

/** Creates (id null) or replaces the name and definition of an audience. */
export async function saveAudienceAction(id: string | null, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const body = parseWith(createAudienceSchema, input);
    const saved = id ? await updateAudience(ctx, z.string().max(64).parse(id), body) : await createAudience(ctx, body);
    revalidatePath("/settings/audiences");
    return { id: saved.id };
  });
}

export async function deleteAudienceAction(
  id: string,
  _prev: ActionState<unknown>,
  _form: FormData,
): Promise<ActionResult> {
  const result = await runAction(async () => {
    const ctx = await requireCtx("manager");
    await deleteAudience(ctx, id);
    return null;
  });
  if (result.ok) redirect("/settings/audiences");
  return result;
}

/** A static audience from the `file` of the form (CSV with an email and/or externalId column), all or nothing. */
export async function createStaticAudienceAction(
  _prev: ActionState<{ id: string; members: number }>,
  form: FormData,
): Promise<ActionResult<{ id: string; members: number }>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const { name } = parseWith(staticAudienceQuery, { name: form.get("name") || undefined });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new ValidationError([{ name: "file", reason: "Choose a CSV file" }]);
    const a = await createStaticAudience(ctx, name, file.stream());
    revalidatePath("/settings/audiences");
    return { id: a.id, members: a.members ?? 0 };
  });
}
