// Campaigns (docs/distribution.md, "Campaigns"): a survey, an audience, e-mail or SMS, a schedule (now, at a time, or
// recurring waves), a send window and reminders. Managers and admins create and steer them; every change is an
// audit event; another organization's campaign is a 404. The waves, invitations and messages are written by the
// worker (queue.ts, worker.ts); this module answers what they became (the funnel).
import { db, Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { ConflictError, NotFoundError, ValidationError, type InvalidParam } from "../errors";
import { pageArgs, toPage, type PaginationQuery } from "../http/pagination";
import { recordAudit } from "../audit/service";
import { ensureChannel } from "../journeys/ensure-channel";
import { responseRate } from "../metrics";
import type { CampaignChannel } from "./address";
import type { CreateCampaignInput } from "./schema";
import { sendWindowProblems } from "./contact-rule-service";

const select = {
  id: true,
  name: true,
  channel: true,
  status: true,
  startAt: true,
  repeatEveryDays: true,
  nextWaveAt: true,
  timeZone: true,
  windowStartHour: true,
  windowEndHour: true,
  reminderCount: true,
  reminderDelayHours: true,
  subject: true,
  createdAt: true,
  survey: { select: { id: true, name: true } },
  audience: { select: { id: true, name: true } },
  waves: {
    select: { id: true, number: true, scheduledAt: true, status: true, recipients: true, suppressed: true },
    orderBy: { number: "desc" },
    take: 20,
  },
} satisfies Prisma.CampaignSelect;
type Row = Prisma.CampaignGetPayload<{ select: typeof select }>;

/**
 * Per campaign: invitations written, by status, and how many of those delivered were answered — a response of
 * the invited customer to the campaign's survey submitted after the invitation was first sent (started), and
 * completed — so each step of sent → delivered → started → completed is part of the one before. Read from the responses, so an answer counts whichever way it came (the e-mail's link, the widget).
 * "delivered" is "sent" less the bounces: the SMTP server or the SMS provider accepted the message and no permanent
 * failure came back (for e-mail, bounce messages sent later, DSNs, are not read yet; for SMS, a delivery receipt
 * saying the message was not delivered makes the invitation bounced or failed: sms/receipts.ts). "confirmed" is
 * the part of "delivered" the provider confirmed reached the recipient — SMS delivery receipts; always 0 for e-mail,
 * which has no such receipt — so it is shown beside "delivered" and is never the base of a rate.
 */
export type Funnel = {
  invited: number;
  queued: number;
  sent: number;
  delivered: number;
  /** Of `delivered`, those the provider confirmed reached the recipient (SMS delivery receipts). */
  confirmed: number;
  bounced: number;
  failed: number;
  suppressed: number;
  cancelled: number;
  started: number;
  completed: number;
};

/**
 * A response `r` answers invitation `i`: its customer's, to its survey, submitted since the invitation was first
 * sent and before a later invitation of the same customer to the same survey was delivered — from then on, answers
 * belong to that one (of two sent at the same instant, the one with the greater id). So a customer invited in two
 * waves who answers only the second counts for the second only, and an answer counts for one invitation at most.
 */
export const answersInvitation = Prisma.sql`r."orgId" = i."orgId" AND r."customerId" = i."customerId" AND r."surveyId" = i."surveyId" AND r."submittedAt" >= i."sentAt" AND NOT EXISTS (SELECT 1 FROM "Invitation" j WHERE j."orgId" = i."orgId" AND j."customerId" = i."customerId" AND j."surveyId" = i."surveyId" AND j."status" = ${"sent"} AND (j."sentAt" > i."sentAt" OR (j."sentAt" = i."sentAt" AND j."id" > i."id")) AND j."sentAt" <= r."submittedAt")`;

/** An invitation `i` was answered (completed): a response that answers it (`answersInvitation`). */
export const answered = (completed: boolean) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Response" r WHERE ${answersInvitation}${completed ? Prisma.sql` AND r."completed" = ${true}` : Prisma.empty})`;

const STATUSES = ["queued", "sent", "bounced", "failed", "suppressed", "cancelled"] as const;

/**
 * The funnel of each campaign; with `by` "waveId" of each wave of these campaigns; with `by` "triggerId" of each
 * of these triggers (docs/distribution.md, "Triggers").
 */
export async function funnels(
  orgId: string,
  ids: string[],
  by: "campaignId" | "waveId" | "triggerId" = "campaignId",
): Promise<Map<string, Funnel>> {
  const out = new Map<string, Funnel>();
  if (ids.length === 0) return out;
  const key = Prisma.raw(`i."${by}"`);
  // Waves are asked for by their campaigns' ids.
  const scope = Prisma.raw(`i."${by === "waveId" ? "campaignId" : by}"`);
  const rows = await db.$queryRaw<Array<Record<string, string | number | bigint | null>>>(Prisma.sql`
    SELECT ${key} AS "key", COUNT(*) AS invited,
      ${Prisma.join(
        STATUSES.map((s) => Prisma.sql`SUM(CASE WHEN i."status" = ${s} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"${s}"`)}`),
        ", ",
      )},
      SUM(CASE WHEN i."status" = ${"sent"} AND i."deliveredAt" IS NOT NULL THEN 1 ELSE 0 END) AS confirmed,
      SUM(CASE WHEN i."status" = ${"sent"} AND ${answered(false)} THEN 1 ELSE 0 END) AS started,
      SUM(CASE WHEN i."status" = ${"sent"} AND ${answered(true)} THEN 1 ELSE 0 END) AS completed
    FROM "Invitation" i
    WHERE i."orgId" = ${orgId} AND ${scope} IN (${Prisma.join(ids)})
    GROUP BY ${key}`);
  const n = (v: unknown) => Number(v ?? 0);
  for (const r of rows) {
    const f = {
      invited: n(r.invited),
      queued: n(r.queued),
      sent: n(r.sent) + n(r.bounced),
      delivered: n(r.sent),
      confirmed: n(r.confirmed),
      bounced: n(r.bounced),
      failed: n(r.failed),
      suppressed: n(r.suppressed),
      cancelled: n(r.cancelled),
      started: n(r.started),
      completed: n(r.completed),
    };
    out.set(String(r.key), f);
  }
  return out;
}

/** The funnel of a campaign or wave without invitations. */
export const EMPTY_FUNNEL: Funnel = {
  invited: 0,
  queued: 0,
  sent: 0,
  delivered: 0,
  confirmed: 0,
  bounced: 0,
  failed: 0,
  suppressed: 0,
  cancelled: 0,
  started: 0,
  completed: 0,
};

/** How a campaign or trigger sends, as stored (the forms edit the same fields: components/sending/sending-fields.tsx). */
export type SendingRow = {
  timeZone: string | null;
  windowStartHour: number;
  windowEndHour: number;
  reminderCount: number;
  reminderDelayHours: number;
  subject: string | null;
};

/** What a campaign and a trigger answer alike: how they send, and their funnel with its response rate. */
export function sendingDto(c: SendingRow, funnel: Funnel | undefined) {
  const f = funnel ?? EMPTY_FUNNEL;
  return {
    sendWindow: { timeZone: c.timeZone, startHour: c.windowStartHour, endHour: c.windowEndHour },
    reminders: { count: c.reminderCount, delayHours: c.reminderDelayHours },
    subject: c.subject,
    funnel: f,
    // Answered (started) of delivered, with its Wilson interval (docs/metrics.md, "Response rate of invitations").
    responseRate: responseRate(f.started, f.delivered),
  };
}

function toDto(c: Row, funnel: Funnel | undefined) {
  return {
    id: c.id,
    name: c.name,
    channel: c.channel as CampaignChannel,
    status: c.status as "active" | "paused" | "cancelled",
    survey: c.survey,
    audience: c.audience,
    schedule: { startAt: c.startAt, repeatEveryDays: c.repeatEveryDays, nextWaveAt: c.nextWaveAt },
    createdAt: c.createdAt,
    waves: c.waves,
    ...sendingDto(c, funnel),
  };
}
export type CampaignDto = ReturnType<typeof toDto>;

async function findOwn(ctx: Ctx, id: string) {
  const c = await db.campaign.findFirst({ where: { id, orgId: ctx.orgId }, select });
  if (!c) throw new NotFoundError("Campaign");
  return c;
}

export async function listCampaigns(ctx: Ctx, q: PaginationQuery) {
  const rows = await db.campaign.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select,
    ...pageArgs(q),
  });
  const page = toPage(rows, q);
  const f = await funnels(
    ctx.orgId,
    page.data.map((c) => c.id),
  );
  return { data: page.data.map((c) => toDto(c, f.get(c.id))), nextCursor: page.nextCursor };
}

export async function getCampaign(ctx: Ctx, id: string): Promise<CampaignDto> {
  const c = await findOwn(ctx, id);
  return toDto(c, (await funnels(ctx.orgId, [id])).get(id));
}

export async function createCampaign(ctx: Ctx, input: CreateCampaignInput, now = new Date()): Promise<CampaignDto> {
  const [survey, audience] = await Promise.all([
    db.survey.findFirst({ where: { id: input.surveyId, orgId: ctx.orgId }, select: { status: true } }),
    db.audience.findFirst({ where: { id: input.audienceId, orgId: ctx.orgId }, select: { id: true } }),
  ]);
  const problems: InvalidParam[] = [];
  if (!survey) problems.push({ name: "surveyId", reason: "No such survey", in: "body" });
  else if (survey.status !== "live")
    problems.push({ name: "surveyId", reason: "Publish the survey first: only a live survey can be sent", in: "body" });
  if (!audience) problems.push({ name: "audienceId", reason: "No such audience", in: "body" });
  problems.push(
    ...(await sendWindowProblems(ctx.orgId, { startHour: input.windowStartHour, endHour: input.windowEndHour })),
  );
  if (problems.length) throw new ValidationError(problems);
  const startAt = input.startAt && input.startAt > now ? input.startAt : now;
  const created = await db.$transaction(async (tx) => {
    const c = await tx.campaign.create({
      data: {
        orgId: ctx.orgId,
        name: input.name,
        surveyId: input.surveyId,
        audienceId: input.audienceId,
        channel: input.channel,
        status: "active",
        startAt,
        nextWaveAt: startAt,
        repeatEveryDays: input.repeatEveryDays ?? null,
        timeZone: input.timeZone,
        windowStartHour: input.windowStartHour,
        windowEndHour: input.windowEndHour,
        reminderCount: input.reminderCount,
        reminderDelayHours: input.reminderDelayHours,
        subject: input.subject || null,
        createdById: ctx.userId,
      },
      select: { id: true },
    });
    // Answers through an SMS link are attributed to the channel "sms" (links.ts): the organization gets it with
    // its first SMS campaign, unless it has one.
    if (input.channel === "sms") await ensureChannel(tx, ctx.orgId, "sms", "SMS");
    await recordAudit(
      ctx,
      { action: "campaign.created", entityType: "Campaign", entityId: c.id, data: { name: input.name } },
      tx,
    );
    return c;
  });
  return getCampaign(ctx, created.id);
}

const TRANSITIONS = {
  pause: { from: ["active"], to: "paused", audit: "campaign.paused" },
  resume: { from: ["paused"], to: "active", audit: "campaign.resumed" },
  cancel: { from: ["active", "paused"], to: "cancelled", audit: "campaign.cancelled" },
} as const;
export type CampaignAction = keyof typeof TRANSITIONS;

/**
 * Pause (nothing more is sent until resumed: due messages wait, a due wave waits), resume, or cancel (for good:
 * messages not yet sent are dropped and their invitations marked cancelled). A conditional update, so two
 * concurrent changes cannot both apply; a change that does not fit the status now is a 409.
 */
export async function changeCampaignStatus(ctx: Ctx, id: string, action: CampaignAction): Promise<CampaignDto> {
  const c = await findOwn(ctx, id);
  // The action comes from a route or a bound form argument: only the three names, never an inherited property.
  if (!Object.hasOwn(TRANSITIONS, action))
    throw new ValidationError([{ name: "action", reason: "Choose pause, resume or cancel." }]);
  const t = TRANSITIONS[action];
  await db.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { id, orgId: ctx.orgId, status: { in: [...t.from] } },
      data: { status: t.to, ...(action === "cancel" ? { nextWaveAt: null } : {}) },
    });
    if (count === 0) throw new ConflictError(`The campaign is ${c.status}: it cannot be ${action}d now.`);
    if (action === "cancel") {
      await tx.outboxMessage.updateMany({
        where: { orgId: ctx.orgId, status: { in: ["pending", "failed"] }, invitation: { campaignId: id } },
        data: { status: "skipped", lastError: "cancelled", nextAttemptAt: null },
      });
      await tx.invitation.updateMany({
        where: { orgId: ctx.orgId, campaignId: id, status: "queued" },
        data: { status: "cancelled", reason: "campaign cancelled" },
      });
    }
    await recordAudit(
      ctx,
      { action: t.audit, entityType: "Campaign", entityId: id, data: { name: c.name, from: c.status } },
      tx,
    );
  });
  return getCampaign(ctx, id);
}
