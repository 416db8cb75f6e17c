// Starting waves and queueing their invitations (docs/distribution.md, "Outbox and worker"). Every instance runs
// this from its worker tick (worker.ts):
// 1. A campaign whose nextWaveAt is due gets its next wave: one conditional update moves nextWaveAt on (to the
//    next recurrence, or null), and only the instance whose update matched creates the wave, in the same
//    transaction; (campaignId, number) is unique besides.
// 2. A wave being queued is leased (lib/jobs/lease.ts); its audience is resolved in batches in customer-id order,
//    and each batch's invitations and their first outbox messages are written in ONE transaction together with
//    the wave's cursor — so a crash loses nothing and queues no one twice: the next holder of the lease resumes
//    after the cursor. Invitations are unique per (wave, customer) besides.
// Who is not invited gets an invitation with status "suppressed" and the reason (erased, opted_out, no_email,
// no_phone, no_external_id, bouncing, recently_invited, quiet_hours) and a row in the suppression log, so the wave's base is
// fixed and the reason can be shown. `contactRuleReasons` (contact-rules.ts) decides, inside the batch's
// transaction (it locks the batch's customers, so a concurrent wave of another campaign waits and then sees these
// invitations); the worker checks again when it sends. Quiet hours move the first send out of them.
import { randomUUID } from "node:crypto";
import { db, Prisma, provider } from "../db";
import { audienceWhere } from "../audiences/compile";
import { readStoredDefinition } from "../audiences/definition";
import { claimLeases, leaseFree } from "../jobs/lease";
import { channelAddress } from "./address";
import { contactRuleReasons, type Candidate } from "./contact-rules";
import { loadContactRule, quietWindow } from "./contact-rule-service";
import { logSuppressions, type SuppressionEntry } from "./suppression-log";
import { nextSendSlot, sendTimeZone } from "./window";

const DAY_MS = 86_400_000;
const LEASE_MS = 120_000;
const BATCH = 500;

/** Starts the waves that are due. Returns how many this instance started. */
export async function startDueWaves(now = new Date()): Promise<number> {
  const due = await db.campaign.findMany({
    where: { status: "active", nextWaveAt: { lte: now } },
    select: { id: true, orgId: true, nextWaveAt: true, repeatEveryDays: true },
    take: 20,
  });
  let started = 0;
  for (const c of due) {
    const at = c.nextWaveAt!;
    let next: Date | null = c.repeatEveryDays ? new Date(at.getTime() + c.repeatEveryDays * DAY_MS) : null;
    while (next && next <= now) next = new Date(next.getTime() + c.repeatEveryDays! * DAY_MS); // long downtime: one wave, not a burst
    const won = await db.$transaction(async (tx) => {
      const { count } = await tx.campaign.updateMany({
        where: { id: c.id, status: "active", nextWaveAt: at },
        data: { nextWaveAt: next },
      });
      if (count === 0) return false; // another instance started it
      const number = (await tx.campaignWave.count({ where: { campaignId: c.id } })) + 1;
      await tx.campaignWave.create({ data: { orgId: c.orgId, campaignId: c.id, number, scheduledAt: at } });
      return true;
    });
    if (won) started++;
  }
  return started;
}

function parseAttributes(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}

type Wave = Prisma.CampaignWaveGetPayload<{ include: { campaign: true } }>;

