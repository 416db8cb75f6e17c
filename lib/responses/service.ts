// Read side of responses (the inbox, the API, the CSV export); ingestion (public API, idempotency, partial
// completion) is lib/surveys/public-service.ts.
//
// Every filter is a plain column condition next to orgId and submittedAt, so the database can walk one of
// the Response indexes newest first: [orgId, surveyId, submittedAt] with a survey, [orgId, touchpointId,
// submittedAt] with a touchpoint, [orgId, metric, submittedAt, score] with a metric or category. A page's
// answers and their questions are loaded by Prisma in one batched query per relation (no N+1).
import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../http/errors";
import { pageArgs, toPage } from "../http/pagination";
import { readAnswers } from "./answers";
import type { ResponseFilters, ResponseListQuery } from "./schema";

export function responseWhere(ctx: Ctx, f: ResponseFilters): Prisma.ResponseWhereInput {
  const score = f.scoreMin !== undefined || f.scoreMax !== undefined ? { score: { gte: f.scoreMin, lte: f.scoreMax } } : {};
  return {
    orgId: ctx.orgId,
    surveyId: f.surveyId,
    touchpointId: f.touchpointId,
    channelId: f.channelId,
    customerId: f.customerId,
    metric: f.metric,
    category: f.category,
    ...score,
    ...(f.from || f.to ? { submittedAt: { gte: f.from, lt: f.to } } : {}),
    ...(f.hasComment ? { hasComment: f.hasComment === "true" } : {}),
    ...(f.status ? { completed: f.status === "completed" } : {}),
    ...(f.q ? { comment: { contains: f.q } } : {}),
  };
}

const ORDER: Prisma.ResponseOrderByWithRelationInput[] = [{ submittedAt: "desc" }, { id: "desc" }];

const responseInclude = {
  survey: { select: { id: true, name: true, type: true, defaultLocale: true } },
  customer: { select: { id: true, name: true, email: true } },
  touchpoint: { select: { id: true, name: true } },
  channel: { select: { id: true, key: true, name: true } },
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

function toDto(r: Row) {
  const { defaultLocale, ...survey } = r.survey;
  return {
    id: r.id,
    submittedAt: r.submittedAt,
    completedAt: r.completedAt,
    completed: r.completed,
    survey,
    customer: r.customer,
    touchpoint: r.touchpoint,
    channel: r.channel,
    locale: r.locale,
    metric: r.metric,
    score: r.score,
    category: r.category,
    comment: r.comment,
    answers: readAnswers(r.answers, defaultLocale),
  };
}
export type ResponseItem = ReturnType<typeof toDto>;

/** One page, newest first (cursor = id of the last row seen). */
export async function listResponses(ctx: Ctx, q: ResponseListQuery): Promise<{ data: ResponseItem[]; nextCursor: string | null }> {
  const rows = await db.response.findMany({ where: responseWhere(ctx, q), orderBy: ORDER, include: responseInclude, ...pageArgs(q) });
  const page = toPage(rows, q);
  return { data: page.data.map(toDto), nextCursor: page.nextCursor };
}

export async function getResponse(ctx: Ctx, id: string): Promise<ResponseItem> {
  const row = await db.response.findFirst({ where: { id, orgId: ctx.orgId }, include: responseInclude });
  if (!row) throw new NotFoundError("Response");
  return toDto(row);
}

/** Every matching response, page by page (for streamed exports); the next page is read when asked for. */
export async function* responsePages(ctx: Ctx, filters: ResponseFilters, pageSize = 500): AsyncGenerator<ResponseItem[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listResponses(ctx, { ...filters, limit: pageSize, cursor });
    yield page.data;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
