"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { CASE_STATUSES } from "@/lib/cases/schema";
import { updateCase } from "@/lib/cases/service";
import type { ResurveyOutcome } from "@/lib/cases/resurvey";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";

const statusForm = z.object({ status: z.enum(CASE_STATUSES, "Choose a status") });

export async function updateCaseStatusAction(
  caseId: string,
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("agent", "unit");
    const { status } = parseWith(statusForm, formFields(formData));
    const updated = await updateCase(ctx, caseId, { status });
    revalidatePath("/cases");
    return updated.status;
  });
}

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

// The case page's work form. A due date is a day: the case is due at the end of it (UTC).
const workForm = z.object({
  status: z.enum(CASE_STATUSES, "Choose a status"),
  ownerId: z.preprocess(blankToNull, z.string().max(64).nullable()),
  dueAt: z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date")
      .transform((d) => new Date(`${d}T23:59:59.000Z`))
      .refine((d) => !Number.isNaN(d.getTime()), "Enter a date")
      .nullable(),
  ),
  rootCause: z.preprocess(blankToNull, z.string().trim().max(200).nullable()),
  resolution: z.preprocess(blankToNull, z.string().trim().max(5000, "Keep the note under 5,000 characters").nullable()),
  resurvey: z.literal("on").optional(),
});

export type WorkCaseResult = { status: string; resurvey: ResurveyOutcome | null };

export async function workCaseAction(
  caseId: string,
  _prev: ActionState<WorkCaseResult>,
  formData: FormData,
): Promise<ActionResult<WorkCaseResult>> {
  return runAction(async () => {
    const ctx = await requireCtx("agent", "unit");
    const { resurvey, ...fields } = parseWith(workForm, formFields(formData));
    const updated = await updateCase(ctx, caseId, {
      ...fields,
      resurvey: resurvey === "on" && fields.status === "resolved",
    });
    revalidatePath(`/cases/${caseId}`);
    revalidatePath("/cases");
    return { status: updated.status, resurvey: "resurvey" in updated ? (updated.resurvey ?? null) : null };
  });
}
