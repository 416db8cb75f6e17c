// The unit filter of every metric and report (docs/hierarchy.md, "How every read honours the scope"): `unitId`
// narrows the figures to that unit and its subtree, intersected with the caller's scope. It works by narrowing the
// caller's scope for the one read: every service already counts only ctx.scope's units (lib/analytics/sql.ts,
// lib/units/scope.ts), so the filter needs no second code path. A unit of another organization, or one outside the
// caller's scope, is a 404 exactly as a row would be. The subtree of a unit inside the scope lies wholly inside it
// (a scope is a whole subtree), so the intersection is the unit's subtree.
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../errors";
import { loadScope } from "../units/scope-load";
import { inScope } from "../units/scope";
import { listUnits } from "../units/service";

/** The context whose scope is `unitId`'s subtree (unchanged without a unit); 404 outside the scope or organization. */
export async function narrowToUnit<C extends Ctx>(ctx: C, unitId: string | null | undefined): Promise<C> {
  if (!unitId) return ctx;
  if (ctx.scope && !ctx.scope.unitIds.includes(unitId)) throw new NotFoundError("Unit");
  if (ctx.scope?.unitId === unitId) return ctx;
  const scope = await loadScope(ctx.orgId, unitId);
  // loadScope gives an empty subtree for a unit the organization does not have (a subtree holds its own unit).
  if (scope.unitIds.length === 0) throw new NotFoundError("Unit");
  return { ...ctx, scope };
}

/**
 * The units to pick in a report's filter form. `scopeUnitName` is the caller's scope unit (the "every unit" choice
 * reads "All of <it>"), null for an organization-wide member ("Organization"); `indent` is the depth under the top
 * unit shown. The words are the picker's (components/dashboard/filter-bar.tsx, UnitFilter), in the page's language.
 */
export type UnitFilterOptions = {
  scopeUnitName: string | null;
  units: { id: string; name: string; code: string; archived: boolean; indent: number }[];
};

/**
 * The units a caller may filter by, in tree order: their scope unit and its subtree (the whole tree for an
 * organization-wide member), archived ones marked, since their history stays in the reports. No units: no picker.
 */
export async function unitFilterOptions(ctx: Ctx): Promise<UnitFilterOptions> {
  const units = (await listUnits(ctx)).filter((u) => inScope(ctx, u.id));
  const top = Math.min(...units.map((u) => u.depth));
  return {
    scopeUnitName: ctx.scope ? ctx.scope.unitName : null,
    units: units.map((u) => ({ id: u.id, name: u.name, code: u.code, archived: u.archived, indent: u.depth - top })),
  };
}
