// Campaigns by SMS on the database in DATABASE_URL (run on SQLite and PostgreSQL): the worker sends through the
// Twilio provider (lib/campaigns/sms/twilio.ts) over real HTTP to a receiver on 127.0.0.1 that answers in Twilio's
// shapes (twilio-receiver.ts: the one stand-in) — 201 with a sid, 400 with 21211 (a number that cannot receive SMS:
// bounced, not texted again), 400 with 21610 (the person replied STOP: their opt-out, with consent history), 429
// and 500 (retried with backoff) — customers without a number in E.164 form suppressed as no_phone, the link
// attributing answers to the "sms" channel, and two worker processes racing without texting anyone twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { campaignTick, runDueMessages } from "@/lib/campaigns/worker";
import { changeCampaignStatus, createCampaign, getCampaign } from "@/lib/campaigns/service";
import { createCampaignSchema, type CreateCampaignInput } from "@/lib/campaigns/schema";
import { invitationToken } from "@/lib/campaigns/link-token";
import { invitationSurveyUrl } from "@/lib/campaigns/links";
import { smsProviderFromEnv, type SmsProvider } from "@/lib/campaigns/sms/provider";
import { countSegments } from "@/lib/campaigns/sms/segments";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { TEST_NEXTAUTH_SECRET } from "../server";
import { startTwilioReceiver, type TwilioAnswer, type TwilioReceiver } from "./twilio-receiver";
import { raceTwoInstances } from "./worker-instance";

process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;

let A: Org;
let B: Org;
let twilio: TwilioReceiver;
let sms: SmsProvider;
/** Per number: the answers to give before accepting (a queue), else 201. */
const script = new Map<string, TwilioAnswer[]>();

beforeAll(async () => {
  [A, B] = [await createOrg("sms-a"), await createOrg("sms-b")];
  twilio = await startTwilioReceiver((to) => script.get(to)?.shift() ?? null);
  sms = smsProviderFromEnv(twilio.env)!;
});

afterAll(async () => {
  await twilio?.stop();
});

beforeEach(() => {
  twilio.requests.length = 0;
  twilio.accepted.length = 0;
});

/** A fresh number in E.164 form (Swiss mobile range), and the same written as people write it. */
function number(): { e164: string; written: string } {
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
  return { e164: `+4179${digits}`, written: `+41 79 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}` };
}

type Seed = { label: string; phone?: string | null; consent?: boolean | null };

async function audienceOf(org: Org, seeds: Seed[]) {
  const tag = `t-${uid()}`;
  const customers: Awaited<ReturnType<typeof db.customer.create>>[] = [];
  for (const s of seeds)
    customers.push(
      await db.customer.create({
        data: {
          orgId: org.orgId,
          name: s.label,
          email: `${s.label}-${uid()}@example.test`,
          phone: s.phone === undefined ? number().written : s.phone,
          externalId: `X-${s.label}-${uid()}`,
          consent: s.consent ?? null,
          tags: { create: { orgId: org.orgId, tag } },
        },
      }),
    );
  const audience = await db.audience.create({
    data: {
      orgId: org.orgId,
      name: `aud ${tag}`,
      kind: "live",
      definition: { criteria: [{ type: "tags", tags: [tag] }] },
    },
  });
  return { audience, customers, byLabel: (l: string) => customers.find((c) => c.name === l)! };
}

async function smsCampaign(org: Org, audienceId: string, input: Partial<CreateCampaignInput> = {}) {
  const survey = await createSurvey(org.orgId);
  return createCampaign(
    org.ctx("manager"),
    createCampaignSchema.parse({
      name: `sms ${uid()}`,
      surveyId: survey.id,
      audienceId,
      channel: "sms",
      windowStartHour: 0,
      windowEndHour: 0,
      ...input,
    }),
  );
}

const invitationsOf = (campaignId: string) =>
  db.invitation.findMany({ where: { campaignId }, include: { customer: true, messages: true } });
const statusByName = async (campaignId: string) =>
  Object.fromEntries(
    (await invitationsOf(campaignId)).map((i) => [i.customer.name, `${i.status}${i.reason ? `:${i.reason}` : ""}`]),
  );
const makeDue = (campaignId: string) =>
  db.outboxMessage.updateMany({
    where: { invitation: { campaignId }, status: { in: ["pending", "failed"] } },
    data: { nextAttemptAt: new Date(Date.now() - 1000) },
  });
const toNumber = (e164: string) => twilio.requests.filter((r) => r.to === e164);

