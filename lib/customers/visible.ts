// Which customers a caller may see (docs/hierarchy.md, "Customers in a scope"): every customer of the organization for
// a whole-organization caller; for a unit-scoped one, those whose home unit is in their subtree or who have a
// response, interaction or case there (customerScopeWhere). A customer outside is a 404, as another organization's.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../errors";
import { customerScopeWhere } from "../units/scope";

/** Prisma where for one customer the caller may see. */
export const visibleCustomerWhere = (ctx: Ctx, id: string) => ({ id, orgId: ctx.orgId, ...customerScopeWhere(ctx) });

/** Throws a 404 unless the customer is the caller's to see. */
export async function assertVisibleCustomer(ctx: Ctx, id: string): Promise<void> {
  const found = await db.customer.findFirst({ where: visibleCustomerWhere(ctx, id), select: { id: true } });
  if (!found) throw new NotFoundError("Customer");
}
