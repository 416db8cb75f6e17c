// Read side of surveys for signed-in users (the builder comes later). Respondents: public-service.ts.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../http/errors";

export async function listSurveys(ctx: Ctx) {
  const rows = await db.survey.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { touchpoint: { select: { id: true, name: true } }, _count: { select: { responses: true } } },
  });
  return rows.map((s) => ({
    id: s.id,
    publicId: s.publicId,
    name: s.name,
    type: s.type,
    status: s.status,
    touchpoint: s.touchpoint,
    responseCount: s._count.responses,
    publishedAt: s.publishedAt,
    createdAt: s.createdAt,
  }));
}

export async function getSurvey(ctx: Ctx, id: string) {
  const s = await db.survey.findFirst({
    where: { id, orgId: ctx.orgId },
    include: { questions: { where: { archivedAt: null }, orderBy: { position: "asc" } }, touchpoint: { select: { id: true, name: true } } },
  });
  if (!s) throw new NotFoundError("Survey");
  return {
    id: s.id,
    publicId: s.publicId,
    name: s.name,
    type: s.type,
    status: s.status,
    version: s.version,
    defaultLocale: s.defaultLocale,
    languages: s.languages,
    touchpoint: s.touchpoint,
    questions: s.questions.map((q) => ({
      id: q.id,
      key: q.key,
      position: q.position,
      type: q.type,
      required: q.required,
      scaleMin: q.scaleMin,
      scaleMax: q.scaleMax,
      text: q.text,
      options: q.options,
      headline: q.headline,
    })),
  };
}
