// The events an endpoint can subscribe to and their payloads. Every body is
//   { "id": "evt_…", "type": "<type>", "createdAt": "<ISO 8601>", "data": { … } }
// where id is also the webhook-id header. The data fields below are a public contract (docs/webhooks.md, "Events
// and payloads"): add fields, never rename or remove them. No secrets and no contact details (names, e-mails,
// phone numbers) are sent. What may still be personal (customerExternalId, clientId, free-text answers, case titles and resolutions)
// is redacted in stored deliveries by erasure and retention (outbox.ts scrubDeliveries, docs/security/webhooks.md).
import { randomUUID } from "node:crypto";

export const WEBHOOK_EVENT_TYPES = ["response.created", "case.opened", "case.resolved"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Sent only by "Send test event", to one endpoint. */
export const TEST_EVENT_TYPE = "webhook.test";

export const EVENT_LABELS: Record<WebhookEventType, { label: string; description: string }> = {
  "response.created": {
    label: "Response created",
    description: "A survey response was accepted (web, link, e-mail or the public API)",
  },
  "case.opened": { label: "Case opened", description: "A follow-up case was opened by a rule" },
  "case.resolved": { label: "Case resolved", description: "A follow-up case was resolved" },
};

export type WebhookEvent = { id: string; type: string; createdAt: string; data: Record<string, unknown> };

export function newEvent(type: string, data: Record<string, unknown>, now = new Date()): WebhookEvent {
  return { id: `evt_${randomUUID().replace(/-/g, "")}`, type, createdAt: now.toISOString(), data };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export type ResponseForEvent = {
  id: string;
  surveyId: string;
  clientId: string;
  customerId: string | null;
  customer: { externalId: string | null } | null;
  touchpointId: string | null;
  channel: { key: string } | null;
  metric: string | null;
  score: number | null;
  category: string | null;
  completed: boolean;
  locale: string | null;
  submittedAt: Date;
  completedAt: Date | null;
};

/** data of response.created; `answers` maps question keys to values (number, text, boolean, choice keys). */
export function responseData(r: ResponseForEvent, answers: Record<string, unknown>) {
  return {
    responseId: r.id,
    surveyId: r.surveyId,
    clientId: r.clientId,
    customerId: r.customerId,
    customerExternalId: r.customer?.externalId ?? null,
    touchpointId: r.touchpointId,
    channel: r.channel?.key ?? null,
    metric: r.metric,
    score: r.score,
    category: r.category,
    completed: r.completed,
    locale: r.locale,
    submittedAt: iso(r.submittedAt),
    completedAt: iso(r.completedAt),
    answers,
  };
}

export type CaseForEvent = {
  id: string;
  title: string;
  status: string;
  priority: string;
  customerId: string | null;
  responseId: string | null;
  interactionId: string | null;
  ownerId: string | null;
  dueAt: Date | null;
  rootCause: string | null;
  resolution: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
};

/** data of case.opened and case.resolved. */
export function caseData(c: CaseForEvent) {
  return {
    caseId: c.id,
    title: c.title,
    status: c.status,
    priority: c.priority,
    customerId: c.customerId,
    responseId: c.responseId,
    interactionId: c.interactionId,
    ownerId: c.ownerId,
    dueAt: iso(c.dueAt),
    rootCause: c.rootCause,
    resolution: c.resolution,
    createdAt: iso(c.createdAt),
    resolvedAt: iso(c.resolvedAt),
  };
}
