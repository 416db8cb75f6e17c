// Locking customers' rows (PostgreSQL; on SQLite a writing transaction holds the whole database's write lock from its
// start, lib/db.ts writeFirst) for the length of a transaction: what makes the
// contact rules exact (lib/campaigns/contact-rules.ts: a check and the invitation it allows are one serialized
// step), and the one global order in which any transaction takes several customers, so that none deadlocks.
import { Prisma, provider } from "../db";

type Tx = Prisma.TransactionClient;

const LOCK_CHUNK = 1000;

/**
 * Serializes every check of these customers until the caller's transaction ends (see the head comment).
 *
 * PostgreSQL: the rows are locked in ONE global order, customer id ascending by byte (COLLATE "C", which is also
 * JavaScript's order of these ASCII ids), in chunks of that same order. Every transaction that locks or updates
 * more than one customer takes them through here first — a wave's batch (queue.ts), the worker's batch check
 * (worker.ts), trigger firing (lib/triggers/fire.ts), the ingestion batch's lastSeenAt (lib/surveys/ingest-batch.ts),
 * a customer import (lib/import/write.ts) — so no two of them can wait for each other in a cycle (a deadlock).
 * A transaction holding some customers locks more only above them (or ones it holds already). FOR NO KEY UPDATE,
 * the lock an UPDATE of a customer's columns takes: it serializes with every such update and with every other check,
 * but not with the FOR KEY SHARE that inserting a row referencing the customer takes (a response, an interaction,
 * an invitation), so those inserts, in whatever order, never wait for a check nor a check for them.
 */
export async function lockCustomers(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0 || provider !== "postgresql") return;
  const sorted = [...new Set(ids)].sort();
  for (let at = 0; at < sorted.length; at += LOCK_CHUNK)
    await tx.$queryRaw`SELECT "id" FROM "Customer" WHERE "id" IN (${Prisma.join(sorted.slice(at, at + LOCK_CHUNK))}) ORDER BY "id" COLLATE "C" FOR NO KEY UPDATE`;
}

/** lockCustomers for a customer known by their external id (the widget), before anything is read. */
export async function lockCustomerByExternalId(tx: Tx, orgId: string, externalId: string): Promise<void> {
  if (provider === "postgresql")
    await tx.$queryRaw`SELECT "id" FROM "Customer" WHERE "orgId" = ${orgId} AND "externalId" = ${externalId} FOR NO KEY UPDATE`;
}
