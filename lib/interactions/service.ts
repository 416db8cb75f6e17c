import { attributeRows } from "../units/attribute-rows";
import { db } from "../db";
import { containsText } from "../db-text";
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { NotFoundError, ValidationError } from "../errors";
import { customerScopeWhere, inScope, scopeWhere } from "../units/scope";
import { cappedCount, COUNT_CAP, pageArgs, toPage } from "../http/pagination";
import type { InteractionCreate, InteractionFilters, InteractionListQuery } from "./schema";
import { openCaseForInteraction } from "../cases/rules";
import { fireInteractionTriggers } from "../triggers/fire";
import { isUniqueViolation } from "../db-errors";
import { analyseOnWrite } from "../text-analytics/store";
import { analysisSelect, analysisWhere, themeNames, toInsight } from "../text-analytics/insight";

const include = {
  customer: { select: { id: true, name: true, externalId: true } },
  touchpoint: { select: { id: true, name: true } },
  channel: { select: { id: true, key: true, name: true } },
  staff: { select: { id: true, name: true } },
  // The note's stored analysis (sentiment, themes with the spans of the matched words).
  textAnalysis: { select: analysisSelect },
} satisfies Prisma.InteractionInclude;
type Row = Prisma.InteractionGetPayload<{ include: typeof include }>;

function toDto(i: Row, names: Map<string, string>) {
  return {
    id: i.id,
    occurredAt: i.occurredAt,
    customer: i.customer,
    touchpoint: i.touchpoint,
    channel: i.channel,
    staff: i.staff,
    outcome: i.outcome,
    emotion: i.emotion,
    note: i.note,
    /** The note's sentiment and themes (spans: offsets into `note`); null / [] until it is analysed. */
    ...toInsight(i.textAnalysis, names),
    source: i.source,
    clientId: i.clientId,
  };
}

/** The rows the filters select, in this organization and the caller's units only. */
export function interactionWhere(ctx: Ctx, f: InteractionFilters): Prisma.InteractionWhereInput {
  const analysis = analysisWhere(f);
  return {
    orgId: ctx.orgId,
    ...scopeWhere(ctx),
    customerId: f.customerId,
    touchpointId: f.touchpointId,
    channelId: f.channelId,
    staffId: f.staffId,
    source: f.source,
    outcome: f.outcome,
    emotion: f.emotion,
    ...(f.from || f.to ? { occurredAt: { gte: f.from, lt: f.to } } : {}),
    ...(f.q ? { note: containsText(f.q) } : {}),
    ...(analysis ? { textAnalysis: { is: analysis } } : {}),
  };
}

export async function listInteractions(ctx: Ctx, q: InteractionListQuery) {
  const where = interactionWhere(ctx, q);
  const [rows, names] = await Promise.all([
    db.interaction.findMany({
      where,
      include,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      ...pageArgs(q),
    }),
    themeNames(ctx.orgId),
  ]);
  const page = toPage(rows, q);
  return { data: page.data.map((i) => toDto(i, names)), nextCursor: page.nextCursor };
}

/** How many interactions the filters select, counted up to COUNT_CAP (then "more than"). */
export async function countInteractions(ctx: Ctx, f: InteractionFilters): Promise<{ count: number; capped: boolean }> {
  const n = await db.interaction.count({ where: interactionWhere(ctx, f), take: COUNT_CAP + 1 });
  return cappedCount(n);
}

export async function getInteraction(ctx: Ctx, id: string) {
  const row = await db.interaction.findFirst({ where: { id, orgId: ctx.orgId, ...scopeWhere(ctx) }, include });
  if (!row) throw new NotFoundError("Interaction");
  return toDto(row, await themeNames(ctx.orgId));
}

/** The interaction logged earlier with this clientId; one outside the caller's units is a 404, as another organization's. */
async function findByClientId(ctx: Ctx, clientId: string) {
  const row = await db.interaction.findUnique({ where: { orgId_clientId: { orgId: ctx.orgId, clientId } }, include });
  if (row && !inScope(ctx, row.unitId)) throw new NotFoundError("Interaction");
  return row ? toDto(row, await themeNames(ctx.orgId)) : null;
}

