// Writing webhook events into the outbox. Every function here takes the transaction that stores the change
// itself (the response, the case), so an event exists exactly when its cause committed: nothing is lost
// when the process dies right after, and nothing is sent for a change that rolled back. One row per
// subscribed active endpoint; the worker (worker.ts) sends them. An organization without endpoints costs one
// indexed lookup per transaction.
import type { db, Prisma } from "../db";
import { fromAnswerColumns } from "../surveys/answer-columns";
import { isQuestionType } from "../surveys/question-schema";
import { caseData, newEvent, responseData, type CaseForEvent, type WebhookEvent } from "./events";

type Tx = Prisma.TransactionClient | typeof db;
type Endpoint = { id: string; orgId: string; eventTypes: unknown };

async function activeEndpoints(tx: Tx, orgIds: string[]): Promise<Endpoint[]> {
  if (orgIds.length === 0) return [];
  return tx.webhookEndpoint.findMany({ where: { orgId: { in: [...new Set(orgIds)] }, active: true }, select: { id: true, orgId: true, eventTypes: true } });
}

const subscribes = (e: Endpoint, type: string) => Array.isArray(e.eventTypes) && e.eventTypes.includes(type);

/** One delivery row per endpoint of the event's organization that subscribes to its type. */
function deliveryRows(endpoints: Endpoint[], orgId: string, event: WebhookEvent, now: Date): Prisma.WebhookDeliveryCreateManyInput[] {
  const payload = JSON.stringify(event);
  return endpoints
    .filter((e) => e.orgId === orgId && subscribes(e, event.type))
    .map((e) => ({ orgId, endpointId: e.id, eventId: event.id, eventType: event.type, payload, nextAttemptAt: now }));
}

async function insert(tx: Tx, rows: Prisma.WebhookDeliveryCreateManyInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  return (await tx.webhookDelivery.createMany({ data: rows })).count;
}

/**
 * The delivery of one event to one endpoint, whatever it subscribes to ("Send test event"). Not yet due for
 * the workers: the caller makes the first attempt itself (worker.ts deliverNow); a failure schedules retries.
 */
export async function enqueueForEndpoint(tx: Tx, endpoint: { id: string; orgId: string }, event: WebhookEvent) {
  return tx.webhookDelivery.create({
    data: { orgId: endpoint.orgId, endpointId: endpoint.id, eventId: event.id, eventType: event.type, payload: JSON.stringify(event), nextAttemptAt: null },
  });
}

/** case.opened / case.resolved for cases written in this transaction. */
export async function enqueueCaseEvents(tx: Tx, type: "case.opened" | "case.resolved", cases: Array<CaseForEvent & { orgId: string }>): Promise<number> {
  const endpoints = (await activeEndpoints(tx, cases.map((c) => c.orgId))).filter((e) => subscribes(e, type));
  if (endpoints.length === 0) return 0;
  const now = new Date();
  return insert(tx, cases.flatMap((c) => deliveryRows(endpoints, c.orgId, newEvent(type, caseData(c), now), now)));
}

/** response.created for responses created in this transaction (the one-response path and the ingestion batch). */
export async function enqueueResponsesCreated(tx: Tx, responses: Array<{ id: string; orgId: string }>): Promise<number> {
  const endpoints = (await activeEndpoints(tx, responses.map((r) => r.orgId))).filter((e) => subscribes(e, "response.created"));
  if (endpoints.length === 0) return 0;
  const orgs = new Set(endpoints.map((e) => e.orgId));
  const ids = responses.filter((r) => orgs.has(r.orgId)).map((r) => r.id);
  const rows = await tx.response.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, orgId: true, surveyId: true, clientId: true, customerId: true, touchpointId: true, metric: true, score: true, category: true,
      completed: true, locale: true, submittedAt: true, completedAt: true,
      customer: { select: { externalId: true } },
      channel: { select: { key: true } },
      answers: { select: { valueNumber: true, valueText: true, valueChoice: true, question: { select: { key: true, type: true } } } },
    },
  });
  const now = new Date();
  return insert(
    tx,
    rows.flatMap((r) => {
      const answers: Record<string, unknown> = {};
      for (const a of r.answers) if (isQuestionType(a.question.type)) answers[a.question.key] = fromAnswerColumns(a.question.type, a);
      return deliveryRows(endpoints, r.orgId, newEvent("response.created", responseData(r, answers), now), now);
    }),
  );
}
