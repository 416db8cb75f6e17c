// Key drivers of NPS or CSAT for /api/v1/metrics/drivers and the drivers report. The unit is one response of
// a survey whose headline question is the outcome (NPS 0–10 or CSAT 1–5) and whose other score questions rate
// the drivers ("How satisfied are you with …"). Importance: Johnson's relative weights of the items for the
// headline score, with bootstrap intervals (lib/metrics/drivers.ts). Performance: each item's mean score.
//
// The response × item values are read inside the server (one indexed join per request) and only the
// aggregated result leaves it. A driver answered fewer than 10 times is shown as "not enough data" and left
// out of the model; the model itself needs 10 complete responses per driver.
import { db, Prisma } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import { keyDrivers, MIN_RESPONSES_PER_DRIVER, neededRows, type Interval } from "../metrics/drivers";
import { resolvePeriod, type AnalyticsFilters, type ResolvedPeriod } from "./filters";
import { quadrantOf, type Quadrant } from "./driver-quadrants";
import { responseWhere } from "./sql";
import { narrowToUnit } from "./unit-filter";

export const DRIVER_OUTCOMES = ["nps", "csat"] as const;
export type DriverOutcome = (typeof DRIVER_OUTCOMES)[number];

export type DriverFilters = AnalyticsFilters & { outcome: DriverOutcome };

export type DriverRow = {
  key: string;
  label: string;
  scale: { min: number | null; max: number | null };
  /** Mean item score of the responses in scope that answered it. */
  performance: { mean: number | null; n: number };
  /** null when the driver is not in the model ("not enough data" or it does not vary). */
  importance: { share: number; shareInterval: Interval; weight: number; weightInterval: Interval } | null;
  status: "ok" | "too-few-responses" | "constant" | "model-too-small";
  /** Where it sits against the averages of the drivers in the model (null outside the model). */
  quadrant: Quadrant | null;
};

export type DriverAnalysis = {
  period: ResolvedPeriod;
  outcome: DriverOutcome;
  /** The survey analysed, and every survey of this outcome that has driver items (for the picker). */
  survey: { id: string; name: string } | null;
  surveys: { id: string; name: string; responses: number }[];
  /** Complete responses (every driver in the model answered) used for the weights. */
  n: number;
  needed: number;
  enough: boolean;
  reason: "ok" | "no-driver-survey" | "too-few-responses" | "outcome-constant";
  rSquared: number | null;
  rSquaredInterval: Interval | null;
  resamples: number;
  /** The lines that split the quadrants (null when no weights are shown). */
  cuts: { importance: number; performance: number } | null;
  drivers: DriverRow[];
};

type ItemQuestion = {
  id: string;
  surveyId: string;
  key: string;
  text: unknown;
  scaleMin: number | null;
  scaleMax: number | null;
  position: number;
};

function labelOf(q: ItemQuestion): string {
  const t = q.text as Record<string, unknown> | null;
  const en = t && typeof t.en === "string" ? t.en : t ? Object.values(t).find((v) => typeof v === "string") : undefined;
  return typeof en === "string" && en.trim() ? en : q.key;
}

