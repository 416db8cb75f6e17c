// One timeline per customer: interactions, survey responses and cases merged, newest first, paginated by a
// (time, id) cursor so that items sharing a timestamp are never skipped or repeated across pages. A unit-scoped
// caller sees the timeline of a customer they may see (lib/customers/visible.ts) with only the rows of their units,
// and the loyalty stage computed from those rows alone (docs/hierarchy.md, "Customers in a scope").
import { z } from "zod";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../errors";
import { loyaltyStage } from "./loyalty";
import { scopeWhere } from "../units/scope";
import { visibleCustomerWhere } from "./visible";
import { analysisSelect, themeNames, toInsight } from "../text-analytics/insight";

export const timelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  before: z
    .string()
    .regex(/^\d{13}_[A-Za-z0-9_-]{1,64}$/, "Not a timeline cursor")
    .optional(),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

type Cursor = { at: Date; id: string } | null;
const encode = (at: Date, id: string) => `${String(at.getTime()).padStart(13, "0")}_${id}`;
function decode(before?: string): Cursor {
  if (!before) return null;
  const [ms, ...rest] = before.split("_");
  return { at: new Date(Number(ms)), id: rest.join("_") };
}
// Rows strictly after the cursor in (time desc, id desc) order.
function after<K extends string>(field: K, c: Cursor) {
  return c ? { OR: [{ [field]: { lt: c.at } }, { [field]: c.at, id: { lt: c.id } }] } : {};
}

export async function getTimeline(ctx: Ctx, customerId: string, q: TimelineQuery) {
  const customer = await db.customer.findFirst({ where: visibleCustomerWhere(ctx, customerId), select: { id: true } });
  if (!customer) throw new NotFoundError("Customer");
  const c = decode(q.before);
  const base = { orgId: ctx.orgId, customerId, ...scopeWhere(ctx) };
  const [interactions, responses, cases] = await Promise.all([
    db.interaction.findMany({
      where: { ...base, ...after("occurredAt", c) },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: q.limit,
      include: {
        touchpoint: { select: { id: true, name: true } },
        channel: { select: { name: true } },
        staff: { select: { name: true } },
        textAnalysis: { select: analysisSelect },
      },
    }),
    db.response.findMany({
      where: { ...base, ...after("submittedAt", c) },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      take: q.limit,
      include: {
        survey: { select: { id: true, name: true } },
        touchpoint: { select: { id: true, name: true } },
        textAnalyses: { where: { isComment: true }, select: analysisSelect, take: 1 },
      },
    }),
    db.case.findMany({
      where: { ...base, ...after("createdAt", c) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: q.limit,
      include: { owner: { select: { name: true } } },
    }),
  ]);
  const names = await themeNames(ctx.orgId);
  const items = [
    ...interactions.map((i) => ({
      kind: "interaction" as const,
      id: i.id,
      at: i.occurredAt,
      interaction: {
        touchpoint: i.touchpoint,
        channel: i.channel?.name ?? null,
        staff: i.staff?.name ?? null,
        outcome: i.outcome,
        emotion: i.emotion,
        note: i.note,
        ...toInsight(i.textAnalysis, names),
      },
    })),
    ...responses.map((r) => ({
      kind: "response" as const,
      id: r.id,
      at: r.submittedAt,
      response: {
        survey: r.survey,
        touchpoint: r.touchpoint,
        metric: r.metric,
        score: r.score,
        category: r.category,
        comment: r.comment,
        ...toInsight(r.textAnalyses[0], names),
        completed: r.completed,
      },
    })),
    ...cases.map((k) => ({
      kind: "case" as const,
      id: k.id,
      at: k.createdAt,
      case: {
        title: k.title,
        status: k.status,
        owner: k.owner?.name ?? null,
        dueAt: k.dueAt,
        resolvedAt: k.resolvedAt,
      },
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, q.limit);
  const last = items[items.length - 1];
  const more = interactions.length + responses.length + cases.length > items.length || items.length === q.limit;
  return { data: items, nextCursor: last && more ? encode(last.at, last.id) : null };
}
export type TimelineItem = Awaited<ReturnType<typeof getTimeline>>["data"][number];

/** The customer's loyalty stage (lib/customers/loyalty.ts) from the database. */
export async function getLoyalty(ctx: Ctx, customerId: string, now = new Date()) {
  const since180 = new Date(now.getTime() - 180 * 86_400_000);
  const base = { orgId: ctx.orgId, customerId, ...scopeWhere(ctx) };
  const [latest, interactions, responses] = await Promise.all([
    db.response.findFirst({
      where: { ...base, metric: { in: ["nps", "csat"] }, score: { not: null } },
      orderBy: { submittedAt: "desc" },
      select: { metric: true, score: true, submittedAt: true },
    }),
    db.interaction.count({ where: { ...base, occurredAt: { gte: since180 } } }),
    db.response.count({ where: { ...base, submittedAt: { gte: since180 } } }),
  ]);
  const input = {
    latest:
      latest && latest.score !== null
        ? { metric: latest.metric as "nps" | "csat", score: latest.score, at: latest.submittedAt }
        : null,
    touches180d: interactions + responses,
    now,
  };
  return { stage: loyaltyStage(input), ...input };
}
