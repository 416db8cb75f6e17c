// Triggers (docs/distribution.md, "Triggers"): invite to a survey after an interaction (at a touchpoint, with an
// outcome) or a resolved case, after a delay. Managers and admins create and steer them; every change is an audit
// event; another organization's trigger is a 404, its survey or touchpoint a 400 naming the field. Firing is
// fire.ts (in the cause's transaction); sending is the campaign worker's. Each trigger answers with the funnel of
// its invitations, the campaigns' (lib/campaigns/service.ts `funnels`).
import { db, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { ConflictError, NotFoundError, ValidationError, type InvalidParam } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { pageArgs, toPage, type PaginationQuery } from "../http/pagination";
import { recordAudit } from "../audit/service";
import { funnels, sendingDto, type Funnel } from "../campaigns/service";
import type { CampaignChannel } from "../campaigns/address";
import { ensureChannel } from "../journeys/ensure-channel";
import { sendWindowProblems } from "../campaigns/contact-rule-service";
import { delayMs, MAX_DELAY_MS, type CreateTriggerInput, type UpdateTriggerInput } from "./schema";

export const RESURVEY = "resurvey";

const select = {
  id: true,
  name: true,
  event: true,
  channel: true,
  status: true,
  builtIn: true,
  delayAmount: true,
  delayUnit: true,
  outcome: true,
  timeZone: true,
  windowStartHour: true,
  windowEndHour: true,
  reminderCount: true,
  reminderDelayHours: true,
  subject: true,
  createdAt: true,
  updatedAt: true,
  survey: { select: { id: true, name: true, status: true } },
  touchpoint: { select: { id: true, name: true } },
} satisfies Prisma.TriggerSelect;
type Row = Prisma.TriggerGetPayload<{ select: typeof select }>;

function toDto(t: Row, funnel: Funnel | undefined) {
  return {
    id: t.id,
    name: t.name,
    event: t.event as "interaction" | "case_resolved",
    /** "resurvey": the organization's re-survey after a resolved case, sent only when the agent asks for it. */
    builtIn: t.builtIn as "resurvey" | null,
    touchpoint: t.touchpoint,
    outcome: t.outcome,
    /** Null for the built-in re-survey: the survey of the case's response, else the live NPS, else CSAT survey. */
    survey: t.survey,
    channel: t.channel as CampaignChannel,
    delay: { amount: t.delayAmount, unit: t.delayUnit as "minutes" | "hours" | "days" },
    status: t.status as "active" | "paused",
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    ...sendingDto(t, funnel),
  };
}
export type TriggerDto = ReturnType<typeof toDto>;

async function findOwn(ctx: Ctx, id: string) {
  const t = await db.trigger.findFirst({ where: { id, orgId: ctx.orgId }, select });
  if (!t) throw new NotFoundError("Trigger");
  return t;
}

export async function listTriggers(ctx: Ctx, q: PaginationQuery) {
  const rows = await db.trigger.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select,
    ...pageArgs(q),
  });
  const page = toPage(rows, q);
  const f = await funnels(
    ctx.orgId,
    page.data.map((t) => t.id),
    "triggerId",
  );
  return { data: page.data.map((t) => toDto(t, f.get(t.id))), nextCursor: page.nextCursor };
}

export async function getTrigger(ctx: Ctx, id: string): Promise<TriggerDto> {
  const t = await findOwn(ctx, id);
  return toDto(t, (await funnels(ctx.orgId, [id], "triggerId")).get(id));
}

/** The survey and touchpoint must be this organization's (a live survey); each problem names its field. */
async function checkReferences(ctx: Ctx, input: { surveyId?: string; touchpointId?: string | null }) {
  const [survey, touchpoint] = await Promise.all([
    input.surveyId
      ? db.survey.findFirst({ where: { id: input.surveyId, orgId: ctx.orgId }, select: { status: true } })
      : null,
    input.touchpointId
      ? db.touchpoint.findFirst({ where: { id: input.touchpointId, orgId: ctx.orgId }, select: { id: true } })
      : null,
  ]);
  const problems: InvalidParam[] = [];
  if (input.surveyId && !survey) problems.push({ name: "surveyId", reason: "No such survey", in: "body" });
  else if (survey && survey.status !== "live")
    problems.push({ name: "surveyId", reason: "Publish the survey first: only a live survey can be sent", in: "body" });
  if (input.touchpointId && !touchpoint)
    problems.push({ name: "touchpointId", reason: "No such touchpoint", in: "body" });
  return problems;
}

