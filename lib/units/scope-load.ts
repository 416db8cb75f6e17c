// A membership's or an API key's scope resolved to unit ids, once per request (docs/hierarchy.md, "Scoped
// memberships"). Kept apart from lib/units/scope.ts so that lib/auth/ctx.ts can load it without a cycle.
import { db, Prisma } from "../db";

/** A unit subtree: the scope unit and every unit under it, archived ones included (their history stays readable). */
export type Scope = {
  unitId: string;
  /** The scope unit's name, for the page header ("Manchester Arndale store"). */
  unitName: string;
  /** The ids of the unit and its whole subtree. */
  unitIds: string[];
};

/**
 * The subtree of `unitId` in `orgId` in one statement, once per request: the unit's name and the ids of every unit
 * whose materialized path starts with the unit's (itself included), among the organization's units ((orgId, path)
 * index). The prefix is compared with substr/length, exact on both databases whatever their collation (a LIKE would
 * read `_` in a path as a wildcard; a range on path depends on the collation's order). A unit that is not the
 * organization's (which the schema never lets happen) gives an empty subtree, never the whole organization.
 */
export async function loadScope(orgId: string, unitId: string): Promise<Scope> {
  const rows = await db.$queryRaw<{ name: string; id: string }[]>(
    Prisma.sql`SELECT s."name" AS name, u."id" AS id FROM "Unit" s
      JOIN "Unit" u ON u."orgId" = s."orgId" AND substr(u."path", 1, length(s."path")) = s."path"
      WHERE s."id" = ${unitId} AND s."orgId" = ${orgId}`,
  );
  if (rows.length === 0) return { unitId, unitName: "(unknown unit)", unitIds: [] };
  return { unitId, unitName: rows[0]!.name, unitIds: rows.map((r) => r.id) };
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
