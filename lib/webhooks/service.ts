// Webhook endpoints (admin only) and their delivery log. The secret is answered once, at creation and at
// rotation; afterwards only its sealed form exists (secret-box.ts). Every write is audited. A URL that is or
// resolves to an internal address is refused (address.ts).
import { db, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { ConflictError, NotFoundError } from "../errors";
import { pageArgs, toPage } from "../http/pagination";
import { recordAudit } from "../audit/service";
import { assertUrlResolvesOutside } from "./address";
import { newEvent, TEST_EVENT_TYPE } from "./events";
import { enqueueForEndpoint } from "./outbox";
import { maxAttempts, retrySchedule } from "./schedule";
import { sealSecret } from "./secret-box";
import { generateWebhookSecret } from "./signature";
import { deliverNow, type AttemptLogEntry } from "./worker";
import type { CreateWebhookInput, DeliveryListQuery, UpdateWebhookInput } from "./schema";

type EndpointRow = Prisma.WebhookEndpointGetPayload<object>;
type DeliveryRow = Prisma.WebhookDeliveryGetPayload<object>;
type Counts = Partial<Record<string, number>>;

function toEndpointDto(e: EndpointRow, counts: Counts = {}) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: Array.isArray(e.eventTypes) ? (e.eventTypes as string[]) : [],
    active: e.active,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    deliveries: {
      pending: counts.pending ?? 0,
      failed: counts.failed ?? 0,
      succeeded: counts.succeeded ?? 0,
      dead: counts.dead ?? 0,
    },
  };
}
export type WebhookEndpointDto = ReturnType<typeof toEndpointDto>;

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Only the fields of an attempt that are meant to be shown, whatever an older row holds. */
function attemptLogOf(log: unknown): AttemptLogEntry[] {
  if (!Array.isArray(log)) return [];
  return log.map((a: Partial<AttemptLogEntry>) => ({
    at: a.at ?? "",
    statusCode: a.statusCode ?? null,
    error: a.error ?? null,
    durationMs: a.durationMs ?? 0,
    instance: a.instance ?? null,
  }));
}

function toDeliveryDto(d: DeliveryRow) {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    maxAttempts: maxAttempts(retrySchedule()),
    nextAttemptAt: d.nextAttemptAt,
    lastAttemptAt: d.lastAttemptAt,
    lastStatusCode: d.lastStatusCode,
    /** A generic class (address.ts AttemptFailure); the receiver's answer is never stored. */
    lastError: d.lastError,
    durationMs: d.durationMs,
    attemptLog: attemptLogOf(d.attemptLog),
    payload: parsePayload(d.payload),
    createdAt: d.createdAt,
  };
}
export type WebhookDeliveryDto = ReturnType<typeof toDeliveryDto>;

async function findEndpoint(ctx: Ctx, id: string): Promise<EndpointRow> {
  const row = await db.webhookEndpoint.findFirst({ where: { id, orgId: ctx.orgId } });
  if (!row) throw new NotFoundError("Webhook endpoint");
  return row;
}

async function countsByEndpoint(ctx: Ctx, endpointIds: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  if (endpointIds.length === 0) return out;
  const groups = await db.webhookDelivery.groupBy({
    by: ["endpointId", "status"],
    where: { orgId: ctx.orgId, endpointId: { in: endpointIds } },
    _count: { _all: true },
  });
  for (const g of groups) out.set(g.endpointId, { ...out.get(g.endpointId), [g.status]: g._count._all });
  return out;
}

export async function listWebhooks(ctx: Ctx) {
  const rows = await db.webhookEndpoint.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const counts = await countsByEndpoint(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toEndpointDto(r, counts.get(r.id)));
}

export async function getWebhook(ctx: Ctx, id: string) {
  const row = await findEndpoint(ctx, id);
  return toEndpointDto(row, (await countsByEndpoint(ctx, [row.id])).get(row.id));
}

/** The new endpoint with its signing secret: the only time the secret is shown. */
export async function createWebhook(ctx: Ctx, input: CreateWebhookInput) {
  await assertUrlResolvesOutside(input.url);
  const secret = generateWebhookSecret();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        orgId: ctx.orgId,
        url: input.url,
        description: input.description || null,
        eventTypes: input.eventTypes,
        active: input.active,
        secretEnc: sealSecret(secret),
        createdById: ctx.userId,
      },
    });
    await recordAudit(
      ctx,
      {
        action: "webhook.created",
        entityType: "WebhookEndpoint",
        entityId: created.id,
        data: { url: created.url, eventTypes: input.eventTypes },
      },
      tx,
    );
    return created;
  });
  return { ...toEndpointDto(row), secret };
}

