"use server";
// Settings → Follow-up cases (managers and admins): the rules that open cases, and the root-cause list.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { caseRulesSchema, type CaseRules } from "@/lib/cases/rules";
import { rootCauseListSchema } from "@/lib/cases/root-causes";
import { updateCaseRules, updateRootCauses } from "@/lib/cases/settings-service";
import { ValidationError } from "@/lib/errors";
import { requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";

const FIELD_MESSAGES: Record<string, string> = {
  "nps.maxScore": "Enter a whole number from 0 to 10",
  "csat.maxScore": "Enter a whole number from 1 to 5",
  "ces.maxScore": "Enter a whole number from 1 to 7",
  dueHours: "Enter a whole number of hours from 1 to 720",
  assignTo: "Choose who gets new cases",
};

const num = (v: FormDataEntryValue | null) => (typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN);

/** The form's fields → a CaseRules document, validated with caseRulesSchema; errors are named by field. */
function rulesFromForm(formData: FormData): CaseRules {
  const fixed = formData.get("assignMode") === "fixed";
  const raw = {
    nps: { enabled: formData.get("npsEnabled") === "on", maxScore: num(formData.get("npsMax")) },
    csat: { enabled: formData.get("csatEnabled") === "on", maxScore: num(formData.get("csatMax")) },
    ces: { enabled: formData.get("cesEnabled") === "on", maxScore: num(formData.get("cesMax")) },
    interactionFollowUp: formData.get("interactionFollowUp") === "on",
    dueHours: num(formData.get("dueHours")),
    assignTo: fixed ? String(formData.get("assignTo") ?? "") || "" : null,
  };
  const parsed = caseRulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => {
        const name = i.path.map(String).join(".");
        return { name, reason: FIELD_MESSAGES[name] ?? i.message };
      }),
      "Please correct the highlighted fields.",
    );
  }
  return parsed.data;
}

export async function updateCaseRulesAction(
  _prev: ActionState<CaseRules>,
  formData: FormData,
): Promise<ActionResult<CaseRules>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const rules = await updateCaseRules(ctx, rulesFromForm(formData));
    revalidatePath("/settings");
    return rules;
  });
}

const causesForm = z.object({ causes: rootCauseListSchema });

export async function updateRootCausesAction(
  _prev: ActionState<string[]>,
  formData: FormData,
): Promise<ActionResult<string[]>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const causes = formData.getAll("cause").filter((c): c is string => typeof c === "string");
    const parsed = causesForm.safeParse({ causes });
    if (!parsed.success) {
      // One message for the list, and one per bad row ("causes.2").
      throw new ValidationError(
        parsed.error.issues.map((i) => ({ name: i.path.map(String).join("."), reason: i.message })),
        "Please correct the highlighted fields.",
      );
    }
    const saved = await updateRootCauses(ctx, parsed.data.causes);
    revalidatePath("/settings");
    return saved;
  });
}
