"use server";
// Accepting an invite link: as the signed-in invited user, or "create your account" first — which answers the
// same whether or not the address already had an account (then the person signs in and joins).
import { redirect } from "next/navigation";
import { acceptInvite, registerFromInvite } from "@/lib/members/service";
import { newAccountSchema } from "@/lib/members/schema";
import {
  formFields,
  parseWith,
  requireUserId,
  runAction,
  setActiveOrgCookie,
  type ActionResult,
  type ActionState,
} from "@/lib/auth/action";

export async function acceptInviteAsMember(
  token: string,
  _prev: ActionState<unknown>,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const userId = await requireUserId();
    const { orgId } = await acceptInvite(token, { userId });
    await setActiveOrgCookie(orgId);
    return orgId;
  });
  if (result.ok) redirect("/");
  return result;
}

export async function createAccountAndAccept(
  token: string,
  _prev: ActionState<{ email: string }>,
  formData: FormData,
): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const account = parseWith(newAccountSchema, formFields(formData));
    return registerFromInvite(token, account);
  });
}
