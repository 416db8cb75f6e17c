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
// are not (else the message waits), and then, for the whole batch in one transaction with its customers' rows
// locked (in id order: contact-rules.ts lockCustomers), the contact rules (contact-rules.ts): not erased or opted
// out, an address that is not bouncing, and — for the invitation itself, not a reminder — no other contact within
// the frequency cap. Passing, the invitation takes the customer's contact (Invitation.contactAt) in that
// transaction, before the SMTP server is called, so a second instance sending another invitation to the same
// customer waits for the lock and is skipped (recently_invited). A skip suppresses the invitation and is written to
// the suppression log. Per organization at most CAMPAIGN_SEND_RATE_PER_MINUTE messages (default 600) go out per
// minute, counted from the messages sent in the last minute and those claimed and not yet recorded.
//
// Batches are pipelined: while one batch's messages are being sent, the next is claimed and checked, and its
// sends take the places the first frees (at most 50 at once), so no send waits for the slowest one of the batch
// before it (runDueMessages).
//
// Outcomes: accepted → sent (a reminder is written for later, in the same transaction, while fewer than the
// campaign's or trigger's reminder count were sent; the accepted messages of a batch are recorded together, in one
// transaction, which is what lets the worker keep up with raw nodemailer: bench/campaigns.ts); the SMTP server
// refuses the recipient permanently (5xx to RCPT TO) → the
// address is marked bouncing (MailSuppression) and the invitation "bounced"; any other 5xx → the message is dead
// (nothing about the address is learnt); anything else (4xx, timeouts, refused connections) → retried on the
// schedule of CAMPAIGN_RETRY_SCHEDULE (default 1m,5m,30m,2h,6h,12h,24h: lib/webhooks/schedule.ts), dead after it.
//
// SMS goes the same way: the invitation's channel picks the address (address.ts: the phone number in E.164 form)
// and the transport (the SMS provider of sms/provider.ts instead of SMTP), and the provider's answer maps onto
// the same outcomes — a number that cannot receive SMS bounces, a STOP reply stops texts to the number. What the
// provider reports later (delivery receipts, STOP replies) arrives through sms/receipts.ts and sms/replies.ts.
import { db, Prisma } from "../db";
import { claimLeases, INSTANCE_ID, leaseFree, startPoller } from "../jobs/lease";
import { publicBaseUrl, sendMail, serverMailer, type Mailer } from "../mail/transport";
import { localizedText } from "../surveys/locale";
import { nextAttemptDelay, parseRetrySchedule } from "../webhooks/schedule";
import { invitationEmail } from "./email";
import { resurveyInvitationEmail } from "../cases/resurvey-email";
import { queueWaves, startDueWaves } from "./queue";
import { classifySmtpFailure, type SmtpError } from "./smtp-failure";
import { channelAddress } from "./address";
import { recordBounce, suppressAddress } from "./bounce";
import { contactRuleReasons, lockCustomers } from "./contact-rules";
import { loadContactRule, quietWindow, type ContactRuleSettings } from "./contact-rule-service";
import { smsInvitation } from "./sms/message";
import { serverSmsProvider, smsProviderFromEnv, type SmsOutcome, type SmsProvider } from "./sms/provider";
import { logSuppressions } from "./suppression-log";
import { nextSendSlot, sendTimeZone } from "./window";

const LEASE_MS = 120_000;
const BATCH = 50;
// Batches claimed at once (runDueMessages): the next ones are checked while the first is being sent, so the 50 sends
// at a time never wait for a batch to be claimed and checked.
const PIPELINE = 3;
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

/** How a tick sends: tests pass their own; by default the server's SMTP transport and SMS provider, if any. */
type TickOptions = { mailer?: Mailer | null; sms?: SmsProvider | null; env?: Env };
type Transports = { mailer: Mailer | null; sms: SmsProvider | null };

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

// What the contact rules read of a customer (contact-rules.ts Candidate), and the address of either channel.
const contactFields = {
  email: true,
  phone: true,
  externalId: true,
  consent: true,
  erasedAt: true,
  attributes: true,
} as const;

