"use server";
// Two-factor authentication: the signed-in user's own account (any member; the session, not an
// organization role, is what they act on) and the organization's "require two-factor" policy (admins).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  formFields,
  parseWith,
  requireCtx,
  requireSession,
  runAction,
  type ActionResult,
  type ActionState,
} from "@/lib/auth/action";
import {
  codeOnlySchema,
  disableTwoFactorSchema,
  enableTwoFactorSchema,
  twoFactorPolicySchema,
} from "@/lib/two-factor/schema";
import {
  disableTwoFactor,
  enableTwoFactor,
  regenerateRecoveryCodes,
  verifySessionSecondFactor,
} from "@/lib/two-factor/service";
import { setRequireTwoFactor, TWO_FACTOR_PAGE } from "@/lib/two-factor/policy";

export type RecoveryCodes = { recoveryCodes: string[] };

export async function enableTwoFactorAction(
  _prev: ActionState<RecoveryCodes>,
  formData: FormData,
): Promise<ActionResult<RecoveryCodes>> {
  return runAction(async () => {
    const session = await requireSession();
    const input = parseWith(enableTwoFactorSchema, formFields(formData, ["password"]));
    return enableTwoFactor(session, input);
  });
}

/** Confirms this browser's session with a code, then opens the app (an organization may have asked for it). */
export async function verifySessionTwoFactorAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const session = await requireSession();
    await verifySessionSecondFactor(session, parseWith(codeOnlySchema, formFields(formData)));
    return null;
  });
  if (result.ok) redirect("/");
  return result;
}

export async function regenerateRecoveryCodesAction(
  _prev: ActionState<RecoveryCodes>,
  formData: FormData,
): Promise<ActionResult<RecoveryCodes>> {
  return runAction(async () => {
    const session = await requireSession();
    const result = await regenerateRecoveryCodes(session, parseWith(codeOnlySchema, formFields(formData)));
    revalidatePath(TWO_FACTOR_PAGE);
    return result;
  });
}

export async function disableTwoFactorAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const session = await requireSession();
    await disableTwoFactor(session, parseWith(disableTwoFactorSchema, formFields(formData, ["password"])));
    revalidatePath(TWO_FACTOR_PAGE);
    return null;
  });
}

export async function setRequireTwoFactorAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const { requireTwoFactor } = parseWith(twoFactorPolicySchema, formFields(formData));
    const session = await requireSession();
    await setRequireTwoFactor(ctx, session.sid, requireTwoFactor === "on");
    revalidatePath("/settings");
    return null;
  });
}
