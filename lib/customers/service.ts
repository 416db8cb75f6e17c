import { db, Prisma as P } from "../db";
import { startsWithText } from "../db-text";
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { pageArgs, toPage } from "../http/pagination";
import { recordAudit } from "../audit/service";
import { checkUnitRef } from "../units/service";
import { customerScopeIdsSql, customerScopeSql, customerScopeWhere, inScope } from "../units/scope";
import { visibleCustomerWhere } from "./visible";
import type { CustomerCreate, CustomerListQuery, CustomerUpdate } from "./schema";
import { recordConsentChange } from "../privacy/consent";
import { headOf, MIN_QUERY, normalizeSearch, searchTokenRows } from "./search-tokens";
import { findSameNameCustomers, SameNameError } from "./same-name";

const customerInclude = { tags: { select: { tag: true }, orderBy: { tag: "asc" } } } satisfies Prisma.CustomerInclude;
type CustomerRow = Prisma.CustomerGetPayload<{ include: typeof customerInclude }>;

export function toCustomerDto(c: CustomerRow) {
  return {
    id: c.id,
    externalId: c.externalId,
    name: c.name,
    email: c.email,
    phone: c.phone,
    attributes: (c.attributes ?? {}) as Record<string, unknown>,
    tags: c.tags.map((t) => t.tag),
    consent: c.consent,
    consentAt: c.consentAt,
    unitId: c.unitId,
    erasedAt: c.erasedAt,
    createdAt: c.createdAt,
    lastSeenAt: c.lastSeenAt,
  };
}
export type CustomerDto = ReturnType<typeof toCustomerDto>;

/**
 * Prefix search on name words, full name, e-mail and external id, case- and accent-insensitive, the same on
 * SQLite and PostgreSQL: an index lookup on (orgId, head) plus a prefix match inside that slice.
 */
export async function searchCustomers(ctx: Ctx, text: string, limit = 10) {
  const q = normalizeSearch(text);
  if (Array.from(q).length < MIN_QUERY) return [];
  // A scoped caller's search keeps to the customers they may see inside the one token query, so that hidden matches
  // cannot crowd the visible ones out of the limit.
  const scope = customerScopeWhere(ctx);
  const hits = await db.customerSearchToken.findMany({
    where: {
      orgId: ctx.orgId,
      head: headOf(q),
      token: startsWithText(q),
      ...(ctx.scope ? { customer: scope } : {}),
    },
    select: { customerId: true, token: true },
    orderBy: { token: "asc" },
    take: limit * 6, // a customer can match on several tokens ("noah", "noah.clark", "noah clark")
  });
  const ids = [...new Set(hits.map((h) => h.customerId))].slice(0, limit);
  if (ids.length === 0) return [];
  const rows = await db.customer.findMany({
    where: { orgId: ctx.orgId, id: { in: ids }, ...scope },
    include: customerInclude,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [toCustomerDto(byId.get(id)!)] : []));
}

/** How many of the newest customers a scoped list checks one by one before it reads its scope from the units' side. */
const SCOPED_WINDOW = 1_000;

/**
 * One page of a unit-scoped caller's customers, newest first (docs/hierarchy.md, "Customers in a scope"), in two
 * steps whose cost never follows the organization's size:
 * 1. **walk**: the next SCOPED_WINDOW customers after the cursor, newest first, each checked with customerScopeSql
 *    (three index probes). A scope that is not too sparse — a region, a store of a few thousand customers — fills its
 *    page here, and those are exactly the newest visible ones.
 * 2. **from the units**: when the window held fewer than a page and the organization goes on beyond it (a store
 *    opened last week), the visible ids from the units' side (customerScopeIdsSql), sorted: cheap for a sparse scope.
 * The cursor is the last id of the previous page, as for Prisma's cursor pagination. Exported (the SQL of both steps)
 * for bench/customer-scope.ts, which shows their plans.
 */
