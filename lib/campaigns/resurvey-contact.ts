// A case's re-survey e-mail under the contact rules (docs/distribution.md, "Contact rules"), until re-surveys
// become triggers that queue invitations: asked right before the e-mail is sent, in one transaction with the
// customer's row locked. A customer invited within the frequency cap, with a bouncing address, or in their quiet
// hours is not e-mailed (the agent is shown the link and why) and the suppression log says so; otherwise the
// e-mail is this customer's contact (a ContactEvent, counted by the cap from now on).
import { db } from "../db";
import { contactRuleReasons, lockCustomers } from "./contact-rules";
import { loadContactRule, quietWindow } from "./contact-rule-service";
import { logSuppressions, suppressionText } from "./suppression-log";
import { customerTimeZone, inQuietHours } from "./window";

/** null: e-mail it (the contact is recorded); else the sentence to show the agent. */
export async function takeResurveyContact(
  orgId: string,
  customerId: string,
  ref: { caseId: string; surveyId: string },
  now = new Date(),
): Promise<string | null> {
  return db.$transaction(async (tx) => {
    await lockCustomers(tx, [customerId]); // before reading (contact-rules.ts)
    const customer = await tx.customer.findFirst({
      where: { id: customerId, orgId },
      select: { id: true, email: true, externalId: true, consent: true, erasedAt: true, attributes: true },
    });
    if (!customer) return "the customer no longer exists";
    const rule = await loadContactRule(tx, orgId);
    const decisions = await contactRuleReasons(tx, orgId, [customer], { channel: "email", now, rule });
    // The re-survey link works unsigned (the answer is then not linked), so a missing external id does not stop it.
    let reason: string | undefined = decisions.get(customer.id);
    if (reason === "no_external_id") reason = undefined;
    if (!reason && inQuietHours(now, customerTimeZone(customer.attributes, rule.timeZone), quietWindow(rule)))
      reason = "quiet_hours";
    if (!reason) {
      await tx.contactEvent.create({
        data: { orgId, customerId, channel: "email", surveyId: ref.surveyId, createdAt: now },
      });
      return null;
    }
    const lastContactAt = decisions.lastContactAt.get(customer.id) ?? null;
    await logSuppressions(
      tx,
      orgId,
      [{ customerId, source: "resurvey", stage: "send", channel: "email", reason, lastContactAt, ...ref }],
      now,
    );
    return suppressionText(reason, lastContactAt, now);
  });
}
