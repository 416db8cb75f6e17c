// SQL fragments for the analytics GROUP BYs, identical in meaning on SQLite and PostgreSQL.
//
// How DateTime is stored:
// - SQLite (@prisma/adapter-better-sqlite3, default timestampFormat "iso8601"): TEXT such as
//   "2026-11-23T16:47:44.000+00:00" (toISOString() with "Z" written as "+00:00"). Date parameters are bound
//   in the same format, so range comparisons are plain (indexable) text comparisons. SQLite's date
//   functions read the offset and return UTC; "weekday 1" after "-6 days" lands on the Monday on or before.
// - PostgreSQL: timestamp(3) WITHOUT time zone holding UTC (the adapter binds Dates as UTC text), so
//   date_trunc needs no time-zone conversion; date_trunc('week') starts weeks on Monday (ISO 8601).
// Both return the bucket start as "YYYY-MM-DD" text, so the rows compare equal across databases.
import { Prisma } from "../db";
import type { Provider } from "../db-url";
import type { Ctx } from "../auth/ctx";
import { scopeUnitIds } from "../units/scope";
import type { Bucket } from "./buckets";
import type { AnalyticsFilters, Period } from "./filters";

const SQLITE_BUCKET: Record<Bucket, string> = {
  day: `date(r."submittedAt")`,
  week: `date(r."submittedAt", '-6 days', 'weekday 1')`,
  month: `strftime('%Y-%m-01', r."submittedAt")`,
};

const POSTGRES_BUCKET: Record<Bucket, string> = {
  day: `to_char(date_trunc('day', r."submittedAt"), 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', r."submittedAt"), 'YYYY-MM-DD')`,
  month: `to_char(date_trunc('month', r."submittedAt"), 'YYYY-MM-DD')`,
};

/** The bucket start of r."submittedAt" as "YYYY-MM-DD" (UTC). Only fixed text from the tables above. */
export function bucketExpression(provider: Provider, bucket: Bucket): Prisma.Sql {
  return Prisma.raw((provider === "postgresql" ? POSTGRES_BUCKET : SQLITE_BUCKET)[bucket]);
}

export const HEADLINE_METRICS = ["nps", "csat", "ces"] as const;

export type ScopeFilters = Pick<
  AnalyticsFilters,
  "journeyId" | "stageId" | "touchpointId" | "channelId" | "surveyId" | "segment"
>;

/**
 * WHERE for responses of the caller's organization in [from, to) that carry a headline score, narrowed
 * by the filters. Every sub-select is scoped to ctx.orgId too: another organization's id matches nothing.
 * Index use: (orgId, metric, submittedAt, score) for the range; (orgId, touchpointId, submittedAt) and
 * (orgId, surveyId, submittedAt) when those filters are set; CustomerTag (orgId, tag) for the segment.
 */
export function responseWhere(ctx: Ctx, f: ScopeFilters, range: Period, opts: { segment?: boolean } = {}): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`r."orgId" = ${ctx.orgId}`,
    Prisma.sql`r."metric" IN (${Prisma.join([...HEADLINE_METRICS])})`,
    Prisma.sql`r."submittedAt" >= ${range.from}`,
    Prisma.sql`r."submittedAt" < ${range.to}`,
    Prisma.sql`r."score" IS NOT NULL`,
  ];
  // A unit-scoped caller counts their units' responses only (lib/units/scope.ts); an empty subtree counts none.
  const units = scopeUnitIds(ctx);
  if (units) parts.push(units.length ? Prisma.sql`r."unitId" IN (${Prisma.join(units)})` : Prisma.sql`1 = 0`);
  if (f.touchpointId) parts.push(Prisma.sql`r."touchpointId" = ${f.touchpointId}`);
  if (f.surveyId) parts.push(Prisma.sql`r."surveyId" = ${f.surveyId}`);
  if (f.channelId) parts.push(Prisma.sql`r."channelId" = ${f.channelId}`);
  if (f.journeyId || f.stageId) {
    const tp: Prisma.Sql[] = [Prisma.sql`t."orgId" = ${ctx.orgId}`];
    if (f.journeyId) tp.push(Prisma.sql`t."journeyId" = ${f.journeyId}`);
    if (f.stageId) tp.push(Prisma.sql`t."stageId" = ${f.stageId}`);
    parts.push(Prisma.sql`r."touchpointId" IN (SELECT t."id" FROM "Touchpoint" t WHERE ${Prisma.join(tp, " AND ")})`);
  }
  if (f.segment && opts.segment !== false) {
    parts.push(
      Prisma.sql`r."customerId" IN (SELECT ct."customerId" FROM "CustomerTag" ct WHERE ct."orgId" = ${ctx.orgId} AND ct."tag" = ${f.segment})`,
    );
  }
  return Prisma.join(parts, " AND ");
}
