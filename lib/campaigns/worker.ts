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
// campaign's or trigger's reminder count were sent; the accepted messages of a batch are recorded together, in one
// transaction, which is what lets the worker keep up with raw nodemailer: bench/campaigns.ts); the SMTP server
// refuses the recipient permanently (5xx to RCPT TO) → the
// address is marked bouncing (MailSuppression) and the invitation "bounced"; any other 5xx → the message is dead
// (nothing about the address is learnt); anything else (4xx, timeouts, refused connections) → retried on the
// schedule of CAMPAIGN_RETRY_SCHEDULE (default 1m,5m,30m,2h,6h,12h,24h: lib/webhooks/schedule.ts), dead after it.
//
// SMS goes the same way: the invitation's channel picks the address (address.ts: the phone number in E.164 form)
// and the transport (the SMS provider of sms/provider.ts instead of SMTP), and the provider's answer maps onto
// the same outcomes — a number that cannot receive SMS bounces, a STOP reply is the customer's opt-out.
import { db, Prisma } from "../db";
import { claimLeases, INSTANCE_ID, leaseFree, startPoller } from "../jobs/lease";
import { publicBaseUrl, sendMail, serverMailer, type Mailer } from "../mail/transport";
import { localizedText } from "../surveys/locale";
import { nextAttemptDelay, parseRetrySchedule } from "../webhooks/schedule";
import { invitationEmail } from "./email";
import { resurveyInvitationEmail } from "../cases/resurvey-email";
import { queueWaves, startDueWaves } from "./queue";
import { classifySmtpFailure, type SmtpError } from "./smtp-failure";
import { channelAddress, noAddressReason } from "./address";
import { smsInvitation } from "./sms/message";
import { serverSmsProvider, smsProviderFromEnv, type SmsOutcome, type SmsProvider } from "./sms/provider";
import { optOut } from "./unsubscribe";
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

const include = {
  invitation: {
    include: {
      customer: {
        select: { name: true, email: true, phone: true, consent: true, erasedAt: true, attributes: true },
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

/** The addresses and numbers among these messages' that must not be written to again (one query per batch). */
async function bouncing(ms: Claimed[]): Promise<Set<string>> {
  const keys = ms.flatMap((m) => {
    const a = channelAddress(m.invitation.channel, m.invitation.customer);
    return a ? [{ orgId: m.orgId, address: a.toLowerCase() }] : [];
  });
  if (keys.length === 0) return new Set();
  const rows = await db.mailSuppression.findMany({
    where: {
      OR: [...new Set(keys.map((k) => k.orgId))].map((orgId) => ({
        orgId,
        address: { in: keys.filter((k) => k.orgId === orgId).map((k) => k.address) },
      })),
    },
    select: { orgId: true, address: true },
  });
  return new Set(rows.map((r) => `${r.orgId}\n${r.address}`));
}

async function attempt(
  m: Claimed,
  transports: Transports,
  env: Env,
  bounced: Set<string>,
): Promise<Sent | "skipped" | "waiting" | "failed" | "transport"> {
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
  // The customer's address (or number) now: one removed since the invitation was queued is not written to any more.
  const address = channelAddress(i.channel, customer);
  if (!address) return skip(m, noAddressReason(i.channel), true).then(() => "skipped");
  if (bounced.has(`${i.orgId}\n${address.toLowerCase()}`)) return skip(m, "bouncing", true).then(() => "skipped");
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
    // The person told the provider to stop (they replied STOP): their opt-out, recorded as if they had used the
    // unsubscribe link — consent history, every other message to them dropped.
    await db.$transaction(async (tx) => {
      if (!(await finish(tx, m, { status: "skipped", attempts, lastError: "opted_out", nextAttemptAt: null }))) return;
      if (m.seq === 0)
        await tx.invitation.update({ where: { id: i.id }, data: { status: "suppressed", reason: "opted_out" } });
      await optOut(tx, { invitationId: i.id, orgId: i.orgId, customerId: i.customerId }, "sms_stop", at);
    });
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
    if (kind === "bounce" && !(await erasedNow(tx, i.customerId))) {
      const key = { orgId: i.orgId, address: address.toLowerCase() };
      await tx.mailSuppression.upsert({
        where: { orgId_address: key },
        create: { ...key, reason: i.channel === "sms" ? "invalid_number" : "bounce", detail: lastError },
        update: {},
      });
      await tx.invitation.update({ where: { id: i.id }, data: { status: "bounced", reason: lastError } });
    } else if (delay === null && m.seq === 0) {
      await tx.invitation.update({ where: { id: i.id }, data: { status: "failed", reason: lastError } });
    }
  });
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
      // A write first: on SQLite it takes the write lock at once (waiting its turn behind another instance) —
      // a transaction that reads first and writes later fails outright when another process wrote in between.
      // It also renews the leases this instance still holds; then only those are recorded (a lease that expired
      // meanwhile belongs to another instance now).
      await tx.outboxMessage.updateMany({
        where: { id: { in: sent.map((s) => s.m.id) }, leaseOwner: owner },
        data: { leaseExpiresAt: new Date(Date.now() + LEASE_MS) },
      });
      const held = new Set(
        (
          await tx.outboxMessage.findMany({
            where: { id: { in: sent.map((s) => s.m.id) }, leaseOwner: owner },
            select: { id: true },
          })
        ).map((r) => r.id),
      );
      const mine = sent.filter((s) => held.has(s.m.id));
      if (mine.length === 0) return;
      await tx.outboxMessage.updateMany({
        where: { id: { in: [...held] }, leaseOwner: owner },
        data: { status: "sent", sentAt: at, attempts: { increment: 1 }, lastError: null, ...release },
      });
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
        .map(({ m }) => ({ m, cause: (m.invitation.campaign ?? m.invitation.trigger)! })) // attempt() skipped those without
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

/** Sends what is due, in batches, until nothing is due (or every organization due is at its rate). */
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
  for (;;) {
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
    const bounced = await bouncing(mine);
    const results = await Promise.all(mine.map((m) => attempt(m, transports, env, bounced)));
    const sent = results.filter((r): r is Sent => typeof r === "object");
    await recordSent(sent);
    const outcomes = results.map((r) => (typeof r === "object" ? "sent" : r));
    made += outcomes.filter((o) => o === "sent" || o === "failed" || o === "transport").length;
    // A failure of the server or of the set-up ends the tick: the next one retries after the backoff.
    if (outcomes.includes("transport")) return made;
    if (due.length < BATCH || (ids.length === 0 && exhausted.size === before)) return made;
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