const include = {
  invitation: {
    include: {
      customer: { select: { name: true, ...contactFields } },
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

/** A message that passed every check and has its address: to be sent. */
type Ready = { m: Claimed; address: string };

/**
 * The contact rules at the moment of sending, for a batch's messages in ONE transaction with their customers' rows
 * locked (lockCustomers: id order, so it never deadlocks with a wave being queued or an ingestion batch): the
 * customers as they are now, and for the invitations themselves (not reminders) the frequency cap. The messages
 * are checked in groups of one organization, channel and kind (invitation or reminder), one contactRuleReasons
 * call each; a passing invitation takes the customer's contact (contactAt) in this transaction, before anything is
 * sent, and before the next group is checked — so the next group, and a second instance waiting for the locks, sees
 * it. Two invitations of one customer in one group: the first (one that took the contact in an earlier attempt
 * goes first) passes, the other is recently_invited, as if checked one after the other. Skips are written here.
 */
async function checkContacts(ms: Claimed[], ruleOf: (orgId: string) => ContactRuleSettings, now: Date) {
  if (ms.length === 0) return [];
  return db.$transaction(async (tx) => {
    const ids = [...new Set(ms.map((m) => m.invitation.customerId))];
    await lockCustomers(tx, ids); // before reading (contact-rules.ts)
    const customers = new Map(
      (await tx.customer.findMany({ where: { id: { in: ids } }, select: { id: true, ...contactFields } })).map((c) => [
        c.id,
        c,
      ]),
    );
    const ready: Ready[] = [];
    const groups = new Map<string, Claimed[]>();
    for (const m of ms) {
      if (!customers.has(m.invitation.customerId)) {
        await skipIn(tx, m, "erased", true);
        continue;
      }
      const key = `${m.orgId}\n${m.invitation.channel}\n${m.seq === 0}`;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    for (const group of groups.values()) {
      const { orgId, channel } = group[0].invitation;
      const first = group[0].seq === 0;
      const rule = ruleOf(orgId);
      // an invitation that took its customer's contact in an earlier attempt (then failed to send) goes first
      group.sort((x, y) => Number(!x.invitation.contactAt) - Number(!y.invitation.contactAt));
      const decisions = await contactRuleReasons(
        tx,
        orgId,
        [...new Set(group.map((m) => m.invitation.customerId))].map((id) => customers.get(id)!),
        {
          channel: channel === "sms" ? "sms" : "email",
          stage: "send",
          invitationIds: group.map((m) => m.invitation.id),
          now,
          // A reminder belongs to its invitation's contact: the cap is checked for the invitation, not again.
          rule: first ? rule : { ...rule, capDays: 0 },
          lock: false, // locked above
        },
      );
      const taken = new Map<string, Date>(); // customer → the contact an earlier invitation of this group holds
      const contacts: string[] = [];
      for (const m of group) {
        const customerId = m.invitation.customerId;
        let reason = decisions.get(customerId);
        let lastContactAt = decisions.lastContactAt.get(customerId);
        if (!reason && first && rule.capDays > 0 && taken.has(customerId)) {
          reason = "recently_invited";
          lastContactAt = taken.get(customerId);
        }
        if (reason) {
          await skipIn(tx, m, reason, true, lastContactAt);
          continue;
        }
        if (first) {
          taken.set(customerId, m.invitation.contactAt ?? now);
          if (!m.invitation.contactAt) contacts.push(m.invitation.id);
        }
        // checked: an invitation without an address on its channel is "no_email" / "no_phone"
        ready.push({ m, address: channelAddress(channel, customers.get(customerId)!)! });
      }
      if (contacts.length)
        await tx.invitation.updateMany({ where: { id: { in: contacts }, contactAt: null }, data: { contactAt: now } });
    }
    return ready;
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

/** What became of one send, whatever the channel. */
type Delivery =
  | { ok: true; id: string | null }
  /**
   * bounce: the address or number cannot receive (marked in MailSuppression, the invitation bounced); dead: this
   * message was refused for good; opted_out: the person told the provider to stop (SMS STOP); retry: later.
   */
  | { ok: false; kind: "bounce" | "dead" | "retry" | "opted_out"; error: string };

async function deliverEmail(m: Claimed, address: string, mailer: Mailer, env: Env): Promise<Delivery> {
  const i = m.invitation;
  const q = i.survey.questions[0];
  const locale = i.survey.defaultLocale;
  const render = i.trigger?.builtIn === "resurvey" ? resurveyInvitationEmail : invitationEmail;
  const email = render({
    baseUrl: publicBaseUrl(env),
    invitationId: i.id,
    orgName: i.org.name,
    customerName: i.customer.name,
    subject: (i.campaign ?? i.trigger)?.subject ?? null,
    question:
      q && q.scaleMin !== null && q.scaleMax !== null
        ? { text: localizedText(q.text, locale, locale), min: q.scaleMin, max: q.scaleMax }
        : null,
    reminder: m.seq > 0,
    locale,
  });
  try {
    return { ok: true, id: (await sendMail({ to: address, ...email }, mailer)).messageId };
  } catch (error) {
    const failure = (error ?? {}) as SmtpError;
    const code = typeof failure.responseCode === "number" ? failure.responseCode : null;
    const kind = classifySmtpFailure(failure);
    return {
      ok: false,
      kind,
      error: code !== null ? `smtp_${code}` : typeof failure.code === "string" ? failure.code : "error",
    };
  }
}

async function deliverSms(m: Claimed, to: string, sms: SmsProvider, env: Env): Promise<Delivery> {
  const i = m.invitation;
  const { body } = smsInvitation({
    baseUrl: publicBaseUrl(env),
    invitationId: i.id,
    orgName: i.org.name,
    reminder: m.seq > 0,
    replies: sms.replies,
  });
  let r: SmsOutcome;
  try {
    r = await sms.send(to, body);
  } catch {
    r = { status: "retry", code: "error" };
  }
  if (r.status === "accepted") return { ok: true, id: r.id };
  if (r.status === "retry") return { ok: false, kind: "retry", error: r.code };
  const kind = r.reason === "invalid_number" ? "bounce" : r.reason === "opted_out" ? "opted_out" : "dead";
  return { ok: false, kind, error: r.code };
}

/** A message the transport accepted, to record with the rest of its batch (recordSent). */
type Sent = { m: Claimed; address: string; id: string | null };

/**
 * What can be decided about a message before the contact rules: its cause is active (else it waits, or is skipped
 * when its trigger was deleted), a reminder's customer has not answered meanwhile, the send window is open and the
 * quiet hours are not. "check": on to checkContacts.
 */
async function precheck(m: Claimed, rule: ContactRuleSettings, now: Date): Promise<"check" | "skipped" | "waiting"> {
  const i = m.invitation;
  const c = i.campaign ?? i.trigger;
  // Neither a campaign nor a trigger: its trigger was deleted (the delete skips what was pending; this is a
  // message claimed meanwhile).
  if (!c) return skip(m, "trigger deleted", true).then(() => "skipped");
  if (c.status !== "active") {
    // paused (or cancelled after the claim): the message waits; resuming sends it
    await db.outboxMessage.updateMany({ where: { id: m.id, leaseOwner: m.leaseOwner }, data: release });
    return "waiting";
  }
  if (m.seq > 0 && (await answeredSince(m))) return skip(m, "answered", false).then(() => "skipped");
  const tz = sendTimeZone(i.customer.attributes, c.timeZone, rule.timeZone);
  const slot = nextSendSlot(now, tz, { startHour: c.windowStartHour, endHour: c.windowEndHour }, quietWindow(rule));
  if (!slot) return skip(m, "quiet_hours", true).then(() => "skipped"); // the window lies in the quiet hours
  if (slot > now) {
    await db.outboxMessage.updateMany({
      where: { id: m.id, leaseOwner: m.leaseOwner },
      data: { nextAttemptAt: slot, ...release },
    });
    return "waiting";
  }
  return "check";
}

/** Sends a checked message; a failure is recorded here, an acceptance returned to be recorded with its batch. */
async function send({ m, address }: Ready, transports: Transports, env: Env): Promise<Sent | "failed" | "transport"> {
  const i = m.invitation;
  // The one switch on the channel: everything before and after is the same for e-mail and SMS.
  const delivery =
    i.channel === "sms"
      ? await deliverSms(m, address, transports.sms!, env)
      : await deliverEmail(m, address, transports.mailer!, env);
  if (delivery.ok) return { m, address, id: delivery.id };
  const at = new Date();
  const attempts = m.attempts + 1;
  const { kind, error: lastError } = delivery;
  if (kind === "opted_out") {
    // The person replied STOP to the sender number. That number is the server's (TWILIO_FROM), shared by every
    // organization on it, so the reply is not this organization's consent to change: the number is not texted again
    // by this organization (MailSuppression "sms_stop", as a bounce is), and this invitation is suppressed.
    await db.$transaction(async (tx) => {
      if (!(await finish(tx, m, { status: "skipped", attempts, lastError: "sms_stop", nextAttemptAt: null }))) return;
      if (!(await erasedNow(tx, i.customerId))) await suppressAddress(tx, i.orgId, address, "sms_stop", lastError);
      if (m.seq === 0)
        await tx.invitation.update({ where: { id: i.id }, data: { status: "suppressed", reason: "sms_stop" } });
    }, CHECK_TX);
    return "failed";
  }
  const delay = kind === "retry" ? nextAttemptDelay(attempts, retrySchedule(env)) : null;
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
    // A bounce marks the address and bounces the invitation (bounce.ts); other permanent failures fail it.
    const bounced =
      kind === "bounce" &&
      (await recordBounce(tx, {
        orgId: i.orgId,
        invitationId: i.id,
        customerId: i.customerId,
        channel: i.channel,
        address,
        error: lastError,
      }));
    if (!bounced && delay === null && m.seq === 0)
      await tx.invitation.update({ where: { id: i.id }, data: { status: "failed", reason: lastError } });
  }, CHECK_TX);
  return kind === "retry" ? "transport" : "failed";
}

/**
 * Records a batch's accepted messages in one transaction (one per message would be most of the worker's cost):
 * each message sent (if this instance still holds it), its invitation sent, and — while fewer than the campaign's
 * reminders went out — the next reminder, due `reminderDelayHours` later. A customer erased while the message was
 * on its way: the erasure cleared the address; it is never written back, and no reminder follows.
 */
async function recordSent(sent: Sent[]): Promise<void> {
  if (sent.length === 0) return;
  const at = new Date();
  const owner = sent[0].m.leaseOwner!; // one claim, one owner
  await db.$transaction(
    async (tx) => {
      // Only the messages this instance still holds are recorded (a lease that expired meanwhile belongs to another
      // instance now); the update returns which those are.
      const held = new Set(
        (
          await tx.outboxMessage.updateManyAndReturn({
            where: { id: { in: sent.map((s) => s.m.id) }, leaseOwner: owner },
            data: { status: "sent", sentAt: at, attempts: { increment: 1 }, lastError: null, ...release },
            select: { id: true },
          })
        ).map((r) => r.id),
      );
      const mine = sent.filter((s) => held.has(s.m.id));
      if (mine.length === 0) return;
      const ids = mine.filter((s) => s.id !== null);
      if (ids.length)
        await tx.$executeRaw`UPDATE "OutboxMessage" SET "messageId" = CASE "id" ${Prisma.join(
          ids.map((s) => Prisma.sql`WHEN ${s.m.id} THEN ${s.id}`),
          " ",
        )} END WHERE "id" IN (${Prisma.join(ids.map((s) => s.m.id))})`;
      const erased = new Set(
        (
          await tx.customer.findMany({
            where: { id: { in: mine.map((s) => s.m.invitation.customerId) }, erasedAt: { not: null } },
            select: { id: true },
          })
        ).map((c) => c.id),
      );
      // The invitations: one update per reminder number; the address only where it changed since queueing (or
      // the customer was erased: never written back).
      for (const seq of new Set(mine.map((s) => s.m.seq)))
        await tx.invitation.updateMany({
          where: { id: { in: mine.filter((s) => s.m.seq === seq).map((s) => s.m.invitation.id) } },
          data: { status: "sent", lastSentAt: at, reminders: seq, ...(seq === 0 ? { sentAt: at } : {}) },
        });
      for (const { m, address } of mine) {
        const want = erased.has(m.invitation.customerId) ? null : address;
        if (m.invitation.address !== want)
          await tx.invitation.update({ where: { id: m.invitation.id }, data: { address: want } });
      }
      const reminders = mine
        .map(({ m }) => ({ m, cause: (m.invitation.campaign ?? m.invitation.trigger)! })) // precheck() skipped those without
        .filter(({ m, cause }) => !erased.has(m.invitation.customerId) && m.seq < cause.reminderCount)
        .map(({ m, cause }) => ({
          orgId: m.orgId,
          invitationId: m.invitation.id,
          seq: m.seq + 1,
          nextAttemptAt: new Date(at.getTime() + cause.reminderDelayHours * HOUR),
        }));
      if (reminders.length) await tx.outboxMessage.createMany({ data: reminders });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
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

/** At most `n` of the functions given run at once; the others wait their turn, first come first served. */
function limiter(n: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(f: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await f();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** What became of a batch's sends once they are recorded. */
type BatchResult = { made: number; transport: boolean; thrown?: unknown };

/**
 * Sends a batch's checked messages (at most BATCH at once, shared with the batch before or after it) and records the
 * accepted ones together. Every send runs to its end: one that throws (a database error recording a failure) must
 * not keep the messages accepted beside it from being recorded — unrecorded, they would be sent again when their
 * leases expire. Never rejects: what was thrown is returned.
 */
async function deliverBatch(
  ready: Ready[],
  slot: ReturnType<typeof limiter>,
  transports: Transports,
  env: Env,
): Promise<BatchResult> {
  const settled = await Promise.allSettled(ready.map((r) => slot(() => send(r, transports, env))));
  const results = settled.map((s) => (s.status === "fulfilled" ? s.value : ("failed" as const)));
  let thrown = settled.find((s) => s.status === "rejected")?.reason as unknown;
  try {
    await recordSent(results.filter((r): r is Sent => typeof r === "object"));
  } catch (error) {
    thrown ??= error;
  }
  return {
    made: results.length, // sent, failed, or to be retried
    transport: results.includes("transport"),
    ...(thrown !== undefined ? { thrown } : {}),
  };
}

/**
 * Sends what is due, in batches, until nothing is due (or every organization due is at its rate). Pipelined: the
 * next batch is claimed and checked while the previous one's messages are being sent, and its sends take the
 * places the previous batch frees (at most BATCH at once), so no send waits for the slowest of the batch before it.
 * At most PIPELINE batches are claimed at a time: the oldest is recorded before another is claimed.
 */
export async function runDueMessages(opts: TickOptions = {}): Promise<number> {
  const env = opts.env ?? process.env;
  const transports: Transports = {
    mailer: opts.mailer === undefined ? serverMailer(env) : opts.mailer,
    sms: opts.sms === undefined ? serverSmsProvider(env) : opts.sms,
  };
  // No SMTP server: e-mail waits (the campaigns page says so); no SMS provider: SMS waits.
  const channels = [...(transports.mailer ? ["email"] : []), ...(transports.sms ? ["sms"] : [])];
  if (channels.length === 0) return 0;
  let made = 0;
  // Organizations at their rate this minute: left out of the next batch, so one busy organization never holds the
  // others' messages back.
  const exhausted = new Set<string>();
  const rules = new Map<string, ContactRuleSettings>();
  // Messages claimed to be sent and not yet recorded, per organization: the rate counts recorded sends, so these
  // are taken off the next batch's allowance.
  const unrecorded = new Map<string, number>();
  const slot = limiter(BATCH);
  const inFlight: Array<Promise<BatchResult>> = []; // oldest first; they never reject
  /** Waits for the oldest batch in flight; true when it met a transport failure (which ends the tick). */
  const settleOldest = async (): Promise<boolean> => {
    const r = await inFlight.shift()!;
    made += r.made;
    if (r.thrown !== undefined) throw r.thrown; // the poller logs it; what was not recorded is tried again
    return r.transport;
  };
  /** Waits for every batch in flight, then throws the first error among them, if any. */
  const settleAll = async (): Promise<boolean> => {
    let transport = false;
    let thrown: unknown;
    while (inFlight.length > 0)
      try {
        transport = (await settleOldest()) || transport;
      } catch (error) {
        thrown ??= error;
      }
    if (thrown !== undefined) throw thrown;
    return transport;
  };
  for (;;) {
    let batch: Awaited<ReturnType<typeof prepareBatch>>;
    try {
      batch = await prepareBatch();
    } catch (error) {
      await Promise.all(inFlight); // their sends are recorded before this tick ends
      throw error;
    }
    const { ready } = batch;
    for (const r of ready) unrecorded.set(r.m.orgId, (unrecorded.get(r.m.orgId) ?? 0) + 1);
    inFlight.push(
      deliverBatch(ready, slot, transports, env).then((r) => {
        for (const x of ready) unrecorded.set(x.m.orgId, unrecorded.get(x.m.orgId)! - 1);
        return r;
      }),
    );
    let stop = false;
    try {
      while (inFlight.length >= PIPELINE) stop = (await settleOldest()) || stop;
    } catch (error) {
      await Promise.all(inFlight);
      throw error;
    }
    if (batch.thrown) {
      await settleAll();
      throw batch.thrown.reason; // a check that threw: its message stays leased and is tried when the lease expires
    }
    // A failure of the server or of the set-up ends the tick: the next one retries after the backoff.
    if (stop || batch.due < BATCH || (batch.ids === 0 && !batch.grew)) {
      await settleAll();
      return made;
    }
  }

  /** Finds, claims and checks the next batch. */
  async function prepareBatch() {
    const now = new Date();
    const due = await db.outboxMessage.findMany({
      where: {
        orgId: { notIn: [...exhausted] },
        status: { in: RETRYABLE },
        nextAttemptAt: { lte: now },
        // A paused campaign's or trigger's messages wait; one whose trigger was deleted is claimed to be skipped.
        invitation: {
          channel: { in: channels },
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
    const orgs = [...new Set(due.map((d) => d.orgId))];
    const left = await allowances(orgs, now, env);
    const before = exhausted.size;
    const ids = due.filter((d) => {
      const n = (left.get(d.orgId) ?? 0) - (unrecorded.get(d.orgId) ?? 0);
      left.set(d.orgId, (left.get(d.orgId) ?? 0) - 1);
      if (n <= 0) exhausted.add(d.orgId);
      return n > 0;
    });
    const mine = await claim(
      ids.map((d) => d.id),
      now,
    );
    for (const orgId of new Set(mine.map((m) => m.orgId)))
      if (!rules.has(orgId)) rules.set(orgId, await loadContactRule(db, orgId));
    const ruleOf = (orgId: string) => rules.get(orgId)!;
    // The checks that need no lock, each on its own (most pass without a write); then the batch's contact rules.
    const pre = await Promise.allSettled(mine.map((m) => precheck(m, ruleOf(m.orgId), now)));
    const thrown = pre.find((p): p is PromiseRejectedResult => p.status === "rejected");
    const toCheck = mine.filter((_, k) => pre[k].status === "fulfilled" && pre[k].value === "check");
    const ready = await checkContacts(toCheck, ruleOf, now);
    return { due: due.length, ids: ids.length, grew: exhausted.size !== before, ready, thrown };
  }
}

/** One tick: start due waves, queue them, send due messages. Returns the send attempts made. */
export async function campaignTick(opts: TickOptions = {}): Promise<number> {
  await startDueWaves();
  await queueWaves();
  return runDueMessages(opts);
}

export function startCampaignWorker(env: Env = process.env): boolean {
  if (env.CAMPAIGN_WORKER === "off") return false;
  retrySchedule(env); // a malformed CAMPAIGN_RETRY_SCHEDULE stops the start-up, not every send
  smsProviderFromEnv(env); // so does an SMS provider set up incompletely (it names the missing variable)
  const everyMs = Math.max(50, Number(env.CAMPAIGN_POLL_MS) || 10_000);
  if (!startPoller({ key: "resonance.campaignWorker", name: "campaigns", everyMs, tick: () => campaignTick() }))
    return false;
  console.log(`[campaigns] worker on (every ${everyMs} ms, instance ${INSTANCE_ID})`);
  return true;
}
