// A channel the product itself attributes answers to — "sms" for answers through an SMS invitation's link
// (lib/campaigns/links.ts), "qr" for answers through a touchpoint's QR code (lib/journeys/qr.ts) — is added to
// the organization the first time it is needed, with a plain name the organization can change. An archived one
// stays archived: the organization chose not to use it, and links then carry no channel.
import type { Prisma } from "../db";

export async function ensureChannel(
  tx: Pick<Prisma.TransactionClient, "channel">,
  orgId: string,
  key: string,
  name: string,
): Promise<{ id: string; key: string; active: boolean }> {
  const c = await tx.channel.upsert({
    where: { orgId_key: { orgId, key } },
    create: { orgId, key, name },
    update: {},
    select: { id: true, key: true, archivedAt: true },
  });
  return { id: c.id, key: c.key, active: c.archivedAt === null };
}
