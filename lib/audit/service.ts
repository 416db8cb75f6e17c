// Append-only audit trail: who (user or API key) did what to which record. Nothing updates or deletes rows.
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { db } from "../db";

type Tx = Pick<typeof db, "auditEvent">;

/** Who acted: a member (userId), an API key, or the system itself (both null: the scheduler). */
export type AuditActor = Pick<Ctx, "orgId" | "apiKeyId"> & { userId: string | null };

export async function recordAudit(
  ctx: AuditActor,
  event: { action: string; entityType: string; entityId?: string | null; data?: Prisma.InputJsonValue },
  tx: Tx = db,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      orgId: ctx.orgId,
      actorId: ctx.userId,
      apiKeyId: ctx.apiKeyId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      data: event.data,
    },
  });
}
