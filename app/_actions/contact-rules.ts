"use server";
// Settings → Contact rules (managers and admins; docs/distribution.md "Contact rules"): the frequency cap and the
// quiet hours. The service validates the same schema as PUT /api/v1/contact-rules and audits the change.
import { revalidatePath } from "next/cache";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { contactRuleSchema, updateContactRule, type ContactRuleDto } from "@/lib/campaigns/contact-rule-service";

export async function updateContactRuleAction(
  _prev: ActionState<ContactRuleDto>,
  form: FormData,
): Promise<ActionResult<ContactRuleDto>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const saved = await updateContactRule(ctx, parseWith(contactRuleSchema, formFields(form)));
    revalidatePath("/settings");
    return saved;
  });
}
