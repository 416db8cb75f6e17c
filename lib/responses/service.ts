// Read side of responses; ingestion (public API, idempotency, partial completion) is lib/surveys/public-service.ts.
import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { pageArgs, toPage } from "../http/pagination";
import type { ResponseListQuery } from "./schema";

export async function listResponses(ctx: Ctx, q: ResponseListQuery) {
  const where: Prisma.ResponseWhereInput = {
    orgId: ctx.orgId,
    surveyId: q.surveyId,
    customerId: q.customerId,
    touchpointId: q.touchpointId,
    ...(q.from || q.to ? { submittedAt: { gte: q.from, lt: q.to } } : {}),
  };
  const rows = await db.response.findMany({
    where,
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    include: { survey: { select: { id: true, name: true } }, customer: { select: { id: true, name: true } }, touchpoint: { select: { id: true, name: true } }, channel: { select: { id: true, key: true, name: true } } },
    ...pageArgs(q),
  });
  const page = toPage(rows, q);
  return {
    data: page.data.map((r) => ({
      id: r.id,
      survey: r.survey,
      customer: r.customer,
      touchpoint: r.touchpoint,
      channel: r.channel,
      metric: r.metric,
      score: r.score,
      category: r.category,
      comment: r.comment,
      locale: r.locale,
      completed: r.completed,
      submittedAt: r.submittedAt,
    })),
    nextCursor: page.nextCursor,
  };
}