export function scopedPageSql(ctx: Ctx, q: Pick<CustomerListQuery, "cursor" | "tag" | "limit">) {
  const visible = customerScopeIdsSql(ctx);
  if (!visible) return null;
  const after = (alias: string) =>
    q.cursor
      ? P.sql` AND (${P.raw(`${alias}."createdAt"`)}, ${P.raw(`${alias}."id"`)}) < (SELECT p."createdAt", p."id" FROM "Customer" p WHERE p."id" = ${q.cursor} AND p."orgId" = ${ctx.orgId})`
      : P.empty;
  const tag = q.tag
    ? P.sql` AND EXISTS (SELECT 1 FROM "CustomerTag" t WHERE t."customerId" = c."id" AND t."tag" = ${q.tag})`
    : P.empty;
  const window = P.sql`SELECT w."id", w."createdAt", w."unitId" FROM "Customer" w WHERE w."orgId" = ${ctx.orgId}${after("w")}
      ORDER BY w."createdAt" DESC, w."id" DESC LIMIT ${SCOPED_WINDOW}`;
  return {
    walk: P.sql`SELECT c."id" FROM (${window}) c WHERE 1 = 1${customerScopeSql(ctx, "c", { perRow: true })}${tag}
      ORDER BY c."createdAt" DESC, c."id" DESC LIMIT ${q.limit + 1}`,
    windowSize: P.sql`SELECT COUNT(*) AS "n" FROM (${window}) c`,
    fromUnits: P.sql`SELECT c."id" FROM "Customer" c
      WHERE c."orgId" = ${ctx.orgId} AND c."id" IN (${visible})${after("c")}${tag}
      ORDER BY c."createdAt" DESC, c."id" DESC LIMIT ${q.limit + 1}`,
  };
}

