// The response rate beside each headline metric's n (docs/metrics.md, "Response rate of invitations"): of the
// invitations to a survey of that metric (NPS, CSAT or CES) delivered in the period — first sent within it, and
// not bounced — how many customers answered the survey since (any time up to now, so a recent period's rate can
// still rise). It describes invited customers only: the metric's n also counts answers from the widget and links
// nobody was invited by, so the rate is not n / delivered.
//
// Defined for the period, the survey filter and the segment filter (the invited customer carries the tag). A
// touchpoint, stage, journey or channel filter narrows responses by where they were given, which an invitation
// does not have: there the rate is null, as it is where no invitation was delivered — nothing is shown rather
// than a rate of something else. Invitations carry no unit (campaigns and triggers are the head office's), so for a
// unit-scoped caller or under the unit filter the rates are null too: the invitations are not theirs to count.
import { Prisma } from "../db";
import { analyticsDb } from "../db-replica";
import type { Ctx } from "../auth/ctx";
import { responseRate, type Metric, type ResponseRate } from "../metrics";
import { resolvePeriod, type AnalyticsFilters } from "../analytics/filters";
import { HEADLINE_METRICS } from "../analytics/sql";
import { answered } from "../campaigns/service";

export type InvitationRates = Record<Metric, ResponseRate | null>;

const NONE: InvitationRates = { nps: null, csat: null, ces: null };

export async function getInvitationRates(
  ctx: Ctx,
  filters: AnalyticsFilters,
  now = new Date(),
): Promise<InvitationRates> {
  if (filters.journeyId || filters.stageId || filters.touchpointId || filters.channelId) return NONE;
  if (ctx.scope || filters.unitId) return NONE;
  const period = resolvePeriod(filters, now);
  const parts = [
    Prisma.sql`i."orgId" = ${ctx.orgId}`,
    Prisma.sql`i."status" = ${"sent"}`,
    Prisma.sql`i."sentAt" >= ${period.from}`,
    Prisma.sql`i."sentAt" < ${period.to}`,
    Prisma.sql`s."type" IN (${Prisma.join([...HEADLINE_METRICS])})`,
  ];
  if (filters.surveyId) parts.push(Prisma.sql`i."surveyId" = ${filters.surveyId}`);
  if (filters.segment)
    parts.push(
      Prisma.sql`i."customerId" IN (SELECT ct."customerId" FROM "CustomerTag" ct WHERE ct."orgId" = ${ctx.orgId} AND ct."tag" = ${filters.segment})`,
    );
  const rows = await analyticsDb().$queryRaw<
    Array<{ metric: string; delivered: unknown; answered: unknown }>
  >(Prisma.sql`
    SELECT s."type" AS "metric", COUNT(*) AS "delivered", SUM(CASE WHEN ${answered(false)} THEN 1 ELSE 0 END) AS "answered"
    FROM "Invitation" i JOIN "Survey" s ON s."id" = i."surveyId" AND s."orgId" = i."orgId"
    WHERE ${Prisma.join(parts, " AND ")}
    GROUP BY s."type"`);
  const out: InvitationRates = { ...NONE };
  for (const r of rows) {
    const delivered = Number(r.delivered ?? 0);
    if (delivered > 0 && (HEADLINE_METRICS as readonly string[]).includes(r.metric))
      out[r.metric as Metric] = responseRate(Number(r.answered ?? 0), delivered);
  }
  return out;
}
