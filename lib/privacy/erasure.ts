// Erasure of one customer (POST /api/v1/customers/:id/erasure, admins): in ONE transaction
//  - the profile becomes a tombstone: name "Erased customer"; e-mail, phone, external id, attributes, tags,
//    search tokens and consent removed; erasedAt set (an erased customer can never be edited or restored);
//  - interaction notes and case resolutions blanked, case titles replaced;
//  - responses ANONYMISED, not deleted, so the organization's figures stay right: score, category, metric,
//    survey, touchpoint, channel and time stay; the customer link (and an unverified claim of the customer's
//    external id), page URL, user-agent category, comment,
//    free-text answers and the respondent's client id go (anonymisedAt is set);
//  - audit events whose data mention the customer's name, e-mail, phone or external id get those values
//    replaced by "[erased]" and redactedAt stamped — the only change the database lets through on the audit
//    table (migration add_privacy_tools); the rest of each event (who, what, when, which id) stays;
//  - webhook deliveries of the customer's responses and cases carry the anonymised values (no customer, client
//    id or free text; the neutral case title), and any other delivery naming them has those values replaced
//    by "[erased]" — still-due deliveries are then sent without the person (lib/webhooks/outbox.ts);
//  - one audit event "customer.erased" naming only the customer's id and counts.
import { caseTitles } from "../orgs/defaults";
import { orgLocale } from "../orgs/settings-service";
import { db, Prisma } from "../db";
import { likeLiteral } from "../db-text";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { recordConsentChange } from "./consent";
import { scrubDeliveries } from "../webhooks/outbox";
import { personalNeedles, redactJson } from "./redact";
import { forgetInteractionTexts, forgetResponseTexts } from "../text-analytics/store";

export const ERASED_NAME = "Erased customer";
export const ERASE_WORD = "ERASE";

type Tx = Prisma.TransactionClient;

