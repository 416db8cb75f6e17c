// Reading and changing an organization's closed-loop settings: the case rules (settings.caseRules) and the
// root-cause list (settings.rootCauses). Other keys of the settings document are kept: each change is a
// read-modify-write in one transaction, audited.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import type { Prisma } from "../generated/sqlite/client";
import { ValidationError } from "../errors";
import { recordAudit } from "../audit/service";
import { z } from "zod";
import { caseRulesFrom, caseRulesSchema, type CaseRules } from "./rules";
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

async function writeSetting(ctx: Ctx, key: "caseRules" | "rootCauses", value: Prisma.InputJsonValue, action: string) {
  await db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { settings: true } });
    const current =
      org.settings && typeof org.settings === "object" && !Array.isArray(org.settings)
        ? (org.settings as Record<string, unknown>)
        : {};
    await tx.organization.update({
      where: { id: ctx.orgId },
      data: { settings: { ...current, [key]: value } as Prisma.InputJsonValue },
    });
    await recordAudit(ctx, { action, entityType: "Organization", entityId: ctx.orgId, data: { [key]: value } }, tx);
  });
}

/** People who can own cases: agents, managers and admins of the organization. */
export async function listCaseOwners(ctx: Ctx): Promise<{ id: string; name: string; role: string }[]> {
  const rows = await db.membership.findMany({
    where: { orgId: ctx.orgId, suspendedAt: null, role: { in: ["agent", "manager", "admin"] } },
    orderBy: { createdAt: "asc" },
    select: { role: true, user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name, role: r.role }));
}

/** `rules` has been parsed with caseRulesSchema; a fixed owner must be an agent, manager or admin here. */
export async function updateCaseRules(ctx: Ctx, rules: CaseRules, field = "assignTo"): Promise<CaseRules> {
  if (rules.assignTo) {
    const owners = await listCaseOwners(ctx);
    if (!owners.some((o) => o.id === rules.assignTo))
      throw new ValidationError([{ name: field, reason: "Choose an agent, manager or admin of this organization" }]);
  }
  await writeSetting(ctx, "caseRules", rules as unknown as Prisma.InputJsonValue, "case.rules_changed");
  return rules;
}

/** `causes` has been parsed with rootCauseListSchema. */
export async function updateRootCauses(ctx: Ctx, causes: string[]): Promise<string[]> {
  await writeSetting(ctx, "rootCauses", causes, "case.root_causes_changed");
  return causes;
}

export async function updateCaseSettings(ctx: Ctx, input: CaseSettingsUpdate) {
  if (input.rules) await updateCaseRules(ctx, input.rules, "rules.assignTo");
  if (input.rootCauses) await updateRootCauses(ctx, input.rootCauses);
  return getCaseSettings(ctx);
}