/** Surveys of the outcome's type with at least one non-headline score question, most answered in scope first. */
async function driverSurveys(ctx: Ctx, f: DriverFilters, period: ResolvedPeriod) {
  const surveys = await db.survey.findMany({
    where: {
      orgId: ctx.orgId,
      type: f.outcome,
      questions: { some: { type: "score", headline: false, archivedAt: null } },
    },
    select: { id: true, name: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (surveys.length === 0) return [];
  const counts = await analyticsDb().$queryRaw<{ s: string; c: number | bigint }[]>(
    Prisma.sql`SELECT r."surveyId" AS s, COUNT(*) AS c FROM "Response" r WHERE ${responseWhere(ctx, { ...f, surveyId: undefined }, period)}
      AND r."metric" = ${f.outcome} AND r."surveyId" IN (${Prisma.join(surveys.map((s) => s.id))}) GROUP BY 1`,
  );
  const byId = new Map(counts.map((c) => [String(c.s), Number(c.c)]));
  return surveys
    .map((s) => ({ id: s.id, name: s.name, responses: byId.get(s.id) ?? 0 }))
    .sort((a, b) => b.responses - a.responses);
}

/** Outcome score and item values per response (inside the server only), in response-id order so that the
 * seeded bootstrap resamples the same rows the same way on every request and database. */
async function responseItems(
  ctx: Ctx,
  f: DriverFilters,
  period: ResolvedPeriod,
  surveyId: string,
  questionIds: string[],
) {
  if (questionIds.length === 0) return [];
  const rows = await analyticsDb().$queryRaw<{ id: string; score: number | bigint; q: string; v: number }[]>(
    Prisma.sql`SELECT r."id" AS id, r."score" AS score, a."questionId" AS q, a."valueNumber" AS v
      FROM "Response" r JOIN "Answer" a ON a."responseId" = r."id" AND a."orgId" = ${ctx.orgId}
      WHERE ${responseWhere(ctx, { ...f, surveyId }, period)} AND r."metric" = ${f.outcome}
        AND a."questionId" IN (${Prisma.join(questionIds)}) AND a."valueNumber" IS NOT NULL
      ORDER BY r."id"`,
  );
  const byResponse = new Map<string, { y: number; values: Map<string, number> }>();
  for (const r of rows) {
    const entry = byResponse.get(r.id) ?? { y: Number(r.score), values: new Map<string, number>() };
    entry.values.set(r.q, Number(r.v));
    byResponse.set(r.id, entry);
  }
  return [...byResponse.values()];
}

export async function getDrivers(caller: Ctx, f: DriverFilters, now = new Date()): Promise<DriverAnalysis> {
  const ctx = await narrowToUnit(caller, f.unitId); // the caller's units, narrowed to the unit filter
  const period = resolvePeriod(f, now);
  const surveys = await driverSurveys(ctx, f, period);
  const chosen = f.surveyId ? surveys.find((s) => s.id === f.surveyId) : surveys[0];
  const empty = {
    period,
    outcome: f.outcome,
    surveys,
    rSquared: null,
    rSquaredInterval: null,
    resamples: 0,
    cuts: null,
  };
  if (!chosen) {
    return {
      ...empty,
      survey: null,
      n: 0,
      needed: neededRows(0),
      enough: false,
      reason: "no-driver-survey",
      drivers: [],
    };
  }
  const questions: ItemQuestion[] = await db.surveyQuestion.findMany({
    where: { orgId: ctx.orgId, surveyId: chosen.id, type: "score", headline: false, archivedAt: null },
    select: { id: true, surveyId: true, key: true, text: true, scaleMin: true, scaleMax: true, position: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  const responses = await responseItems(
    ctx,
    f,
    period,
    chosen.id,
    questions.map((q) => q.id),
  );

  const performance = questions.map((q) => {
    let sum = 0;
    let n = 0;
    for (const r of responses) {
      const v = r.values.get(q.id);
      if (v !== undefined) {
        sum += v;
        n++;
      }
    }
    return { mean: n > 0 ? sum / n : null, n };
  });
  const inModel = questions.filter((_, i) => performance[i].n >= MIN_RESPONSES_PER_DRIVER);
  const complete = responses.filter((r) => inModel.every((q) => r.values.has(q.id)));
  const result =
    inModel.length > 0
      ? keyDrivers(
          complete.map((r) => inModel.map((q) => r.values.get(q.id)!)),
          complete.map((r) => r.y),
        )
      : null;

  const drivers: DriverRow[] = questions.map((q, i) => {
    const base = {
      key: q.key,
      label: labelOf(q),
      scale: { min: q.scaleMin, max: q.scaleMax },
      performance: performance[i],
    };
    const j = inModel.indexOf(q);
    if (j < 0) return { ...base, importance: null, status: "too-few-responses", quadrant: null };
    if (!result || !result.enough) return { ...base, importance: null, status: "model-too-small", quadrant: null };
    const d = result.drivers[j];
    if (d.constant) return { ...base, importance: null, status: "constant", quadrant: null };
    return {
      ...base,
      importance: {
        share: d.share,
        shareInterval: d.shareInterval,
        weight: d.weight,
        weightInterval: d.weightInterval,
      },
      status: "ok",
      quadrant: null,
    };
  });
  const weighted = drivers.filter((d) => d.importance && d.performance.mean !== null);
  const cuts =
    weighted.length > 0
      ? {
          importance: 1 / weighted.length,
          performance: weighted.reduce((s, d) => s + d.performance.mean!, 0) / weighted.length,
        }
      : null;
  if (cuts) for (const d of weighted) d.quadrant = quadrantOf(d.importance!.share, d.performance.mean!, cuts);
  // With no driver answered often enough, what is needed is 10 answers per driver the survey asks about.
  const needed = neededRows(inModel.length || questions.length);
  return {
    ...empty,
    survey: { id: chosen.id, name: chosen.name },
    n: complete.length,
    needed,
    enough: result?.enough ?? false,
    reason: result?.enough ? "ok" : (result?.reason ?? "too-few-responses"),
    rSquared: result?.enough ? result.rSquared : null,
    rSquaredInterval: result?.enough ? result.rSquaredInterval : null,
    resamples: result?.enough ? result.resamples : 0,
    cuts,
    drivers,
  };
}
