// Who may be invited now, and why not (docs/distribution.md, "Contact rules"): the one place every invitation —
// a campaign's wave, a trigger, a case's re-survey, the widget shown to an identified customer — asks before
// anything is queued or sent.
//
// Call it INSIDE the transaction that then writes the invitations (or records the contact): it locks the
// customers' rows before it reads anything (PostgreSQL: SELECT … FOR NO KEY UPDATE in id order; on SQLite every
// writing transaction holds the database's one write lock from its start, lib/db.ts writeFirst), so two instances
// checking the same customer at once run one after the other, and the second sees the first one's invitation. That
// lock is what makes "at most one invitation per N days" exact.
import { Prisma } from "../db";
import { lockCustomers } from "../customers/lock";
import { channelAddress, noAddressReason } from "./address";
import { loadContactRule, type ContactRuleSettings } from "./contact-rule-service";

export { lockCustomers, lockCustomerByExternalId } from "../customers/lock";

export type SuppressionReason =
  | "erased"
  | "opted_out"
  | "no_email"
  | "no_phone"
  | "no_external_id"
  | "bouncing"
  | "sms_stop"
  | "recently_invited"
  | "quiet_hours";

export type Candidate = {
  id: string;
  email: string | null;
  /** Read for SMS invitations only (re-surveys send e-mail). */
  phone?: string | null;
  externalId: string | null;
  consent: boolean | number | null;
  erasedAt: Date | string | null;
  attributes: unknown;
};

export type ContactChannel = "email" | "sms" | "widget";

export type ContactCheckOptions = {
  /** The channel of the invitation (default e-mail): the address checks are e-mail's. */
  channel?: ContactChannel;
  now?: Date;
  /**
   * "queue" (default): an invitation queued but not yet sent counts from when it was queued. "send" (the worker,
   * just before the first message of `invitationId` goes out): only contacts made or being made count — other
   * invitations still waiting do not, so of two waiting invitations the first to be sent wins.
   */
  stage?: "queue" | "send";
  /** At "send": the invitations being sent (their own contacts do not count against them). */
  invitationIds?: string[];
  /** The widget: contacts for this survey do not stop it (a customer may always answer what they were invited to). */
  surveyId?: string;
  /** The organization's rule, when the caller has read it already. */
  rule?: ContactRuleSettings;
  /**
   * false: a plain read, no lock — for a decision that writes nothing (the widget deciding it need not record a
   * contact: widget-contact.ts), or when the caller locked these customers already in this transaction.
   */
  lock?: boolean;
};

/** The reasons, by customer id; for `recently_invited` also when that contact was made (`lastContactAt`). */
export class ContactDecisions extends Map<string, SuppressionReason> {
  readonly lastContactAt = new Map<string, Date>();
}

type Tx = Prisma.TransactionClient;
const DAY_MS = 86_400_000;
// A queued invitation (to be sent) and a sent one count; suppressed, cancelled and failed ones reached nobody, and a
// bounced one never reached the person.
const COUNTING = ["queued", "sent"];

const later = (a: Date | undefined, b: Date) => (a && a > b ? a : b);

/**
 * The latest contact since `cutoff` per customer, from every channel: invitations queued or sent (COUNTING),
 * ContactEvents (the widget shown to an identified customer, a re-survey e-mail), and re-surveys e-mailed before
 * ContactEvents existed (their audit event `case.resurvey_sent`), until re-surveys write invitations as triggers.
 */
