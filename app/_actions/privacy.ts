"use server";
// Privacy actions: a customer's consent (agents and up), erasure (admins), and the retention policy — its
// settings and "Run now" (admins). Each calls one service; the services audit.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { updateCustomer } from "@/lib/customers/service";
import { eraseCustomer, type ErasureResult } from "@/lib/privacy/erasure";
import { retentionSettingsSchema } from "@/lib/privacy/retention-settings";
import { previewRetention, runRetentionNow, updateRetentionSettings } from "@/lib/privacy/retention";

const consentForm = z.object({
  consent: z.enum(["yes", "no", "unknown"], { error: "Choose opted in, opted out or not asked" }),
});

export async function setConsentAction(
  customerId: string,
  _prev: ActionState<null>,
  formData: FormData,
): Promise<ActionResult<null>> {
  return runAction(async () => {
    const ctx = await requireCtx("agent", "unit"); // a customer the member may see (lib/customers/visible.ts)
    const { consent } = parseWith(consentForm, { consent: formData.get("consent") ?? "" });
    await updateCustomer(ctx, customerId, { consent: consent === "yes" ? true : consent === "no" ? false : null });
    revalidatePath(`/customers/${customerId}`);
    return null;
  });
}

export async function eraseCustomerAction(
  customerId: string,
  _prev: ActionState<ErasureResult>,
  formData: FormData,
): Promise<ActionResult<ErasureResult>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const confirm = formData.get("confirm");
    const result = await eraseCustomer(ctx, customerId, { confirm: typeof confirm === "string" ? confirm : "" });
    revalidatePath(`/customers/${customerId}`);
    revalidatePath("/customers");
    return result;
  });
}

export async function updateRetentionAction(_prev: ActionState<null>, formData: FormData): Promise<ActionResult<null>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(retentionSettingsSchema, {
      enabled: formData.get("enabled") === "on",
      months: formData.get("months") ?? "",
      mode: formData.get("mode") ?? "",
    });
    await updateRetentionSettings(ctx, input);
    revalidatePath("/settings");
    return null;
  });
}

const runForm = z.object({
  dryRun: z.enum(["true", "false"], { error: "Choose to count only or to apply the policy" }),
});

/** "Run now" sends dryRun=false; dryRun=true only counts (like POST /api/v1/retention/run). */
export async function runRetentionAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const { dryRun } = parseWith(runForm, { dryRun: formData.get("dryRun") ?? "" });
    if (dryRun === "true") return previewRetention(ctx);
    const outcome = await runRetentionNow(ctx);
    revalidatePath("/settings");
    return outcome;
  });
}
