// Response rates of a campaign or a trigger (docs/metrics.md, "Response rate of invitations"; docs/distribution.md,
// "Campaigns", "Triggers"): the funnel (per wave for a campaign), how many answers came after the invitation and after each reminder, and
// the non-response check — whether the delivered invitations that were answered differ from those that were not,
// by segment tag, tenure and the outcome of the customer's last interaction. Every figure is a GROUP BY in the
// database over the campaign's invitations; the maths is lib/metrics/response-rate.ts.
import { db, Prisma, provider } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError, ValidationError } from "../errors";
import {
  nonResponseView,
  responseRate,
  type CategoryCounts,
  type NonResponseAttribute,
  type NonResponseView,
  type ResponseRate,
} from "../metrics";
import { answered, answersInvitation, EMPTY_FUNNEL, funnels, type Funnel } from "./service";

/** Tenure bands, in days since the customer was first known, at the moment the invitation was sent. */
export const TENURE_BANDS = [
  { label: "under 3 months", below: 90 },
  { label: "3 to 12 months", below: 365 },
  { label: "1 to 3 years", below: 1095 },
  { label: "3 years or more", below: null },
] as const;
export const NO_INTERACTION = "no interaction before";
/** Segment tags compared at most (the most frequent among the invited); the rest are counted as `omitted`. */
export const MAX_TAGS = 12;

export type WaveRates = {
  id: string;
  number: number;
  scheduledAt: Date;
  status: string;
  funnel: Funnel;
  responseRate: ResponseRate;
};
/** Message 0 is the invitation, 1…N the reminders. */
export type ReminderRow = { message: number; sent: number; answered: number; completed: number };
export type CampaignRates = {
  campaign: { id: string; name: string };
  /** The wave number the figures below are restricted to; null = every wave. */
  wave: number | null;
  funnel: Funnel;
  responseRate: ResponseRate;
  completionRate: ResponseRate;
  waves: WaveRates[];
  reminders: ReminderRow[];
  nonResponse: NonResponseView & { omittedTags: number };
};

/** The invitations measured: a campaign's (or one of its waves), or a trigger's. */
type Scope = { orgId: string; by: "campaignId" | "triggerId"; id: string; waveId: string | null };
const n = (v: unknown) => Number(v ?? 0);

const scopeWhere = (s: Scope) =>
  Prisma.sql`i."orgId" = ${s.orgId} AND i.${Prisma.raw(`"${s.by}"`)} = ${s.id}${s.waveId ? Prisma.sql` AND i."waveId" = ${s.waveId}` : Prisma.empty}`;

/**
 * Per message k (0 = the invitation, k ≥ 1 the k-th reminder): how many were sent, and how many invitations had
 * their first answer at or after message k was sent and before message k + 1 was (any time later for the last).
 * The answer's time is the earliest submittedAt of the customer's responses to the survey since the invitation.
 */
async function reminderRows(s: Scope): Promise<ReminderRow[]> {
  const [sent, answers] = await Promise.all([
    db.outboxMessage.groupBy({
      by: ["seq"],
      where: {
        orgId: s.orgId,
        sentAt: { not: null },
        invitation: { [s.by]: s.id, ...(s.waveId ? { waveId: s.waveId } : {}) },
      },
      _count: { _all: true },
    }),
    db.$queryRaw<Array<{ k: unknown; answered: unknown; completed: unknown }>>(Prisma.sql`
      SELECT b."k" AS "k", COUNT(*) AS "answered", SUM(b."done") AS "completed" FROM (
        SELECT (SELECT COUNT(*) FROM "OutboxMessage" m
                WHERE m."invitationId" = a."id" AND m."seq" >= 1 AND m."sentAt" IS NOT NULL AND m."sentAt" <= a."answeredAt") AS "k",
               a."done" AS "done"
        FROM (
          SELECT i."id" AS "id",
            (SELECT MIN(r."submittedAt") FROM "Response" r WHERE ${answersInvitation}) AS "answeredAt",
            CASE WHEN ${answered(true)} THEN 1 ELSE 0 END AS "done"
          FROM "Invitation" i
          WHERE ${scopeWhere(s)} AND i."status" = ${"sent"}
        ) a
        WHERE a."answeredAt" IS NOT NULL
      ) b
      GROUP BY b."k"`),
  ]);
  const rows = new Map<number, ReminderRow>();
  const row = (k: number) => rows.get(k) ?? rows.set(k, { message: k, sent: 0, answered: 0, completed: 0 }).get(k)!;
  for (const g of sent) row(g.seq).sent = g._count._all;
  for (const a of answers) Object.assign(row(n(a.k)), { answered: n(a.answered), completed: n(a.completed) });
  return [...rows.values()].sort((a, b) => a.message - b.message);
}

