"use server";
// Switching the active organization and creating a new one. The cookie only ever names an organization
// the user belongs to; ctx (lib/auth/ctx.ts) re-checks the membership on every request anyway.
import { redirect } from "next/navigation";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import {
  formFields,
  fail,
  parseWith,
  requireCtx,
  requireUserId,
  runAction,
  setActiveOrgCookie,
  type ActionResult,
  type ActionState,
} from "@/lib/auth/action";
import { requestLocale } from "@/lib/i18n/request-locale";
import { organizationCreateSchema } from "@/lib/members/schema";
import { createOrganization, isMember } from "@/lib/orgs/service";
import { setOrgLocale } from "@/lib/orgs/settings-service";
import { browserLocaleSchema } from "@/lib/account/schema";
import type { AppLocale } from "@/lib/i18n/config";

const switchSchema = z.object({ orgId: z.string().min(1).max(64) });

export async function switchOrganization(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const userId = await requireUserId();
    const { orgId } = parseWith(switchSchema, formFields(formData));
    if (!(await isMember(userId, orgId))) return false;
    await setActiveOrgCookie(orgId);
    return true;
  });
  if (result.ok && !result.data) return fail("You are not a member of that organization.");
  if (result.ok) redirect("/");
  return result;
}

export async function createOrganizationAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const userId = await requireUserId();
    const { name } = parseWith(organizationCreateSchema, formFields(formData));
    const org = await createOrganization(userId, name, { locale: await requestLocale() });
    await setActiveOrgCookie(org.id);
    return org;
  });
  if (result.ok) redirect("/");
  return result;
}

/** Admins: the organization's language (lib/orgs/defaults.ts: what Resonance writes into it by itself). */
export async function setOrganizationLanguageAction(
  _prev: ActionState<{ locale: AppLocale }>,
  formData: FormData,
): Promise<ActionResult<{ locale: AppLocale }>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const { locale } = parseWith(browserLocaleSchema, formFields(formData));
    await setOrgLocale(ctx, locale);
    revalidatePath("/settings");
    return { locale };
  });
}
