// The choices of a customer's Home unit field (the Add-customer form, the customer's page): the caller's active units —
// for a unit-scoped member those of their subtree, their own unit first chosen and no "No home unit" (a customer
// without a unit would leave their sight). Null where the field is not shown: an organization without units, or, on
// the customer's page, a home that lies outside the member's units (they see the customer through a visit there).
import type { Ctx } from "../auth/ctx";
import { db } from "../db";
import { unitOptions } from "../units/service";
import { inScope } from "../units/scope";

export type HomeUnitChoice = {
  /** The caller's active units in tree order, labels indented by depth. */
  options: Array<{ id: string; label: string }>;
  /** Whether "No home unit" is offered (whole-organization callers). */
  allowNone: boolean;
  /** The preselected unit ("" = none). */
  selected: string;
};

/** The caller's active units, the tree's indent starting at their top (a store manager's one store is not indented). */
async function choices(ctx: Ctx) {
  const options = (await unitOptions(ctx)).filter((u) => inScope(ctx, u.id));
  const indent = (label: string) => label.length - label.replace(/^\u00a0+/, "").length;
  const common = Math.min(...options.map((u) => indent(u.label)));
  return options.map((u) => ({ id: u.id, label: u.label.slice(common) }));
}

/** For a new customer. */
export async function homeUnitChoiceForNew(ctx: Ctx): Promise<HomeUnitChoice | null> {
  const options = await choices(ctx);
  if (options.length === 0) return null;
  if (!ctx.scope) return { options, allowNone: true, selected: "" };
  const own = options.find((u) => u.id === ctx.scope!.unitId) ?? options[0];
  return { options, allowNone: false, selected: own.id };
}

/** For an existing customer whose home unit is `current`. */
export async function homeUnitChoiceFor(ctx: Ctx, current: string | null): Promise<HomeUnitChoice | null> {
  if (ctx.scope && !inScope(ctx, current)) return null;
  const options = await choices(ctx);
  if (options.length === 0 && !current) return null;
  // A home unit archived since stays shown (and kept) until someone picks another.
  const archived =
    current && !options.some((u) => u.id === current) ? [{ id: current, label: "An archived unit" }] : [];
  return { options: [...options, ...archived], allowNone: !ctx.scope, selected: current ?? "" };
}

/** The name and code of a customer's home unit, to show (the unit tree is readable by every member). */
export async function homeUnitOf(ctx: Ctx, unitId: string | null): Promise<{ name: string; code: string } | null> {
  if (!unitId) return null;
  return db.unit.findFirst({ where: { id: unitId, orgId: ctx.orgId }, select: { name: true, code: true } });
}
