// Unsubscribing with the link of an invitation e-mail (docs/distribution.md, "Unsubscribe"). The link's token
// (link-token.ts) names the invitation, hence the customer. In one transaction: the customer's consent becomes
// false with a ConsentEvent of source "unsubscribe" (docs/privacy.md), every message not yet sent to them is
// skipped and their queued invitations suppressed, and an audit event records it. Idempotent: a second POST (a
// mail client retrying RFC 8058's one-click POST) changes nothing more. GET never unsubscribes (links.ts).
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/service";
import { recordConsentChange } from "../privacy/consent";
import { invitationIdOf } from "./link-token";
import { logSuppressions } from "./suppression-log";

export type UnsubscribeTarget = { invitationId: string; orgId: string; orgName: string; customerId: string };

/** The invitation a link token names, with its organization; null for a forged or stale token. */
export async function unsubscribeTarget(token: string): Promise<UnsubscribeTarget | null> {
  const id = invitationIdOf(token);
  if (!id) return null;
  const i = await db.invitation.findUnique({
    where: { id },
    select: { id: true, orgId: true, customerId: true, org: { select: { name: true } } },
  });
  return i ? { invitationId: i.id, orgId: i.orgId, orgName: i.org.name, customerId: i.customerId } : null;
}

/** Unsubscribes the customer the token names; null when the token names no invitation. */
export async function unsubscribe(token: string, now = new Date()): Promise<UnsubscribeTarget | null> {
  const t = await unsubscribeTarget(token);
  if (!t) return null;
  await db.$transaction((tx) => optOut(tx, t, "unsubscribe", now));
  return t;
}

/**
 * The customer of an invitation opts out of surveys, inside the caller's transaction: consent false with a
 * ConsentEvent of `source` ("unsubscribe": the link; "sms_stop": they replied STOP to an SMS, which the provider
 * reported: worker.ts), every message not yet sent to them skipped, their queued invitations suppressed, an audit
 * event. Nothing happens when they had opted out already (or were erased). Returns whether it changed anything.
 */
export async function optOut(
  tx: Prisma.TransactionClient,
  t: Pick<UnsubscribeTarget, "invitationId" | "orgId" | "customerId">,
  source: "unsubscribe" | "sms_stop",
  now: Date,
): Promise<boolean> {
  const actor = { orgId: t.orgId, userId: null, apiKeyId: null };
  const { count } = await tx.customer.updateMany({
    where: { id: t.customerId, orgId: t.orgId, erasedAt: null, OR: [{ consent: null }, { consent: true }] },
    data: { consent: false, consentAt: now },
  });
  if (count === 0) return false; // already opted out (or erased): nothing changes, nothing more is recorded
  await recordConsentChange(tx, actor, { customerId: t.customerId, consent: false, source, at: now });
  await tx.outboxMessage.updateMany({
    where: { orgId: t.orgId, status: { in: ["pending", "failed"] }, invitation: { customerId: t.customerId } },
    data: { status: "skipped", lastError: "opted_out", nextAttemptAt: null },
  });
  const queued = await tx.invitation.findMany({
    where: { orgId: t.orgId, customerId: t.customerId, status: "queued" },
    select: { id: true, campaignId: true, triggerId: true, surveyId: true, channel: true },
  });
  await tx.invitation.updateMany({
    where: { id: { in: queued.map((i) => i.id) } },
    data: { status: "suppressed", reason: "opted_out" },
  });
  // the suppression log says why these invitations were never sent
  await logSuppressions(
    tx,
    t.orgId,
    queued.map((i) => ({
      customerId: t.customerId,
      source: i.triggerId ? ("trigger" as const) : ("campaign" as const),
      stage: "send" as const,
      channel: i.channel,
      reason: "opted_out",
      campaignId: i.campaignId,
      invitationId: i.id,
      surveyId: i.surveyId,
    })),
    now,
  );
  await recordAudit(
    actor,
    {
      action: "customer.unsubscribed",
      entityType: "Customer",
      entityId: t.customerId,
      data: { invitationId: t.invitationId, source },
    },
    tx,
  );
  return true;
}