export async function createTrigger(ctx: Ctx, input: CreateTriggerInput): Promise<TriggerDto> {
  const problems = await checkReferences(ctx, input);
  if (input.event !== "interaction") {
    if (input.touchpointId)
      problems.push({ name: "touchpointId", reason: "Only an interaction trigger has a touchpoint", in: "body" });
    if (input.outcome)
      problems.push({ name: "outcome", reason: "Only an interaction trigger has an outcome", in: "body" });
  }
  problems.push(
    ...(await sendWindowProblems(ctx.orgId, { startHour: input.windowStartHour, endHour: input.windowEndHour })),
  );
  if (problems.length) throw new ValidationError(problems);
  const created = await db.$transaction(async (tx) => {
    const t = await tx.trigger.create({
      data: {
        orgId: ctx.orgId,
        name: input.name,
        event: input.event,
        touchpointId: input.touchpointId || null,
        outcome: input.outcome || null,
        surveyId: input.surveyId,
        channel: input.channel,
        delayAmount: input.delayAmount,
        delayUnit: input.delayUnit,
        status: input.status,
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
    // As for campaigns: answers through an SMS link are attributed to the channel "sms" (lib/campaigns/links.ts).
    if (input.channel === "sms") await ensureChannel(tx, ctx.orgId, "sms", "SMS");
    await recordAudit(
      ctx,
      { action: "trigger.created", entityType: "Trigger", entityId: t.id, data: { name: input.name } },
      tx,
    );
    return t;
  });
  return getTrigger(ctx, created.id);
}

export async function updateTrigger(ctx: Ctx, id: string, input: UpdateTriggerInput): Promise<TriggerDto> {
  const t = await findOwn(ctx, id);
  const problems = await checkReferences(ctx, input);
  if (t.builtIn)
    for (const name of ["surveyId", "touchpointId", "outcome"] as const)
      if (input[name] !== undefined)
        problems.push({ name, reason: "The re-survey uses the case's own survey: this cannot be set", in: "body" });
  if (t.builtIn && input.channel !== undefined && input.channel !== t.channel)
    problems.push({ name: "channel", reason: "The re-survey goes by e-mail", in: "body" });
  if (t.event !== "interaction")
    for (const name of ["touchpointId", "outcome"] as const)
      if (input[name])
        problems.push({ name, reason: "Only an interaction trigger has a touchpoint and an outcome", in: "body" });
  if (delayMs(input.delayAmount ?? t.delayAmount, input.delayUnit ?? t.delayUnit) > MAX_DELAY_MS)
    problems.push({ name: "delayAmount", reason: "At most 90 days", in: "body" });
  // Only a change of the window is checked: pausing a trigger whose window the quiet hours swallowed stays possible.
  if (input.windowStartHour !== undefined || input.windowEndHour !== undefined)
    problems.push(
      ...(await sendWindowProblems(ctx.orgId, {
        startHour: input.windowStartHour ?? t.windowStartHour,
        endHour: input.windowEndHour ?? t.windowEndHour,
      })),
    );
  if (problems.length) throw new ValidationError(problems);
  const changed = Object.keys(input).filter((k) => input[k as keyof UpdateTriggerInput] !== undefined);
  const statusChange = input.status && input.status !== t.status ? input.status : null;
  await db.$transaction(async (tx) => {
    if (input.channel === "sms") await ensureChannel(tx, ctx.orgId, "sms", "SMS");
    await tx.trigger.update({
      where: { id },
      data: { ...input, subject: input.subject === undefined ? undefined : input.subject || null },
    });
    await recordAudit(
      ctx,
      {
        action:
          statusChange === "paused"
            ? "trigger.paused"
            : statusChange === "active"
              ? "trigger.resumed"
              : "trigger.updated",
        entityType: "Trigger",
        entityId: id,
        data: { name: input.name ?? t.name, fields: changed },
      },
      tx,
    );
  });
  return getTrigger(ctx, id);
}

/**
 * Deletes a trigger: its messages not yet sent are skipped and its queued invitations cancelled, in the same
 * transaction; the invitations stay (without their trigger) so what was sent keeps its history. The built-in
 * re-survey cannot be deleted (409): pause it instead.
 */
export async function deleteTrigger(ctx: Ctx, id: string): Promise<void> {
  const t = await findOwn(ctx, id);
  if (t.builtIn) throw new ConflictError("The re-survey trigger is built in: pause it instead of deleting it.");
  await db.$transaction(async (tx) => {
    await tx.outboxMessage.updateMany({
      where: { orgId: ctx.orgId, status: { in: ["pending", "failed"] }, invitation: { triggerId: id } },
      data: { status: "skipped", lastError: "trigger deleted", nextAttemptAt: null },
    });
    await tx.invitation.updateMany({
      where: { orgId: ctx.orgId, triggerId: id, status: "queued" },
      data: { status: "cancelled", reason: "trigger deleted" },
    });
    await tx.trigger.delete({ where: { id } });
    await recordAudit(
      ctx,
      { action: "trigger.deleted", entityType: "Trigger", entityId: id, data: { name: t.name } },
      tx,
    );
  });
}

/** The organization's built-in re-survey trigger, created on first use (an active trigger, sent at once, any hour). */
export async function resurveyTrigger(orgId: string) {
  const where = { orgId_builtIn: { orgId, builtIn: RESURVEY } };
  const found = await db.trigger.findUnique({ where });
  if (found) return found;
  try {
    return await db.trigger.create({
      data: {
        orgId,
        name: "Re-survey after a resolved case",
        event: "case_resolved",
        builtIn: RESURVEY,
        delayAmount: 0,
        delayUnit: "minutes",
        windowStartHour: 0,
        windowEndHour: 0,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return db.trigger.findUniqueOrThrow({ where }); // created by a concurrent request
    throw error;
  }
}
