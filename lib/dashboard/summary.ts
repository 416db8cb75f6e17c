// The dashboard's counts. Each is a COUNT in the database over an (orgId, …) index; no rows are loaded.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
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
  const unresolved = { orgId: ctx.orgId, status: { in: ["open", "in_progress"] } };
  const [customers, interactionsInPeriod, openCases, overdueCases] = await Promise.all([
    db.customer.count({ where: { orgId: ctx.orgId } }),
    db.interaction.count({ where: { orgId: ctx.orgId, occurredAt: { gte: period.from, lt: period.to } } }),
    db.case.count({ where: unresolved }),
    db.case.count({ where: { ...unresolved, dueAt: { lt: now } } }),
  ]);
  return { customers, interactionsInPeriod, openCases, overdueCases };
}