/** Changes an endpoint; with rotateSecret the answer carries the new secret (once). */
export async function updateWebhook(ctx: Ctx, id: string, input: UpdateWebhookInput) {
  const existing = await findEndpoint(ctx, id);
  if (input.url !== undefined) await assertUrlResolvesOutside(input.url);
  const secret = input.rotateSecret ? generateWebhookSecret() : null;
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id: existing.id },
      data: {
        url: input.url,
        description: input.description === undefined ? undefined : input.description || null,
        eventTypes: input.eventTypes,
        active: input.active,
        ...(secret ? { secretEnc: sealSecret(secret) } : {}),
      },
    });
    const fields = Object.keys(input).filter(
      (k) => input[k as keyof UpdateWebhookInput] !== undefined && k !== "rotateSecret",
    );
    if (fields.length)
      await recordAudit(
        ctx,
        { action: "webhook.updated", entityType: "WebhookEndpoint", entityId: id, data: { fields } },
        tx,
      );
    if (secret)
      await recordAudit(ctx, { action: "webhook.secret_rotated", entityType: "WebhookEndpoint", entityId: id }, tx);
    return updated;
  });
  const dto = toEndpointDto(row, (await countsByEndpoint(ctx, [row.id])).get(row.id));
  return secret ? { ...dto, secret } : dto;
}

/** Deletes the endpoint and its delivery log; undelivered events for it are dropped. */
export async function deleteWebhook(ctx: Ctx, id: string) {
  const existing = await findEndpoint(ctx, id);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: existing.id } });
    await recordAudit(
      ctx,
      { action: "webhook.deleted", entityType: "WebhookEndpoint", entityId: id, data: { url: existing.url } },
      tx,
    );
  });
  return null;
}

/** The delivery log of one endpoint, newest first, cursor-paginated. */
export async function listDeliveries(ctx: Ctx, endpointId: string, q: DeliveryListQuery) {
  const endpoint = await findEndpoint(ctx, endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: { orgId: ctx.orgId, endpointId: endpoint.id, status: q.status },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(q),
  });
  const page = toPage(rows, q);
  return { data: page.data.map(toDeliveryDto), nextCursor: page.nextCursor };
}

async function attemptAndReload(id: string) {
  if (!(await deliverNow(id)))
    throw new ConflictError("This delivery is being attempted right now; look again in a moment.");
  return toDeliveryDto(await db.webhookDelivery.findUniqueOrThrow({ where: { id } }));
}

/** "Retry now": one attempt at once, whatever its status; the answer is the delivery after that attempt. */
export async function redeliver(ctx: Ctx, endpointId: string, deliveryId: string) {
  const endpoint = await findEndpoint(ctx, endpointId);
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, endpointId: endpoint.id, orgId: ctx.orgId },
    select: { id: true, eventId: true },
  });
  if (!delivery) throw new NotFoundError("Delivery");
  await recordAudit(ctx, {
    action: "webhook.redelivered",
    entityType: "WebhookEndpoint",
    entityId: endpoint.id,
    data: { deliveryId: delivery.id, eventId: delivery.eventId },
  });
  return attemptAndReload(delivery.id);
}

/** Sends a `webhook.test` event to this endpoint only, at once; it is logged like any other delivery. */
export async function sendTestEvent(ctx: Ctx, endpointId: string) {
  const endpoint = await findEndpoint(ctx, endpointId);
  const event = newEvent(TEST_EVENT_TYPE, {
    endpointId: endpoint.id,
    message: "A test event from Resonance. Verify its signature, then answer 2xx.",
  });
  const delivery = await db.$transaction(async (tx) => {
    const created = await enqueueForEndpoint(tx, endpoint, event);
    await recordAudit(
      ctx,
      {
        action: "webhook.test_sent",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        data: { deliveryId: created.id, eventId: event.id },
      },
      tx,
    );
    return created;
  });
  return attemptAndReload(delivery.id);
}
