// Serialising writes of one organization that must not interleave (the unit tree, its first token-signing secret):
// on PostgreSQL the organization's row is locked until the transaction ends; SQLite runs one writing transaction at a
// time already, holding the database's write lock from its start (lib/db.ts, serializeOnOneConnection and writeFirst).
import { provider, type Prisma } from "./db";

export async function lockOrganization(tx: Prisma.TransactionClient, orgId: string): Promise<void> {
  if (provider === "postgresql") await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${orgId} FOR UPDATE`;
}
