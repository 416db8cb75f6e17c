"use server";
// Settings actions. Members, invites and API keys are admin-only; each action checks that itself.
import { issueMemberPasswordReset } from "@/lib/members/password-reset";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKeySchema } from "@/lib/api-keys/schema";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { inviteCreateSchema, memberUpdateSchema, scopeUnitField } from "@/lib/members/schema";
import { createInvite, removeMember, revokeInvite, revokeMemberSessions, updateMember } from "@/lib/members/service";
import {
  formFields,
  parseWith,
  requestOrigin,
  requireCtx,
  runAction,
  type ActionResult,
  type ActionState,
} from "@/lib/auth/action";

type State = ActionState<unknown>;

export async function updateMemberRoleAction(
  membershipId: string,
  _prev: State,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const { role } = parseWith(memberUpdateSchema, formFields(formData));
    await updateMember(ctx, membershipId, { role });
    revalidatePath("/settings");
    return role;
  });
}

const memberScopeForm = z.object({ unitId: scopeUnitField });

/** A member's scope: a unit and its subtree, or "" for the whole organization (docs/hierarchy.md). */
export async function updateMemberScopeAction(
  membershipId: string,
  _prev: State,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const { unitId } = parseWith(memberScopeForm, formFields(formData));
    await updateMember(ctx, membershipId, { unitId });
    revalidatePath("/settings");
    return unitId;
  });
}

export async function removeMemberAction(
  membershipId: string,
  _prev: State,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    await removeMember(ctx, membershipId);
    revalidatePath("/settings");
    return null;
  });
}

export async function revokeMemberSessionsAction(
  membershipId: string,
  _prev: State,
  _formData: FormData,
): Promise<ActionResult<number>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    return revokeMemberSessions(ctx, membershipId);
  });
}

/** `url` only when the link was not e-mailed (no SMTP server): the admin passes it on. */
export type MemberResetLink = { email: string; sent: boolean; url: string | null };

/** An admin helps a member who forgot their password (lib/members/password-reset.ts). */
export async function memberPasswordResetAction(
  membershipId: string,
  _prev: ActionState<MemberResetLink>,
  _formData: FormData,
): Promise<ActionResult<MemberResetLink>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const reset = await issueMemberPasswordReset(ctx, membershipId);
    return { email: reset.email, sent: reset.sent, url: reset.sent ? null : `${await requestOrigin()}${reset.path}` };
  });
}

/** `url` only when the invite was not e-mailed (no SMTP server): the admin passes it on. */
export type CreatedInvite = { email: string; role: string; sent: boolean; url: string | null; expiresAt: string };

export async function createInviteAction(
  _prev: ActionState<CreatedInvite>,
  formData: FormData,
): Promise<ActionResult<CreatedInvite>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(inviteCreateSchema, formFields(formData));
    const invite = await createInvite(ctx, input);
    const url = invite.sent ? null : `${await requestOrigin()}${invite.path}`;
    revalidatePath("/settings");
    return {
      email: invite.email,
      role: invite.role,
      sent: invite.sent,
      url,
      expiresAt: invite.expiresAt.toISOString(),
    };
  });
}

export async function revokeInviteAction(
  inviteId: string,
  _prev: State,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    await revokeInvite(ctx, inviteId);
    revalidatePath("/settings");
    return null;
  });
}

export type CreatedApiKey = { name: string; role: string; key: string };

export async function createApiKeyAction(
  _prev: ActionState<CreatedApiKey>,
  formData: FormData,
): Promise<ActionResult<CreatedApiKey>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(createApiKeySchema, formFields(formData));
    const created = await createApiKey(ctx, input);
    revalidatePath("/settings");
    return { name: created.name, role: created.role, key: created.key };
  });
}

export async function revokeApiKeyAction(
  apiKeyId: string,
  _prev: State,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    await revokeApiKey(ctx, apiKeyId);
    revalidatePath("/settings");
    return null;
  });
}
