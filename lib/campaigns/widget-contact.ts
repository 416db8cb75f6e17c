// The widget for identified customers under the contact rules (docs/distribution.md, "Contact rules"): when the
// widget asks for a survey with a valid customer token (GET /api/v1/public/surveys/:publicId?customer=&
// customerToken=, asked right before it shows the survey), the frequency cap decides whether it may show it, and
// a show counts as that customer's contact (a ContactEvent), as an e-mailed invitation does. A contact made for
// this same survey does not stop it: a customer may always answer what they were invited to. Quiet hours do not
// apply: the customer is on the site and asked for the page themselves.
import { db } from "../db";
import { contactRuleReasons, lockCustomerByExternalId } from "./contact-rules";
import { loadContactRule } from "./contact-rule-service";

const DAY_MS = 86_400_000;

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
  return db.$transaction(async (tx) => {
    await lockCustomerByExternalId(tx, orgId, externalId); // before reading (contact-rules.ts)
    const customer = await tx.customer.findFirst({
      where: { orgId, externalId },
      select: { id: true, email: true, externalId: true, consent: true, erasedAt: true, attributes: true },
    });
    if (!customer) return true;
    const rule = await loadContactRule(tx, orgId);
    const decisions = await contactRuleReasons(tx, orgId, [customer], { channel: "widget", now, surveyId, rule });
    if (decisions.has(customer.id)) return false;
    // Showing the same survey again within the cap (or the same day, without a cap) is the same contact.
    const since = new Date(now.getTime() - Math.max(rule.capDays, 1) * DAY_MS);
    const shown = await tx.contactEvent.count({
      where: { orgId, customerId: customer.id, channel: "widget", surveyId, createdAt: { gte: since } },
    });
    if (shown === 0)
      await tx.contactEvent.create({
        data: { orgId, customerId: customer.id, channel: "widget", surveyId, createdAt: now },
      });
    return true;
  });
}
