// Reading and changing an organization's closed-loop settings: the case rules (settings.caseRules) and the
// root-cause list (settings.rootCauses). Other keys of the settings document are kept: each change sets its
// key alone, audited (lib/orgs/settings-service.ts writeOrgSetting).
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import type { Prisma } from "../generated/sqlite/client";
import { ValidationError } from "../errors";
import { writeOrgSetting } from "../orgs/settings-service";
import { z } from "zod";
import { caseRulesFrom, caseRulesSchema, scopeIncludes, type CaseRules } from "./rules";
import { rootCauseListSchema, rootCausesFrom } from "./root-causes";

/** PUT /api/v1/case-settings: either part or both; `rules` is a whole rules document (missing keys take the defaults). */
export const caseSettingsUpdateSchema = z
  .object({ rules: caseRulesSchema.optional(), rootCauses: rootCauseListSchema.optional() })
  .strict()
  .refine((v) => v.rules !== undefined || v.rootCauses !== undefined, { message: "Send rules, rootCauses or both" });
export type CaseSettingsUpdate = z.infer<typeof caseSettingsUpdateSchema>;

export async function getCaseSettings(ctx: Ctx): Promise<{ rules: CaseRules; rootCauses: string[] }> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { settings: true } });
  return { rules: caseRulesFrom(org.settings), rootCauses: rootCausesFrom(org.settings) };
}

/** The path of a case's unit (null for a case without a unit), to tell which members' scopes include it. */
async function casePathOf(ctx: Ctx, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const unit = await db.unit.findFirst({ where: { id: unitId, orgId: ctx.orgId }, select: { path: true } });
  return unit?.path ?? null;
}

/**
 * People who can own cases: agents, managers and admins of the organization. For one case (`forCase`), only those
 * who can open it: a member scoped to a unit owns only cases of that unit's subtree (docs/hierarchy.md, "Scoped
 * access: responses, interactions and cases"); a case without a unit, organization-wide members only.
 */
export async function listCaseOwners(
  ctx: Ctx,
  forCase?: { unitId: string | null },
): Promise<{ id: string; name: string; role: string }[]> {
  const rows = await db.membership.findMany({
    where: { orgId: ctx.orgId, suspendedAt: null, role: { in: ["agent", "manager", "admin"] } },
    orderBy: { createdAt: "asc" },
    select: { role: true, unit: { select: { path: true } }, user: { select: { id: true, name: true } } },
  });
  const casePath = forCase ? await casePathOf(ctx, forCase.unitId) : null;
  return rows
    .filter((r) => !forCase || scopeIncludes(r.unit?.path ?? null, casePath))
    .map((r) => ({ id: r.user.id, name: r.user.name, role: r.role }));
}

/** Whether the member `userId`'s scope includes a case of `caseUnitId` (an owner must be able to open the case). */
export async function memberCanOpenCase(ctx: Ctx, userId: string, caseUnitId: string | null): Promise<boolean> {
  const m = await db.membership.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId } },
    select: { unit: { select: { path: true } } },
  });
  return !!m && scopeIncludes(m.unit?.path ?? null, await casePathOf(ctx, caseUnitId));
}

/** `rules` has been parsed with caseRulesSchema; a fixed owner must be an agent, manager or admin here. */
export async function updateCaseRules(ctx: Ctx, rules: CaseRules, field = "assignTo"): Promise<CaseRules> {
  if (rules.assignTo) {
    const owners = await listCaseOwners(ctx);
    if (!owners.some((o) => o.id === rules.assignTo))
      throw new ValidationError([{ name: field, reason: "Choose an agent, manager or admin of this organization" }]);
  }
  await writeOrgSetting(ctx, "caseRules", rules as unknown as Prisma.InputJsonValue, "case.rules_changed");
  return rules;
}

/** `causes` has been parsed with rootCauseListSchema. */
export async function updateRootCauses(ctx: Ctx, causes: string[]): Promise<string[]> {
  await writeOrgSetting(ctx, "rootCauses", causes, "case.root_causes_changed");
  return causes;
}

export async function updateCaseSettings(ctx: Ctx, input: CaseSettingsUpdate) {
  if (input.rules) await updateCaseRules(ctx, input.rules, "rules.assignTo");
  if (input.rootCauses) await updateRootCauses(ctx, input.rootCauses);
  return getCaseSettings(ctx);
}
