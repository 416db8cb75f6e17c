"use server";
// Customers (agents and up): adding one from the Customers page, and a customer's home unit on their page. Both serve
// unit-scoped members (docs/hierarchy.md, "Customers in a scope"): the service keeps them to their units.
import { revalidatePath } from "next/cache";
import { customerCreateSchema } from "@/lib/customers/schema";
import { createCustomer, updateCustomer } from "@/lib/customers/service";
import { SAME_NAME_LIMIT, SameNameError, type SameNameCustomer } from "@/lib/customers/same-name";
import {
  fail,
  formFields,
  parseWith,
  requireCtx,
  runAction,
  type ActionResult,
  type ActionState,
} from "@/lib/auth/action";

/** The form's unitId: absent = not asked (no units), "" = no home unit, else a unit id. */
const unitField = (v: string | undefined) => (v === undefined ? undefined : v || null);

/** A unit the caller may not use (outside their units: 404, archived: 400) is said next to the Home unit field. */
function unitFailure<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || result.fieldErrors || !/unit/i.test(result.message)) return result;
  const text = /not found/i.test(result.message) ? "Choose one of your units" : result.message;
  return fail(text, { unitId: text });
}

/**
 * Added, or not yet: customers with the same name exist (`sameName`), listed for the form to link to; a second
 * submit with allowSameName=1 adds the customer anyway.
 */
export type CreatedCustomer =
  | { id: string; name: string | null; sameName?: undefined }
  | { sameName: { name: string; text: string; more: boolean; matches: SameNameCustomer[] } };

export async function createCustomerAction(
  _prev: ActionState<CreatedCustomer>,
  formData: FormData,
): Promise<ActionResult<CreatedCustomer>> {
  const fields = formFields(formData, ["externalId", "email", "phone", "tags", "consent", "allowSameName"]);
  const result = await runAction(async () => {
    const ctx = await requireCtx("agent", "unit");
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
      unitId: unitField(fields.unitId),
    });
    try {
      const c = await createCustomer(ctx, input);
      revalidatePath("/customers");
      return { id: c.id, name: c.name };
    } catch (error) {
      if (!(error instanceof SameNameError)) throw error;
      // `text`: the API's English sentence (the form words its own from `more` and the matches)
      const text = error.invalidParams?.[0]?.reason ?? error.message;
      const more = error.matches.length >= SAME_NAME_LIMIT; // only the first ones are listed
      return { sameName: { name: error.customerName, text, more, matches: error.matches } };
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
  return unitFailure(result);
}

/** The customer's home unit, from their page (`unitId` "" = none; a scoped member moves it within their units). */
export async function setHomeUnitAction(
  customerId: string,
  _prev: ActionState<null>,
  formData: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const ctx = await requireCtx("agent", "unit");
    const raw = formData.get("unitId");
    await updateCustomer(ctx, customerId, { unitId: unitField(typeof raw === "string" ? raw : "") });
    revalidatePath(`/customers/${customerId}`);
    return null;
  });
  return unitFailure(result);
}
