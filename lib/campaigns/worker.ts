// The campaign worker. Every instance runs one (instrumentation.ts, unless CAMPAIGN_WORKER=off): each tick it
// starts due waves and queues their invitations (queue.ts), then sends the outbox messages that are due. A
// message is claimed with a lease (lib/jobs/lease.ts) — a conditional UPDATE only one instance wins — so two
// instances never send the same message; the lease (2 min) outlives the SMTP timeouts, and an instance that dies
// mid-send leaves a lease that expires, after which the message is tried again (the one case where a message can
// reach the SMTP server twice: accepted, then the instance died before recording it).
//
// Before sending, the worker checks again what may have changed since queueing: the campaign or trigger (the
// invitation's cause: docs/distribution.md "Triggers") is active (a paused one's messages wait; a deleted trigger's
// are skipped), the customer has not opted out or been erased (the message is skipped and the invitation
// suppressed), the address has not bounced, the send window of the customer's time zone is open (else the
// message waits for it), and — for a reminder — the customer has not answered since the invitation was sent
// (then no reminder goes, and none follows). Per organization at most CAMPAIGN_SEND_RATE_PER_MINUTE messages
// (default 600) go out per minute, counted from the messages sent in the last minute.
//
// Outcomes: accepted → sent (a reminder is written for later, in the same transaction, while fewer than the
// campaign's or trigger's reminder count were sent); the SMTP server refuses the recipient permanently (5xx to RCPT TO) → the
// address is marked bouncing (MailSuppression) and the invitation "bounced"; any other 5xx → the message is dead
// (nothing about the address is learnt); anything else (4xx, timeouts, refused connections) → retried on the
// schedule of CAMPAIGN_RETRY_SCHEDULE (default 1m,5m,30m,2h,6h,12h,24h: lib/webhooks/schedule.ts), dead after it.
import { db, type Prisma } from "../db";
import { claimLeases, INSTANCE_ID, leaseFree, startPoller } from "../jobs/lease";
import { publicBaseUrl, sendMail, serverMailer, type Mailer } from "../mail/transport";
import { localizedText } from "../surveys/locale";
import { nextAttemptDelay, parseRetrySchedule } from "../webhooks/schedule";
import { invitationEmail } from "./email";
import { resurveyInvitationEmail } from "../cases/resurvey-email";
import { queueWaves, startDueWaves } from "./queue";
import { classifySmtpFailure, type SmtpError } from "./smtp-failure";
import { customerTimeZone, inWindow, nextInWindow } from "./window";

const LEASE_MS = 120_000;
const BATCH = 50;
const RETRYABLE = ["pending", "failed"];
const MINUTE = 60_000;
const HOUR = 3_600_000;

type Env = NodeJS.ProcessEnv;
const retrySchedule = (env: Env = process.env) =>
  parseRetrySchedule(env.CAMPAIGN_RETRY_SCHEDULE?.trim() || "1m,5m,30m,2h,6h,12h,24h");
const ratePerMinute = (env: Env = process.env) => Math.max(1, Number(env.CAMPAIGN_SEND_RATE_PER_MINUTE) || 600);

// What the worker reads of a message's cause: a campaign, or a trigger (docs/distribution.md, "Triggers"). Both carry
// the same sending settings (status, subject, send window, reminders).
const sending = {
  status: true,
  subject: true,
  timeZone: true,
  windowStartHour: true,
  windowEndHour: true,
  reminderCount: true,
  reminderDelayHours: true,
} as const;

const include = {
  invitation: {
    include: {
      customer: { select: { name: true, email: true, consent: true, erasedAt: true, attributes: true } },
      org: { select: { name: true } },
      campaign: { select: sending },
      trigger: { select: { ...sending, builtIn: true } },
      survey: {
        select: {
          defaultLocale: true,
          questions: {
            where: { archivedAt: null, type: "score" },
            orderBy: [{ headline: "desc" }, { position: "asc" }],
            take: 1,
            select: { text: true, scaleMin: true, scaleMax: true },
          },
        },
      },
    },
  },
} satisfies Prisma.OutboxMessageInclude;
type Claimed = Prisma.OutboxMessageGetPayload<{ include: typeof include }>;

async function claim(ids: string[], now: Date): Promise<Claimed[]> {
  if (ids.length === 0) return [];
  return claimLeases(
    LEASE_MS,
    ({ owner, until, now: at }) =>
      db.outboxMessage.updateMany({
        where: { id: { in: ids }, status: { in: RETRYABLE }, nextAttemptAt: { lte: now }, AND: [leaseFree(at)] },
        data: { leaseOwner: owner, leaseExpiresAt: until },
      }),
    (owner) => db.outboxMessage.findMany({ where: { id: { in: ids }, leaseOwner: owner }, include }),
  );
}

const release = { leaseOwner: null, leaseExpiresAt: null };

