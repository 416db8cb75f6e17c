// Follow-up cases: read and work them. Rules that open cases automatically are issue #4.
import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { NotFoundError, ValidationError } from "../errors";
import { pageArgs, toPage } from "../http/pagination";
import { recordAudit } from "../audit/service";
import { enqueueCaseEvents } from "../webhooks/outbox";
import type { CaseListQuery, CaseUpdate } from "./schema";
import { rootCausesFrom } from "./root-causes";
import { finishResurvey, prepareResurvey, resurveyInTx, type ResurveyOutcome } from "./resurvey";
import { fireCaseResolvedTriggers } from "../triggers/fire";
import { scopeWhere } from "../units/scope";
import { memberCanOpenCase } from "./settings-service";

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
    ...scopeWhere(ctx),
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

// A case outside the caller's units is a 404 everywhere below, exactly as another organization's (docs/hierarchy.md,
// "Scoped access: responses, interactions and cases"), and it is left unchanged.
export async function getCase(ctx: Ctx, id: string) {
  const row = await db.case.findFirst({ where: { id, orgId: ctx.orgId, ...scopeWhere(ctx) }, include });
  if (!row) throw new NotFoundError("Case");
  return toDto(row);
}

export async function updateCase(ctx: Ctx, id: string, input: CaseUpdate, opts: { mail?: boolean } = {}) {
  const existing = await db.case.findFirst({
    where: { id, orgId: ctx.orgId, ...scopeWhere(ctx) },
    select: {
      id: true,
      unitId: true,
      status: true,
      rootCause: true,
      resolution: true,
      ownerId: true,
      dueAt: true,
      org: { select: { settings: true } },
    },
  });
  if (!existing) throw new NotFoundError("Case");
  const problems: { name: string; reason: string; in: "body" }[] = [];
  if (input.ownerId) {
    const member = await db.membership.findUnique({
      where: { orgId_userId: { orgId: ctx.orgId, userId: input.ownerId } },
    });
    if (!member) problems.push({ name: "ownerId", reason: "Not a member of this organization", in: "body" });
    else if (member.suspendedAt) problems.push({ name: "ownerId", reason: "This member is suspended", in: "body" });
    else if (!(await memberCanOpenCase(ctx, input.ownerId, existing.unitId)))
      problems.push({ name: "ownerId", reason: "This member's units do not include this case", in: "body" });
  }
  // A cause removed from the list stays valid on the cases that already have it.
  if (
    input.rootCause &&
    input.rootCause !== existing.rootCause &&
    !rootCausesFrom(existing.org.settings).includes(input.rootCause)
  ) {
    problems.push({ name: "rootCause", reason: "Choose one of the organization's root causes", in: "body" });
  }
  const finalStatus = input.status ?? existing.status;
  const finalResolution = input.resolution === undefined ? existing.resolution : input.resolution;
  if (finalStatus === "resolved" && !finalResolution?.trim()) {
    problems.push({ name: "resolution", reason: "Describe how the case was resolved before resolving it", in: "body" });
  }
  if (input.resurvey && finalStatus !== "resolved")
    problems.push({ name: "resurvey", reason: "A re-survey is sent only when the case is resolved", in: "body" });
  if (problems.length) throw new ValidationError(problems);
  const resolving = input.status === "resolved" && existing.status !== "resolved";
  const { resurvey, ...fields } = input;
  const prepared = resurvey ? await prepareResurvey(ctx, id) : null;
  const { row, decision } = await db.$transaction(async (tx) => {
    const updated = await tx.case.update({
      where: { id },
      data: {
        status: fields.status,
        rootCause: fields.rootCause,
        resolution: fields.resolution,
        ownerId: fields.ownerId,
        dueAt: fields.dueAt,
        ...(fields.status
          ? { resolvedAt: fields.status === "resolved" ? (resolving ? new Date() : undefined) : null }
          : {}),
      },
      include,
    });
    // The fields that changed (a form sends every field).
    const same = (k: keyof typeof fields) =>
      k === "dueAt"
        ? (fields.dueAt?.getTime() ?? null) === (existing.dueAt?.getTime() ?? null)
        : (fields[k] ?? null) === (existing[k] ?? null);
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== undefined && !same(k));
    await recordAudit(
      ctx,
      {
        action: resolving ? "case.resolved" : "case.updated",
        entityType: "Case",
        entityId: id,
        data: { fields: changed },
      },
      tx,
    );
    if (resolving) {
      await enqueueCaseEvents(tx, "case.resolved", [updated]);
      // Triggers on "case resolved", and the re-survey the agent asked for, invite in this transaction: a
      // resolution that rolls back invites no one (docs/distribution.md, "Triggers").
      await fireCaseResolvedTriggers(tx, ctx.orgId, updated);
    }
    return { row: updated, decision: prepared ? await resurveyInTx(tx, prepared, opts) : null };
  });
  const outcome: ResurveyOutcome | null = prepared && decision ? await finishResurvey(ctx, prepared, decision) : null;
  return { ...toDto(row), ...(outcome ? { resurvey: outcome } : {}) };
}

const AUDIT_SHOWN = 30;

/** Everything the case page shows: the trigger (response with answers, or interaction), customer, history. */
export async function getCaseDetail(ctx: Ctx, id: string) {
  const row = await db.case.findFirst({
    where: { id, orgId: ctx.orgId, ...scopeWhere(ctx) },
    include: {
      owner: { select: { id: true, name: true } },
      customer: {
        select: { id: true, name: true, email: true, phone: true, externalId: true, consent: true, consentAt: true },
      },
      response: {
        select: {
          id: true,
          metric: true,
          score: true,
          category: true,
          comment: true,
          submittedAt: true,
          locale: true,
          survey: { select: { id: true, name: true, publicId: true, defaultLocale: true } },
          answers: {
            select: {
              id: true,
              valueNumber: true,
              valueText: true,
              valueChoice: true,
              question: { select: { key: true, text: true, position: true } },
            },
            orderBy: { question: { position: "asc" } },
          },
        },
      },
      interaction: {
        select: {
          id: true,
          outcome: true,
          note: true,
          occurredAt: true,
          touchpoint: { select: { name: true } },
          staff: { select: { name: true } },
        },
      },
    },
  });
  if (!row) throw new NotFoundError("Case");
  const history = await db.auditEvent.findMany({
    where: { orgId: ctx.orgId, entityType: "Case", entityId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_SHOWN,
    select: { id: true, action: true, data: true, createdAt: true, apiKeyId: true, actor: { select: { name: true } } },
  });
  // The invitations the case's resolution caused (the re-survey, "case resolved" triggers) and what became of them.
  const invitations = await db.invitation.findMany({
    where: { orgId: ctx.orgId, causeKey: `case:${id}` },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      reason: true,
      sentAt: true,
      trigger: { select: { name: true } },
      survey: { select: { name: true } },
      messages: { where: { seq: 0 }, select: { nextAttemptAt: true } },
    },
  });
  return { ...row, history, invitations };
}
export type CaseDetail = Awaited<ReturnType<typeof getCaseDetail>>;
