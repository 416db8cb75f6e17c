"use server";
// Audiences (managers and admins; docs/distribution.md). The builder previews a definition before it is saved and
// saves it as JSON. A static audience's CSV goes to the API route (components/audiences/static-upload-form.tsx), whose
// size limit is the import's, not a server action's 1 MB. The services validate, scope and audit.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { createAudienceSchema, previewDefinitionSchema } from "@/lib/audiences/schema";
import {
  createAudience,
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