/** Updates a message this instance holds (and releases it); false when the lease was lost meanwhile. */
async function finish(tx: Prisma.TransactionClient, m: Claimed, data: Prisma.OutboxMessageUpdateManyMutationInput) {
  const { count } = await tx.outboxMessage.updateMany({
    where: { id: m.id, leaseOwner: m.leaseOwner },
    data: { ...data, ...release },
  });
  return count === 1;
}

async function skip(m: Claimed, reason: string, suppressInvitation: boolean) {
  await db.$transaction(async (tx) => {
    if (!(await finish(tx, m, { status: "skipped", lastError: reason, nextAttemptAt: null }))) return;
    if (suppressInvitation && m.invitation.status === "queued")
      await tx.invitation.update({ where: { id: m.invitationId }, data: { status: "suppressed", reason } });
  });
}

/** Whether the invited customer answered the survey since the invitation was first sent. */
async function answeredSince(m: Claimed): Promise<boolean> {
  const i = m.invitation;
  if (!i.sentAt) return false;
  const r = await db.response.findFirst({
    where: { orgId: i.orgId, customerId: i.customerId, surveyId: i.surveyId, submittedAt: { gte: i.sentAt } },
    select: { id: true },
  });
  return r !== null;
}

/** Whether the customer has been erased by now (read inside the transaction that records an outcome). */
async function erasedNow(tx: Prisma.TransactionClient, customerId: string): Promise<boolean> {
  return (await tx.customer.count({ where: { id: customerId, erasedAt: { not: null } } })) > 0;
}

async function attempt(
  m: Claimed,
  mailer: Mailer,
  env: Env,
): Promise<"sent" | "skipped" | "waiting" | "failed" | "transport"> {
  const i = m.invitation;
  const c = i.campaign ?? i.trigger;
  const now = new Date();
  // Neither a campaign nor a trigger: its trigger was deleted (the delete skips what was pending; this is a
  // message claimed meanwhile).
  if (!c) return skip(m, "trigger deleted", true).then(() => "skipped");
  if (c.status !== "active") {
    // paused (or cancelled after the claim): the message waits; resuming sends it
    await db.outboxMessage.updateMany({ where: { id: m.id, leaseOwner: m.leaseOwner }, data: release });
    return "waiting";
  }
  const customer = i.customer;
  if (customer.erasedAt) return skip(m, "erased", true).then(() => "skipped");
  if (customer.consent === false) return skip(m, "opted_out", true).then(() => "skipped");
  // The customer's address now: one removed since the invitation was queued is not written to any more.
  const address = customer.email;
  if (!address) return skip(m, "no_email", true).then(() => "skipped");
  const bounced = await db.mailSuppression.findUnique({
    where: { orgId_address: { orgId: i.orgId, address: address.toLowerCase() } },
  });
  if (bounced) return skip(m, "bouncing", true).then(() => "skipped");
  if (m.seq > 0 && (await answeredSince(m))) return skip(m, "answered", false).then(() => "skipped");
  const tz = customerTimeZone(customer.attributes, c.timeZone);
  const window = { startHour: c.windowStartHour, endHour: c.windowEndHour };
  if (!inWindow(now, tz, window)) {
    await db.outboxMessage.updateMany({
      where: { id: m.id, leaseOwner: m.leaseOwner },
      data: { nextAttemptAt: nextInWindow(now, tz, window), ...release },
    });
    return "waiting";
  }

  const q = i.survey.questions[0];
  const locale = i.survey.defaultLocale;
  const render = i.trigger?.builtIn === "resurvey" ? resurveyInvitationEmail : invitationEmail;
  const email = render({
    baseUrl: publicBaseUrl(env),
    invitationId: i.id,
    orgName: i.org.name,
    customerName: customer.name,
    subject: c.subject,
    question:
      q && q.scaleMin !== null && q.scaleMax !== null
        ? { text: localizedText(q.text, locale, locale), min: q.scaleMin, max: q.scaleMax }
        : null,
    reminder: m.seq > 0,
    locale,
  });
  let messageId: string | null = null;
  let failure: SmtpError | null = null;
  try {
    messageId = (await sendMail({ to: address, ...email }, mailer)).messageId;
  } catch (error) {
    failure = (error ?? {}) as SmtpError;
  }
  const at = new Date();
  if (!failure) {
    await db.$transaction(async (tx) => {
      if (!(await finish(tx, m, { status: "sent", sentAt: at, messageId, attempts: m.attempts + 1, lastError: null })))
        return;
      // Erased while the message was on its way: the erasure cleared the address; never write it back, and no
      // reminder follows.
      const erased = await erasedNow(tx, i.customerId);
      await tx.invitation.update({
        where: { id: i.id },
        data: {
          status: "sent",
          address: erased ? null : address,
          lastSentAt: at,
          reminders: m.seq,
          ...(m.seq === 0 ? { sentAt: at } : {}),
        },
      });
      if (!erased && m.seq < c.reminderCount)
        await tx.outboxMessage.create({
          data: {
            orgId: i.orgId,
            invitationId: i.id,
            seq: m.seq + 1,
            nextAttemptAt: new Date(at.getTime() + c.reminderDelayHours * HOUR),
          },
        });
    });
    return "sent";
  }
  const code = typeof failure.responseCode === "number" ? failure.responseCode : null;
  const attempts = m.attempts + 1;
  const kind = classifySmtpFailure(failure);
  const recipientRefused = kind === "bounce";
  const delay = kind === "retry" ? nextAttemptDelay(attempts, retrySchedule(env)) : null;
  const lastError = code !== null ? `smtp_${code}` : typeof failure.code === "string" ? failure.code : "error";
  await db.$transaction(async (tx) => {
    if (
      !(await finish(tx, m, {
        status: delay === null ? "dead" : "failed",
        attempts,
        lastError,
        nextAttemptAt: delay === null ? null : new Date(at.getTime() + delay),
      }))
    )
      return;
    if (recipientRefused && !(await erasedNow(tx, i.customerId))) {
      const key = { orgId: i.orgId, address: address.toLowerCase() };
      await tx.mailSuppression.upsert({
        where: { orgId_address: key },
        create: { ...key, reason: "bounce", detail: lastError },
        update: {},
      });
      await tx.invitation.update({ where: { id: i.id }, data: { status: "bounced", reason: lastError } });
    } else if (delay === null && m.seq === 0) {
      await tx.invitation.update({ where: { id: i.id }, data: { status: "failed", reason: lastError } });
    }
  });
  return kind === "retry" ? "transport" : "failed";
}

