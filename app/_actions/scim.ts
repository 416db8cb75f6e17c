"use server";
// SCIM provisioning settings (admins): tokens (shown once) and the role of each group the identity provider pushed.
import { revalidatePath } from "next/cache";
import {
  formFields,
  parseWith,
  requestOrigin,
  requireCtx,
  runAction,
  type ActionResult,
  type ActionState,
} from "@/lib/auth/action";
import { createScimToken, revokeScimToken } from "@/lib/scim/tokens";
import { scimGroupRoleSchema, scimTokenCreateSchema, setScimGroupRole } from "@/lib/scim/settings";

type State = ActionState<unknown>;
export type CreatedScimToken = { name: string; token: string; baseUrl: string };

export async function createScimTokenAction(
  _prev: ActionState<CreatedScimToken>,
  formData: FormData,
): Promise<ActionResult<CreatedScimToken>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(scimTokenCreateSchema, formFields(formData));
    const created = await createScimToken(ctx, input);
    revalidatePath("/settings/scim");
    return { name: created.name, token: created.token, baseUrl: `${await requestOrigin()}/scim/v2` };
  });
}

export async function revokeScimTokenAction(
  tokenId: string,
  _prev: State,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    await revokeScimToken(ctx, tokenId);
    revalidatePath("/settings/scim");
    return null;
  });
}

export async function setScimGroupRoleAction(
  groupId: string,
  _prev: State,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const { role } = parseWith(scimGroupRoleSchema, formFields(formData));
    await setScimGroupRole(ctx, groupId, role);
    revalidatePath("/settings/scim");
    return role;
  });
}
