"use server";
import { revalidatePath } from "next/cache";
import { customerInputSchema } from "@/lib/customers/schema";
import { createCustomer } from "@/lib/customers/service";
import {
  fail,
  formFields,
  parseWith,
  requireCtx,
  runAction,
  type ActionResult,
  type ActionState,
} from "@/lib/auth/action";

export type CreatedCustomer = { id: string; name: string | null };

export async function createCustomerAction(
  _prev: ActionState<CreatedCustomer>,
  formData: FormData,
): Promise<ActionResult<CreatedCustomer>> {
  const fields = formFields(formData, ["externalId", "email", "phone", "tags", "consent"]);
  const result = await runAction(async () => {
    const ctx = await requireCtx("agent");
    const input = parseWith(customerInputSchema, {
      name: fields.name ?? "",
      email: fields.email,
      externalId: fields.externalId,
      phone: fields.phone,
      tags: fields.tags
        ?.split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      consent: fields.consent === "yes" ? true : fields.consent === "no" ? false : undefined,
    });
    const c = await createCustomer(ctx, input);
    revalidatePath("/customers");
    return { id: c.id, name: c.name };
  });
  if (result.ok) return result;
  if (result.fieldErrors) {
    // "tags.3" → the one tags field of the form.
    const fieldErrors: Record<string, string> = {};
    for (const [k, v] of Object.entries(result.fieldErrors)) fieldErrors[k.startsWith("tags") ? "tags" : k] ??= v;
    return fail(result.message, fieldErrors);
  }
  // The one conflict a person can fix here is a taken external id (ConflictError from createCustomer).
  if (fields.externalId && /external id/i.test(result.message))
    return fail(result.message, { externalId: result.message });
  return result;
}
