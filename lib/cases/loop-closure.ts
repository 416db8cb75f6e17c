// Loop closure: the share of detractor responses in a period that were acted on within 48 hours.
//
// Definition (the cases page, the maturity assessment's evidence and its API say exactly this):
// - n = detractor responses submitted in the period: NPS responses with a score of 0–6, the same responses
//   the dashboard counts as detractors for that period (anonymous ones included: nobody can act on them, and
//   leaving them out would make the figure look better than the loop is).
// - A detractor response was acted on within 48 h when, within 48 hours after it was submitted, a case it
//   opened was worked (any change by staff recorded in the case's audit trail) or resolved, or an interaction with its
//   customer was logged.
// - rate = acted on / n × 100, with a Wilson 95 % interval, like CSAT; below MIN_N it is flagged "too few".
// Worked example (lib/cases/loop-closure.test.ts): 4 detractors on Monday 09:00 — A's case resolved 20 h later,
// B's case only worked on day 3, C (no case) phoned 47 h later, D anonymous — gives 2 of 4 = 50 %, n = 4.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { wilsonInterval } from "../metrics";
import { MIN_N } from "../metrics/distribution";
import { SYSTEM_CASE_ACTIONS } from "./rules";
import { scopeWhere } from "../units/scope";

export const LOOP_WINDOW_MS = 48 * 3_600_000;
const MAX_RESPONSES = 20_000;

export type DetractorResponse = { id: string; customerId: string | null; submittedAt: Date };
export type DetractorCase = { id: string; responseId: string | null; resolvedAt: Date | null };
export type LoopEvidence = {
  cases: DetractorCase[];
  /** When each case was worked: its audit events. */
  caseWork: { caseId: string; at: Date }[];
  /** Interactions logged with the responses' customers. */
  touches: { customerId: string; at: Date }[];
};

// Map.groupBy needs Node 21; we support Node 20.
function groupBy<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Which of `responses` were acted on within 48 h (pure: the definition above). */
export function actedOnWithin48h(responses: DetractorResponse[], e: LoopEvidence): Set<string> {
  const within = (start: Date, t: Date) =>
    t.getTime() >= start.getTime() && t.getTime() - start.getTime() <= LOOP_WINDOW_MS;
  const casesBy = groupBy(e.cases, (c) => c.responseId);
  const workBy = groupBy(e.caseWork, (w) => w.caseId);
  const touchesBy = groupBy(e.touches, (t) => t.customerId);
  const acted = new Set<string>();
  for (const r of responses) {
    const viaCase = (casesBy.get(r.id) ?? []).some(
      (c) =>
        (c.resolvedAt !== null && within(r.submittedAt, c.resolvedAt)) ||
        (workBy.get(c.id) ?? []).some((w) => within(r.submittedAt, w.at)),
    );
    const viaContact =
      r.customerId !== null && (touchesBy.get(r.customerId) ?? []).some((t) => within(r.submittedAt, t.at));
    if (viaCase || viaContact) acted.add(r.id);
  }
  return acted;
}

export type LoopClosure = {
  /** Detractor responses in the period. */
  n: number;
  /** Of those, acted on within 48 h. */
  actedOn: number;
  rate: number | null;
  low: number | null;
  high: number | null;
  enough: boolean;
  truncated: boolean;
};

export function loopClosureOf(n: number, actedOn: number, truncated = false): LoopClosure {
  const interval = n ? wilsonInterval(actedOn, n) : null;
  return {
    n,
    actedOn,
    rate: n ? (100 * actedOn) / n : null,
    low: interval ? 100 * interval.low : null,
    high: interval ? 100 * interval.high : null,
    enough: n >= MIN_N,
    truncated,
  };
}

export async function getLoopClosure(ctx: Ctx, period: { from: Date; to: Date }): Promise<LoopClosure> {
  // A unit-scoped caller's figure is over the detractor responses of their units.
  const detractor = {
    orgId: ctx.orgId,
    ...scopeWhere(ctx),
    metric: "nps",
    category: "detractor",
    score: { not: null },
    submittedAt: { gte: period.from, lt: period.to },
  };
  const responses = await db.response.findMany({
    where: detractor,
    select: { id: true, customerId: true, submittedAt: true },
    orderBy: { submittedAt: "asc" },
    take: MAX_RESPONSES,
  });
  const customerIds = [...new Set(responses.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
  const cases = responses.length
    ? await db.case.findMany({
        where: { orgId: ctx.orgId, response: detractor },
        select: { id: true, responseId: true, resolvedAt: true },
      })
    : [];
  const windowEnd = new Date(period.to.getTime() + LOOP_WINDOW_MS);
  const [touches, work] = await Promise.all([
    customerIds.length
      ? db.interaction.findMany({
          where: { orgId: ctx.orgId, customerId: { in: customerIds }, occurredAt: { gte: period.from, lt: windowEnd } },
          select: { customerId: true, occurredAt: true },
        })
      : [],
    cases.length
      ? db.auditEvent.findMany({
          // Work is what staff did: the system's own notes (a customer who changed their score,
          // lib/cases/rules.ts) are not anybody acting on the case.
          where: {
            orgId: ctx.orgId,
            entityType: "Case",
            entityId: { in: cases.map((c) => c.id) },
            action: { notIn: [...SYSTEM_CASE_ACTIONS] },
          },
          select: { entityId: true, createdAt: true },
        })
      : [],
  ]);
  const acted = actedOnWithin48h(responses, {
    cases,
    caseWork: work.flatMap((w) => (w.entityId ? [{ caseId: w.entityId, at: w.createdAt }] : [])),
    touches: touches.map((t) => ({ customerId: t.customerId, at: t.occurredAt })),
  });
  return loopClosureOf(responses.length, acted.size, responses.length === MAX_RESPONSES);
}
