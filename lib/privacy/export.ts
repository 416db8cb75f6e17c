// Per-customer data export (GET /api/v1/customers/:id/export): everything this organization holds about one
// customer as one JSON document — profile, attributes, tags, consent history, interactions, survey responses
// with their answers, cases. Staff appear by name only (no e-mail, no internal secrets); nothing of another
// customer is included (every query is by this customer's id within the caller's organization). Audited.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { NotFoundError } from "../errors";
import { localizedText } from "../surveys/locale";
import { toCustomerDto } from "../customers/service";
import { listConsentHistory } from "./consent";

export const EXPORT_FORMAT = "resonance.customer-export/1";

export async function exportCustomerData(ctx: Ctx, customerId: string, now = new Date()) {
  const c = await db.customer.findFirst({
    where: { id: customerId, orgId: ctx.orgId },
    include: { tags: { select: { tag: true }, orderBy: { tag: "asc" } } },
  });
  if (!c) throw new NotFoundError("Customer");
  const where = { orgId: ctx.orgId, customerId };
  const [org, consentHistory, interactions, responses, cases] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { name: true } }),
    listConsentHistory(ctx, customerId),
    db.interaction.findMany({
      where,
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        occurredAt: true,
        outcome: true,
        emotion: true,
        note: true,
        source: true,
        createdAt: true,
        touchpoint: { select: { name: true } },
        channel: { select: { key: true } },
        staff: { select: { name: true } },
      },
    }),
    db.response.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        submittedAt: true,
        completedAt: true,
        completed: true,
        metric: true,
        score: true,
        category: true,
        comment: true,
        locale: true,
        pageUrl: true,
        survey: { select: { name: true, defaultLocale: true } },
        touchpoint: { select: { name: true } },
        channel: { select: { key: true } },
        answers: {
          select: {
            valueNumber: true,
            valueText: true,
            valueChoice: true,
            question: { select: { key: true, text: true, position: true } },
          },
        },
      },
    }),
    db.case.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        status: true,
        priority: true,
        dueAt: true,
        rootCause: true,
        resolution: true,
        createdAt: true,
        resolvedAt: true,
        owner: { select: { name: true } },
      },
    }),
  ]);
  await recordAudit(ctx, {
    action: "customer.exported",
    entityType: "Customer",
    entityId: customerId,
    data: { interactions: interactions.length, responses: responses.length, cases: cases.length },
  });
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    organization: { name: org.name },
    customer: toCustomerDto(c),
    consentHistory: consentHistory.map((e) => ({
      consent: e.consent,
      source: e.source,
      by: e.actor?.name ?? (e.viaApiKey ? "API key" : null),
      at: e.at,
    })),
    interactions: interactions.map((i) => ({
      id: i.id,
      occurredAt: i.occurredAt,
      touchpoint: i.touchpoint?.name ?? null,
      channel: i.channel?.key ?? null,
      outcome: i.outcome,
      emotion: i.emotion,
      note: i.note,
      source: i.source,
      staff: i.staff?.name ?? null,
      createdAt: i.createdAt,
    })),
    responses: responses.map((r) => ({
      id: r.id,
      survey: r.survey.name,
      submittedAt: r.submittedAt,
      completed: r.completed,
      completedAt: r.completedAt,
      metric: r.metric,
      score: r.score,
      category: r.category,
      comment: r.comment,
      locale: r.locale,
      pageUrl: r.pageUrl,
      touchpoint: r.touchpoint?.name ?? null,
      channel: r.channel?.key ?? null,
      answers: [...r.answers]
        .sort((a, b) => a.question.position - b.question.position)
        .map((a) => ({
          question: a.question.key,
          questionText: localizedText(a.question.text, r.locale ?? r.survey.defaultLocale, r.survey.defaultLocale),
          number: a.valueNumber,
          text: a.valueText,
          choice: a.valueChoice,
        })),
    })),
    cases: cases.map((k) => ({
      id: k.id,
      title: k.title,
      status: k.status,
      priority: k.priority,
      owner: k.owner?.name ?? null,
      dueAt: k.dueAt,
      rootCause: k.rootCause,
      resolution: k.resolution,
      createdAt: k.createdAt,
      resolvedAt: k.resolvedAt,
    })),
  };
}
export type CustomerExport = Awaited<ReturnType<typeof exportCustomerData>>;
