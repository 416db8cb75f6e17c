// Attribution at write time (docs/hierarchy.md, "Attribution"): loads the candidate units of a batch of rows — the
// explicit unit, the staff member's scope unit, the touchpoint's and the customer's home unit — with one query per
// kind of candidate, and applies the pure rule order of attribution.ts to each row. Called inside the transaction
// that writes the rows (responses, interactions, cases), so a row is never stored without its unit.
import type { Prisma } from "../generated/sqlite/client";
import type { db } from "../db";
import { attribute, attributeCase, type Attribution, type Candidate } from "./attribution";

type Tx = Prisma.TransactionClient | typeof db;

/** What a row knows of itself when it is written; every id is of the row's organization (checked by the caller). */
export type RowContext = {
  /** A unit named by a signed link or the campaign the row came through. */
  explicitUnitId?: string | null;
  /** The staff member who logged an interaction themself (source "staff"); their membership's scope unit. */
  staffUserId?: string | null;
  /**
   * The staff rule's unit given directly: a unit-scoped caller's scope unit (a member or an API key, which writes
   * "inside" its unit; docs/hierarchy.md, "Scoped access: responses, interactions and cases"). Wins over staffUserId.
   */
  staffUnitId?: string | null;
  touchpointId?: string | null;
  customerId?: string | null;
};

const unitSelect = { unitId: true, unit: { select: { archivedAt: true } } } as const;
type WithUnit = { unitId: string | null; unit: { archivedAt: Date | null } | null };
const candidateOf = (row: WithUnit | undefined): Candidate =>
  row?.unitId && row.unit ? { id: row.unitId, archived: row.unit.archivedAt !== null } : null;

const ids = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];

/** findMany over a long id list in chunks of 400 (SQLite binds at most 999 parameters in one query). */
async function inChunks<T>(list: string[], find: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < list.length; i += 400) out.push(...(await find(list.slice(i, i + 400))));
  return out;
}

/** The unit (and the rule that decided it) of each row, in the order given. */
export async function attributeRows(tx: Tx, orgId: string, rows: RowContext[]): Promise<Attribution[]> {
  const explicitIds = ids(rows.flatMap((r) => [r.explicitUnitId, r.staffUnitId]));
  const staffIds = ids(rows.map((r) => r.staffUserId));
  const touchpointIds = ids(rows.map((r) => r.touchpointId));
  const customerIds = ids(rows.map((r) => r.customerId));
  // One after another: the queries share the transaction's connection.
  const units = await inChunks(explicitIds, (chunk) =>
    tx.unit.findMany({ where: { orgId, id: { in: chunk } }, select: { id: true, archivedAt: true } }),
  );
  const members = await inChunks(staffIds, (chunk) =>
    tx.membership.findMany({ where: { orgId, userId: { in: chunk } }, select: { userId: true, ...unitSelect } }),
  );
  const touchpoints = await inChunks(touchpointIds, (chunk) =>
    tx.touchpoint.findMany({ where: { orgId, id: { in: chunk } }, select: { id: true, ...unitSelect } }),
  );
  const customers = await inChunks(customerIds, (chunk) =>
    tx.customer.findMany({ where: { orgId, id: { in: chunk } }, select: { id: true, ...unitSelect } }),
  );
  const unitById = new Map(units.map((u) => [u.id, { id: u.id, archived: u.archivedAt !== null }]));
  const memberBy = new Map(members.map((m) => [m.userId, m]));
  const touchpointBy = new Map(touchpoints.map((t) => [t.id, t]));
  const customerBy = new Map(customers.map((c) => [c.id, c]));
  return rows.map((r) =>
    attribute({
      explicit: r.explicitUnitId ? unitById.get(r.explicitUnitId) : null,
      staff: r.staffUnitId
        ? (unitById.get(r.staffUnitId) ?? null)
        : r.staffUserId
          ? candidateOf(memberBy.get(r.staffUserId))
          : null,
      touchpoint: r.touchpointId ? candidateOf(touchpointBy.get(r.touchpointId)) : null,
      customer: r.customerId ? candidateOf(customerBy.get(r.customerId)) : null,
    }),
  );
}

/** attributeRows for rows of several organizations (the public ingestion batch), in the order given. */
export async function attributeAcrossOrgs(tx: Tx, rows: (RowContext & { orgId: string })[]): Promise<Attribution[]> {
  const out: Attribution[] = new Array(rows.length);
  for (const orgId of new Set(rows.map((r) => r.orgId))) {
    const at = rows.flatMap((r, i) => (r.orgId === orgId ? [i] : []));
    const units = await attributeRows(
      tx,
      orgId,
      at.map((i) => rows[i]),
    );
    at.forEach((i, j) => (out[i] = units[j]));
  }
  return out;
}

/** The unit of each new case (and the rule that decided): its response's or interaction's, else its customer's active home unit. */
export async function attributeCases(
  tx: Tx,
  orgId: string,
  cases: { sourceUnitId: string | null; customerId: string | null }[],
): Promise<ReturnType<typeof attributeCase>[]> {
  const customerIds = ids(cases.filter((c) => !c.sourceUnitId).map((c) => c.customerId));
  const customers = await inChunks(customerIds, (chunk) =>
    tx.customer.findMany({ where: { orgId, id: { in: chunk } }, select: { id: true, ...unitSelect } }),
  );
  const customerBy = new Map(customers.map((c) => [c.id, c]));
  return cases.map((c) =>
    attributeCase({
      source: { unitId: c.sourceUnitId },
      customer: c.customerId ? candidateOf(customerBy.get(c.customerId)) : null,
    }),
  );
}
