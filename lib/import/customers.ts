// Customer CSV import: the customer kind for the shared pipeline (lib/import/pipeline.ts). Rows are checked by
// the same zod rules as createCustomer (row.ts); a customer has no references to resolve. Existing customers
// (same externalId in this organization) are skipped or updated (`onExisting`) by writeBatch.
import type { Ctx } from "../auth/ctx";
import type { CustomerInput } from "../customers/schema";
import { CUSTOMER_SPEC } from "./mapping";
import { prepareImport, type ImportKind, type ImportOptions } from "./pipeline";
import { parseRow } from "./row";
import type { Source } from "./csv";
import { writeBatch } from "./write";

export const customerKind: ImportKind<CustomerInput> = {
  spec: CUSTOMER_SPEC,
  audit: { action: "customers.imported", entityType: "Customer" },
  parseRow,
  uniqueKey: (input) => (input.externalId ? { field: "externalId", value: input.externalId } : undefined),
  session: (ctx) => ({
    resolve: async (rows) => rows,
    write: (rows, onExisting) => writeBatch(ctx, rows, onExisting),
  }),
};

export const prepareCustomerImport = (ctx: Ctx, source: Source, options: ImportOptions) =>
  prepareImport(customerKind, ctx, source, options);
