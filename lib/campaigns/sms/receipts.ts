// Delivery receipts: Twilio's status callbacks for the messages it took (docs/distribution.md, "Replies and
// delivery receipts"). Twilio POSTs to the StatusCallback URL each message was sent with (twilio.ts) as its status changes;
// the endpoint (webhook-endpoint.ts) has checked the signature before this runs. A callback names its message by
// MessageSid alone, and that is the only thing it is looked up by — never by anything else the caller says — so a
// callback can only ever change the one message Twilio gave that sid to. Only final statuses are recorded, once:
//
// - "delivered": the carrier confirmed the handset received it → the message's and (the first time) the
//   invitation's deliveredAt;
// - "undelivered" / "failed" with 30003 (unreachable handset), 30005 (unknown number) or 30006 (landline or
//   unreachable carrier) → the number cannot receive SMS: it is recorded as invalid_number and the invitation
//   bounced, as when Twilio refuses the number at once (21211: ../bounce.ts);
// - "undelivered" / "failed" with any other code (a carrier filter, a queue overflow, …) → the message is marked
//   undelivered and, for the invitation's first message, the invitation failed; nothing is learnt about the number.
//
// Intermediate statuses (queued, sending, sent, accepted) and callbacks for a sid no message has change nothing.
import { db } from "../../db";
import { recordBounce } from "../bounce";

/** Twilio's error codes meaning the number itself cannot receive SMS. */
const NUMBER_GONE = new Set([30003, 30005, 30006]);

export type StatusReport = { messageSid: string; status: string; errorCode: number | null };
export type ReceiptOutcome = "unknown" | "ignored" | "delivered" | "bounced" | "undelivered";

export async function recordSmsStatus(r: StatusReport, now = new Date()): Promise<ReceiptOutcome> {
  const final = r.status === "delivered" || r.status === "undelivered" || r.status === "failed";
  if (!final || !r.messageSid) return "ignored";
  return db.$transaction(async (tx) => {
    const m = await tx.outboxMessage.findFirst({
      where: { messageId: r.messageSid, invitation: { channel: "sms" } },
      select: {
        id: true,
        seq: true,
        deliveryStatus: true,
        invitation: {
          select: { id: true, orgId: true, customerId: true, channel: true, address: true, status: true },
        },
      },
    });
    if (!m) return "unknown";
    // The first final status wins: a replayed or late callback never rewrites what was recorded.
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: m.id, deliveryStatus: null },
      data:
        r.status === "delivered"
          ? { deliveryStatus: "delivered", deliveredAt: now }
          : { deliveryStatus: r.status, deliveryError: r.errorCode !== null ? `twilio_${r.errorCode}` : r.status },
    });
    if (count === 0) return "ignored";
    const i = m.invitation;
    if (r.status === "delivered") {
      // The invitation reached the person: a failure recorded for an earlier message of it no longer stands.
      await tx.invitation.updateMany({ where: { id: i.id, deliveredAt: null }, data: { deliveredAt: now } });
      await tx.invitation.updateMany({
        where: { id: i.id, status: "failed", sentAt: { not: null } },
        data: { status: "sent", reason: null },
      });
      return "delivered";
    }
    const error = r.errorCode !== null ? `twilio_${r.errorCode}` : r.status;
    // Only while no message of the invitation was delivered: after that, the invitation did reach them.
    const reached = await tx.invitation.count({ where: { id: i.id, deliveredAt: { not: null } } });
    if (r.errorCode !== null && NUMBER_GONE.has(r.errorCode) && i.address && !reached) {
      const bounced = await recordBounce(tx, {
        orgId: i.orgId,
        invitationId: i.id,
        customerId: i.customerId,
        channel: i.channel,
        address: i.address,
        error,
      });
      if (bounced) return "bounced";
    }
    if (m.seq === 0 && !reached && i.status === "sent")
      await tx.invitation.update({ where: { id: i.id }, data: { status: "failed", reason: error } });
    return "undelivered";
  });
}