describe("an SMS campaign", () => {
  it("texts each reachable customer once in Twilio's wire format, with the signed link and the opt-out wording", async () => {
    const ann = number();
    const { audience, byLabel } = await audienceOf(A, [
      { label: "ann", phone: ann.written },
      { label: "zero-zero", phone: `00${number().e164.slice(1)}` },
      { label: "national", phone: "079 123 45 67" },
      { label: "nophone", phone: null },
      { label: "optout", consent: false },
    ]);
    const c = await smsCampaign(A, audience.id);
    expect(c.channel).toBe("sms");
    // no SMS provider: the messages wait (and e-mail is not tried for them)
    await campaignTick({ mailer: null, sms: null });
    expect(twilio.requests).toHaveLength(0);
    expect((await invitationsOf(c.id)).flatMap((i) => i.messages.map((m) => m.status))).toEqual(["pending", "pending"]);

    await campaignTick({ mailer: null, sms });
    const ours = new Set((await invitationsOf(c.id)).map((i) => i.address));
    const mine = () => twilio.requests.filter((r) => ours.has(r.to)); // the database may hold other tests' due SMS
    expect(await statusByName(c.id)).toEqual({
      ann: "sent",
      "zero-zero": "sent",
      national: "suppressed:no_phone",
      nophone: "suppressed:no_phone",
      optout: "suppressed:opted_out",
    });
    expect(mine()).toHaveLength(2);
    const r = toNumber(ann.e164);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ from: "+15005550006", service: null });
    const inv = (await invitationsOf(c.id)).find((i) => i.customer.name === "ann")!;
    expect(r[0].body).toContain(`/i/${invitationToken(inv.id)} Reply STOP to opt out`);
    expect(countSegments(r[0].body).segments).toBe(1);
    expect(inv.address).toBe(ann.e164);
    expect(inv.messages[0]).toMatchObject({
      status: "sent",
      attempts: 1,
      messageId: twilio.accepted.find((a) => a.to === ann.e164)!.sid,
    });
    expect((await getCampaign(A.ctx("manager"), c.id)).funnel).toMatchObject({ invited: 5, sent: 2, suppressed: 3 });

    // The link attributes the answer to the "sms" channel the campaign gave the organization.
    expect(await db.channel.count({ where: { orgId: A.orgId, key: "sms" } })).toBe(1);
    const url = new URL((await invitationSurveyUrl(invitationToken(inv.id), null))!);
    expect(url.searchParams.get("ch")).toBe("sms");
    expect(url.searchParams.get("cid")).toBe(byLabel("ann").externalId);

    await campaignTick({ mailer: null, sms }); // nothing more goes
    expect(mine()).toHaveLength(2);
  });

  it("refuses a channel it does not know, naming the field", () => {
    const r = createCampaignSchema.safeParse({ name: "x", surveyId: "s", audienceId: "a", channel: "fax" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["channel"]);
  });
});

