// The survey list for signed-in users. One survey with its questions, and every write: builder.ts. Respondents: public-service.ts.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { scopeWhere } from "../units/scope";

/** Every survey of the organization (configuration: a unit-scoped caller reads them all); responseCount counts the
 * caller's units only (docs/hierarchy.md, "How every read honours the scope"). */
export async function listSurveys(ctx: Ctx) {
  const rows = await db.survey.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: {
      touchpoint: { select: { id: true, name: true } },
      _count: { select: { responses: ctx.scope ? { where: scopeWhere(ctx) } : true } },
    },
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
