"use server";
// Triggers (managers and admins; docs/distribution.md "Triggers"): create one from the page's form, pause, resume
// or delete it. The services validate, scope to the organization and audit.
import { revalidatePath } from "next/cache";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { z } from "zod";
import { createTriggerSchema, TRIGGER_STATUSES } from "@/lib/triggers/schema";
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
    revalidatePath(PAGE);
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
