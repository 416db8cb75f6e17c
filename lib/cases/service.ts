// Follow-up cases: read and work them. Rules that open cases automatically are issue #4.
import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { NotFoundError, ValidationError } from "../http/errors";
import { pageArgs, toPage } from "../http/pagination";
import { recordAudit } from "../audit/service";
import type { CaseListQuery, CaseUpdate } from "./schema";

const include = {
  customer: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
  response: { select: { id: true, score: true, metric: true, comment: true } },
} satisfies Prisma.CaseInclude;
type Row = Prisma.CaseGetPayload<{ include: typeof include }>;

function toDto(c: Row) {
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    priority: c.priority,
    customer: c.customer,
    owner: c.owner,
    response: c.response,
    dueAt: c.dueAt,
    rootCause: c.rootCause,
    resolution: c.resolution,
    createdAt: c.createdAt,
    resolvedAt: c.resolvedAt,
  };
}

export async function listCases(ctx: Ctx, q: CaseListQuery) {
  // "My cases" is a work queue: what is still open, overdue first (earliest due date first, no due date last).
  const queue = q.mine && !q.status;
  const where: Prisma.CaseWhereInput = {
    orgId: ctx.orgId,
    status: q.status ?? (queue ? { not: "resolved" } : undefined),
    ...(q.mine ? { ownerId: ctx.userId } : {}),
  };
  const orderBy: Prisma.CaseOrderByWithRelationInput[] = queue
    ? [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }]
    : [{ createdAt: "desc" }, { id: "desc" }];
  const rows = await db.case.findMany({ where, include, orderBy, ...pageArgs(q) });
  const page = toPage(rows, q);
  return { data: page.data.map(toDto), nextCursor: page.nextCursor };
}

export async function getCase(ctx: Ctx, id: string) {
  const row = await db.case.findFirst({ where: { id, orgId: ctx.orgId }, include });
  if (!row) throw new NotFoundError("Case");
  return toDto(row);
}

export async function updateCase(ctx: Ctx, id: string, input: CaseUpdate) {
  const existing = await db.case.findFirst({ where: { id, orgId: ctx.orgId }, select: { id: true, status: true } });
  if (!existing) throw new NotFoundError("Case");
  if (input.ownerId) {
    const member = await db.membership.findUnique({ where: { orgId_userId: { orgId: ctx.orgId, userId: input.ownerId } } });
    if (!member) throw new ValidationError([{ name: "ownerId", reason: "Not a member of this organization", in: "body" }]);
  }
  const resolving = input.status === "resolved" && existing.status !== "resolved";
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.case.update({
      where: { id },
      data: {
        status: input.status,
        rootCause: input.rootCause,
        resolution: input.resolution,
        ownerId: input.ownerId,
        dueAt: input.dueAt,
        ...(input.status ? { resolvedAt: input.status === "resolved" ? (resolving ? new Date() : undefined) : null } : {}),
      },
      include,
    });
    await recordAudit(ctx, { action: resolving ? "case.resolved" : "case.updated", entityType: "Case", entityId: id, data: { fields: Object.keys(input) } }, tx);
    return updated;
  });
  return toDto(row);
}
