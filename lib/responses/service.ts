// Read side of responses (the inbox, the API, the CSV export); ingestion (public API, idempotency, partial
// completion) is lib/surveys/public-service.ts.
//
// Every filter is a plain column condition next to orgId and submittedAt, so the database can walk one of
// the Response indexes newest first: [orgId, surveyId, submittedAt] with a survey, [orgId, touchpointId,
// submittedAt] with a touchpoint, [orgId, metric, submittedAt, score] otherwise (see pageIds). Pages are
// keyset-paginated on (submittedAt, id); a page's rows, answers and questions are then loaded by id with one
// batched query per relation (no N+1).
import { scopeWhere } from "../units/scope";
import { db } from "../db";
import { containsText } from "../db-text";
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../errors";
import { cappedCount, COUNT_CAP, toPage } from "../http/pagination";
import { analysisSelect, analysisWhere, themeNames, toInsight } from "../text-analytics/insight";
import { readAnswers } from "./answers";
import type { ResponseFilters, ResponseListQuery } from "./schema";

// A category belongs to one metric ("neutral" to CSAT and CES): naming it lets a category filter alone walk
// the [orgId, metric, submittedAt, score] index instead of scanning the organization's responses.
const METRICS_OF: Record<string, string[]> = {
  promoter: ["nps"],
  passive: ["nps"],
  detractor: ["nps"],
  satisfied: ["csat"],
  dissatisfied: ["csat"],
  agree: ["ces"],
  disagree: ["ces"],
  neutral: ["csat", "ces"],
};

function metricWhere(f: ResponseFilters): Prisma.ResponseWhereInput["metric"] {
  if (f.metric) return f.metric;
  return f.category ? { in: METRICS_OF[f.category] } : undefined;
}

export function responseWhere(ctx: Ctx, f: ResponseFilters): Prisma.ResponseWhereInput {
  const score =
    f.scoreMin !== undefined || f.scoreMax !== undefined ? { score: { gte: f.scoreMin, lte: f.scoreMax } } : {};
  const analysis = analysisWhere(f);
  return {
    orgId: ctx.orgId,
    ...scopeWhere(ctx),
    surveyId: f.surveyId,
    touchpointId: f.touchpointId,
    channelId: f.channelId,
    customerId: f.customerId,
    metric: metricWhere(f),
    category: f.category,
    ...score,
    ...(f.from || f.to ? { submittedAt: { gte: f.from, lt: f.to } } : {}),
    ...(f.hasComment ? { hasComment: f.hasComment === "true" } : {}),
    ...(f.status ? { completed: f.status === "completed" } : {}),
    ...(f.q ? { comment: containsText(f.q) } : {}),
    ...(analysis ? { textAnalyses: { some: { isComment: true, ...analysis } } } : {}),
  };
}

const ORDER: Prisma.ResponseOrderByWithRelationInput[] = [{ submittedAt: "desc" }, { id: "desc" }];

const responseInclude = {
  survey: { select: { id: true, name: true, type: true, defaultLocale: true } },
  customer: { select: { id: true, name: true, email: true } },
  touchpoint: { select: { id: true, name: true } },
  channel: { select: { id: true, key: true, name: true } },
  // The follow-up case the response opened (a detractor's, by the case rules), if any.
  cases: { select: { id: true, status: true }, orderBy: { createdAt: "asc" }, take: 1 },
  // The comment's stored analysis (sentiment, themes with the spans of the matched words).
  textAnalyses: { where: { isComment: true }, select: analysisSelect, take: 1 },
  answers: {
    select: {
      valueNumber: true,
      valueText: true,
      valueChoice: true,
      question: { select: { id: true, key: true, type: true, position: true, text: true, options: true } },
    },
  },
} satisfies Prisma.ResponseInclude;
type Row = Prisma.ResponseGetPayload<{ include: typeof responseInclude }>;

