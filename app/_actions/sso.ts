"use server";
// Single sign-on settings (admin only; each action checks that itself). The service checks the issuer,
// seals the secret and audits.
import { revalidatePath } from "next/cache";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { currentSession } from "@/lib/auth/ctx";
import { ssoConnectionSchema } from "@/lib/sso/schema";
import { deleteSsoConnection, saveSsoConnection } from "@/lib/sso/service";

export async function saveSsoConnectionAction(_prev: ActionState<unknown>, formData: FormData): Promise<ActionResult<unknown>> {
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

export async function deleteSsoConnectionAction(_prev: ActionState<unknown>, _formData: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    await deleteSsoConnection(ctx);
    revalidatePath("/settings/sso");
    return null;
  });
}