/** How many more messages each organization may send this minute. */
async function allowances(orgIds: string[], now: Date, env: Env): Promise<Map<string, number>> {
  const rate = ratePerMinute(env);
  const sent = await db.outboxMessage.groupBy({
    by: ["orgId"],
    where: { orgId: { in: orgIds }, sentAt: { gte: new Date(now.getTime() - MINUTE) } },
    _count: { _all: true },
  });
  const out = new Map(orgIds.map((o) => [o, rate]));
  for (const s of sent) out.set(s.orgId, Math.max(0, rate - s._count._all));
  return out;
}

/** Sends what is due, in batches, until nothing is due (or every organization due is at its rate). */
export async function runDueMessages(opts: { mailer?: Mailer | null; env?: Env } = {}): Promise<number> {
  const env = opts.env ?? process.env;
  const mailer = opts.mailer === undefined ? serverMailer() : opts.mailer;
  if (!mailer) return 0; // no SMTP server: messages wait (the campaigns page says so)
  let made = 0;
  // Organizations at their rate this minute: left out of the next batch, so one busy organization never holds the
  // others' messages back.
  const exhausted = new Set<string>();
  for (;;) {
    const now = new Date();
    const due = await db.outboxMessage.findMany({
      where: {
        orgId: { notIn: [...exhausted] },
        status: { in: RETRYABLE },
        nextAttemptAt: { lte: now },
        // A paused campaign's or trigger's messages wait; one whose trigger was deleted is claimed to be skipped.
        invitation: {
          OR: [
            { campaign: { status: "active" } },
            { trigger: { status: "active" } },
            { campaignId: null, triggerId: null },
          ],
        },
        AND: [leaseFree(now)],
      },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
      select: { id: true, orgId: true },
    });
    const left = await allowances([...new Set(due.map((d) => d.orgId))], now, env);
    const before = exhausted.size;
    const ids = due.filter((d) => {
      const n = left.get(d.orgId) ?? 0;
      left.set(d.orgId, n - 1);
      if (n <= 0) exhausted.add(d.orgId);
      return n > 0;
    });
    const mine = await claim(
      ids.map((d) => d.id),
      now,
    );
    const outcomes = await Promise.all(mine.map((m) => attempt(m, mailer, env)));
    made += outcomes.filter((o) => o === "sent" || o === "failed" || o === "transport").length;
    // A failure of the server or of the set-up ends the tick: the next one retries after the backoff.
    if (outcomes.includes("transport")) return made;
    if (due.length < BATCH || (ids.length === 0 && exhausted.size === before)) return made;
  }
}

/** One tick: start due waves, queue them, send due messages. Returns the send attempts made. */
export async function campaignTick(opts: { mailer?: Mailer | null; env?: Env } = {}): Promise<number> {
  await startDueWaves();
  await queueWaves();
  return runDueMessages(opts);
}

export function startCampaignWorker(env: Env = process.env): boolean {
  if (env.CAMPAIGN_WORKER === "off") return false;
  retrySchedule(env); // a malformed CAMPAIGN_RETRY_SCHEDULE stops the start-up, not every send
  const everyMs = Math.max(50, Number(env.CAMPAIGN_POLL_MS) || 10_000);
  if (!startPoller({ key: "resonance.campaignWorker", name: "campaigns", everyMs, tick: () => campaignTick() }))
    return false;
  console.log(`[campaigns] worker on (every ${everyMs} ms, instance ${INSTANCE_ID})`);
  return true;
}
