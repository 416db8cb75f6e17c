"use server";
// Triggers (managers and admins; docs/distribution.md "Triggers"): create one from the page's form, edit it on its
// own page, pause, resume or delete it. The services validate, scope to the organization and audit.
import { revalidatePath } from "next/cache";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { z } from "zod";
import { createTriggerSchema, TRIGGER_STATUSES, updateTriggerSchema } from "@/lib/triggers/schema";
import { createTrigger, deleteTrigger, updateTrigger } from "@/lib/triggers/service";

const PAGE = "/surveys/triggers";
const statusSchema = z.object({ status: z.enum(TRIGGER_STATUSES, "active or paused") });

/** The form's fields; blank optional ones mean "not given" (any touchpoint, any outcome, the default subject). */
export async function createTriggerAction(
  _prev: ActionState<{ id: string }>,
  form: FormData,
): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const fields = formFields(form, ["touchpointId", "outcome", "subject"]);
    const t = await createTrigger(ctx, parseWith(createTriggerSchema, fields));
    revalidatePath(PAGE);
    return { id: t.id };
  });
}

/**
 * The edit form: every field it shows. A blank touchpoint or outcome is "any" (null), a blank subject the default,
 * a blank time zone the organization's; the event, and for the built-in re-survey the survey, are not on the form.
 */
export async function updateTriggerAction(
  id: string,
  _prev: ActionState<{ id: string }>,
  form: FormData,
): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const fields: Record<string, string | null | undefined> = formFields(form);
    for (const k of ["touchpointId", "outcome"]) if (fields[k] === "") fields[k] = null;
    const t = await updateTrigger(ctx, id, parseWith(updateTriggerSchema, fields));
    revalidatePath(PAGE, "layout"); // the list and the trigger's own page
    return { id: t.id };
  });
}

export async function changeTriggerStatusAction(
  id: string,
  status: "active" | "paused",
  _prev: ActionState<unknown>,
  _form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    // The status comes from a bound argument: only the two names.
    await updateTrigger(ctx, id, parseWith(statusSchema, { status }));
    revalidatePath(PAGE, "layout");
    return null;
  });
}

export async function deleteTriggerAction(
  id: string,
  _prev: ActionState<unknown>,
  _form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    await deleteTrigger(ctx, id);
    revalidatePath(PAGE);
    return null;
  });
}
