// The suppression log (docs/distribution.md, "Suppression log"): per customer and send, why the customer was not
// invited — written where the contact rules decided (the queue, the worker before a send, a re-survey), read per
// campaign and per customer, each row with a sentence a person reads ("invited 12 days ago", "opted out").
import { db, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../errors";
import { assertVisibleCustomer } from "../customers/visible";
import { pageArgs, toPage, type PaginationQuery } from "../http/pagination";
import type { SuppressionReason } from "./contact-rules";
import { suppressionText } from "./suppression-text";

export { suppressionText };

export type SuppressionEntry = {
  customerId: string;
  source: "campaign" | "resurvey" | "trigger";
  stage: "queue" | "send";
  channel: string;
  reason: SuppressionReason | string;
  lastContactAt?: Date | null;
  campaignId?: string | null;
  invitationId?: string | null;
  caseId?: string | null;
  surveyId?: string | null;
};

type Tx = Pick<typeof db, "suppressionLog">;

export async function logSuppressions(tx: Tx, orgId: string, entries: SuppressionEntry[], at = new Date()) {
  if (entries.length === 0) return;
  await tx.suppressionLog.createMany({
    data: entries.map((e) => ({ orgId, ...e, lastContactAt: e.lastContactAt ?? null, createdAt: at })),
  });
}

const select = {
  id: true,
  customerId: true,
  source: true,
  stage: true,
  channel: true,
  reason: true,
  lastContactAt: true,
  campaignId: true,
  invitationId: true,
  caseId: true,
  surveyId: true,
  createdAt: true,
  customer: { select: { name: true, externalId: true } },
  campaign: { select: { name: true } },
} satisfies Prisma.SuppressionLogSelect;
type Row = Prisma.SuppressionLogGetPayload<{ select: typeof select }>;

function toDto(r: Row) {
  return {
    id: r.id,
    at: r.createdAt,
    customer: { id: r.customerId, name: r.customer.name, externalId: r.customer.externalId },
    source: r.source,
    campaign: r.campaignId ? { id: r.campaignId, name: r.campaign?.name ?? null } : null,
    invitationId: r.invitationId,
    caseId: r.caseId,
    surveyId: r.surveyId,
    channel: r.channel,
    stage: r.stage,
    reason: r.reason,
    lastContactAt: r.lastContactAt,
    text: suppressionText(r.reason, r.lastContactAt, r.createdAt),
  };
}
export type SuppressionDto = ReturnType<typeof toDto>;

async function page(ctx: Ctx, where: Prisma.SuppressionLogWhereInput, q: PaginationQuery) {
  const rows = await db.suppressionLog.findMany({
    where: { ...where, orgId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select,
    ...pageArgs(q),
  });
  const p = toPage(rows, q);
  return { data: p.data.map(toDto), nextCursor: p.nextCursor };
}

/** GET /api/v1/campaigns/:id/suppressions: who this campaign left out, and why, newest first. */
export async function listCampaignSuppressions(ctx: Ctx, campaignId: string, q: PaginationQuery) {
  const own = await db.campaign.findFirst({ where: { id: campaignId, orgId: ctx.orgId }, select: { id: true } });
  if (!own) throw new NotFoundError("Campaign");
  return page(ctx, { campaignId }, q);
}

/** GET /api/v1/customers/:id/suppressions: every send this customer was left out of, and why, newest first. */
export async function listCustomerSuppressions(ctx: Ctx, customerId: string, q: PaginationQuery) {
  await assertVisibleCustomer(ctx, customerId);
  return page(ctx, { customerId }, q);
}
