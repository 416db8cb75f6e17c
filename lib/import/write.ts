// Writes one batch of validated import rows: new customers with multi-row INSERTs (customers, search tokens,
// tags) and existing ones (same externalId in this organization) skipped or updated, in one transaction.
import { db, type Prisma } from "../db";
import { insertBatches, newId } from "../db-bulk";
import type { Ctx } from "../auth/ctx";
import type { CustomerInput } from "../customers/schema";
import { searchTokenRows } from "../customers/search-tokens";
import { lockCustomers } from "../customers/lock";
import type { OnExisting } from "./mapping";

export type BatchResult = { inserted: number; updated: number; skipped: number };

export { newId };

type Existing = {
  id: string;
  externalId: string | null;
  name: string | null;
  email: string | null;
  consent: boolean | null;
  attributes: unknown;
};

function tagRows(orgId: string, customerId: string, tags: string[] | undefined) {
  return [...new Set(tags ?? [])].map((tag) => ({ id: newId(), orgId, customerId, tag }));
}

export async function writeBatch(ctx: Ctx, rows: CustomerInput[], onExisting: OnExisting): Promise<BatchResult> {
  const externalIds = rows.flatMap((r) => (r.externalId ? [r.externalId] : []));
  return db.$transaction(
    async (tx) => {
      const where = { orgId: ctx.orgId, externalId: { in: externalIds } };
      // The customers to update, locked in id order before they are read (lib/campaigns/contact-rules.ts
      // lockCustomers: updated one by one in the file's order, they could deadlock with a wave being queued).
      if (externalIds.length)
        await lockCustomers(
          tx,
          (await tx.customer.findMany({ where, select: { id: true } })).map((c) => c.id),
        );
      const found: Existing[] = externalIds.length
        ? await tx.customer.findMany({
            where,
            select: { id: true, externalId: true, name: true, email: true, consent: true, attributes: true },
          })
        : [];
      const existing = new Map(found.map((c) => [c.externalId!, c]));
      const now = new Date();
      const customers: object[] = [];
      const tokens: object[] = [];
      const tags: object[] = [];
      const result: BatchResult = { inserted: 0, updated: 0, skipped: 0 };
      const retokenize: string[] = [];
      const retag: string[] = [];
      const consentEvents: object[] = [];
      const consentEvent = (customerId: string, consent: boolean | null) =>
        consentEvents.push({
          id: newId(),
          orgId: ctx.orgId,
          customerId,
          consent,
          source: "import",
          actorId: ctx.userId,
          apiKeyId: ctx.apiKeyId,
          createdAt: now,
        });

      for (const r of rows) {
        const old = r.externalId ? existing.get(r.externalId) : undefined;
        if (!old) {
          const id = newId();
          customers.push({
            id,
            orgId: ctx.orgId,
            externalId: r.externalId ?? null,
            name: r.name,
            email: r.email ?? null,
            phone: r.phone ?? null,
            attributes: r.attributes ?? null,
            unitId: r.unitId ?? null,
            consent: r.consent ?? null,
            consentAt: r.consent === undefined || r.consent === null ? null : now,
            createdAt: now,
            updatedAt: now,
          });
          tokens.push(...searchTokenRows(ctx.orgId, id, r));
          tags.push(...tagRows(ctx.orgId, id, r.tags));
          if (r.consent !== undefined && r.consent !== null) consentEvent(id, r.consent);
          result.inserted++;
          continue;
        }
        if (onExisting === "skip") {
          result.skipped++;
          continue;
        }
        // Update: cells with a value overwrite, empty cells keep what is stored; attributes merge key by key.
        const consentChanged = r.consent !== undefined && r.consent !== old.consent;
        if (consentChanged) consentEvent(old.id, r.consent ?? null);
        const attributes: Prisma.InputJsonObject | undefined = r.attributes
          ? { ...((old.attributes as Prisma.InputJsonObject | null) ?? {}), ...r.attributes }
          : undefined;
        await tx.customer.updateMany({
          where: { id: old.id, orgId: ctx.orgId },
          data: {
            name: r.name,
            email: r.email,
            phone: r.phone,
            attributes,
            unitId: r.unitId ?? undefined,
            ...(consentChanged ? { consent: r.consent, consentAt: now } : {}),
          },
        });
        const next = { name: r.name, email: r.email ?? old.email, externalId: old.externalId };
        if (next.name !== old.name || next.email !== old.email) {
          retokenize.push(old.id);
          tokens.push(...searchTokenRows(ctx.orgId, old.id, next));
        }
        if (r.tags) {
          retag.push(old.id);
          tags.push(...tagRows(ctx.orgId, old.id, r.tags));
        }
        result.updated++;
      }
      if (retokenize.length)
        await tx.customerSearchToken.deleteMany({ where: { orgId: ctx.orgId, customerId: { in: retokenize } } });
      if (retag.length) await tx.customerTag.deleteMany({ where: { orgId: ctx.orgId, customerId: { in: retag } } });
      await insertBatches(tx, "Customer", "customers", customers);
      await insertBatches(tx, "CustomerSearchToken", "tokens", tokens);
      await insertBatches(tx, "CustomerTag", "tags", tags);
      await insertBatches(tx, "ConsentEvent", "consent events", consentEvents);
      return result;
    },
    { timeout: 120_000 },
  );
}
