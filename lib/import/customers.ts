// Customer CSV import: the customer kind for the shared pipeline (lib/import/pipeline.ts). Rows are checked by
// the same zod rules as createCustomer (row.ts); the one reference is the optional `unit` column, the home unit named by
// its code: an unknown or archived code makes that row bad (docs/hierarchy.md, "A customer's home unit"). Existing
// customers (same externalId in this organization) are skipped or updated (`onExisting`) by writeBatch.
import type { Ctx } from "../auth/ctx";
import type { CustomerInput } from "../customers/schema";
import { CUSTOMER_SPEC } from "./mapping";
import { prepareImport, type ImportKind, type ImportOptions, type Numbered } from "./pipeline";
import { parseRow, type CustomerRowInput } from "./row";
import { db } from "../db";
import type { Source } from "./csv";
import { writeBatch } from "./write";

/** The organization's units by code, read once per import (at most 5,000, docs/hierarchy.md "Limits"). */
function unitsByCode(ctx: Ctx) {
  let units: Promise<Map<string, { id: string; archived: boolean }>> | undefined;
  return () =>
    (units ??= db.unit
      .findMany({ where: { orgId: ctx.orgId }, select: { id: true, code: true, archivedAt: true } })
      .then((rows) => new Map(rows.map((u) => [u.code, { id: u.id, archived: u.archivedAt !== null }]))));
}

/** The home unit of each row: its code → the unit's id, or the row's problem naming the `unit` column. */
function resolveUnits(ctx: Ctx) {
  const load = unitsByCode(ctx);
  return async (rows: Numbered<CustomerRowInput>[]) => {
    const units = rows.some((r) => r.input.unitCode !== undefined) ? await load() : new Map();
    return rows.map(({ row, input: { unitCode, ...input } }) => {
      if (unitCode === undefined) return { row, input };
      const unit = units.get(unitCode);
      const code = unitCode.slice(0, 64);
      if (!unit)
        return {
          row,
          problems: [{ row, field: "unit", reason: `No unit with the code "${code}" in this organization` }],
        };
      if (unit.archived)
        return {
          row,
          problems: [{ row, field: "unit", reason: `The unit "${code}" is archived; restore it or name another` }],
        };
      return { row, input: { ...input, unitId: unit.id } };
    });
  };
}

export const customerKind: ImportKind<CustomerRowInput, CustomerInput> = {
  spec: CUSTOMER_SPEC,
  audit: { action: "customers.imported", entityType: "Customer" },
  parseRow,
  uniqueKey: (input) => (input.externalId ? { field: "externalId", value: input.externalId } : undefined),
  session: (ctx) => ({
    resolve: resolveUnits(ctx),
    write: (rows, onExisting) => writeBatch(ctx, rows, onExisting),
  }),
};

export const prepareCustomerImport = (ctx: Ctx, source: Source, options: ImportOptions) =>
  prepareImport(customerKind, ctx, source, options);
