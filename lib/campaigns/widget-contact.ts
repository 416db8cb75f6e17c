// The widget for identified customers under the contact rules (docs/distribution.md, "Contact rules"): when the
// widget asks for a survey with a valid customer token (GET /api/v1/public/surveys/:publicId?customer=&
// customerToken=, asked right before it shows the survey), the frequency cap decides whether it may show it, and
// a show counts as that customer's contact (a ContactEvent), as an e-mailed invitation does. A contact made for
// this same survey does not stop it: a customer may always answer what they were invited to. Quiet hours do not
// apply: the customer is on the site and asked for the page themselves.
//
// Most page views write nothing — the customer is held back, or was shown this survey already (the same contact) —
// and are decided by a plain read, with no lock: on SQLite a lock is the database's one write lock, which every page
// view would otherwise take in turn with ingestion. Only a view that records a new contact takes the customer's
// lock (contact-rules.ts) and decides again under it, so two contacts within the cap still cannot both be made: a
// stale read can only hold back, or see a contact that exists.
import { db, type Prisma } from "../db";
import { contactRuleReasons, lockCustomerByExternalId } from "./contact-rules";
import { loadContactRule } from "./contact-rule-service";

const DAY_MS = 86_400_000;

type Decision = "hold" | "show" | "record";

/** What the rules say now: held back, shown as a contact already made, or shown as a new contact to record. */
async function decide(
  client: Prisma.TransactionClient,
  orgId: string,
  surveyId: string,
  externalId: string,
  now: Date,
): Promise<{ decision: Decision; customerId?: string }> {
  const customer = await client.customer.findFirst({
    where: { orgId, externalId },
    select: { id: true, email: true, externalId: true, consent: true, erasedAt: true, attributes: true },
  });
  if (!customer) return { decision: "show" };
  const rule = await loadContactRule(client, orgId);
  const decisions = await contactRuleReasons(client, orgId, [customer], {
    channel: "widget",
    now,
    surveyId,
    rule,
    lock: false, // a plain read here; the caller that records holds the lock
  });
  if (decisions.has(customer.id)) return { decision: "hold" };
  // Showing the same survey again within the cap (or the same day, without a cap) is the same contact.
  const since = new Date(now.getTime() - Math.max(rule.capDays, 1) * DAY_MS);
  const shown = await client.contactEvent.count({
    where: { orgId, customerId: customer.id, channel: "widget", surveyId, createdAt: { gte: since } },
  });
  return { decision: shown ? "show" : "record", customerId: customer.id };
}

/**
 * Whether the widget may show `surveyId` to the customer with this (verified) external id now; records the show
 * as a contact when it is a new one. An external id with no customer yet (its first answer creates it) has no
 * history: the survey is shown and nothing is recorded.
 */
export async function takeWidgetContact(
  orgId: string,
  surveyId: string,
  externalId: string,
  now = new Date(),
): Promise<boolean> {
  const read = await decide(db, orgId, surveyId, externalId, now);
  if (read.decision !== "record") return read.decision === "show";
  return db.$transaction(async (tx) => {
    await lockCustomerByExternalId(tx, orgId, externalId); // before reading again (contact-rules.ts)
    const { decision, customerId } = await decide(tx, orgId, surveyId, externalId, now);
    if (decision === "record")
      await tx.contactEvent.create({
        data: { orgId, customerId: customerId!, channel: "widget", surveyId, createdAt: now },
      });
    return decision !== "hold";
  });
}
