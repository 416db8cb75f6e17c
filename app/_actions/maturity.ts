"use server";
// Reports → CEM maturity (managers and admins): save a self-assessment from the questionnaire form.
import { revalidatePath } from "next/cache";
import { requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { MATURITY_QUESTIONS } from "@/lib/maturity/model";
import { saveAssessment } from "@/lib/maturity/service";

type Saved = { id: string; score: number; level: string };

export async function saveMaturityAction(_prev: ActionState<Saved>, formData: FormData): Promise<ActionResult<Saved>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const answers: Record<string, number | undefined> = {};
    for (const q of MATURITY_QUESTIONS) {
      const v = formData.get(`answers.${q.key}`);
      answers[q.key] = typeof v === "string" && v !== "" ? Number(v) : undefined;
    }
    const saved = await saveAssessment(ctx, { answers });
    revalidatePath("/reports/maturity");
    return { id: saved.id, score: saved.score, level: saved.level };
  });
}
