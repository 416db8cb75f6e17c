"use server";
// Accepting an invite link: as the signed-in invited user, or by creating the account for the invited
// e-mail address (the browser then signs in with the new password).
import { redirect } from "next/navigation";
import { acceptInvite } from "@/lib/members/service";
import { newAccountSchema } from "@/lib/members/schema";
import { formFields, parseWith, requireUserId, runAction, setActiveOrgCookie, type ActionResult, type ActionState } from "@/lib/auth/action";

export async function acceptInviteAsMember(token: string, _prev: ActionState<unknown>, _formData: FormData): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const userId = await requireUserId();
    const { orgId } = await acceptInvite(token, { userId });
    await setActiveOrgCookie(orgId);
    return orgId;
  });
  if (result.ok) redirect("/");
  return result;
}

export async function createAccountAndAccept(token: string, _prev: ActionState<{ email: string }>, formData: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const account = parseWith(newAccountSchema, formFields(formData));
    const { orgId, email } = await acceptInvite(token, { account });
    await setActiveOrgCookie(orgId);
    return { email };
  });
}
