// Firing triggers (docs/distribution.md, "Triggers"): called INSIDE the transaction that writes the cause — an
// interaction (createInteraction, the CSV import) or a case's resolution (lib/cases/service.ts) — so a rolled-back
// cause invites no one and a committed one is never forgotten. Per matching trigger and cause: one invitation,
// unique per (trigger, cause key), asked of the contact rules (contactRuleReasons: the one place that decides who
// may be invited) — a suppressed one is recorded with its reason, as waves do — and, when not suppressed, its
// first outbox message, due `delay` after the event (never before now), at the first moment of the trigger's send
// window in the zone sendTimeZone picks (window.ts: the customer's, the trigger's, the organization's, UTC). The campaign worker (lib/campaigns/worker.ts) sends it.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../db";
import { channelAddress } from "../campaigns/address";
import { contactRuleReasons, lockCustomers, type Candidate } from "../campaigns/contact-rules";
import { loadContactRule, quietWindow } from "../campaigns/contact-rule-service";
import { logSuppressions, type SuppressionEntry } from "../campaigns/suppression-log";
import { nextSendSlot, sendTimeZone } from "../campaigns/window";
import { delayMs } from "./schema";

const DAY_MS = 86_400_000;
/** An interaction older than this when written (history, an import of old data) fires no trigger. */
export const INTERACTION_MAX_AGE_MS = 7 * DAY_MS;
const CHUNK = 400; // ids per IN list: under SQLite's bound-parameter limit

type TriggerRow = {
  id: string;
  orgId: string;
  builtIn?: string | null;
  surveyId: string | null;
  channel: string;
  delayAmount: number;
  delayUnit: string;
  timeZone: string | null;
  windowStartHour: number;
  windowEndHour: number;
};

export type Cause = { key: string; customerId: string; at: Date; surveyId?: string };

export type Invited = {
  invitationId: string;
  status: "queued" | "suppressed";
  reason: string | null;
  address: string | null;
  dueAt: Date | null;
  /** For `recently_invited`: when the contact that holds this one back was made. */
  lastContactAt?: Date | null;
  /** The invitation existed already (the cause had fired this trigger before): nothing was written. */
  existing: boolean;
};

/** Writes the invitations (and first messages) of one trigger for its causes, once per cause. */
export async function inviteFor(
  tx: Prisma.TransactionClient,
  t: TriggerRow,
  causes: Cause[],
  now = new Date(),
): Promise<Map<string, Invited>> {
  const out = new Map<string, Invited>();
  // Every customer of the causes locked at once, in id order (contact-rules.ts lockCustomers), before anything is
  // read — not chunk by chunk, which would lock a later chunk's lower ids after an earlier chunk's higher ones.
  await lockCustomers(
    tx,
    causes.map((c) => c.customerId),
  );
  for (let at = 0; at < causes.length; at += CHUNK) {
    const chunk = causes.slice(at, at + CHUNK);
    const before = await tx.invitation.findMany({
      where: { triggerId: t.id, causeKey: { in: chunk.map((c) => c.key) } },
      select: { id: true, causeKey: true, status: true, reason: true, address: true },
    });
    for (const b of before)
      out.set(b.causeKey!, {
        invitationId: b.id,
        status: b.status === "suppressed" ? "suppressed" : "queued",
        reason: b.reason,
        address: b.address,
        dueAt: null,
        existing: true,
      });
    const fresh = chunk.filter((c) => !out.has(c.key) && (c.surveyId ?? t.surveyId));
    if (fresh.length === 0) continue;
    // Locked above, before they are read (contact-rules.ts: the check and what it allows are one serialized step).
    const ids = [...new Set(fresh.map((c) => c.customerId))];
    const customers: Candidate[] = await tx.customer.findMany({
      where: { orgId: t.orgId, id: { in: ids } },
      select: {
        id: true,
        email: true,
        phone: true,
        externalId: true,
        consent: true,
        erasedAt: true,
        attributes: true,
      },
    });
    const byId = new Map(customers.map((c) => [c.id, c]));
    const rule = await loadContactRule(tx, t.orgId);
    const reasons = await contactRuleReasons(tx, t.orgId, customers, {
      channel: t.channel === "sms" ? "sms" : "email",
      now,
      rule,
      lock: false, // locked above
    });
    const quiet = quietWindow(rule);
    const invitations: Prisma.InvitationCreateManyInput[] = [];
    const messages: Prisma.OutboxMessageCreateManyInput[] = [];
    const logged: SuppressionEntry[] = [];
    // Under a frequency cap, one invitation per customer per call: several causes of one customer in one batch (an
    // import) would otherwise all pass the check, which cannot see invitations not yet written.
    const invitedNow = new Set<string>();
    const window = { startHour: t.windowStartHour, endHour: t.windowEndHour };
    for (const cause of fresh) {
      const customer = byId.get(cause.customerId);
      if (!customer) continue;
      const id = `inv${randomUUID().replace(/-/g, "")}`;
      let reason: string | null = reasons.get(customer.id) ?? null;
      let lastContactAt = reasons.lastContactAt.get(customer.id) ?? null;
      if (!reason && rule.capDays > 0 && invitedNow.has(customer.id)) {
        reason = "recently_invited";
        lastContactAt = now;
      }
      const due = new Date(Math.max(now.getTime(), cause.at.getTime() + delayMs(t.delayAmount, t.delayUnit)));
      let dueAt: Date | null = null;
      if (!reason) {
        dueAt = nextSendSlot(due, sendTimeZone(customer.attributes, t.timeZone, rule.timeZone), window, quiet);
        if (!dueAt) reason = "quiet_hours"; // the send window lies entirely in the quiet hours
      }
      if (reason)
        logged.push({
          customerId: customer.id,
          source: t.builtIn === "resurvey" ? "resurvey" : "trigger",
          stage: "queue",
          channel: t.channel,
          reason,
          lastContactAt,
          invitationId: id,
          caseId: cause.key.startsWith("case:") ? cause.key.slice("case:".length) : null,
          surveyId: cause.surveyId ?? t.surveyId,
        });
      else invitedNow.add(customer.id);
      invitations.push({
        id,
        orgId: t.orgId,
        triggerId: t.id,
        causeKey: cause.key,
        customerId: customer.id,
        surveyId: (cause.surveyId ?? t.surveyId)!,
        channel: t.channel,
        address: reason ? null : channelAddress(t.channel, customer),
        status: reason ? "suppressed" : "queued",
        reason,
      });
      if (dueAt) messages.push({ orgId: t.orgId, invitationId: id, seq: 0, nextAttemptAt: dueAt });
      out.set(cause.key, {
        invitationId: id,
        status: reason ? "suppressed" : "queued",
        reason,
        address: reason ? null : channelAddress(t.channel, customer),
        dueAt,
        lastContactAt,
        existing: false,
      });
    }
    if (invitations.length) await tx.invitation.createMany({ data: invitations });
    if (messages.length) await tx.outboxMessage.createMany({ data: messages });
    await logSuppressions(tx, t.orgId, logged, now);
  }
  return out;
}

