// Inbound SMS: what people text back to the server's sender number (docs/distribution.md, "Replies and delivery receipts"). The
// endpoint (webhook-endpoint.ts) has checked Twilio's signature before this runs. Only the opt-out and opt-in
// keywords (keywords.ts) do anything; every other text is ignored (no one reads replies here).
//
// The sender number is the server's (TWILIO_FROM), shared by every organization on it, so a STOP cannot be read
// as the customer's consent to any one organization — nor should it tell an organization that the person replied
// STOP to another's text. What it does mean is "stop texting this number": every organization that has texted the
// number gets a MailSuppression row (reason sms_stop) for it, as when Twilio refuses a send with 21610, and their
// later SMS to it are suppressed; e-mail and consent are untouched. START (or UNSTOP, YES) removes those rows
// again, for every organization, as Twilio lets messages through again after it. Numbers are compared in E.164
// form (phone.ts), the form they were texted in. Each message (by its MessageSid) acts once: SmsKeywordReply.
import { db } from "../../db";
import { suppressAddress } from "../bounce";
import { smsKeyword, type SmsKeyword } from "./keywords";
import { toE164 } from "./phone";

/**
 * Records an inbound message `messageSid` from `from`; returns the keyword it acted on, or null (nothing changed: an
 * ordinary text, a number with no E.164 form, or a message already acted on — a replayed request).
 */
export async function recordSmsReply(messageSid: string, from: string, body: string): Promise<SmsKeyword | null> {
  const keyword = smsKeyword(body);
  const number = toE164(from);
  if (!keyword || !number || !messageSid) return null;
  return db.$transaction(async (tx) => {
    // Twilio signs no timestamp, so a captured request can be sent again: each message acts once (a replayed START
    // must not lift a STOP sent after it). A write first, which also takes SQLite's write lock at once.
    const fresh =
      await tx.$executeRaw`INSERT INTO "SmsKeywordReply" ("messageSid", "keyword") VALUES (${messageSid.slice(0, 64)}, ${keyword}) ON CONFLICT ("messageSid") DO NOTHING`;
    if (fresh === 0) return null;
    if (keyword === "start") {
      await tx.mailSuppression.deleteMany({ where: { address: number, reason: "sms_stop" } });
      return keyword;
    }
    // Organizations that texted the number: an SMS invitation of theirs was sent to it.
    const orgs = await tx.invitation.findMany({
      where: { address: number, channel: "sms", sentAt: { not: null } },
      distinct: ["orgId"],
      select: { orgId: true },
    });
    for (const { orgId } of orgs) await suppressAddress(tx, orgId, number, "sms_stop", "reply_stop");
    return keyword;
  });
}
