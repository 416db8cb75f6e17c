// Account events belong to a person, not to one organization, while the audit log is per organization: each
// event is recorded in every organization the user is a member of, so each organization's admins see it.
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/service";

type Tx = Prisma.TransactionClient | typeof db;

export async function auditAccountEvent(
  userId: string,
  action: string,
  data: Prisma.InputJsonValue = {},
  tx: Tx = db,
): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { orgId: true } });
  for (const m of memberships) {
    await recordAudit(
      { orgId: m.orgId, userId, apiKeyId: null },
      { action, entityType: "User", entityId: userId, data },
      tx,
    );
  }
}
