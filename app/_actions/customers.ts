"use server";
import { revalidatePath } from "next/cache";
import { customerCreateSchema } from "@/lib/customers/schema";
import { createCustomer } from "@/lib/customers/service";
import { SameNameError, type SameNameCustomer } from "@/lib/customers/same-name";
import {
  fail,
  formFields,
  parseWith,
  requireCtx,
  runAction,
  type ActionResult,
  type ActionState,
} from "@/lib/auth/action";

/**
 * Added, or not yet: customers with the same name exist (`sameName`), listed for the form to link to; a second
 * submit with allowSameName=1 adds the customer anyway.
 */
export type CreatedCustomer =
  | { id: string; name: string | null; sameName?: undefined }
  | { sameName: { name: string; text: string; matches: SameNameCustomer[] } };

export async function createCustomerAction(
  _prev: ActionState<CreatedCustomer>,
  formData: FormData,
): Promise<ActionResult<CreatedCustomer>> {
  const fields = formFields(formData, ["externalId", "email", "phone", "tags", "consent", "allowSameName"]);
  const result = await runAction(async () => {
    const ctx = await requireCtx("agent");
    const input = parseWith(customerCreateSchema, {
      name: fields.name ?? "",
      email: fields.email,
      externalId: fields.externalId,
      phone: fields.phone,
      tags: fields.tags
        ?.split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      consent: fields.consent === "yes" ? true : fields.consent === "no" ? false : undefined,
      allowSameName: fields.allowSameName === "1",
    });
    try {
      const c = await createCustomer(ctx, input);
      revalidatePath("/customers");
      return { id: c.id, name: c.name };
    } catch (error) {
      if (!(error instanceof SameNameError)) throw error;
      const text = error.invalidParams?.[0]?.reason ?? error.message;
      return { sameName: { name: error.customerName, text, matches: error.matches } };
    }
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