/** The confirmation the UI asks for: the customer's name as shown, or the word ERASE. */
export function confirmationMatches(confirm: string, name: string | null): boolean {
  const typed = confirm.trim();
  return typed === ERASE_WORD || (!!name && typed.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
}

/** Response ids, in chunks small enough for an IN list on both databases. */
function chunks<T>(list: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Scores stay, the person goes: shared by the erasure and the retention policy's "anonymise" mode. Two plain
 * statements per chunk (Prisma's updateMany reads the ids first: several times slower, see bench/retention.ts).
 * The client id is the respondent's device key (widget localStorage), so it is replaced by one naming no one.
 * `ids` must come from a query filtered by the organization: the statements select by primary key alone,
 * because with an `orgId =` term SQLite's planner walks the organization's index instead (O(rows) per chunk).
 */
export async function anonymiseResponses(tx: Tx, ids: string[], now: Date): Promise<number> {
  let count = 0;
  for (const part of chunks(ids)) {
    const list = Prisma.join(part);
    count +=
      await tx.$executeRaw`UPDATE "Response" SET "customerId" = NULL, "customerClaim" = NULL, "pageUrl" = NULL, "userAgentCategory" = NULL, "comment" = NULL, "hasComment" = ${false},
      "clientId" = 'anonymised-' || "id", "anonymisedAt" = ${now}, "updatedAt" = ${now}
      WHERE "id" IN (${list}) AND "anonymisedAt" IS NULL`;
    await tx.$executeRaw`UPDATE "Answer" SET "valueText" = NULL WHERE "responseId" IN (${list}) AND "valueText" IS NOT NULL`;
    await forgetResponseTexts(tx, part); // the analyses of the free text go with it (docs/text-analytics.md)
  }
  return count;
}

/** Ids of the organization's rows of `table` whose `column` contains one of the values (case-insensitive). */
async function idsMentioning(
  tx: Tx,
  table: "AuditEvent" | "WebhookDelivery",
  column: "data" | "payload",
  orgId: string,
  needles: string[],
): Promise<string[]> {
  const col = Prisma.raw(`"${column}"`);
  const like = needles.map(
    (n) => Prisma.sql`LOWER(CAST(${col} AS TEXT)) LIKE ${"%" + likeLiteral(n.toLowerCase()) + "%"} ESCAPE '\\'`,
  );
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE "orgId" = ${orgId} AND ${col} IS NOT NULL AND (${Prisma.join(like, " OR ")})`;
  return rows.map((r) => r.id);
}

/** Audit events of the organization whose data contains one of the values (case-insensitive), redacted. */
async function redactAuditEvents(tx: Tx, orgId: string, needles: string[], now: Date): Promise<number> {
  if (needles.length === 0) return 0;
  let count = 0;
  for (const part of chunks(await idsMentioning(tx, "AuditEvent", "data", orgId, needles))) {
    const events = await tx.auditEvent.findMany({
      where: { orgId, id: { in: part } },
      select: { id: true, data: true },
    });
    for (const e of events) {
      const { value, changed } = redactJson(e.data, needles);
      if (!changed) continue;
      await tx.auditEvent.update({
        where: { id: e.id },
        data: { data: value as Prisma.InputJsonValue, redactedAt: now },
      });
      count++;
    }
  }
  return count;
}

/**
 * Webhook deliveries: those of the customer's responses and cases get their personal fields from the erased rows
 * (lib/webhooks/outbox.ts scrubDeliveries); any other delivery whose event data mentions the customer's name,
 * e-mail, phone or external id (free text about them in someone else's answer) has those values replaced.
 */
async function redactDeliveries(
  tx: Tx,
  orgId: string,
  customerId: string,
  responseIds: string[],
  needles: string[],
): Promise<number> {
  let count = await scrubDeliveries(tx, orgId, { customerId, responseIds });
  if (needles.length === 0) return count;
  for (const part of chunks(await idsMentioning(tx, "WebhookDelivery", "payload", orgId, needles))) {
    for (const d of await tx.webhookDelivery.findMany({
      where: { orgId, id: { in: part } },
      select: { id: true, payload: true },
    })) {
      const event = JSON.parse(d.payload) as { data?: unknown };
      const { value, changed } = redactJson(event.data, needles);
      if (!changed) continue;
      await tx.webhookDelivery.update({
        where: { id: d.id },
        data: { payload: JSON.stringify({ ...event, data: value }) },
      });
      count++;
    }
  }
  return count;
}

export type ErasureResult = {
  customerId: string;
  erasedAt: Date;
  responsesAnonymised: number;
  interactionsBlanked: number;
  casesBlanked: number;
  auditEventsRedacted: number;
  webhookDeliveriesRedacted: number;
};

export async function eraseCustomer(
  ctx: Ctx,
  customerId: string,
  input: { confirm: string },
  now = new Date(),
): Promise<ErasureResult> {
  const c = await db.customer.findFirst({
    where: { id: customerId, orgId: ctx.orgId },
    select: { id: true, name: true, email: true, phone: true, externalId: true, erasedAt: true },
  });
  if (!c) throw new NotFoundError("Customer");
  if (c.erasedAt) throw new ConflictError("This customer has already been erased.");
  if (!confirmationMatches(input.confirm, c.name)) {
    throw new ValidationError([
      { name: "confirm", reason: `Type the customer's name or ${ERASE_WORD} to confirm`, in: "body" },
    ]);
  }
  const needles = personalNeedles([c.name, c.email, c.phone, c.externalId, c.email?.split("@")[0]]);
  return db.$transaction(
    async (tx) => {
      // Compare-and-set on erasedAt: two erasures at once → one wins, the other is a 409.
      const claimed = await tx.customer.updateMany({
        where: { id: c.id, orgId: ctx.orgId, erasedAt: null },
        data: {
          name: ERASED_NAME,
          email: null,
          phone: null,
          externalId: null,
          attributes: Prisma.DbNull,
          consent: null,
          consentAt: null,
          erasedAt: now,
        },
      });
      if (claimed.count !== 1) throw new ConflictError("This customer has already been erased.");
      await tx.customerTag.deleteMany({ where: { orgId: ctx.orgId, customerId: c.id } });
      await tx.customerSearchToken.deleteMany({ where: { orgId: ctx.orgId, customerId: c.id } });
      await recordConsentChange(tx, ctx, { customerId: c.id, consent: null, source: "erasure", at: now });
      const interactions = await tx.interaction.updateMany({
        where: { orgId: ctx.orgId, customerId: c.id },
        data: { note: null },
      });
      await forgetInteractionTexts(tx, ctx.orgId, c.id); // and the notes' analyses
      const cases = await tx.case.updateMany({
        where: { orgId: ctx.orgId, customerId: c.id },
        data: { title: caseTitles(await orgLocale(ctx.orgId, tx)).customerErased(), resolution: null },
      });
      // Campaign invitations keep their counts but lose the address; nothing more is sent (docs/distribution.md).
      await tx.outboxMessage.updateMany({
        where: { orgId: ctx.orgId, status: { in: ["pending", "failed"] }, invitation: { customerId: c.id } },
        data: { status: "skipped", lastError: "erased", nextAttemptAt: null },
      });
      await tx.invitation.updateMany({ where: { orgId: ctx.orgId, customerId: c.id }, data: { address: null } });
      if (c.email) await tx.mailSuppression.deleteMany({ where: { orgId: ctx.orgId, address: c.email.toLowerCase() } });
      // Also the responses that only claimed to be this customer (sent without a valid customer token).
      const claimedBy = c.externalId ? [{ customerClaim: c.externalId }] : [];
      const responseIds = (
        await tx.response.findMany({
          where: { orgId: ctx.orgId, OR: [{ customerId: c.id }, ...claimedBy] },
          select: { id: true },
        })
      ).map((r) => r.id);
      const responsesAnonymised = await anonymiseResponses(tx, responseIds, now);
      const auditEventsRedacted = await redactAuditEvents(tx, ctx.orgId, needles, now);
      const webhookDeliveriesRedacted = await redactDeliveries(tx, ctx.orgId, c.id, responseIds, needles);
      const result = {
        customerId: c.id,
        erasedAt: now,
        responsesAnonymised,
        interactionsBlanked: interactions.count,
        casesBlanked: cases.count,
        auditEventsRedacted,
        webhookDeliveriesRedacted,
      };
      await recordAudit(
        ctx,
        {
          action: "customer.erased",
          entityType: "Customer",
          entityId: c.id,
          data: { ...result, erasedAt: now.toISOString() },
        },
        tx,
      );
      return result;
    },
    { timeout: 60_000 },
  );
}
