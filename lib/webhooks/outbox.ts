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
  return tx.webhookEndpoint.findMany({
    where: { orgId: { in: [...new Set(orgIds)] }, active: true },
    select: { id: true, orgId: true, eventTypes: true },
  });
}

const subscribes = (e: Endpoint, type: string) => Array.isArray(e.eventTypes) && e.eventTypes.includes(type);

/** One delivery row per endpoint of the event's organization that subscribes to its type. */
function deliveryRows(
  endpoints: Endpoint[],
  orgId: string,
  event: WebhookEvent,
  now: Date,
): Prisma.WebhookDeliveryCreateManyInput[] {
  const payload = JSON.stringify(event);
  return endpoints
    .filter((e) => e.orgId === orgId && subscribes(e, event.type))
    .map((e) => ({
      orgId,
      endpointId: e.id,
      eventId: event.id,
      eventType: event.type,
      payload,
      nextAttemptAt: now,
      ...subjectOf(event),
    }));
}

/** Whose data an event carries (the delivery's customerId and responseId columns, for erasure and retention). */
function subjectOf(event: WebhookEvent): { customerId: string | null; responseId: string | null } {
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    customerId: text(event.data.customerId),
    responseId: event.type === "response.created" ? text(event.data.responseId) : null,
  };
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
    data: {
      orgId: endpoint.orgId,
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      payload: JSON.stringify(event),
      nextAttemptAt: null,
    },
  });
}

/** case.opened / case.resolved for cases written in this transaction. */
export async function enqueueCaseEvents(
  tx: Tx,
  type: "case.opened" | "case.resolved",
  cases: Array<CaseForEvent & { orgId: string }>,
): Promise<number> {
  const endpoints = (
    await activeEndpoints(
      tx,
      cases.map((c) => c.orgId),
    )
  ).filter((e) => subscribes(e, type));
  if (endpoints.length === 0) return 0;
  const now = new Date();
  return insert(
    tx,
    cases.flatMap((c) => deliveryRows(endpoints, c.orgId, newEvent(type, caseData(c), now), now)),
  );
}

/** response.created for responses created in this transaction (the one-response path and the ingestion batch). */
export async function enqueueResponsesCreated(
  tx: Tx,
  responses: Array<{ id: string; orgId: string }>,
): Promise<number> {
  const endpoints = (
    await activeEndpoints(
      tx,
      responses.map((r) => r.orgId),
    )
  ).filter((e) => subscribes(e, "response.created"));
  if (endpoints.length === 0) return 0;
  const orgs = new Set(endpoints.map((e) => e.orgId));
  const ids = responses.filter((r) => orgs.has(r.orgId)).map((r) => r.id);
  const rows = await tx.response.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      orgId: true,
      surveyId: true,
      clientId: true,
      customerId: true,
      touchpointId: true,
      metric: true,
      score: true,
      category: true,
      completed: true,
      locale: true,
      submittedAt: true,
      completedAt: true,
      customer: { select: { externalId: true } },
      channel: { select: { key: true } },
      answers: {
        select: {
          valueNumber: true,
          valueText: true,
          valueChoice: true,
          question: { select: { key: true, type: true } },
        },
      },
    },
  });
  const now = new Date();
  return insert(
    tx,
    rows.flatMap((r) => {
      const answers: Record<string, unknown> = {};
      for (const a of r.answers)
        if (isQuestionType(a.question.type)) answers[a.question.key] = fromAnswerColumns(a.question.type, a);
      return deliveryRows(endpoints, r.orgId, newEvent("response.created", responseData(r, answers), now), now);
    }),
  );
}

const CHUNK = 500;
const inChunks = <T>(list: T[]): T[][] =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
type Data = Record<string, unknown>;

/**
 * After an erasure or a retention run (lib/privacy), in its transaction: the deliveries that announced these
 * responses or concern this customer get the personal fields of their payload from what the rows hold now —
 * response.created: customerId, customerExternalId, clientId and the free-text answers (anonymised: none, a
 * neutral client id, no text); case.*: title and resolution (erased: a neutral title, no resolution). A delivery
 * whose response or case is gone is deleted. Each event keeps its id, type, time and figures, so a delivery
 * still due is sent, without the person. Returns the number of deliveries rewritten or deleted.
 */
export async function scrubDeliveries(
  tx: Tx,
  orgId: string,
  subject: { customerId?: string; responseIds?: string[] },
): Promise<number> {
  const or: Prisma.WebhookDeliveryWhereInput[] = subject.customerId ? [{ customerId: subject.customerId }] : [];
  for (const part of inChunks(subject.responseIds ?? [])) or.push({ responseId: { in: part } });
  if (or.length === 0) return 0;
  const rows = await tx.webhookDelivery.findMany({
    where: { orgId, OR: or },
    select: { id: true, eventType: true, payload: true },
  });
  if (rows.length === 0) return 0;
  const events = rows.map((r) => ({ id: r.id, type: r.eventType, event: JSON.parse(r.payload) as WebhookEvent }));
  const idsOf = (prefix: string, key: string) => [
    ...new Set(events.filter((e) => e.type.startsWith(prefix)).map((e) => String(e.event.data[key]))),
  ];

  const responses = new Map<string, Data>();
  for (const part of inChunks(idsOf("response.", "responseId"))) {
    const found = await tx.response.findMany({
      where: { orgId, id: { in: part } },
      select: {
        id: true,
        clientId: true,
        customerId: true,
        customer: { select: { externalId: true } },
        answers: {
          where: { question: { type: "text" } },
          select: { valueText: true, question: { select: { key: true } } },
        },
      },
    });
    for (const r of found) {
      const text = Object.fromEntries(r.answers.map((a) => [a.question.key, a.valueText]));
      responses.set(r.id, {
        customerId: r.customerId,
        customerExternalId: r.customer?.externalId ?? null,
        clientId: r.clientId,
        text,
      });
    }
  }
  const cases = new Map<string, { title: string; resolution: string | null }>();
  for (const part of inChunks(idsOf("case.", "caseId"))) {
    for (const c of await tx.case.findMany({
      where: { orgId, id: { in: part } },
      select: { id: true, title: true, resolution: true },
    }))
      cases.set(c.id, c);
  }

  const gone: string[] = [];
  let rewritten = 0;
  for (const { id, type, event } of events) {
    let data: Data | null = null;
    if (type === "response.created") {
      const now = responses.get(String(event.data.responseId));
      if (now) {
        const answers: Data = { ...(event.data.answers as Data) };
        for (const [key, value] of Object.entries(now.text as Record<string, string | null>)) {
          if (!(key in answers)) continue;
          if (value === null) delete answers[key];
          else answers[key] = value;
        }
        data = {
          ...event.data,
          customerId: now.customerId,
          customerExternalId: now.customerExternalId,
          clientId: now.clientId,
          answers,
        };
      }
    } else if (type.startsWith("case.")) {
      const now = cases.get(String(event.data.caseId));
      if (now)
        data = { ...event.data, title: now.title, resolution: event.data.resolution === null ? null : now.resolution };
    } else {
      continue; // not tied to a response or case (webhook.test): nothing personal
    }
    if (!data) {
      gone.push(id);
      continue;
    }
    const next = { ...event, data };
    await tx.webhookDelivery.update({ where: { id }, data: { payload: JSON.stringify(next), ...subjectOf(next) } });
    rewritten++;
  }
  for (const part of inChunks(gone)) await tx.webhookDelivery.deleteMany({ where: { orgId, id: { in: part } } });
  return rewritten + gone.length;
}
