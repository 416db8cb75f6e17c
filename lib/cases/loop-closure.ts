// Loop-closure rate: the share of detractors whose case was acted on within 48 hours of the response that
// opened it. "Acted on" = the case was worked (any change recorded in the audit trail), resolved, or an
// interaction with the customer was logged, within 48 h. With a Wilson 95 % interval, like CSAT.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { wilsonInterval } from "../metrics";
import { MIN_N } from "../metrics/distribution";

const WINDOW_MS = 48 * 3_600_000;
const MAX_CASES = 20_000;

// Map.groupBy needs Node 21; we support Node 20.
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export async function getLoopClosure(ctx: Ctx, period: { from: Date; to: Date }) {
  const cases = await db.case.findMany({
    where: {
      orgId: ctx.orgId,
      triggerKey: { startsWith: "detractor:" },
      createdAt: { gte: period.from, lt: period.to },
    },
    select: { id: true, customerId: true, createdAt: true, resolvedAt: true },
    take: MAX_CASES,
  });
  const customerIds = [...new Set(cases.flatMap((c) => (c.customerId ? [c.customerId] : [])))];
  const [touches, worked] = await Promise.all([
    customerIds.length
      ? db.interaction.findMany({
          where: {
            orgId: ctx.orgId,
            customerId: { in: customerIds },
            occurredAt: { gte: period.from, lt: new Date(period.to.getTime() + WINDOW_MS) },
          },
          select: { customerId: true, occurredAt: true },
        })
      : [],
    cases.length
      ? db.auditEvent.findMany({
          where: { orgId: ctx.orgId, entityType: "Case", entityId: { in: cases.map((c) => c.id) } },
          select: { entityId: true, createdAt: true },
        })
      : [],
  ]);
  const within = (start: Date, t: Date) => t.getTime() >= start.getTime() && t.getTime() - start.getTime() <= WINDOW_MS;
  const touchesBy = groupBy(touches, (t) => t.customerId);
  const workedBy = groupBy(worked, (w) => w.entityId ?? "");
  const contacted = cases.filter(
    (c) =>
      (c.resolvedAt && within(c.createdAt, c.resolvedAt)) ||
      (workedBy.get(c.id) ?? []).some((w) => within(c.createdAt, w.createdAt)) ||
      (c.customerId ? (touchesBy.get(c.customerId) ?? []) : []).some((t) => within(c.createdAt, t.occurredAt)),
  ).length;
  const n = cases.length;
  const interval = n ? wilsonInterval(contacted, n) : null;
  return {
    n,
    contacted,
    rate: n ? (100 * contacted) / n : null,
    low: interval ? 100 * interval.low : null,
    high: interval ? 100 * interval.high : null,
    enough: n >= MIN_N,
    truncated: n === MAX_CASES,
  };
}
