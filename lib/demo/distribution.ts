// Distribution in the demo organization (docs/distribution.md): audiences, the contact rules, three campaigns
// (a finished two-wave e-mail pilot, an active quarterly e-mail campaign, an SMS campaign), two triggers (after a
// resolved support call; the case re-survey) and everything they left behind — invitations, outbox messages,
// bounces, unsubscribes, the suppression log and the answers that came back.
//
// Built as the app would have written it, in time order: each send is checked against the contact rules as the
// queue does (`contact-rules.ts`: opted out, no address, bouncing, invited within the cap), sent at the first slot
// of its send window outside the quiet hours (`nextSendSlot`, window.ts), reminded only when no answer had come
// (the worker's check), and answered by responses placed where `answersInvitation` (lib/campaigns/service.ts) reads
// them: after the invitation was sent and before the next invitation of the same customer to the same survey.
// Every outbox row is in a final state (sent, skipped, dead) and no wave is due, so a demo server with SMTP set up
// sends nothing (the worker's query, lib/campaigns/worker.ts). Draws from a random stream of its own.
import type { Prisma } from "../generated/sqlite/client";
import { createRng, hashString, type Rng } from "../metrics/random";
import { nextSendSlot, type SendWindow } from "../campaigns/window";
import { channelAddress } from "../campaigns/address";
import { categoryFor, type Metric } from "./feedback";
import * as T from "./text";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const TZ = "Europe/London";
const WINDOW: SendWindow = { startHour: 9, endHour: 20 };
const ANY_HOUR: SendWindow = { startHour: 0, endHour: 0 };
/** The organization's contact rules (Settings → Contact rules). */
export const DEMO_CONTACT_RULE = { capDays: 30, quietStartHour: 21, quietEndHour: 8, timeZone: TZ };
const QUIET: SendWindow = { startHour: DEMO_CONTACT_RULE.quietStartHour, endHour: DEMO_CONTACT_RULE.quietEndHour };
const CAP_MS = DEMO_CONTACT_RULE.capDays * DAY;
const BOUNCE =
  "550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)";

export const DEMO_AUDIENCES = {
  plusPro: "Plus and Pro customers",
  smb: "Small business customers",
  pilot: "Store pilot list (uploaded CSV)",
} as const;
export const DEMO_CAMPAIGNS = {
  pilot: "Relationship NPS pilot",
  quarterly: "Quarterly relationship NPS",
  sms: "Small business check-in by SMS",
} as const;
export const DEMO_TRIGGER = "CSAT after a resolved support call";
export const DEMO_INVITATION_SURVEY = "Relationship NPS (invitations)";
const TRIGGER_TOUCHPOINT = "Phone support call";

type Customer = Prisma.CustomerCreateManyInput;
type Invitation = Prisma.InvitationCreateManyInput & { id: string };

export type DistributionInput = {
  seed: number;
  orgId: string;
  nowMs: number;
  newId: () => string;
  newClientId: () => string;
  newPublicId: () => string;
  users: { admin: string; manager: string };
  channelIds: Record<string, string>;
  customers: Customer[];
  customerTags: Prisma.CustomerTagCreateManyInput[];
  consentEvents: Prisma.ConsentEventCreateManyInput[];
  touchpoints: Prisma.TouchpointCreateManyInput[];
  interactions: Prisma.InteractionCreateManyInput[];
  surveys: Prisma.SurveyCreateManyInput[];
  questions: Prisma.SurveyQuestionCreateManyInput[];
  responses: Prisma.ResponseCreateManyInput[];
  cases: Prisma.CaseCreateManyInput[];
};

/** What one send (a wave, or a trigger's invitations) came to, as the funnel counts it. */
export type ExpectedFunnel = {
  invited: number;
  delivered: number;
  bounced: number;
  suppressed: number;
  started: number;
  completed: number;
};

