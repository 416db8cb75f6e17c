// Who may be invited now, and why not (docs/distribution.md, "Outbox and worker"): the one place every invitation —
// a campaign's wave, a trigger, a case's re-survey — asks before anything is queued.
import { Prisma } from "../db";
import { channelAddress, noAddressReason } from "./address";

export type SuppressionReason = "erased" | "opted_out" | "no_email" | "no_phone" | "no_external_id" | "bouncing";

export type Candidate = {
  id: string;
  email: string | null;
  /** Read for SMS invitations only (triggers and re-surveys send e-mail). */
  phone?: string | null;
  externalId: string | null;
  consent: boolean | number | null;
  erasedAt: Date | string | null;
  attributes: unknown;
};

/**
 * Why each customer cannot be invited on `channel` now, if at all: the customer's own state, no address on the
 * channel (no e-mail; no phone number in E.164 form for SMS: address.ts), then bounced addresses and numbers.
 * The organization's contact rules will add their reasons here ("invited 12 days ago", quiet hours), reading the
 * invitations of every channel — the one place to check before queueing.
 */
export async function contactRuleReasons(
  tx: Prisma.TransactionClient,
  orgId: string,
  customers: Candidate[],
  channel: string = "email",
): Promise<Map<string, SuppressionReason>> {
  const out = new Map<string, SuppressionReason>();
  const address = new Map(customers.map((c) => [c.id, channelAddress(channel, c)?.toLowerCase() ?? null]));
  for (const c of customers) {
    if (c.erasedAt) out.set(c.id, "erased");
    else if (c.consent === false || c.consent === 0) out.set(c.id, "opted_out");
    else if (!address.get(c.id)) out.set(c.id, noAddressReason(channel));
    else if (!c.externalId) out.set(c.id, "no_external_id");
  }
  const addresses = customers.filter((c) => !out.has(c.id)).map((c) => address.get(c.id)!);
  if (addresses.length) {
    const bounced = new Set(
      (
        await tx.mailSuppression.findMany({
          where: { orgId, address: { in: [...new Set(addresses)] } },
          select: { address: true },
        })
      ).map((s) => s.address),
    );
    for (const c of customers) if (!out.has(c.id) && bounced.has(address.get(c.id)!)) out.set(c.id, "bouncing");
  }
  return out;
}
