"use server";
// First-run setup (lib/setup/service.ts): only while the installation has no account, only with the setup
// token the server printed. Signs the new admin in and opens their organization (or the demo one).
import { redirect } from "next/navigation";
import { completeSetup, setupSchema } from "@/lib/setup/service";
import {
  formFields,
  parseWith,
  runAction,
  setActiveOrgCookie,
  type ActionResult,
  type ActionState,
} from "@/lib/auth/action";
import { signInAs } from "@/lib/auth/session-cookie";
import { requestLocale } from "@/lib/i18n/request-locale";

export async function completeSetupAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const input = parseWith(setupSchema, formFields(formData));
    const done = await completeSetup(input, { locale: await requestLocale() });
    await signInAs({ id: done.userId, name: input.name, email: input.email }, "setup");
    await setActiveOrgCookie(done.demoOrgId ?? done.orgId);
    return null;
  });
  if (result.ok) redirect("/");
  return result;
}
