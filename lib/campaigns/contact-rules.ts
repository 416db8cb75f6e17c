// Who may be invited now, and why not (docs/distribution.md, "Outbox and worker"): the one place every invitation —
// a campaign's wave, a trigger, a case's re-survey — asks before anything is queued.
import { Prisma } from "../db";

export type SuppressionReason = "erased" | "opted_out" | "no_email" | "no_external_id" | "bouncing";

export type Candidate = {
  id: string;
  email: string | null;
  externalId: string | null;
  consent: boolean | number | null;
  erasedAt: Date | string | null;
  attributes: unknown;
};

/**
 * Why each customer cannot be invited by e-mail now, if at all: the customer's own state, then bounced addresses.
 * The organization's contact rules will add their reasons here ("invited 12 days ago", quiet hours), reading the
 * invitations of every channel — the one place to check before queueing.
 */
export async function contactRuleReasons(
  tx: Prisma.TransactionClient,
  orgId: string,
  customers: Candidate[],
): Promise<Map<string, SuppressionReason>> {
  const out = new Map<string, SuppressionReason>();
  for (const c of customers) {
    if (c.erasedAt) out.set(c.id, "erased");
    else if (c.consent === false || c.consent === 0) out.set(c.id, "opted_out");
    else if (!c.email) out.set(c.id, "no_email");
    else if (!c.externalId) out.set(c.id, "no_external_id");
  }
  const addresses = customers.filter((c) => !out.has(c.id)).map((c) => c.email!.toLowerCase());
  if (addresses.length) {
    const bounced = new Set(
      (
        await tx.mailSuppression.findMany({
          where: { orgId, address: { in: [...new Set(addresses)] } },
          select: { address: true },
        })
      ).map((s) => s.address),
    );
    for (const c of customers) if (!out.has(c.id) && bounced.has(c.email!.toLowerCase())) out.set(c.id, "bouncing");
  }
  return out;
}