async function lastContacts(
  tx: Tx,
  orgId: string,
  ids: string[],
  cutoff: Date,
  o: ContactCheckOptions,
): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  const since = { gte: cutoff };
  const notSurvey = o.surveyId ? { NOT: { surveyId: o.surveyId } } : {};
  const invitations = await tx.invitation.findMany({
    where: {
      orgId,
      customerId: { in: ids },
      status: { in: COUNTING },
      ...(o.invitationIds?.length ? { id: { notIn: o.invitationIds } } : {}),
      ...notSurvey,
      OR: [
        { contactAt: since },
        { contactAt: null, sentAt: since },
        ...(o.stage === "send" ? [] : [{ contactAt: null, sentAt: null, createdAt: since }]),
      ],
    },
    select: { customerId: true, contactAt: true, sentAt: true, createdAt: true },
  });
  for (const i of invitations)
    out.set(i.customerId, later(out.get(i.customerId), i.contactAt ?? i.sentAt ?? i.createdAt));
  const shows = await tx.contactEvent.findMany({
    where: {
      orgId,
      customerId: { in: ids },
      createdAt: since,
      ...(o.surveyId ? { OR: [{ surveyId: null }, { surveyId: { not: o.surveyId } }] } : {}),
    },
    select: { customerId: true, createdAt: true },
  });
  for (const e of shows) out.set(e.customerId, later(out.get(e.customerId), e.createdAt));
  // Re-surveys e-mailed before they were invitations: their audit events within the cap (few, and fewer every day),
  // then which of these customers' cases they were — never every case of the customers (an unbounded IN list).
  const resurveys = await tx.auditEvent.findMany({
    where: { orgId, action: "case.resurvey_sent", entityType: "Case", createdAt: since },
    select: { entityId: true, createdAt: true },
  });
  for (let at = 0; at < resurveys.length; at += 500) {
    const chunk = resurveys.slice(at, at + 500);
    const cases = await tx.case.findMany({
      where: { orgId, id: { in: chunk.map((r) => r.entityId!) }, customerId: { in: ids } },
      select: { id: true, customerId: true },
    });
    const customerOf = new Map(cases.map((c) => [c.id, c.customerId!]));
    for (const r of chunk) {
      const customerId = customerOf.get(r.entityId!);
      if (customerId) out.set(customerId, later(out.get(customerId), r.createdAt));
    }
  }
  return out;
}

/**
 * Why each customer cannot be invited now, if at all: the customer's own state (erased, opted out; for e-mail no
 * address, no external id for the signed link, a bouncing address), then the organization's frequency cap. Quiet
 * hours do not suppress: they delay (window.ts `nextSendSlot`), except where nothing can wait (the caller decides).
 * Locks the customers' rows first (unless `lock: false`): call it in the transaction that writes what it allows.
 */
export async function contactRuleReasons(
  tx: Tx,
  orgId: string,
  customers: Candidate[],
  options: ContactCheckOptions = {},
): Promise<ContactDecisions> {
  const channel = options.channel ?? "email";
  const out = new ContactDecisions();
  if (options.lock !== false)
    await lockCustomers(
      tx,
      customers.map((c) => c.id),
    );
  // The widget needs no address: it is shown on the customer's own visit, under their signed identity.
  const reach = channel !== "widget";
  const address = new Map(
    customers.map((c) => [c.id, reach ? (channelAddress(channel, c)?.toLowerCase() ?? null) : null]),
  );
  for (const c of customers) {
    if (c.erasedAt) out.set(c.id, "erased");
    else if (c.consent === false || c.consent === 0) out.set(c.id, "opted_out");
    else if (reach && !address.get(c.id)) out.set(c.id, noAddressReason(channel));
    else if (reach && !c.externalId) out.set(c.id, "no_external_id");
  }
  const addresses = reach ? customers.filter((c) => !out.has(c.id)).map((c) => address.get(c.id)!) : [];
  if (addresses.length) {
    // A number whose owner replied STOP to the server's sender is "sms_stop"; every other suppression is a bounce.
    const blocked = new Map(
      (
        await tx.mailSuppression.findMany({
          where: { orgId, address: { in: [...new Set(addresses)] } },
          select: { address: true, reason: true },
        })
      ).map((s) => [s.address, s.reason === "sms_stop" ? ("sms_stop" as const) : ("bouncing" as const)]),
    );
    for (const c of customers) {
      const why = out.has(c.id) ? undefined : blocked.get(address.get(c.id)!);
      if (why) out.set(c.id, why);
    }
  }
  const rule = options.rule ?? (await loadContactRule(tx, orgId));
  const open = customers.filter((c) => !out.has(c.id)).map((c) => c.id);
  if (rule.capDays > 0 && open.length) {
    const now = options.now ?? new Date();
    const last = await lastContacts(tx, orgId, open, new Date(now.getTime() - rule.capDays * DAY_MS), options);
    for (const [id, at] of last) {
      out.set(id, "recently_invited");
      out.lastContactAt.set(id, at);
    }
  }
  return out;
}