function toDto(r: Row, names: Map<string, string>) {
  const { defaultLocale, ...survey } = r.survey;
  return {
    id: r.id,
    submittedAt: r.submittedAt,
    completedAt: r.completedAt,
    completed: r.completed,
    survey,
    customer: r.customer,
    /** A customer id the respondent sent without a valid customer token: their claim, never linked (docs/security/signed-customer-token.md). */
    unverifiedCustomerExternalId: r.customerClaim,
    touchpoint: r.touchpoint,
    channel: r.channel,
    locale: r.locale,
    metric: r.metric,
    score: r.score,
    category: r.category,
    comment: r.comment,
    /** The comment's sentiment and themes (spans: offsets into `comment`); null / [] until it is analysed. */
    ...toInsight(r.textAnalyses[0], names),
    answers: readAnswers(r.answers, defaultLocale),
    case: r.cases[0] ?? null,
  };
}
export type ResponseItem = ReturnType<typeof toDto>;

/** Keyset condition "after the cursor row" in newest-first order; null when the cursor names no row of this org. */
async function after(ctx: Ctx, cursor: string | undefined): Promise<Prisma.ResponseWhereInput | null> {
  if (!cursor) return {};
  const c = await db.response.findFirst({
    where: { id: cursor, orgId: ctx.orgId, ...scopeWhere(ctx) },
    select: { id: true, submittedAt: true },
  });
  if (!c) return null;
  return { OR: [{ submittedAt: { lt: c.submittedAt } }, { submittedAt: c.submittedAt, id: { lt: c.id } }] };
}

const ALL_METRICS = ["nps", "csat", "ces", null];
const newestFirst = (a: { submittedAt: Date; id: string }, b: { submittedAt: Date; id: string }) =>
  b.submittedAt.getTime() - a.submittedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The ids of one page (+1 to tell whether more follow). No index has orgId and submittedAt side by side, so
 * without a survey, touchpoint, customer or single metric the database would sort all of the organization's
 * responses for every page; instead each metric's slice is read newest first along [orgId, metric,
 * submittedAt, score] (a few rows each) and the slices are merged here.
 */
async function pageIds(ctx: Ctx, f: ResponseFilters, limit: number, cursor: string | undefined): Promise<string[]> {
  const keyset = await after(ctx, cursor);
  if (!keyset) return [];
  const where = responseWhere(ctx, f);
  const metrics = f.category ? METRICS_OF[f.category] : ALL_METRICS;
  const narrow = f.surveyId || f.touchpointId || f.customerId || f.metric || metrics.length === 1;
  const slices = narrow ? [where] : metrics.map((metric) => ({ ...where, metric }));
  const found = await Promise.all(
    slices.map((w) =>
      db.response.findMany({
        where: { AND: [w, keyset] },
        orderBy: ORDER,
        select: { id: true, submittedAt: true },
        take: limit + 1,
      }),
    ),
  );
  return found
    .flat()
    .sort(newestFirst)
    .slice(0, limit + 1)
    .map((r) => r.id);
}

/** One page, newest first (cursor = id of the last row seen). */
export async function listResponses(
  ctx: Ctx,
  q: ResponseListQuery,
): Promise<{ data: ResponseItem[]; nextCursor: string | null }> {
  const ids = await pageIds(ctx, q, q.limit, q.cursor);
  const [rows, names] = ids.length
    ? await Promise.all([
        db.response.findMany({ where: { id: { in: ids }, orgId: ctx.orgId }, include: responseInclude }),
        themeNames(ctx.orgId),
      ])
    : [[], new Map<string, string>()];
  const page = toPage(rows.sort(newestFirst), q);
  return { data: page.data.map((r) => toDto(r, names)), nextCursor: page.nextCursor };
}

export async function countResponses(ctx: Ctx, f: ResponseFilters): Promise<{ count: number; capped: boolean }> {
  const n = await db.response.count({ where: responseWhere(ctx, f), take: COUNT_CAP + 1 });
  return cappedCount(n);
}

export async function getResponse(ctx: Ctx, id: string): Promise<ResponseItem> {
  // Outside the caller's units it is a 404, as another organization's (docs/hierarchy.md, "Scoped access: responses, interactions and cases").
  const row = await db.response.findFirst({
    where: { id, orgId: ctx.orgId, ...scopeWhere(ctx) },
    include: responseInclude,
  });
  if (!row) throw new NotFoundError("Response");
  return toDto(row, await themeNames(ctx.orgId));
}

/** Every matching response, page by page (for streamed exports); the next page is read when asked for. */
export async function* responsePages(
  ctx: Ctx,
  filters: ResponseFilters,
  pageSize = 500,
): AsyncGenerator<ResponseItem[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listResponses(ctx, { ...filters, limit: pageSize, cursor });
    yield page.data;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