export function buildDistribution(input: DistributionInput) {
  const { orgId, newId, nowMs } = input;
  const rng = createRng(hashString(`distribution:${input.seed}`));
  const at = (ms: number) => new Date(ms);

  // --- Who is who -------------------------------------------------------------------------------------------------
  const byId = new Map(input.customers.map((c) => [c.id!, c]));
  // Customers in the generator's order, not by id: ids are salted when the database already holds another
  // organization, and the data must not depend on them (the app's waves read customers in id order; the cursor
  // below says where such a wave ended).
  const ordered = input.customers;
  const tags = new Map<string, Set<string>>();
  for (const t of input.customerTags)
    (tags.get(t.customerId) ?? tags.set(t.customerId, new Set()).get(t.customerId)!).add(t.tag);
  const createdMs = (c: Customer) => new Date(c.createdAt as Date).getTime();
  const plan = (c: Customer) => (c.attributes as { plan?: string }).plan;
  const locale = new Map<string, T.Locale>();
  for (const r of input.responses) if (r.customerId && r.locale) locale.set(r.customerId, r.locale as T.Locale);
  const openCase = new Set(input.cases.filter((c) => c.status !== "resolved").map((c) => c.customerId ?? ""));
  // Consent as imported; unsubscribes below change it from their moment on.
  const refused = new Set(input.customers.filter((c) => c.consent === false).map((c) => c.id!));
  // SMS answers come in on the channel the organization gets with its first SMS campaign (ensure-channel.ts).
  const smsChannel = { id: newId(), orgId, key: "sms", name: "SMS", createdAt: at(nowMs - 77 * DAY) };
  const channelIds: Record<string, string> = { ...input.channelIds, sms: smsChannel.id };

  // Some customers, met in a store, gave a phone number and no e-mail address: the "no e-mail" of the log. Not the
  // first customers (other demos and tests open them) nor anyone with a case.
  const withCase = new Set(input.cases.map((c) => c.customerId ?? ""));
  for (const [index, c] of input.customers.entries())
    if (index >= 50 && !withCase.has(c.id!) && c.phone && rng.chance(0.025)) c.email = null;

  // The campaigns invite to a survey of their own, the relationship NPS question as an invitation asks it: its
  // answers are the invitations' only (the widget's and links' go to "Relationship NPS"), so the response rates
  // shown are those of the invitations. (An answer to the same survey in any other way would count too: the funnel
  // reads every response of the invited customer to the survey since the invitation.)
  const relationship = input.surveys.find((s) => s.type === "nps" && s.name === "Relationship NPS")!;
  const nps: Prisma.SurveyCreateManyInput = {
    ...relationship,
    id: newId(),
    publicId: input.newPublicId(),
    name: DEMO_INVITATION_SURVEY,
    publishedAt: at(nowMs - 160 * DAY),
    createdAt: at(nowMs - 162 * DAY),
    updatedAt: at(nowMs - 160 * DAY),
  };
  const npsQuestions = input.questions
    .filter((q) => q.surveyId === relationship.id)
    .map((q) => ({ ...q, id: newId(), surveyId: nps.id!, createdAt: nps.createdAt }));
  const questions = [...input.questions, ...npsQuestions];
  const csat = input.surveys.find((s) => s.type === "csat")!;
  const surveyById = new Map([...input.surveys, nps].map((s) => [s.id!, s]));
  const questionsOf = (surveyId: string) => ({
    headline: questions.find((q) => q.surveyId === surveyId && q.headline)!,
    comment: questions.find((q) => q.surveyId === surveyId && !q.headline && q.type === "text"),
  });

  // --- State the contact rules read ---------------------------------------------------------------------------------
  /** Contacts that count for the cap: [queued at, contact at]. */
  const contacts = new Map<string, { queued: number; contact: number }[]>();
  const bouncing = new Map<string, number>(); // lower-cased address → since
  const unsubscribedAt = new Map<string, number>();
  /** Responses per customer and survey (submittedAt, completed), the generated ones added as they are made. */
  const answers = new Map<string, { ms: number; completed: boolean }[]>();
  const key = (customerId: string, surveyId: string) => `${customerId}|${surveyId}`;
  for (const r of input.responses)
    if (r.customerId)
      (
        answers.get(key(r.customerId, r.surveyId)) ??
        answers.set(key(r.customerId, r.surveyId), []).get(key(r.customerId, r.surveyId))!
      ).push({
        ms: new Date(r.submittedAt as Date).getTime(),
        completed: r.completed ?? true,
      });

  const optedOut = (c: Customer, ms: number) => refused.has(c.id!) || (unsubscribedAt.get(c.id!) ?? Infinity) <= ms;

  function reason(c: Customer, channel: "email" | "sms", ms: number): { reason: string; last?: number } | null {
    if (optedOut(c, ms)) return { reason: "opted_out" };
    const address = channelAddress(channel, { email: c.email ?? null, phone: c.phone });
    if (!address) return { reason: channel === "sms" ? "no_phone" : "no_email" };
    if ((bouncing.get(address.toLowerCase()) ?? Infinity) <= ms) return { reason: "bouncing" };
    let last = -Infinity;
    for (const k of contacts.get(c.id!) ?? []) {
      if (k.queued > ms) continue;
      const effective = k.contact <= ms ? k.contact : k.queued;
      if (effective > ms - CAP_MS) last = Math.max(last, effective);
    }
    return last > -Infinity ? { reason: "recently_invited", last } : null;
  }

  // --- Rows ---------------------------------------------------------------------------------------------------------
  const invitations: Invitation[] = [];
  const outbox: Prisma.OutboxMessageCreateManyInput[] = [];
  const suppressionLogs: Prisma.SuppressionLogCreateManyInput[] = [];
  const mailSuppressions: Prisma.MailSuppressionCreateManyInput[] = [];
  const responses: Prisma.ResponseCreateManyInput[] = [];
  const answerRows: Prisma.AnswerCreateManyInput[] = [];
  const consentEvents: Prisma.ConsentEventCreateManyInput[] = [];
  /** Each generated response and the invitation it answers. */
  const links: { responseId: string; invitationId: string }[] = [];

  const messageId = () => `<${rng.token(20)}@mail.northwind.example>`;
  const smsSid = () => `SM${rng.token(32)}`;

  /** A response to an invitation, submitted at `ms`. */
  function respond(inv: Invitation, ms: number, mood: number) {
    const survey = surveyById.get(inv.surveyId)!;
    const metric = survey.type as Metric;
    const c = byId.get(inv.customerId)!;
    const loc = locale.get(c.id!) ?? "en";
    let score: number;
    if (metric === "nps") {
      const r = rng.next() - mood;
      score = r < 0.22 ? rng.int(0, 6) : r < 0.52 ? rng.int(7, 8) : rng.chance(0.5) ? 9 : 10;
    } else {
      const r = rng.next() - mood;
      score = r < 0.12 ? rng.int(1, 2) : r < 0.25 ? 3 : r < 0.6 ? 4 : 5;
    }
    const category = categoryFor(metric, score);
    const completed = rng.chance(0.9);
    const tone: T.Tone = /promoter|satisfied/.test(category)
      ? "praise"
      : /passive|neutral/.test(category)
        ? "neutral"
        : "angry";
    const comment = completed && rng.chance(0.35) ? rng.pick(T.COMMENTS[loc][tone]) : null;
    const id = newId();
    const when = at(ms);
    responses.push({
      id,
      orgId,
      surveyId: inv.surveyId,
      surveyVersion: 1,
      clientId: input.newClientId(),
      customerId: c.id!,
      touchpointId: survey.touchpointId ?? null,
      channelId: channelIds[inv.channel!] ?? null,
      metric,
      score,
      category,
      comment,
      hasComment: comment !== null,
      completed,
      locale: loc,
      pageUrl: null,
      userAgentCategory: rng.weighted(["mobile", "desktop", "tablet"], [58, 36, 6]),
      submittedAt: when,
      completedAt: completed ? when : null,
      createdAt: when,
      updatedAt: when,
    });
    const q = questionsOf(inv.surveyId);
    answerRows.push({
      id: newId(),
      orgId,
      responseId: id,
      questionId: q.headline.id!,
      valueNumber: score,
      valueText: null,
    });
    if (comment && q.comment)
      answerRows.push({
        id: newId(),
        orgId,
        responseId: id,
        questionId: q.comment.id!,
        valueNumber: null,
        valueText: comment,
      });
    const k = key(c.id!, inv.surveyId);
    (answers.get(k) ?? answers.set(k, []).get(k)!).push({ ms, completed });
    links.push({ responseId: id, invitationId: inv.id });
  }

  /** A delay until an answer: most within hours, a tail over days; within `span` ms. */
  const answerDelay = (span: number) =>
    Math.min(span - MINUTE, Math.round(rng.chance(0.6) ? rng.int(3, 240) * MINUTE : rng.int(4, 60) * HOUR));

  /** Whether the customer has answered the survey in [from, to) — the worker's check before a reminder. */
  const answeredBetween = (customerId: string, surveyId: string, from: number, to: number) =>
    (answers.get(key(customerId, surveyId)) ?? []).some((a) => a.ms >= from && a.ms < to);

  type Send = {
    channel: "email" | "sms";
    surveyId: string;
    cause: Pick<Prisma.InvitationCreateManyInput, "campaignId" | "waveId" | "triggerId" | "causeKey">;
    source: "campaign" | "trigger" | "resurvey";
    caseId?: string;
    /** When it was queued and from when it may be sent. */
    queuedMs: number;
    dueMs: number;
    window: SendWindow;
    reminders: number;
    /** How likely an answer is, before and after a reminder; mood shifts scores up. */
    answer: { first: number; afterReminder: number; mood: number; withinMs: number };
    /** Messages of one wave go out at the rate's pace: the position in the wave. */
    position: number;
  };

  /** Queues one invitation as the app would have, then plays out its delivery and answers. */
  function invite(c: Customer, s: Send): Invitation {
    const why = reason(c, s.channel, s.queuedMs);
    const id = newId();
    const inv: Invitation = {
      id,
      orgId,
      ...s.cause,
      customerId: c.id!,
      surveyId: s.surveyId,
      channel: s.channel,
      address: why ? null : channelAddress(s.channel, { email: c.email ?? null, phone: c.phone }),
      status: why ? "suppressed" : "queued",
      reason: why?.reason ?? null,
      reminders: 0,
      createdAt: at(s.queuedMs),
      updatedAt: at(s.queuedMs),
    };
    invitations.push(inv);
    if (why) {
      suppressionLogs.push({
        id: newId(),
        orgId,
        customerId: c.id!,
        source: s.source,
        campaignId: s.cause.campaignId ?? null,
        invitationId: id,
        caseId: s.caseId ?? null,
        surveyId: s.surveyId,
        channel: s.channel,
        stage: "queue",
        reason: why.reason,
        lastContactAt: why.last !== undefined ? at(why.last) : null,
        createdAt: at(s.queuedMs),
      });
      return inv;
    }
    const slot = nextSendSlot(at(s.dueMs), TZ, s.window, QUIET)!.getTime();
    const sentMs = slot + Math.floor(s.position / 500) * MINUTE + rng.int(0, 50_000);
    const list = contacts.get(c.id!) ?? contacts.set(c.id!, []).get(c.id!)!;
    inv.contactAt = at(sentMs);
    const first: Prisma.OutboxMessageCreateManyInput = {
      id: newId(),
      orgId,
      invitationId: id,
      seq: 0,
      status: "sent",
      attempts: 1,
      nextAttemptAt: at(slot),
      messageId: s.channel === "sms" ? smsSid() : messageId(),
      sentAt: at(sentMs),
      createdAt: at(s.queuedMs),
      updatedAt: at(sentMs),
    };
    outbox.push(first);
    if (s.channel === "email" && rng.chance(0.012)) {
      // The address no longer exists: the SMTP server refuses it for good, and it is not written to again.
      const detail = BOUNCE.replace("{address}", inv.address!);
      Object.assign(first, { status: "dead", lastError: detail, nextAttemptAt: null, messageId: null, sentAt: null });
      Object.assign(inv, { status: "bounced", reason: detail, updatedAt: at(sentMs) });
      bouncing.set(inv.address!.toLowerCase(), sentMs);
      mailSuppressions.push({
        orgId,
        address: inv.address!.toLowerCase(),
        reason: "bounce",
        detail,
        createdAt: at(sentMs),
      });
      return inv;
    }
    list.push({ queued: s.queuedMs, contact: sentMs });
    Object.assign(inv, { status: "sent", sentAt: at(sentMs), lastSentAt: at(sentMs), updatedAt: at(sentMs) });

    // Answers come until the customer's next invitation to this survey (`answersInvitation`), never after now.
    const until = Math.min(nowMs - MINUTE, sentMs + s.answer.withinMs);
    // Who answers differs a little, as in real programmes: VIPs more often, customers at risk less.
    const segment = tags.get(c.id!);
    const likelihood = segment?.has("at-risk") ? 0.5 : segment?.has("vip") ? 1.35 : 1;
    const firstChance = s.answer.first * likelihood;
    const reminderChance = s.answer.afterReminder * likelihood;
    if (s.reminders === 0) {
      if (rng.chance(firstChance) && until - sentMs > 10 * MINUTE)
        respond(inv, sentMs + answerDelay(until - sentMs), s.answer.mood);
      return inv;
    }
    const remindMs = nextSendSlot(at(sentMs + 72 * HOUR), TZ, s.window, QUIET)!.getTime() + rng.int(0, 50_000);
    if (rng.chance(firstChance) && Math.min(remindMs, until) - sentMs > 10 * MINUTE)
      respond(inv, sentMs + answerDelay(Math.min(remindMs, until) - sentMs), s.answer.mood);
    const reminder: Prisma.OutboxMessageCreateManyInput = {
      id: newId(),
      orgId,
      invitationId: id,
      seq: 1,
      attempts: 0,
      createdAt: at(sentMs),
      updatedAt: at(remindMs),
    };
    outbox.push(reminder);
    if ((unsubscribedAt.get(c.id!) ?? Infinity) <= remindMs) {
      Object.assign(reminder, { status: "skipped", lastError: "opted_out", nextAttemptAt: null });
      return inv;
    }
    if (answeredBetween(c.id!, s.surveyId, sentMs, remindMs)) {
      Object.assign(reminder, { status: "skipped", lastError: "answered", nextAttemptAt: null });
      return inv;
    }
    Object.assign(reminder, {
      status: "sent",
      attempts: 1,
      nextAttemptAt: at(sentMs + 72 * HOUR),
      messageId: messageId(),
      sentAt: at(remindMs),
    });
    Object.assign(inv, { reminders: 1, lastSentAt: at(remindMs), updatedAt: at(remindMs) });
    if (rng.chance(reminderChance) && until - remindMs > 10 * MINUTE)
      respond(inv, remindMs + answerDelay(until - remindMs), s.answer.mood);
    else if (rng.chance(0.006)) {
      // Not interested: the unsubscribe link of the reminder.
      const ms = remindMs + rng.int(10, 600) * MINUTE;
      unsubscribedAt.set(c.id!, ms);
      Object.assign(c, { consent: false, consentAt: at(ms) });
      consentEvents.push({
        id: newId(),
        orgId,
        customerId: c.id!,
        consent: false,
        source: "unsubscribe",
        createdAt: at(ms),
      });
    }
    return inv;
  }

  // --- Audiences --------------------------------------------------------------------------------------------------
  const setupMs = nowMs - 200 * DAY;
  const plusProDefinition = {
    criteria: [
      { type: "attribute", key: "plan", op: "in", valueType: "text", values: ["plus", "pro"] },
      { type: "consent", states: ["refused"], negate: true },
    ],
  };
  const audiences: Prisma.AudienceCreateManyInput[] = [
    {
      id: newId(),
      orgId,
      name: DEMO_AUDIENCES.plusPro,
      kind: "live",
      definition: plusProDefinition,
      createdById: input.users.manager,
      createdAt: at(setupMs),
      updatedAt: at(setupMs),
    },
    {
      id: newId(),
      orgId,
      name: DEMO_AUDIENCES.smb,
      kind: "live",
      definition: { criteria: [{ type: "tags", match: "any", tags: ["smb"] }] },
      createdById: input.users.manager,
      createdAt: at(nowMs - 80 * DAY),
      updatedAt: at(nowMs - 80 * DAY),
    },
    {
      id: newId(),
      orgId,
      name: DEMO_AUDIENCES.pilot,
      kind: "static",
      definition: { criteria: [] },
      createdById: input.users.manager,
      createdAt: at(nowMs - 152 * DAY),
      updatedAt: at(nowMs - 152 * DAY),
    },
  ];
  const [plusPro, smb, pilot] = audiences;
  const pilotCandidates = ordered.filter((c) => createdMs(c) < nowMs - 152 * DAY && c.email);
  rng.shuffle(pilotCandidates);
  const pilotMembers = pilotCandidates.slice(0, Math.max(10, Math.round(160 * (input.customers.length / 3000))));
  const pilotIds = new Set(pilotMembers.map((c) => c.id!));
  const audienceMembers: Prisma.AudienceMemberCreateManyInput[] = pilotMembers.map((c) => ({
    audienceId: pilot.id!,
    customerId: c.id!,
    orgId,
  }));

  // --- Campaigns and triggers -------------------------------------------------------------------------------------
  const campaign = (
    name: string,
    audienceId: string,
    channel: "email" | "sms",
    startMs: number,
    extra: Partial<Prisma.CampaignCreateManyInput>,
  ): Prisma.CampaignCreateManyInput => ({
    id: newId(),
    orgId,
    name,
    surveyId: nps.id!,
    audienceId,
    channel,
    status: "active",
    startAt: at(startMs),
    repeatEveryDays: null,
    nextWaveAt: null,
    timeZone: TZ,
    windowStartHour: WINDOW.startHour,
    windowEndHour: WINDOW.endHour,
    reminderCount: 0,
    reminderDelayHours: 72,
    subject: null,
    createdById: input.users.manager,
    createdAt: at(startMs - 2 * DAY),
    updatedAt: at(startMs),
    ...extra,
  });
  // Started by a manager in office hours (UTC, London's time in winter and an hour off in summer).
  const dayAt = (daysAgo: number, hour: number) => Math.floor((nowMs - daysAgo * DAY) / DAY) * DAY + hour * HOUR;
  const pilotStart = dayAt(150, 10);
  const quarterlyStart = dayAt(40, 8.5);
  // 35 days before the quarterly wave: outside the cap, so both reach the small businesses that have a mobile number
  const smsStart = dayAt(75, 11);
  const campaigns = [
    // Two waves 60 days apart, then stopped for good before a third: the pilot became the quarterly campaign.
    campaign(DEMO_CAMPAIGNS.pilot, pilot.id!, "email", pilotStart, {
      repeatEveryDays: 60,
      status: "cancelled",
      reminderCount: 1,
      subject: "Would you recommend Northwind? One question",
      updatedAt: at(pilotStart + 75 * DAY),
    }),
    campaign(DEMO_CAMPAIGNS.quarterly, plusPro.id!, "email", quarterlyStart, {
      repeatEveryDays: 90,
      nextWaveAt: at(quarterlyStart + 90 * DAY),
      reminderCount: 1,
      subject: "How are we doing? One question from Northwind",
    }),
    campaign(DEMO_CAMPAIGNS.sms, smb.id!, "sms", smsStart, {}),
  ];
  const [pilotCampaign, quarterly, sms] = campaigns;
  const waves: Prisma.CampaignWaveCreateManyInput[] = [];

  const phoneSupport = input.touchpoints.find((t) => t.name === TRIGGER_TOUCHPOINT)!;
  const triggerStart = nowMs - 60 * DAY;
  const resurveyStart = nowMs - 120 * DAY;
  const triggers: Prisma.TriggerCreateManyInput[] = [
    {
      id: newId(),
      orgId,
      name: DEMO_TRIGGER,
      event: "interaction",
      touchpointId: phoneSupport.id!,
      outcome: "resolved",
      surveyId: csat.id!,
      channel: "email",
      delayAmount: 2,
      delayUnit: "hours",
      status: "active",
      timeZone: TZ,
      windowStartHour: WINDOW.startHour,
      windowEndHour: WINDOW.endHour,
      reminderCount: 0,
      reminderDelayHours: 72,
      subject: "How did we do on your call?",
      createdById: input.users.manager,
      createdAt: at(triggerStart),
      updatedAt: at(triggerStart),
    },
    {
      // The built-in re-survey (lib/triggers/service.ts `resurveyTrigger`), created when first used.
      id: newId(),
      orgId,
      name: "Re-survey after a resolved case",
      event: "case_resolved",
      builtIn: "resurvey",
      channel: "email",
      delayAmount: 0,
      delayUnit: "minutes",
      status: "active",
      timeZone: "UTC",
      windowStartHour: 0,
      windowEndHour: 0,
      reminderCount: 0,
      reminderDelayHours: 72,
      createdAt: at(resurveyStart),
      updatedAt: at(resurveyStart),
    },
  ];
  const [afterCall, resurvey] = triggers;

  // --- Everything that was sent, in time order ----------------------------------------------------------------------
  type Event = { ms: number; run: () => void };
  const events: Event[] = [];
  const expected = new Map<string, string[]>(); // wave or trigger id → its invitation ids

  const wave = (c: Prisma.CampaignCreateManyInput, number: number, ms: number, who: (c: Customer) => boolean) =>
    events.push({
      ms,
      run: () => {
        const id = newId();
        const recipients = ordered.filter((x) => createdMs(x) <= ms && who(x));
        const made = recipients.map((x, position) =>
          invite(x, {
            channel: c.channel as "email" | "sms",
            surveyId: c.surveyId,
            cause: { campaignId: c.id!, waveId: id },
            source: "campaign",
            queuedMs: ms,
            dueMs: ms,
            window: WINDOW,
            reminders: c.reminderCount ?? 0,
            answer:
              c.channel === "sms"
                ? { first: 0.25, afterReminder: 0, mood: 0.05, withinMs: 10 * DAY }
                : { first: 0.19, afterReminder: 0.1, mood: 0, withinMs: 20 * DAY },
            position,
          }),
        );
        const suppressed = made.filter((i) => i.status === "suppressed").length;
        waves.push({
          id,
          orgId,
          campaignId: c.id!,
          number,
          scheduledAt: at(ms),
          status: "queued",
          cursor: recipients.reduce<string | null>((max, x) => (max === null || x.id! > max ? x.id! : max), null),
          recipients: made.length - suppressed,
          suppressed,
          queuedAt: at(ms + 20_000),
          createdAt: at(ms),
        });
        expected.set(
          id,
          made.map((i) => i.id),
        );
      },
    });
  wave(pilotCampaign, 1, pilotStart + 7 * MINUTE, (c) => pilotIds.has(c.id!));
  wave(pilotCampaign, 2, pilotStart + 60 * DAY + 7 * MINUTE, (c) => pilotIds.has(c.id!));
  // The live audience as it matched when the wave started: its plan, and not opted out by then.
  const quarterlyAt = quarterlyStart + 5 * MINUTE;
  wave(quarterly, 1, quarterlyAt, (c) => ["plus", "pro"].includes(plan(c) ?? "") && !optedOut(c, quarterlyAt));
  wave(sms, 1, smsStart + 4 * MINUTE, (c) => tags.get(c.id!)?.has("smb") ?? false);

  // Recent contacts leave out customers whose case is still open: their agent's re-survey is still to come (and
  // tests/e2e/case-detail.spec.ts resolves such a case expecting the re-survey link).
  const recent = nowMs - CAP_MS - DAY;
  const fire = (
    t: Prisma.TriggerCreateManyInput,
    c: Customer,
    causeKey: string,
    ms: number,
    surveyId: string,
    caseId?: string,
  ) => {
    if (ms >= recent && openCase.has(c.id!)) return;
    const dueMs = ms + (t.delayAmount ?? 0) * (t.delayUnit === "hours" ? HOUR : t.delayUnit === "days" ? DAY : MINUTE);
    const window = t.builtIn ? ANY_HOUR : WINDOW;
    // Only what has been sent by now: nothing the demo server's worker would find due.
    if ((nextSendSlot(at(dueMs), TZ, window, QUIET)?.getTime() ?? Infinity) + MINUTE >= nowMs) return;
    events.push({
      ms,
      run: () => {
        const inv = invite(c, {
          channel: "email",
          surveyId,
          cause: { triggerId: t.id!, causeKey },
          source: t.builtIn ? "resurvey" : "trigger",
          caseId,
          queuedMs: ms,
          dueMs,
          window,
          reminders: 0,
          answer: t.builtIn
            ? { first: 0.25, afterReminder: 0, mood: 0.15, withinMs: 7 * DAY }
            : // most who answer do so through the CSAT asked after every call (feedback.ts): few answers of its own
              { first: 0.06, afterReminder: 0, mood: 0.05, withinMs: 3 * DAY },
          position: 0,
        });
        expected.get(t.id!)!.push(inv.id);
      },
    });
  };
  expected.set(afterCall.id!, []);
  expected.set(resurvey.id!, []);
  for (const i of input.interactions) {
    const ms = new Date(i.occurredAt as Date).getTime();
    if (i.touchpointId === phoneSupport.id && i.outcome === "resolved" && ms >= triggerStart)
      fire(afterCall, byId.get(i.customerId)!, `interaction:${i.id}`, ms, csat.id!);
  }
  const responseById = new Map(input.responses.map((r) => [r.id!, r]));
  for (const k of input.cases) {
    const ms = k.resolvedAt ? new Date(k.resolvedAt as Date).getTime() : 0;
    const survey = k.responseId ? responseById.get(k.responseId)?.surveyId : undefined;
    // The agent asks for the re-survey on most resolutions.
    if (ms >= resurveyStart && survey && k.customerId && rng.chance(0.7))
      fire(resurvey, byId.get(k.customerId)!, `case:${k.id}`, ms, survey, k.id!);
  }
  events.sort((a, b) => a.ms - b.ms);
  for (const e of events) e.run();

  return {
    channel: smsChannel,
    survey: nps,
    questions: npsQuestions,
    contactRule: {
      orgId,
      ...DEMO_CONTACT_RULE,
      updatedById: input.users.admin,
      createdAt: at(setupMs),
      updatedAt: at(setupMs),
    },
    audiences,
    audienceMembers,
    campaigns,
    waves,
    triggers,
    invitations,
    outbox,
    suppressionLogs,
    mailSuppressions,
    consentEvents,
    responses,
    answers: answerRows,
    links,
    /** Invitation ids per wave and per trigger, for the funnel `expectedFunnel` computes. */
    sends: expected,
  };
}

