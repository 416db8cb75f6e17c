// Every read and write of a unit-scoped member or API key goes through these helpers (docs/hierarchy.md, "How every
// read honours the scope"). ctx.scope null (or absent, for the system's own contexts) is the whole organization.
//
// - Rows that carry a unit (responses, interactions, cases): in scope when their unitId is in the subtree; a row
//   without a unit counts for the whole organization only.
// - Customers: in scope when their home unit is in the subtree, or when any response, interaction or case of theirs
//   is (a store sees the walk-in customers it served, whose home is elsewhere). What such a customer's 360 shows is
//   the in-scope rows only.
// - Organization-wide settings and bulk operations (requireOrgWide) refuse a scoped caller with a 403 that names
//   the scope, as the role check does for a role.
// A row outside the scope is a 404, exactly as another organization's.
import { Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { ForbiddenError, NotFoundError } from "../errors";

export type { Scope } from "./scope-load";

type Scoped = Pick<Ctx, "scope">;

export function isScoped(ctx: Scoped): boolean {
  return Boolean(ctx.scope);
}

/** The unit ids a scoped caller may see, or null for the whole organization. */
export function scopeUnitIds(ctx: Scoped): string[] | null {
  return ctx.scope ? ctx.scope.unitIds : null;
}

/** Prisma where for a model with `unitId` (Response, Interaction, Case): {} for the whole organization. */
export function scopeWhere(ctx: Scoped): { unitId?: { in: string[] } } {
  return ctx.scope ? { unitId: { in: ctx.scope.unitIds } } : {};
}

/** ` AND <column> IN (…)` for raw SQL, empty for the whole organization; an empty scope matches nothing. */
export function scopeSql(ctx: Scoped, column: string): Prisma.Sql {
  if (!ctx.scope) return Prisma.empty;
  if (ctx.scope.unitIds.length === 0) return Prisma.sql` AND 1 = 0`;
  return Prisma.sql` AND ${Prisma.raw(column)} IN (${Prisma.join(ctx.scope.unitIds)})`;
}

/** Whether a row attributed to `unitId` is in the caller's scope (a row without a unit: whole organization only). */
export function inScope(ctx: Scoped, unitId: string | null | undefined): boolean {
  return !ctx.scope || (unitId != null && ctx.scope.unitIds.includes(unitId));
}

/** A row outside the scope is a 404, as another organization's row is. */
export function assertInScope(ctx: Scoped, unitId: string | null | undefined, what: string): void {
  if (!inScope(ctx, unitId)) throw new NotFoundError(what);
}

/**
 * Prisma where for Customer: {} for the whole organization, else home unit or any row of theirs in scope. The rows'
 * subqueries name the organization too, so that each is a range of the `(orgId, unitId, …)` indexes rather than a
 * scan of every organization's rows (docs/hierarchy.md, "Customers in a scope").
 */
export function customerScopeWhere(ctx: Scoped & Pick<Ctx, "orgId">): Prisma.CustomerWhereInput {
  if (!ctx.scope) return {};
  const inUnits = { unitId: { in: ctx.scope.unitIds } };
  const rows = { orgId: ctx.orgId, ...inUnits };
  return {
    OR: [inUnits, { responses: { some: rows } }, { interactions: { some: rows } }, { cases: { some: rows } }],
  };
}

/**
 * ` AND (…)` on a customer alias for raw SQL: the same rule as customerScopeWhere. `perRow`: for a few outer rows (a
 * window of a list), each EXISTS stays a probe of the `(orgId, customerId, …)` index per customer — `LIMIT 1 OFFSET 0`
 * keeps PostgreSQL from turning it into a hashed subplan that reads every row of the scope first (250 ms for a region
 * of 60,000 responses, against a few ms of probes).
 */
export function customerScopeSql(
  ctx: Scoped & Pick<Ctx, "orgId">,
  alias: string,
  opts: { perRow?: boolean } = {},
): Prisma.Sql {
  if (!ctx.scope) return Prisma.empty;
  if (ctx.scope.unitIds.length === 0) return Prisma.sql` AND 1 = 0`;
  const ids = Prisma.join(ctx.scope.unitIds);
  const c = Prisma.raw(`${alias}."id"`);
  const org = ctx.orgId;
  const one = Prisma.raw(opts.perRow ? " LIMIT 1 OFFSET 0" : "");
  return Prisma.sql` AND (${Prisma.raw(`${alias}."unitId"`)} IN (${ids})
    OR EXISTS (SELECT 1 FROM "Response" sr WHERE sr."orgId" = ${org} AND sr."customerId" = ${c} AND sr."unitId" IN (${ids})${one})
    OR EXISTS (SELECT 1 FROM "Interaction" si WHERE si."orgId" = ${org} AND si."customerId" = ${c} AND si."unitId" IN (${ids})${one})
    OR EXISTS (SELECT 1 FROM "Case" sc WHERE sc."orgId" = ${org} AND sc."customerId" = ${c} AND sc."unitId" IN (${ids})${one}))`;
}

export class OrgWideRequiredError extends ForbiddenError {
  constructor(unitName: string) {
    super(`This needs a membership for the whole organization; yours covers ${unitName} only.`);
  }
}

/** Organization-wide settings and bulk operations: a scoped caller is refused with a 403. */
export function requireOrgWide(ctx: Scoped): void {
  if (ctx.scope) throw new OrgWideRequiredError(ctx.scope.unitName);
}

/**
 * The ids of the customers a scoped caller may see, as a subquery (`c."id" IN (…)`), for lists: the same rule as
 * customerScopeWhere, read from the units' side — the home customers through `Customer(orgId, unitId)` and the rows
 * through their `(orgId, unitId, …)` indexes — so its cost follows the size of the scope, not of the organization (a
 * store opened last week lists its 5 customers without walking 100,000). Whole organization: null (no condition). A
 * NULL customerId of a response or case matches no customer; no `IS NOT NULL` here, which made SQLite read the
 * responses through `(orgId, customerId)` — all of the organization's.
 */
export function customerScopeIdsSql(ctx: Scoped & Pick<Ctx, "orgId">): Prisma.Sql | null {
  if (!ctx.scope) return null;
  if (ctx.scope.unitIds.length === 0) return Prisma.sql`SELECT NULL WHERE 1 = 0`;
  const ids = Prisma.join(ctx.scope.unitIds);
  const org = ctx.orgId;
  return Prisma.sql`SELECT "id" FROM "Customer" WHERE "orgId" = ${org} AND "unitId" IN (${ids})
    UNION ALL SELECT "customerId" FROM "Response" WHERE "orgId" = ${org} AND "unitId" IN (${ids})
    UNION ALL SELECT "customerId" FROM "Interaction" WHERE "orgId" = ${org} AND "unitId" IN (${ids})
    UNION ALL SELECT "customerId" FROM "Case" WHERE "orgId" = ${org} AND "unitId" IN (${ids})`;
}
