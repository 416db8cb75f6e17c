// Two customers with one name are usually one person entered twice (an agent who did not wait for the search).
// Creating a customer by name alone (no e-mail, phone or external id) whose name is already taken needs
// allowSameName: the API answers 409 naming how many there are, and the "Add customer" form lists them with links
// before it asks to add another.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { AppError } from "../errors";
import { customerScopeWhere } from "../units/scope";
import { headOf, normalizeSearch } from "./search-tokens";

export type SameNameCustomer = { id: string; name: string | null; email: string | null; externalId: string | null };
export const SAME_NAME_LIMIT = 20;

/**
 * Customers of the organization called exactly `name` (case, accents and spacing aside), erased ones left out:
 * an equality lookup on the search index's full-name (or single-word) token. A unit-scoped caller is shown only the
 * customers they may see (lib/customers/visible.ts): the warning never names a customer outside their units.
 */
export async function findSameNameCustomers(ctx: Ctx, name: string): Promise<SameNameCustomer[]> {
  const q = normalizeSearch(name);
  if (!q) return [];
  const tokens = await db.customerSearchToken.findMany({
    where: { orgId: ctx.orgId, head: headOf(q), token: q },
    select: { customerId: true },
    take: SAME_NAME_LIMIT * 3,
  });
  if (tokens.length === 0) return [];
  const rows = await db.customer.findMany({
    where: {
      orgId: ctx.orgId,
      id: { in: [...new Set(tokens.map((t) => t.customerId))] },
      erasedAt: null,
      ...customerScopeWhere(ctx),
    },
    select: { id: true, name: true, email: true, externalId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  // The token may be an e-mail or external id that happens to equal the name.
  return rows.filter((c) => c.name !== null && normalizeSearch(c.name) === q).slice(0, SAME_NAME_LIMIT);
}

export const SAME_NAME_PROBLEM = "urn:resonance:problem:same-name";

/** 409: customers with this name exist and the create did not say allowSameName — likely a duplicate. */
export class SameNameError extends AppError {
  readonly type = SAME_NAME_PROBLEM;
  constructor(
    readonly customerName: string,
    readonly matches: SameNameCustomer[],
  ) {
    const text = sameNameText(customerName, matches.length);
    super(409, "Conflict", `${text} Send allowSameName: true to add another.`, [
      { name: "name", reason: text, in: "body" },
    ]);
  }
}

export function sameNameText(name: string, count: number): string {
  const many =
    count >= SAME_NAME_LIMIT
      ? `${SAME_NAME_LIMIT} or more customers are`
      : count === 1
        ? "1 customer is"
        : `${count} customers are`;
  return `${many} already called “${name}”.`;
}