async function scopedPage(ctx: Ctx, q: CustomerListQuery, sql: NonNullable<ReturnType<typeof scopedPageSql>>) {
  const read = async (s: P.Sql) => (await db.$queryRaw<Array<{ id: string }>>(s)).map((r) => r.id);
  let ids = await read(sql.walk);
  if (ids.length <= q.limit) {
    const [{ n }] = await db.$queryRaw<Array<{ n: number | bigint }>>(sql.windowSize);
    if (Number(n) >= SCOPED_WINDOW) ids = await read(sql.fromUnits);
  }
  const rows = await db.customer.findMany({ where: { orgId: ctx.orgId, id: { in: ids } }, include: customerInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return toPage(
    ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    q,
  );
}

export async function listCustomers(ctx: Ctx, q: CustomerListQuery) {
  if (q.q) return { data: await searchCustomers(ctx, q.q, q.limit), nextCursor: null };
  const scoped = scopedPageSql(ctx, q);
  if (scoped) {
    const page = await scopedPage(ctx, q, scoped);
    return { data: page.data.map(toCustomerDto), nextCursor: page.nextCursor };
  }
  const where: Prisma.CustomerWhereInput = { orgId: ctx.orgId };
  if (q.tag) where.tags = { some: { tag: q.tag } };
  const rows = await db.customer.findMany({
    where,
    include: customerInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(q),
  });
  const page = toPage(rows, q);
  return { data: page.data.map(toCustomerDto), nextCursor: page.nextCursor };
}

export async function getCustomer(ctx: Ctx, id: string) {
  const c = await db.customer.findFirst({ where: visibleCustomerWhere(ctx, id), include: customerInclude });
  if (!c) throw new NotFoundError("Customer");
  return toCustomerDto(c);
}

async function assertExternalIdFree(ctx: Ctx, externalId: string | undefined, exceptId?: string) {
  if (!externalId) return;
  const clash = await db.customer.findFirst({
    where: { orgId: ctx.orgId, externalId, NOT: exceptId ? { id: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw new ConflictError(`A customer with external id "${externalId}" already exists.`);
}

const OUTSIDE_HOME = "Your membership covers only some units: a customer you add or move needs a home unit among them";

/**
 * The home unit a create stores. A whole-organization caller's choice stands as sent. A unit-scoped caller's customer
 * gets their scope unit unless they name one; a unit outside their subtree is a 404 (as another organization's), and
 * no unit at all (null) a 400: the customer would leave their sight at once.
 */
function homeUnitOnCreate(ctx: Ctx, requested: string | null | undefined): string | null | undefined {
  if (!ctx.scope) return requested;
  if (requested === undefined) return ctx.scope.unitId;
  if (requested === null) throw new ValidationError([{ name: "unitId", reason: OUTSIDE_HOME, in: "body" }]);
  if (!inScope(ctx, requested)) throw new NotFoundError("Unit");
  return requested;
}

/**
 * A change of home unit by a unit-scoped caller: only from one of their units to another. A unit outside the subtree
 * is a 404; moving a customer whose home is elsewhere (they see them through a visit in their units) or to no unit
 * is a 400 naming unitId.
 */
function checkHomeUnitMove(ctx: Ctx, from: string | null, to: string | null): void {
  if (!ctx.scope) return;
  if (to !== null && !inScope(ctx, to)) throw new NotFoundError("Unit");
  if (to === null || !inScope(ctx, from))
    throw new ValidationError([{ name: "unitId", reason: OUTSIDE_HOME, in: "body" }]);
}

export async function createCustomer(ctx: Ctx, input: CustomerCreate) {
  const unitId = homeUnitOnCreate(ctx, input.unitId);
  await assertExternalIdFree(ctx, input.externalId);
  // Only a bare name can be an accidental second entry: a create that names an e-mail, a phone or an external id
  // says who the person is (two people called John Smith are common in any CRM sync).
  if (!input.allowSameName && !input.email && !input.phone && !input.externalId) {
    const same = await findSameNameCustomers(ctx, input.name);
    if (same.length) throw new SameNameError(input.name, same);
  }
  const created = await db.$transaction(async (tx) => {
    await checkUnitRef(tx, ctx.orgId, unitId);
    const c = await tx.customer.create({
      data: {
        orgId: ctx.orgId,
        externalId: input.externalId,
        name: input.name,
        email: input.email,
        phone: input.phone,
        attributes: input.attributes,
        unitId,
        consent: input.consent ?? null,
        consentAt: input.consent === undefined || input.consent === null ? null : new Date(),
        tags: input.tags?.length
          ? { create: [...new Set(input.tags)].map((tag) => ({ orgId: ctx.orgId, tag })) }
          : undefined,
      },
      include: customerInclude,
    });
    await tx.customerSearchToken.createMany({ data: searchTokenRows(ctx.orgId, c.id, c) });
    if (c.consent !== null) await recordConsentChange(tx, ctx, { customerId: c.id, consent: c.consent });
    await recordAudit(ctx, { action: "customer.created", entityType: "Customer", entityId: c.id }, tx);
    return c;
  });
  return toCustomerDto(created);
}

export async function updateCustomer(ctx: Ctx, id: string, input: CustomerUpdate) {
  const existing = await db.customer.findFirst({
    where: visibleCustomerWhere(ctx, id),
    select: { id: true, consent: true, erasedAt: true, unitId: true },
  });
  if (!existing) throw new NotFoundError("Customer");
  const moves = input.unitId !== undefined && input.unitId !== existing.unitId;
  if (moves) checkHomeUnitMove(ctx, existing.unitId, input.unitId ?? null);
  if (existing.erasedAt)
    throw new ConflictError("This customer has been erased; an erased customer cannot be changed.");
  await assertExternalIdFree(ctx, input.externalId, id);
  const updated = await db.$transaction(async (tx) => {
    if (input.tags) {
      await tx.customerTag.deleteMany({ where: { customerId: id, orgId: ctx.orgId } });
      await tx.customerTag.createMany({
        data: [...new Set(input.tags)].map((tag) => ({ orgId: ctx.orgId, customerId: id, tag })),
      });
    }
    const consentChanged = input.consent !== undefined && input.consent !== existing.consent;
    if (moves) await checkUnitRef(tx, ctx.orgId, input.unitId);
    const c = await tx.customer.update({
      where: { id },
      data: {
        externalId: input.externalId,
        name: input.name,
        email: input.email,
        phone: input.phone,
        attributes: input.attributes,
        unitId: input.unitId,
        ...(consentChanged ? { consent: input.consent, consentAt: new Date() } : {}),
      },
      include: customerInclude,
    });
    if (consentChanged) await recordConsentChange(tx, ctx, { customerId: id, consent: input.consent ?? null });
    if (input.name !== undefined || input.email !== undefined || input.externalId !== undefined) {
      await tx.customerSearchToken.deleteMany({ where: { customerId: id } });
      await tx.customerSearchToken.createMany({ data: searchTokenRows(ctx.orgId, id, c) });
    }
    await recordAudit(
      ctx,
      { action: "customer.updated", entityType: "Customer", entityId: id, data: { fields: Object.keys(input) } },
      tx,
    );
    return c;
  });
  return toCustomerDto(updated);
}