/**
 * Logs an interaction. Idempotent by clientId: a retry returns the first one with created = false. A unit-scoped
 * caller (member or API key) logs for a customer they can see, and the interaction is theirs: the staff rule with
 * their scope unit (docs/hierarchy.md, "Scoped access: responses, interactions and cases").
 */
export async function createInteraction(ctx: Ctx, input: InteractionCreate, source: "staff" | "api" = "staff") {
  if (input.clientId) {
    const existing = await findByClientId(ctx, input.clientId);
    if (existing) return { interaction: existing, created: false };
  }
  const [customer, touchpoint, channel] = await Promise.all([
    db.customer.findFirst({
      where: { id: input.customerId, orgId: ctx.orgId, ...customerScopeWhere(ctx) },
      select: { id: true },
    }),
    input.touchpointId
      ? db.touchpoint.findFirst({
          where: { id: input.touchpointId, orgId: ctx.orgId },
          select: { id: true, channelId: true },
        })
      : null,
    input.channelId
      ? db.channel.findFirst({ where: { id: input.channelId, orgId: ctx.orgId }, select: { id: true } })
      : null,
  ]);
  if (!customer) throw new NotFoundError("Customer");
  if (input.touchpointId && !touchpoint) throw new NotFoundError("Touchpoint");
  if (input.channelId && !channel) throw new NotFoundError("Channel");
  try {
    const occurredAt = input.occurredAt ?? new Date();
    const row = await db.$transaction(async (tx) => {
      // Its unit (docs/hierarchy.md, "Attribution"): the staff rule only for what a member logs themself, and for
      // whatever a scoped caller logs (their scope unit).
      const [unit] = await attributeRows(tx, ctx.orgId, [
        {
          staffUserId: source === "staff" ? ctx.userId : null,
          staffUnitId: ctx.scope?.unitId ?? null,
          touchpointId: touchpoint?.id,
          customerId: customer.id,
        },
      ]);
      // Only when the scope unit is archived can the rules land elsewhere: refused, nothing is written.
      if (!inScope(ctx, unit.unitId)) {
        const field = touchpoint ? "touchpointId" : "customerId";
        throw new ValidationError([
          { name: field, reason: "Your unit is archived, and this would log the interaction outside your units" },
        ]);
      }
      const created = await tx.interaction.create({
        data: {
          orgId: ctx.orgId,
          customerId: customer.id,
          unitId: unit.unitId,
          touchpointId: touchpoint?.id,
          channelId: channel?.id ?? touchpoint?.channelId ?? null,
          staffId: ctx.userId,
          occurredAt,
          outcome: input.outcome,
          emotion: input.emotion,
          note: input.note || null,
          source,
          clientId: input.clientId,
        },
        include,
      });
      await analyseOnWrite(tx, { interactions: [created] }); // the note's sentiment and themes (docs/text-analytics.md)
      // The customer was last seen at their newest interaction.
      await tx.customer.updateMany({
        where: { id: customer.id, orgId: ctx.orgId, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: occurredAt } }] },
        data: { lastSeenAt: occurredAt },
      });
      await openCaseForInteraction(tx, created);
      // Triggers invite in this transaction: a rolled-back interaction invites no one (docs/distribution.md).
      await fireInteractionTriggers(tx, ctx.orgId, [created]);
      return created;
    });
    // The note was analysed in the transaction, after the row was read: read its analysis now.
    const [analysis, names] = await Promise.all([
      db.textAnalysis.findUnique({ where: { interactionId: row.id }, select: analysisSelect }),
      themeNames(ctx.orgId),
    ]);
    return { interaction: toDto({ ...row, textAnalysis: analysis }, names), created: true };
  } catch (error) {
    // Two retries racing: the unique (orgId, clientId) index lets exactly one insert win.
    const again = input.clientId && isUniqueViolation(error) ? await findByClientId(ctx, input.clientId) : null;
    if (again) return { interaction: again, created: false };
    throw error;
  }
}
