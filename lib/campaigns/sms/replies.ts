// Inbound SMS: what people text back to the server's sender number (docs/distribution.md, "Replies"). The
// endpoint (webhook-endpoint.ts) has checked Twilio's signature before this runs. Only the opt-out and opt-in
// keywords (keywords.ts) do anything; every other text is ignored (no one reads replies here).
//
// The sender number is the server's (TWILIO_FROM), shared by every organization on it, so a STOP cannot be read
// as the customer's consent to any one organization — nor should it tell an organization that the person replied
// STOP to another's text. What it does mean is "stop texting this number": every organization that has texted the
// number gets a MailSuppression row (reason sms_stop) for it, as when Twilio refuses a send with 21610, and their
// later SMS to it are suppressed; e-mail and consent are untouched. START (or UNSTOP, YES) removes those rows
// again, for every organization, as Twilio lets messages through again after it. Numbers are compared in E.164
// form (phone.ts), the form they were texted in.
import { db } from "../../db";
import { suppressAddress } from "../bounce";
import { smsKeyword, type SmsKeyword } from "./keywords";
import { toE164 } from "./phone";

/** Records an inbound message from `from`; returns the keyword it acted on, or null (nothing changed). */
export async function recordSmsReply(from: string, body: string): Promise<SmsKeyword | null> {
  const keyword = smsKeyword(body);
  const number = toE164(from);
  if (!keyword || !number) return null;
  if (keyword === "start") {
    await db.mailSuppression.deleteMany({ where: { address: number, reason: "sms_stop" } });
    return keyword;
  }
  await db.$transaction(async (tx) => {
    // Organizations that texted the number: an SMS invitation of theirs was sent to it.
    const orgs = await tx.invitation.findMany({
      where: { address: number, channel: "sms", sentAt: { not: null } },
      distinct: ["orgId"],
      select: { orgId: true },
    });
    for (const { orgId } of orgs) await suppressAddress(tx, orgId, number, "sms_stop", "reply_stop");
  });
  return keyword;
}