describe("Twilio's answers", () => {
  it("21211 bounces the number and later campaigns skip it; 21610 (STOP) stops texts to the number, not the customer's consent; 429 and 500 are retried", async () => {
    const [bad, stop, busy] = [number(), number(), number()];
    script.set(bad.e164, [{ status: 400, code: 21211 }]);
    script.set(stop.e164, [{ status: 400, code: 21610 }]);
    script.set(busy.e164, [{ status: 429, code: 20429 }, { status: 500 }]);
    const { audience, byLabel } = await audienceOf(A, [
      { label: "bad", phone: bad.e164 },
      { label: "stop", phone: stop.e164 },
      { label: "busy", phone: busy.e164 },
    ]);
    const env = { ...process.env, CAMPAIGN_RETRY_SCHEDULE: "100ms,100ms,100ms" };
    const c = await smsCampaign(A, audience.id);
    // a pending e-mail to the customer who will reply STOP: a STOP to the server's shared sender number is not their
    // opt-out from this organization's e-mail
    const mail = await smsCampaign(A, audience.id, { channel: "email" });

    // A retry ends the tick (as for SMTP), so the order of the three does not matter: tick until each had its turn.
    for (let round = 0; round < 3; round++) {
      await makeDue(c.id);
      await runDueMessages({ mailer: null, sms, env });
      await campaignTick({ mailer: null, sms, env });
    }
    expect(await statusByName(c.id)).toEqual({
      bad: "bounced:twilio_21211",
      stop: "suppressed:sms_stop",
      busy: "sent",
    });
    expect(toNumber(bad.e164)).toHaveLength(1);
    expect(toNumber(stop.e164)).toHaveLength(1);
    expect(toNumber(busy.e164)).toHaveLength(3); // 429, 500, then 201
    const inv = await invitationsOf(c.id);
    const busyMsg = inv.find((i) => i.customer.name === "busy")!.messages.find((m) => m.seq === 0)!;
    expect(busyMsg).toMatchObject({ status: "sent", attempts: 3 });
    expect(inv.find((i) => i.customer.name === "bad")!.messages[0]).toMatchObject({ status: "dead", attempts: 1 });
    expect(
      await db.mailSuppression.findUnique({ where: { orgId_address: { orgId: A.orgId, address: bad.e164 } } }),
    ).toMatchObject({ reason: "invalid_number", detail: "twilio_21211" });

    // STOP: the number is suppressed for this organization; consent, its history and the queued e-mail are untouched
    const stopped = await db.customer.findUniqueOrThrow({ where: { id: byLabel("stop").id } });
    expect(stopped.consent).not.toBe(false);
    expect(await db.consentEvent.count({ where: { customerId: stopped.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "customer.unsubscribed", entityId: stopped.id } })).toBe(0);
    expect(
      await db.mailSuppression.findUnique({ where: { orgId_address: { orgId: A.orgId, address: stop.e164 } } }),
    ).toMatchObject({ reason: "sms_stop" });
    const mailToStop = await db.outboxMessage.findMany({
      where: { invitation: { campaignId: mail.id, customerId: stopped.id } },
    });
    expect(mailToStop.map((m) => m.status)).toEqual(["pending"]); // no SMTP in this test: e-mail waits

    // the next SMS campaign suppresses the bounced number and the opted-out customer before queueing
    const again = await smsCampaign(A, audience.id);
    await campaignTick({ mailer: null, sms, env });
    expect(await statusByName(again.id)).toMatchObject({ bad: "suppressed:bouncing", stop: "suppressed:sms_stop" });
    expect(toNumber(bad.e164)).toHaveLength(1);
    // the number is bouncing for this organization only
    expect(await db.mailSuppression.count({ where: { orgId: B.orgId } })).toBe(0);
  });

  it("wrong credentials are retried later; nothing is marked against the numbers", async () => {
    const { audience } = await audienceOf(B, [{ label: "w1" }, { label: "w2" }]);
    const c = await smsCampaign(B, audience.id);
    const wrong = smsProviderFromEnv({ ...twilio.env, TWILIO_AUTH_TOKEN: "not-the-token" })!;
    await campaignTick({ mailer: null, sms: wrong });
    const messages = (await invitationsOf(c.id)).flatMap((i) => i.messages);
    expect(messages.map((m) => `${m.status}:${m.lastError}:${m.attempts}`)).toEqual([
      "failed:twilio_20003:1",
      "failed:twilio_20003:1",
    ]);
    expect(messages.every((m) => m.nextAttemptAt!.getTime() > Date.now() + 50_000)).toBe(true); // the first step: 1 min
    expect(await statusByName(c.id)).toEqual({ w1: "queued", w2: "queued" });
    expect(await db.mailSuppression.count({ where: { orgId: B.orgId } })).toBe(0);
    await changeCampaignStatus(B.ctx("manager"), c.id, "cancel"); // nothing of it is left for the race below
  });
});

describe("two instances", () => {
  it("racing worker processes text every invitation exactly once, and both take part", async () => {
    // Every round must text each invitation exactly once. Which instance claims first is the machine's to decide: on a
    // busy machine one instance can take a whole round, so rounds go on (at most three) until both shared one.
    let shared = false;
    for (let round = 1; round <= 3 && !shared; round++) {
      let campaignId = "";
      const attempts = await raceTwoInstances({ ...twilio.env, SMTP_URL: "" }, async () => {
        const { audience } = await audienceOf(
          B,
          Array.from({ length: 120 }, (_, i) => ({ label: `race${round}-${i}` })),
        );
        campaignId = (await smsCampaign(B, audience.id)).id;
        return { campaignId, count: 120 };
      });
      const mine = new Set((await invitationsOf(campaignId)).map((i) => i.address));
      expect(mine.size).toBe(120);
      const texted = twilio.requests.map((r) => r.to).filter((to) => mine.has(to));
      expect(texted).toHaveLength(120);
      expect(new Set(texted).size).toBe(120);
      expect(attempts[0] + attempts[1]).toBe(120);
      shared = attempts[0] > 0 && attempts[1] > 0;
    }
    expect(shared).toBe(true);
  }, 360_000);
});
