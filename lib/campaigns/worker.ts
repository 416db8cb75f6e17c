// The campaign worker. Every instance runs one (instrumentation.ts, unless CAMPAIGN_WORKER=off): each tick it
// starts due waves and queues their invitations (queue.ts), then sends the outbox messages that are due. A
// message is claimed with a lease (lib/jobs/lease.ts) — a conditional UPDATE only one instance wins — so two
// instances never send the same message; the lease (2 min) outlives the SMTP timeouts, and an instance that dies
// mid-send leaves a lease that expires, after which the message is tried again (the one case where a message can
// reach the SMTP server twice: accepted, then the instance died before recording it).
//
// Before sending, the worker checks again what may have changed since queueing: the campaign or trigger (the
// invitation's cause: docs/distribution.md "Triggers") is active (a paused one's messages wait; a deleted trigger's
// are skipped), for a reminder that the customer has not answered since the invitation was sent (then no reminder
// goes, and none follows), the send window of the customer's time zone is open and the organization's quiet hours
// are not (else the message waits), and then, in one transaction with the customer's row locked, the contact rules
// (contact-rules.ts): not erased or opted out, an address that is not bouncing, and — for the invitation itself,
// not a reminder — no other contact within the frequency cap. Passing, the invitation takes the customer's contact
// (Invitation.contactAt) in that transaction, before the SMTP server is called, so a second instance sending
// another invitation to the same customer waits for the lock and is skipped (recently_invited). A skip suppresses
// the invitation and is written to the suppression log. Per organization at most CAMPAIGN_SEND_RATE_PER_MINUTE messages
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
import { contactRuleReasons, lockCustomers } from "./contact-rules";
import { loadContactRule, quietWindow, type ContactRuleSettings } from "./contact-rule-service";
import { logSuppressions } from "./suppression-log";
import { customerTimeZone, nextSendSlot } from "./window";

const LEASE_MS = 120_000;
const BATCH = 50;
const RETRYABLE = ["pending", "failed"];
const MINUTE = 60_000;
const HOUR = 3_600_000;
// A batch's 50 messages share the pool (DATABASE_POOL_SIZE, 10) for their checks and outcomes, and a check may wait
// for a customer's lock held by a wave being queued: longer than Prisma's default 2 s wait for a connection.
const CHECK_TX = { maxWait: 30_000, timeout: 30_000 };

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
      customer: {
        select: { name: true, email: true, externalId: true, consent: true, erasedAt: true, attributes: true },
      },
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

type Tx = Prisma.TransactionClient;

/** Skips the message; a suppression (not "answered") suppresses a queued invitation and is logged. */
async function skipIn(tx: Tx, m: Claimed, reason: string, suppress: boolean, lastContactAt?: Date) {
  if (!(await finish(tx, m, { status: "skipped", lastError: reason, nextAttemptAt: null }))) return;
  if (!suppress) return;
  const i = m.invitation;
  if (i.status === "queued")
    await tx.invitation.update({ where: { id: m.invitationId }, data: { status: "suppressed", reason } });
  await logSuppressions(tx, i.orgId, [
    {
      customerId: i.customerId,
      source: i.triggerId ? "trigger" : "campaign",
      stage: "send",
      channel: i.channel,
      reason,
      lastContactAt,
      campaignId: i.campaignId,
      invitationId: i.id,
      surveyId: i.surveyId,
    },
  ]);
}

const skip = (m: Claimed, reason: string, suppress: boolean) =>
  db.$transaction((tx) => skipIn(tx, m, reason, suppress), CHECK_TX);

/**
 * The contact rules at the moment of sending, in one transaction (the customer's row locked by
 * contactRuleReasons): the customer as they are now, and for the invitation itself the frequency cap. Passing,
 * the invitation takes the customer's contact before anything is sent. Returns the reason it was skipped, if so.
 */
async function checkContact(
  m: Claimed,
  rule: ContactRuleSettings,
  now: Date,
): Promise<{ skipped: string } | { address: string }> {
  const i = m.invitation;
  return db.$transaction(async (tx) => {
    await lockCustomers(tx, [i.customerId]); // before reading (contact-rules.ts)
    const customer = await tx.customer.findUnique({
      where: { id: i.customerId },
      select: { id: true, email: true, externalId: true, consent: true, erasedAt: true, attributes: true },
    });
    if (!customer) return { skipped: "erased" };
    const first = m.seq === 0;
    const decisions = await contactRuleReasons(tx, i.orgId, [customer], {
      channel: "email",
      stage: "send",
      invitationId: i.id,
      now,
      // A reminder belongs to its invitation's contact: the cap is checked for the invitation, not again.
      rule: first ? rule : { ...rule, capDays: 0 },
    });
    const reason = decisions.get(customer.id);
    if (reason) {
      await skipIn(tx, m, reason, true, decisions.lastContactAt.get(customer.id));
      return { skipped: reason };
    }
    if (first) await tx.invitation.updateMany({ where: { id: i.id, contactAt: null }, data: { contactAt: now } });
    return { address: customer.email! }; // checked: an e-mail invitation without one is "no_email"
  }, CHECK_TX);
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
  rule: ContactRuleSettings,
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
  if (m.seq > 0 && (await answeredSince(m))) return skip(m, "answered", false).then(() => "skipped");
  const tz = customerTimeZone(customer.attributes, c.timeZone);
  const slot = nextSendSlot(now, tz, { startHour: c.windowStartHour, endHour: c.windowEndHour }, quietWindow(rule));
  if (!slot) return skip(m, "quiet_hours", true).then(() => "skipped"); // the window lies in the quiet hours
  if (slot > now) {
    await db.outboxMessage.updateMany({
      where: { id: m.id, leaseOwner: m.leaseOwner },
      data: { nextAttemptAt: slot, ...release },
    });
    return "waiting";
  }
  // The customer's address now: one removed or changed since the invitation was queued is not written to.
  const check = await checkContact(m, rule, now);
  if ("skipped" in check) return "skipped";
  const address = check.address;

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
    }, CHECK_TX);
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
  }, CHECK_TX);
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
  const rules = new Map<string, Promise<ContactRuleSettings>>();
  const ruleOf = (orgId: string) => {
    if (!rules.has(orgId)) rules.set(orgId, loadContactRule(db, orgId));
    return rules.get(orgId)!;
  };
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
    const outcomes = await Promise.all(mine.map(async (m) => attempt(m, mailer, env, await ruleOf(m.orgId))));
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
