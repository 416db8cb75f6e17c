// What a permanent delivery failure changes, in the caller's transaction, whichever way it was learnt: the SMTP
// server or the SMS provider refusing the recipient while the worker sends (worker.ts), or the provider reporting
// later that a message it took could not be delivered (an SMS status callback: sms/receipts.ts). One place, so a
// bounce means the same thing both ways.
import type { Prisma } from "../db";

type Tx = Prisma.TransactionClient;

/**
 * The address or number must not be written to again by this organization (MailSuppression, keyed by the
 * lower-cased address or the E.164 number). An existing row keeps its first reason.
 */
export async function suppressAddress(tx: Tx, orgId: string, address: string, reason: string, detail: string | null) {
  const key = { orgId, address: address.toLowerCase() };
  await tx.mailSuppression.upsert({
    where: { orgId_address: key },
    create: { ...key, reason, detail },
    update: {},
  });
}

/**
 * The recipient cannot receive: the address is marked bouncing ("bounce" for e-mail, "invalid_number" for SMS) and
 * the invitation bounced. Nothing is written for a customer erased meanwhile (the erasure cleared the address;
 * it is never written back). Returns whether it recorded the bounce.
 */
export async function recordBounce(
  tx: Tx,
  b: { orgId: string; invitationId: string; customerId: string; channel: string; address: string; error: string },
): Promise<boolean> {
  if ((await tx.customer.count({ where: { id: b.customerId, erasedAt: { not: null } } })) > 0) return false;
  await suppressAddress(tx, b.orgId, b.address, b.channel === "sms" ? "invalid_number" : "bounce", b.error);
  await tx.invitation.update({ where: { id: b.invitationId }, data: { status: "bounced", reason: b.error } });
  return true;
}