type InteractionCause = {
  id: string;
  customerId: string;
  touchpointId: string | null;
  outcome: string;
  occurredAt: Date;
};

/**
 * Fires the organization's active interaction triggers (whose survey is live) for the interactions just written.
 * A trigger matches when its touchpoint and outcome (each optional) are the interaction's. Returns the invitations
 * written.
 */
export async function fireInteractionTriggers(
  tx: Prisma.TransactionClient,
  orgId: string,
  interactions: InteractionCause[],
  now = new Date(),
): Promise<number> {
  const fresh = interactions.filter((i) => i.occurredAt.getTime() >= now.getTime() - INTERACTION_MAX_AGE_MS);
  if (fresh.length === 0) return 0;
  const triggers = await tx.trigger.findMany({
    where: { orgId, event: "interaction", status: "active", builtIn: null, survey: { status: "live" } },
  });
  if (triggers.length === 0) return 0;
  // The customers of every trigger's causes locked at once, in id order (lockCustomers): trigger after trigger would
  // lock the second one's lower ids after the first one's higher ones.
  await lockCustomers(
    tx,
    fresh.map((i) => i.customerId),
  );
  let written = 0;
  for (const t of triggers) {
    const causes = fresh
      .filter((i) => (!t.touchpointId || t.touchpointId === i.touchpointId) && (!t.outcome || t.outcome === i.outcome))
      .map((i) => ({ key: `interaction:${i.id}`, customerId: i.customerId, at: i.occurredAt }));
    if (causes.length === 0) continue;
    // One trigger after the other: the contact rules of the next see the invitations of the previous.
    written += [...(await inviteFor(tx, t, causes, now)).values()].filter((v) => !v.existing).length;
  }
  return written;
}

/** Fires the organization's active "case resolved" triggers (not the built-in re-survey) for a case just resolved. */
export async function fireCaseResolvedTriggers(
  tx: Prisma.TransactionClient,
  orgId: string,
  kase: { id: string; customerId: string | null },
  now = new Date(),
): Promise<number> {
  if (!kase.customerId) return 0;
  const triggers = await tx.trigger.findMany({
    where: { orgId, event: "case_resolved", status: "active", builtIn: null, survey: { status: "live" } },
  });
  let written = 0;
  for (const t of triggers) {
    const r = await inviteFor(tx, t, [{ key: `case:${kase.id}`, customerId: kase.customerId, at: now }], now);
    written += [...r.values()].filter((v) => !v.existing).length;
  }
  return written;
}
