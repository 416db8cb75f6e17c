// Maturity self-assessments: what the data already shows (evidence), saving an assessment with its score,
// level and an evidence snapshot, and the history. The scoring rules live in model.ts.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { parse } from "../http/request";
import { getLoopClosure } from "../cases/loop-closure";
import { disagreements, levelFor, maturityScore, type Answers, type EvidenceFigure } from "./model";
import { saveAssessmentSchema } from "./schema";

/** A touchpoint is measured live when it had at least this many responses, or this many interactions, … */
export const LIVE_MIN = 30;
/** … within this many days. */
export const LIVE_DAYS = 90;
const DAY_MS = 86_400_000;

export type Evidence = {
  figures: EvidenceFigure[];
  liveSurveys: number;
  activeTouchpoints: number;
  computedAt: string;
};

const share = (num: number, den: number) => (den > 0 ? num / den : null);

/** What the organization's data shows, for the questions that have evidence. A few COUNT / GROUP BY queries. */
export async function computeEvidence(ctx: Ctx, now = new Date()): Promise<Evidence> {
  const since = new Date(now.getTime() - LIVE_DAYS * DAY_MS);
  const active = { orgId: ctx.orgId, archivedAt: null };
  const [activeTouchpoints, promised, responsesBy, interactionsBy, liveSurveys, surveyed, loop] = await Promise.all([
    db.touchpoint.count({ where: active }),
    db.touchpoint.count({
      where: {
        ...active,
        OR: [{ targetCsat: { not: null } }, { targetCes: { not: null } }, { targetNps: { not: null } }],
      },
    }),
    db.response.groupBy({
      by: ["touchpointId"],
      where: {
        orgId: ctx.orgId,
        touchpointId: { not: null },
        submittedAt: { gte: since, lte: now },
        touchpoint: { archivedAt: null },
      },
      _count: { _all: true },
    }),
    db.interaction.groupBy({
      by: ["touchpointId"],
      where: {
        orgId: ctx.orgId,
        touchpointId: { not: null },
        occurredAt: { gte: since, lte: now },
        touchpoint: { archivedAt: null },
      },
      _count: { _all: true },
    }),
    db.survey.count({ where: { orgId: ctx.orgId, status: "live" } }),
    db.survey.groupBy({
      by: ["touchpointId"],
      where: { orgId: ctx.orgId, status: "live", touchpointId: { not: null }, touchpoint: { archivedAt: null } },
    }),
    getLoopClosure(ctx, { from: since, to: now }),
  ]);
  const measured = new Set(
    [...responsesBy, ...interactionsBy].filter((g) => g._count._all >= LIVE_MIN).map((g) => g.touchpointId),
  ).size;
  const figures: EvidenceFigure[] = [
    {
      key: "promised",
      label: "Active touchpoints with a promise target",
      share: share(promised, activeTouchpoints),
      numerator: promised,
      denominator: activeTouchpoints,
    },
    {
      key: "measured",
      label: `Active touchpoints measured live (≥ ${LIVE_MIN} responses or interactions in ${LIVE_DAYS} days)`,
      share: share(measured, activeTouchpoints),
      numerator: measured,
      denominator: activeTouchpoints,
    },
    {
      key: "closedIn48h",
      // lib/cases/loop-closure.ts: detractor responses, not detractor cases.
      label: `Detractor responses acted on within 48 hours (last ${LIVE_DAYS} days)`,
      share: share(loop.actedOn, loop.n),
      numerator: loop.actedOn,
      denominator: loop.n,
    },
    {
      key: "liveSurveys",
      label: "Active touchpoints with a live survey",
      share: share(surveyed.length, activeTouchpoints),
      numerator: surveyed.length,
      denominator: activeTouchpoints,
    },
  ];
  return { figures, liveSurveys, activeTouchpoints, computedAt: now.toISOString() };
}

export type AssessmentView = {
  id: string;
  answers: Answers;
  score: number;
  level: string;
  evidence: Evidence;
  disagreements: ReturnType<typeof disagreements>;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
};

const select = {
  id: true,
  answers: true,
  score: true,
  level: true,
  evidence: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

function view(row: {
  id: string;
  answers: unknown;
  score: number;
  level: string;
  evidence: unknown;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
}): AssessmentView {
  const answers = row.answers as Answers;
  const evidence = row.evidence as Evidence;
  return { ...row, answers, evidence, disagreements: disagreements(answers, evidence.figures ?? []) };
}

/** Saves an assessment: validated answers, their score and level, a snapshot of the evidence; audited. */
export async function saveAssessment(ctx: Ctx, input: unknown): Promise<AssessmentView> {
  const { answers } = parse(saveAssessmentSchema, input, "body")!;
  const score = maturityScore(answers);
  const level = levelFor(score);
  const evidence = await computeEvidence(ctx);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.maturityAssessment.create({
      data: { orgId: ctx.orgId, createdById: ctx.userId, answers, score, level, evidence },
      select,
    });
    await recordAudit(
      ctx,
      { action: "maturity.assessed", entityType: "MaturityAssessment", entityId: created.id, data: { score, level } },
      tx,
    );
    return created;
  });
  return view(row);
}

/** The organization's assessments, newest first (at most 50). */
export async function listAssessments(ctx: Ctx): Promise<AssessmentView[]> {
  const rows = await db.maturityAssessment.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select,
  });
  return rows.map(view);
}
