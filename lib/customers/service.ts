import { db } from "../db";
import { startsWithText } from "../db-text";
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { pageArgs, toPage } from "../http/pagination";
import { recordAudit } from "../audit/service";
import { checkUnitRef } from "../units/service";
import { customerScopeWhere, inScope } from "../units/scope";
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

export async function listCustomers(ctx: Ctx, q: CustomerListQuery) {
  if (q.q) return { data: await searchCustomers(ctx, q.q, q.limit), nextCursor: null };
  const where: Prisma.CustomerWhereInput = { orgId: ctx.orgId, ...customerScopeWhere(ctx) };
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
