import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { ConflictError, NotFoundError } from "../http/errors";
import { pageArgs, toPage } from "../http/pagination";
import { recordAudit } from "../audit/service";
import type { CustomerInput, CustomerListQuery, CustomerUpdate } from "./schema";

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
    createdAt: c.createdAt,
    lastSeenAt: c.lastSeenAt,
  };
}
export type CustomerDto = ReturnType<typeof toCustomerDto>;

export async function listCustomers(ctx: Ctx, q: CustomerListQuery) {
  const where: Prisma.CustomerWhereInput = { orgId: ctx.orgId };
  if (q.q) where.OR = [{ name: { startsWith: q.q } }, { email: { startsWith: q.q.toLowerCase() } }, { externalId: { startsWith: q.q } }];
  if (q.tag) where.tags = { some: { tag: q.tag } };
  const rows = await db.customer.findMany({ where, include: customerInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageArgs(q) });
  const page = toPage(rows, q);
  return { data: page.data.map(toCustomerDto), nextCursor: page.nextCursor };
}

export async function getCustomer(ctx: Ctx, id: string) {
  const c = await db.customer.findFirst({ where: { id, orgId: ctx.orgId }, include: customerInclude });
  if (!c) throw new NotFoundError("Customer");
  return toCustomerDto(c);
}

async function assertExternalIdFree(ctx: Ctx, externalId: string | undefined, exceptId?: string) {
  if (!externalId) return;
  const clash = await db.customer.findFirst({ where: { orgId: ctx.orgId, externalId, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new ConflictError(`A customer with external id "${externalId}" already exists.`);
}

export async function createCustomer(ctx: Ctx, input: CustomerInput) {
  await assertExternalIdFree(ctx, input.externalId);
  const created = await db.$transaction(async (tx) => {
    const c = await tx.customer.create({
      data: {
        orgId: ctx.orgId,
        externalId: input.externalId,
        name: input.name,
        email: input.email,
        phone: input.phone,
        attributes: input.attributes,
        consent: input.consent ?? null,
        consentAt: input.consent === undefined || input.consent === null ? null : new Date(),
        tags: input.tags?.length ? { create: [...new Set(input.tags)].map((tag) => ({ orgId: ctx.orgId, tag })) } : undefined,
      },
      include: customerInclude,
    });
    await recordAudit(ctx, { action: "customer.created", entityType: "Customer", entityId: c.id }, tx);
    return c;
  });
  return toCustomerDto(created);
}

export async function updateCustomer(ctx: Ctx, id: string, input: CustomerUpdate) {
  const existing = await db.customer.findFirst({ where: { id, orgId: ctx.orgId }, select: { id: true, consent: true } });
  if (!existing) throw new NotFoundError("Customer");
  await assertExternalIdFree(ctx, input.externalId, id);
  const updated = await db.$transaction(async (tx) => {
    if (input.tags) {
      await tx.customerTag.deleteMany({ where: { customerId: id, orgId: ctx.orgId } });
      await tx.customerTag.createMany({ data: [...new Set(input.tags)].map((tag) => ({ orgId: ctx.orgId, customerId: id, tag })) });
    }
    const consentChanged = input.consent !== undefined && input.consent !== existing.consent;
    const c = await tx.customer.update({
      where: { id },
      data: {
        externalId: input.externalId,
        name: input.name,
        email: input.email,
        phone: input.phone,
        attributes: input.attributes,
        ...(consentChanged ? { consent: input.consent, consentAt: new Date() } : {}),
      },
      include: customerInclude,
    });
    await recordAudit(ctx, { action: "customer.updated", entityType: "Customer", entityId: id, data: { fields: Object.keys(input) } }, tx);
    return c;
  });
  return toCustomerDto(updated);
}
