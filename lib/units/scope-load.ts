// A membership's or an API key's scope resolved to unit ids, once per request (docs/hierarchy.md, "Scoped
// memberships"). Kept apart from lib/units/scope.ts so that lib/auth/ctx.ts can load it without a cycle.
import { db } from "../db";

/** A unit subtree: the scope unit and every unit under it, archived ones included (their history stays readable). */
export type Scope = {
  unitId: string;
  /** The scope unit's name, for the page header ("Manchester Arndale store"). */
  unitName: string;
  /** The ids of the unit and its whole subtree. */
  unitIds: string[];
};

/**
 * The subtree of `unitId` in `orgId`: one prefix scan of the (orgId, path) index. A unit that is not the
 * organization's (which the schema never lets happen) gives an empty subtree, never the whole organization.
 */
export async function loadScope(orgId: string, unitId: string): Promise<Scope> {
  const unit = await db.unit.findFirst({ where: { id: unitId, orgId }, select: { path: true, name: true } });
  if (!unit) return { unitId, unitName: "(unknown unit)", unitIds: [] };
  const subtree = await db.unit.findMany({
    where: { orgId, path: { startsWith: unit.path } },
    select: { id: true },
  });
  return { unitId, unitName: unit.name, unitIds: subtree.map((u) => u.id) };
}

/**
 * The narrower of two scopes (an API key's own and its creator's current one): null is the whole organization.
 * Two disjoint subtrees give an empty scope, which sees nothing.
 */
export async function narrowerScope(orgId: string, a: string | null, b: string | null): Promise<Scope | null> {
  if (!a && !b) return null;
  if (!a || !b || a === b) return loadScope(orgId, (a ?? b)!);
  const [sa, sb] = await Promise.all([loadScope(orgId, a), loadScope(orgId, b)]);
  if (sa.unitIds.includes(b)) return sb; // b lies inside a
  if (sb.unitIds.includes(a)) return sa;
  return { unitId: a, unitName: sa.unitName, unitIds: [] };
}