// Days between the invitation and when the customer was first known: the earlier of their record's creation and
// their first interaction (imported history keeps its dates; imported customers do not).
const TENURE_DAYS =
  provider === "postgresql"
    ? `EXTRACT(EPOCH FROM (b."sent" - (CASE WHEN b."firstSeen" IS NOT NULL AND b."firstSeen" < b."created" THEN b."firstSeen" ELSE b."created" END))) / 86400.0`
    : `julianday(b."sent") - julianday(CASE WHEN b."firstSeen" IS NOT NULL AND b."firstSeen" < b."created" THEN b."firstSeen" ELSE b."created" END)`;

const tenureBand = () =>
  Prisma.raw(
    `CASE ${TENURE_BANDS.filter((t) => t.below !== null)
      .map((t) => `WHEN ${TENURE_DAYS} < ${t.below} THEN '${t.label}'`)
      .join(" ")} ELSE '${TENURE_BANDS[TENURE_BANDS.length - 1].label}' END`,
  );

/**
 * Respondents (delivered and answered) and non-respondents (delivered, not answered), and how many of each fall
 * in each segment tag, tenure band and last-interaction outcome (the latest interaction before the invitation
 * was sent). One query: the delivered invitations are read once (MATERIALIZED, on both databases: otherwise the
 * per-invitation look-ups could run again for each grouping) and grouped four ways.
 */
async function nonResponseCounts(s: Scope) {
  const rows = await db.$queryRaw<Array<{ attr: string; cat: string | null; answered: unknown; count: unknown }>>(
    Prisma.sql`
    WITH b AS MATERIALIZED (
      SELECT i."customerId" AS "customerId", i."sentAt" AS "sent", c."createdAt" AS "created",
        (SELECT MIN(x."occurredAt") FROM "Interaction" x WHERE x."orgId" = i."orgId" AND x."customerId" = i."customerId") AS "firstSeen",
        (SELECT x."outcome" FROM "Interaction" x
         WHERE x."orgId" = i."orgId" AND x."customerId" = i."customerId" AND x."occurredAt" < i."sentAt"
         ORDER BY x."occurredAt" DESC, x."id" DESC LIMIT 1) AS "lastOutcome",
        CASE WHEN ${answered(false)} THEN 1 ELSE 0 END AS "answered"
      FROM "Invitation" i JOIN "Customer" c ON c."id" = i."customerId"
      WHERE ${scopeWhere(s)} AND i."status" = ${"sent"}
    )
    SELECT 'total' AS "attr", NULL AS "cat", b."answered" AS "answered", COUNT(*) AS "count" FROM b GROUP BY b."answered"
    UNION ALL
    SELECT 'segment', t."tag", b."answered", COUNT(*) FROM b
      JOIN "CustomerTag" t ON t."customerId" = b."customerId" AND t."orgId" = ${s.orgId}
      GROUP BY t."tag", b."answered"
    UNION ALL
    SELECT 'tenure', g."band", g."answered", COUNT(*) FROM (SELECT ${tenureBand()} AS "band", b."answered" AS "answered" FROM b) g
      GROUP BY g."band", g."answered"
    UNION ALL
    SELECT 'lastOutcome', b."lastOutcome", b."answered", COUNT(*) FROM b GROUP BY b."lastOutcome", b."answered"`,
  );
  const totals = { respondents: 0, nonRespondents: 0 };
  const byKey = new Map<string, CategoryCounts & { respondents: number; nonRespondents: number }>();
  for (const r of rows) {
    const side = n(r.answered) === 1 ? "respondents" : "nonRespondents";
    if (r.attr === "total") {
      totals[side] += n(r.count);
      continue;
    }
    const attribute = r.attr as NonResponseAttribute;
    const category = r.cat ?? NO_INTERACTION;
    const key = `${attribute}\n${category}`;
    const c = byKey.get(key) ?? { attribute, category, respondents: 0, nonRespondents: 0 };
    c[side] += n(r.count);
    byKey.set(key, c);
  }
  const all = [...byKey.values()];
  const size = (c: CategoryCounts) => c.respondents + c.nonRespondents;
  const tags = all
    .filter((c) => c.attribute === "segment")
    .sort((a, b) => size(b) - size(a) || a.category.localeCompare(b.category));
  const tenureOrder = TENURE_BANDS.map((t) => t.label as string);
  const tenure = all
    .filter((c) => c.attribute === "tenure")
    .sort((a, b) => tenureOrder.indexOf(a.category) - tenureOrder.indexOf(b.category));
  const outcomes = all
    .filter((c) => c.attribute === "lastOutcome")
    .sort((a, b) => size(b) - size(a) || a.category.localeCompare(b.category));
  return {
    totals,
    categories: [...tags.slice(0, MAX_TAGS), ...tenure, ...outcomes],
    omittedTags: Math.max(0, tags.length - MAX_TAGS),
  };
}

