// The dashboard's counts. Each is a COUNT in the database over an (orgId, …) index; no rows are loaded. A
// unit-scoped caller counts their units' interactions and cases and the customers they may see
// (lib/units/scope.ts).
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { customerScopeWhere, scopeWhere } from "../units/scope";
import type { HeadlinePeriod } from "./headline";

export type DashboardSummary = {
  customers: number;
  interactionsInPeriod: number;
  openCases: number;
  overdueCases: number;
};

export async function getDashboardSummary(
  ctx: Ctx,
  period: HeadlinePeriod,
  now = new Date(),
): Promise<DashboardSummary> {
  const unresolved = { orgId: ctx.orgId, ...scopeWhere(ctx), status: { in: ["open", "in_progress"] } };
  const [customers, interactionsInPeriod, openCases, overdueCases] = await Promise.all([
    db.customer.count({ where: { orgId: ctx.orgId, ...customerScopeWhere(ctx) } }),
    db.interaction.count({
      where: { orgId: ctx.orgId, ...scopeWhere(ctx), occurredAt: { gte: period.from, lt: period.to } },
    }),
    db.case.count({ where: unresolved }),
    db.case.count({ where: { ...unresolved, dueAt: { lt: now } } }),
  ]);
  return { customers, interactionsInPeriod, openCases, overdueCases };
}