/** Queues one batch of a leased wave; false once the audience is exhausted (the wave is then "queued"). */
async function queueBatch(w: Wave, owner: string, now: Date): Promise<boolean> {
  const c = w.campaign;
  const audience = c.audienceId ? await db.audience.findFirst({ where: { id: c.audienceId, orgId: c.orgId } }) : null;
  // A deleted audience, or a stored definition that no longer parses, resolves to nobody.
  const where = audienceWhere(
    { orgId: c.orgId, provider, now, staticAudienceId: audience?.kind === "static" ? audience.id : undefined },
    audience ? readStoredDefinition(audience.definition).definition : null,
  );
  const after = w.cursor ? Prisma.sql` AND c."id" > ${w.cursor}` : Prisma.empty;
  const batch = await db.$queryRaw<Candidate[]>(
    Prisma.sql`SELECT c."id", c."email", c."phone", c."externalId", c."consent", c."erasedAt", c."attributes" FROM "Customer" c WHERE ${where}${after} ORDER BY c."id" LIMIT ${BATCH}`,
  );
  const done = batch.length < BATCH;
  let stopped = false;
  await db.$transaction(
    async (tx) => {
      // Paused or cancelled meanwhile: stop before writing. The conditional update also locks the campaign's row
      // until this batch commits, so a cancel waits for it (and then drops what it wrote) or wins and stops it.
      const { count: live } = await tx.campaign.updateMany({
        where: { id: c.id, status: "active" },
        data: { updatedAt: new Date() },
      });
      if (live === 0) {
        stopped = true;
        return;
      }
      const rule = await loadContactRule(tx, c.orgId);
      const reasons = await contactRuleReasons(tx, c.orgId, batch, {
        channel: c.channel === "sms" ? "sms" : "email",
        now,
        rule,
      });
      const quiet = quietWindow(rule);
      const invitations: Prisma.InvitationCreateManyInput[] = [];
      const messages: Prisma.OutboxMessageCreateManyInput[] = [];
      const logged: SuppressionEntry[] = [];
      const sendFrom = w.scheduledAt > now ? w.scheduledAt : now;
      const window = { startHour: c.windowStartHour, endHour: c.windowEndHour };
      for (const customer of batch) {
        const id = `inv${randomUUID().replace(/-/g, "")}`;
        let reason: string | undefined = reasons.get(customer.id);
        let firstSend: Date | null = null;
        if (!reason) {
          const tz = sendTimeZone(parseAttributes(customer.attributes), c.timeZone, rule.timeZone);
          firstSend = nextSendSlot(sendFrom, tz, window, quiet);
          if (!firstSend) reason = "quiet_hours"; // the send window lies entirely in the quiet hours
        }
        if (reason)
          logged.push({
            customerId: customer.id,
            source: "campaign",
            stage: "queue",
            channel: c.channel,
            reason,
            lastContactAt: reasons.lastContactAt.get(customer.id),
            campaignId: c.id,
            invitationId: id,
            surveyId: c.surveyId,
          });
        invitations.push({
          id,
          orgId: c.orgId,
          campaignId: c.id,
          waveId: w.id,
          customerId: customer.id,
          surveyId: c.surveyId,
          channel: c.channel,
          address: reason ? null : channelAddress(c.channel, customer),
          status: reason ? "suppressed" : "queued",
          reason: reason ?? null,
        });
        if (firstSend) messages.push({ orgId: c.orgId, invitationId: id, seq: 0, nextAttemptAt: firstSend });
      }
      if (invitations.length) await tx.invitation.createMany({ data: invitations });
      if (messages.length) await tx.outboxMessage.createMany({ data: messages });
      await logSuppressions(tx, c.orgId, logged);
      const suppressed = invitations.length - messages.length;
      const { count } = await tx.campaignWave.updateMany({
        where: { id: w.id, leaseOwner: owner },
        data: {
          cursor: batch.length ? batch[batch.length - 1].id : w.cursor,
          recipients: { increment: messages.length },
          suppressed: { increment: suppressed },
          leaseExpiresAt: new Date(Date.now() + LEASE_MS),
          ...(done ? { status: "queued", queuedAt: new Date(), leaseOwner: null, leaseExpiresAt: null } : {}),
        },
      });
      if (count === 0) throw new Error("The wave's lease was lost; another instance continues it.");
      w.cursor = batch.length ? batch[batch.length - 1].id : w.cursor;
      // 500 invitations and messages: more than the 5 s default on a busy database, far less than the lease
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  if (stopped) {
    // The wave stays "queuing" at its cursor: a resumed campaign's next tick continues it.
    await db.campaignWave.updateMany({
      where: { id: w.id, leaseOwner: owner },
      data: { leaseOwner: null, leaseExpiresAt: null },
    });
    return false;
  }
  return !done;
}

/** Queues the invitations of every wave being queued that no other instance holds. Returns the waves finished. */
export async function queueWaves(now = new Date()): Promise<number> {
  const open = await db.campaignWave.findMany({
    where: { status: "queuing", campaign: { status: "active" }, AND: [leaseFree(now)] },
    select: { id: true },
    take: 5,
  });
  let finished = 0;
  for (const { id } of open) {
    const [w] = await claimLeases(
      LEASE_MS,
      ({ owner, until, now: at }) =>
        db.campaignWave.updateMany({
          where: { id, status: "queuing", AND: [leaseFree(at)] },
          data: { leaseOwner: owner, leaseExpiresAt: until },
        }),
      (owner) => db.campaignWave.findMany({ where: { id, leaseOwner: owner }, include: { campaign: true } }),
    );
    if (!w) continue;
    while (await queueBatch(w, w.leaseOwner!, new Date()));
    finished++;
  }
  return finished;
}