/** The response rates of one campaign of the caller's organization; `wave` (a wave number) narrows them to it. */
export async function getCampaignRates(ctx: Ctx, id: string, wave?: number): Promise<CampaignRates> {
  const c = await db.campaign.findFirst({
    where: { id, orgId: ctx.orgId },
    select: {
      id: true,
      name: true,
      waves: {
        select: { id: true, number: true, scheduledAt: true, status: true },
        orderBy: { number: "desc" },
        take: 50,
      },
    },
  });
  if (!c) throw new NotFoundError("Campaign");
  let waveId: string | null = null;
  if (wave !== undefined) {
    const w = await db.campaignWave.findFirst({ where: { campaignId: id, orgId: ctx.orgId, number: wave } });
    if (!w) throw new ValidationError([{ name: "wave", reason: "This campaign has no such wave", in: "query" }]);
    waveId = w.id;
  }
  const scope: Scope = { orgId: ctx.orgId, by: "campaignId", id, waveId };
  const [byCampaign, byWave, reminders, counts] = await Promise.all([
    funnels(ctx.orgId, [id]),
    funnels(ctx.orgId, [id], "waveId"),
    reminderRows(scope),
    nonResponseCounts(scope),
  ]);
  const funnel = (waveId ? byWave.get(waveId) : byCampaign.get(id)) ?? EMPTY_FUNNEL;
  return {
    campaign: { id: c.id, name: c.name },
    wave: wave ?? null,
    funnel,
    responseRate: responseRate(funnel.started, funnel.delivered),
    completionRate: responseRate(funnel.completed, funnel.delivered),
    waves: c.waves.map((w) => {
      const f = byWave.get(w.id) ?? EMPTY_FUNNEL;
      return { ...w, funnel: f, responseRate: responseRate(f.started, f.delivered) };
    }),
    reminders,
    nonResponse: nonResponseOf(counts),
  };
}

const nonResponseOf = (counts: Awaited<ReturnType<typeof nonResponseCounts>>) => ({
  ...nonResponseView(counts.totals, counts.categories),
  omittedTags: counts.omittedTags,
});

export type TriggerRates = Omit<CampaignRates, "campaign" | "wave" | "waves"> & {
  trigger: { id: string; name: string };
};

/** The response rates of one trigger of the caller's organization: the same figures as a campaign's, without waves. */
export async function getTriggerRates(ctx: Ctx, id: string): Promise<TriggerRates> {
  const t = await db.trigger.findFirst({ where: { id, orgId: ctx.orgId }, select: { id: true, name: true } });
  if (!t) throw new NotFoundError("Trigger");
  const scope: Scope = { orgId: ctx.orgId, by: "triggerId", id, waveId: null };
  const [byTrigger, reminders, counts] = await Promise.all([
    funnels(ctx.orgId, [id], "triggerId"),
    reminderRows(scope),
    nonResponseCounts(scope),
  ]);
  const funnel = byTrigger.get(id) ?? EMPTY_FUNNEL;
  return {
    trigger: t,
    funnel,
    responseRate: responseRate(funnel.started, funnel.delivered),
    completionRate: responseRate(funnel.completed, funnel.delivered),
    reminders,
    nonResponse: nonResponseOf(counts),
  };
}
