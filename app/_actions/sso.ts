"use server";
// Single sign-on settings (admin only; each action checks that itself). The service checks the issuer,
// seals the secret and audits.
import { revalidatePath } from "next/cache";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { currentSession } from "@/lib/auth/ctx";
import { domainCheckSchema, ssoConnectionSchema } from "@/lib/sso/schema";
import { verifyDomainByDns } from "@/lib/sso/domains";
import { deleteSsoConnection, saveSsoConnection } from "@/lib/sso/service";

export async function saveSsoConnectionAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const fields = formFields(formData, ["clientSecret"]);
    const input = parseWith(ssoConnectionSchema, {
      ...fields,
      allowedDomains: fields.allowedDomains ?? "",
      enabled: formData.get("enabled") === "on",
      ssoRequired: formData.get("ssoRequired") === "on",
    });
    // The admin's own browser stays signed in when "SSO required" ends the members' password sessions.
    await saveSsoConnection(ctx, input, { keepSessionId: (await currentSession())?.sid });
    revalidatePath("/settings/sso");
    return null;
  });
}

export async function deleteSsoConnectionAction(
  _prev: ActionState<unknown>,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    await deleteSsoConnection(ctx);
    revalidatePath("/settings/sso");
    return null;
  });
}

/** Looks up one listed domain's DNS challenge and verifies it (lib/sso/domains.ts). */
export async function checkSsoDomainAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const ctx = await requireCtx("admin");
    const { domain } = parseWith(domainCheckSchema, { domain: formData.get("domain") });
    await verifyDomainByDns(ctx, domain);
    revalidatePath("/settings/sso");
    return null;
  });
  // One domain per form: its reason (which record is missing) is the message shown beside its button.
  return !result.ok && result.fieldErrors?.domain ? { ...result, message: result.fieldErrors.domain } : result;
}
