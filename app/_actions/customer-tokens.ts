"use server";
// Customer-token signing secret (admins): a new secret, shown once; the previous one keeps verifying for the chosen grace period.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { rotateCustomerTokenSecret, rotateSecretSchema } from "@/lib/customers/token-secrets";

export type RotatedCustomerTokenSecret = { secret: string; hint: string; previousValidUntil: string | null };

const rotateForm = z.object({
  previousValidHours: z
    .string()
    .regex(/^\d{1,3}$/, "Choose how long the previous secret stays valid")
    .transform(Number)
    .optional(),
});

export async function rotateCustomerTokenSecretAction(
  _prev: ActionState<RotatedCustomerTokenSecret>,
  formData: FormData,
): Promise<ActionResult<RotatedCustomerTokenSecret>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(rotateSecretSchema, parseWith(rotateForm, formFields(formData)));
    const rotated = await rotateCustomerTokenSecret(ctx, input);
    revalidatePath("/settings/customer-identity");
    return {
      secret: rotated.secret,
      hint: rotated.hint,
      previousValidUntil: rotated.previousValidUntil?.toISOString() ?? null,
    };
  });
}