export type DemoDistribution = ReturnType<typeof buildDistribution>;

/**
 * The funnel of some invitations, read from the rows exactly as `funnels` (lib/campaigns/service.ts) reads the
 * database: an invitation is answered by a response of its customer to its survey submitted since it was sent and
 * before the next invitation of that customer to that survey was sent (`answersInvitation`).
 */
export function expectedFunnel(
  ids: readonly string[],
  invitations: readonly Prisma.InvitationCreateManyInput[],
  responses: readonly Pick<Prisma.ResponseCreateManyInput, "customerId" | "surveyId" | "submittedAt" | "completed">[],
): ExpectedFunnel {
  const ms = (d: unknown) => new Date(d as Date).getTime();
  const sentOf = new Map<string, { id: string; sent: number }[]>();
  for (const i of invitations)
    if (i.status === "sent") {
      const k = `${i.customerId}|${i.surveyId}`;
      (sentOf.get(k) ?? sentOf.set(k, []).get(k)!).push({ id: i.id!, sent: ms(i.sentAt) });
    }
  for (const list of sentOf.values()) list.sort((a, b) => a.sent - b.sent || (a.id < b.id ? -1 : 1));
  const byKey = new Map<string, { ms: number; completed: boolean }[]>();
  for (const r of responses)
    if (r.customerId) {
      const k = `${r.customerId}|${r.surveyId}`;
      (byKey.get(k) ?? byKey.set(k, []).get(k)!).push({ ms: ms(r.submittedAt), completed: r.completed ?? true });
    }
  const wanted = new Set(ids);
  const f: ExpectedFunnel = { invited: 0, delivered: 0, bounced: 0, suppressed: 0, started: 0, completed: 0 };
  for (const i of invitations) {
    if (!wanted.has(i.id!)) continue;
    f.invited++;
    if (i.status === "bounced") f.bounced++;
    if (i.status === "suppressed") f.suppressed++;
    if (i.status !== "sent") continue;
    f.delivered++;
    const list = sentOf.get(`${i.customerId}|${i.surveyId}`)!;
    const next = list[list.findIndex((x) => x.id === i.id) + 1];
    const from = ms(i.sentAt);
    const to = next ? next.sent : Infinity;
    const inWindow = (byKey.get(`${i.customerId}|${i.surveyId}`) ?? []).filter((r) => r.ms >= from && r.ms < to);
    if (inWindow.length) f.started++;
    if (inWindow.some((r) => r.completed)) f.completed++;
  }
  return f;
}

export type { Rng };
