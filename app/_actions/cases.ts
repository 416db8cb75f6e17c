"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { CASE_STATUSES } from "@/lib/cases/schema";
import { updateCase } from "@/lib/cases/service";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";

const statusForm = z.object({ status: z.enum(CASE_STATUSES, "Choose a status") });

export async function updateCaseStatusAction(caseId: string, _prev: ActionState<unknown>, formData: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("agent");
    const { status } = parseWith(statusForm, formFields(formData));
    const updated = await updateCase(ctx, caseId, { status });
    revalidatePath("/cases");
    return updated.status;
  });
}
