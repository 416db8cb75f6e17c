// Twilio's webhooks on the database in DATABASE_URL (run on SQLite and PostgreSQL), over real HTTP against a server
// of their own (it needs PUBLIC_URL and the Twilio settings): the worker texts through the receiver on 127.0.0.1
// (twilio-receiver.ts, the one stand-in), each message carrying the StatusCallback; the receiver then plays Twilio's
// side — signed status callbacks and inbound replies. Checked: delivery receipts (delivered; 30003 bounces the
// number; another code fails the invitation without suppressing), found by MessageSid only, first final status
// wins, unknown sids change nothing; STOP suppresses the number for every organization that texted it and for no
// other, without touching consent, START lifts it, a replayed message acts no more; every refusal (no or wrong signature, another account, a URL
// from the Host header, a form that is not one, too large a body) is one 403 that reflects nothing, refused
// requests are rate-limited per client; and an alphanumeric sender's text carries the unsubscribe link.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { campaignTick } from "@/lib/campaigns/worker";
import { createCampaign, getCampaign } from "@/lib/campaigns/service";
import { createCampaignSchema } from "@/lib/campaigns/schema";
import { smsProviderFromEnv, type SmsProvider } from "@/lib/campaigns/sms/provider";
import { TWILIO_INBOUND_PATH, TWILIO_STATUS_PATH } from "@/lib/campaigns/sms/webhook-url";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { freePort, startServer, TEST_NEXTAUTH_SECRET, type RunningServer } from "../server";
import { postSigned, startTwilioReceiver, type TwilioReceiver, type WebhookAnswer } from "./twilio-receiver";

process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;

let A: Org;
let B: Org;
let C: Org;
let twilio: TwilioReceiver;
let server: RunningServer;
let sms: SmsProvider;
let base: string;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

beforeAll(async () => {
  [A, B, C] = [await createOrg("smsw-a"), await createOrg("smsw-b"), await createOrg("smsw-c")];
  twilio = await startTwilioReceiver();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = { ...twilio.env, PUBLIC_URL: base };
  server = await startServer({ databaseUrl: process.env.DATABASE_URL!, port, env });
  sms = smsProviderFromEnv(env)!;
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await twilio?.stop();
});

beforeEach(() => {
  twilio.requests.length = 0;
  twilio.accepted.length = 0;
});

function number(): string {
  return `+4179${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

/** An SMS campaign of a new live survey to customers with these numbers (written as given); sent at once. */
async function textTo(org: Org, phones: string[], provider: SmsProvider = sms) {
  const tag = `t-${uid()}`;
  const customers = [];
  for (const phone of phones)
    customers.push(
      await db.customer.create({
        data: {
          orgId: org.orgId,
          name: `c ${uid()}`,
          phone,
          externalId: `X-${uid()}`,
          tags: { create: { orgId: org.orgId, tag } },
        },
      }),
    );
  const audience = await db.audience.create({
    data: { orgId: org.orgId, name: tag, kind: "live", definition: { criteria: [{ type: "tags", tags: [tag] }] } },
  });
  const survey = await createSurvey(org.orgId);
  const campaign = await createCampaign(
    org.ctx("manager"),
    createCampaignSchema.parse({
      name: `sms ${uid()}`,
      surveyId: survey.id,
      audienceId: audience.id,
      channel: "sms",
      windowStartHour: 0,
      windowEndHour: 0,
    }),
  );
  await campaignTick({ mailer: null, sms: provider });
  const invitations = await db.invitation.findMany({
    where: { campaignId: campaign.id },
    include: { messages: true },
  });
  const sidOf = (e164: string) => twilio.accepted.find((a) => a.to === e164)!.sid;
  return { campaign, customers, invitations, sidOf };
}

const suppressionsOf = (address: string) =>
  db.mailSuppression.findMany({ where: { address }, orderBy: { orgId: "asc" } });

function expectRefused(r: WebhookAnswer, ...secrets: string[]) {
  expect(r.status).toBe(403);
  expect(r.contentType).toContain("application/problem+json");
  const body = JSON.parse(r.text) as { detail: string; title: string };
  expect(body).toMatchObject({ status: 403, title: "Forbidden", detail: "This request is not accepted." });
  for (const s of secrets) expect(r.text).not.toContain(s);
}

describe("delivery receipts", () => {
  it("each SMS carries the StatusCallback on PUBLIC_URL; delivered, 30003 and other failures are recorded by MessageSid", async () => {
    const [ok, gone, filtered, silent] = [number(), number(), number(), number()];
    const { campaign, invitations, sidOf } = await textTo(A, [ok, gone, filtered, silent]);
    expect(twilio.accepted.filter((a) => [ok, gone, filtered, silent].includes(a.to))).toHaveLength(4);
    for (const a of twilio.accepted) expect(a.statusCallback).toBe(`${base}${TWILIO_STATUS_PATH}`);

    const sent = await twilio.report(sidOf(ok), "sent"); // intermediate: nothing changes
    expect(sent).toMatchObject({ status: 200, text: EMPTY_TWIML });
    expect(sent.contentType).toContain("text/xml");
    expect((await twilio.report(sidOf(ok), "delivered")).status).toBe(200);
    expect((await twilio.report(sidOf(gone), "undelivered", 30003)).status).toBe(200);
    expect((await twilio.report(sidOf(filtered), "failed", 30007)).status).toBe(200);

    const by = async (e164: string) => {
      const i = await db.invitation.findFirstOrThrow({
        where: { campaignId: campaign.id, address: e164 },
        include: { messages: true },
      });
      return { status: i.status, reason: i.reason, deliveredAt: i.deliveredAt, message: i.messages[0] };
    };
    const d = await by(ok);
    expect(d).toMatchObject({ status: "sent", message: { deliveryStatus: "delivered", deliveryError: null } });
    expect(d.deliveredAt).toBeInstanceOf(Date);
    expect(d.message.deliveredAt).toBeInstanceOf(Date);
    expect(await by(gone)).toMatchObject({
      status: "bounced",
      reason: "twilio_30003",
      deliveredAt: null,
      message: { deliveryStatus: "undelivered", deliveryError: "twilio_30003" },
    });
    expect(await suppressionsOf(gone)).toMatchObject([
      { orgId: A.orgId, reason: "invalid_number", detail: "twilio_30003" },
    ]);
    expect(await by(filtered)).toMatchObject({
      status: "failed",
      reason: "twilio_30007",
      message: { deliveryStatus: "failed", deliveryError: "twilio_30007" },
    });
    expect(await suppressionsOf(filtered)).toEqual([]); // a carrier's filter says nothing about the number
    expect(await by(silent)).toMatchObject({ status: "sent", deliveredAt: null, message: { deliveryStatus: null } });

    // sent 4: delivered = sent and not reported undelivered (ok, silent); the carrier confirmed one of them
    expect((await getCampaign(A.ctx("manager"), campaign.id)).funnel).toMatchObject({
      invited: 4,
      sent: 3, // sent + bounced; the failed one is no longer counted as sent
      delivered: 2,
      confirmed: 1,
      bounced: 1,
      failed: 1,
    });

    // Replays and late callbacks: the first final status stands.
    const before = await by(gone);
    expect((await twilio.report(sidOf(gone), "delivered")).status).toBe(200);
    expect((await twilio.report(sidOf(ok), "undelivered", 30005)).status).toBe(200);
    expect(await by(gone)).toEqual(before);
    expect(await by(ok)).toMatchObject({ status: "sent", message: { deliveryStatus: "delivered" } });
    expect(await suppressionsOf(ok)).toEqual([]);
    expect(invitations).toHaveLength(4);
  });

  it("a callback for a sid no message has is 200 and changes nothing; a sid is only ever looked up as itself", async () => {
    const phone = number();
    const { sidOf } = await textTo(B, [phone]);
    const form = (sid: string, extra: Record<string, string> = {}) =>
      new URLSearchParams({
        AccountSid: twilio.accountSid,
        MessageSid: sid,
        MessageStatus: "undelivered",
        ErrorCode: "30003",
        ...extra,
      });
    const url = `${base}${TWILIO_STATUS_PATH}`;
    const unknown = await postSigned(url, form(`SM${"0".repeat(32)}`), twilio.authToken);
    expect(unknown).toMatchObject({ status: 200, text: EMPTY_TWIML });
    // another org's id, or a To, in the form cannot steer the lookup away from MessageSid
    const steered = await postSigned(
      url,
      form(`SM${"1".repeat(32)}`, { To: phone, SmsSid: sidOf(phone), orgId: B.orgId }),
      twilio.authToken,
    );
    expect(steered.status).toBe(200);
    expect(await suppressionsOf(phone)).toEqual([]);
    const m = await db.outboxMessage.findFirstOrThrow({ where: { messageId: sidOf(phone) } });
    expect(m.deliveryStatus).toBeNull();
    // B's real sid with a forged signature: refused, nothing changes
    expectRefused(await postSigned(url, form(sidOf(phone)), "not-the-token"), phone, sidOf(phone));
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: m.id } })).deliveryStatus).toBeNull();
  });
});

describe("inbound replies", () => {
  it("STOP suppresses the number for every organization that texted it, and no other; consent is untouched; START lifts it", async () => {
    const shared = number();
    const a = await textTo(A, [shared]);
    await textTo(B, [shared.replace(/^\+41/, "0041 ")]); // written otherwise: the same number
    await db.customer.create({
      data: { orgId: C.orgId, name: "never texted", phone: shared, externalId: `X-${uid()}` },
    });
    const inbound = `${base}${TWILIO_INBOUND_PATH}`;

    const hello = await twilio.reply(inbound, shared, "Hello, STOP sending me this?");
    expect(hello).toMatchObject({ status: 200, text: EMPTY_TWIML });
    expect(hello.contentType).toContain("text/xml");
    expect(await suppressionsOf(shared)).toEqual([]);

    const stop = await twilio.reply(inbound, `${shared.slice(0, 3)} ${shared.slice(3)}`, "  stop \n");
    expect(stop).toMatchObject({ status: 200, text: EMPTY_TWIML });
    expect((await suppressionsOf(shared)).map((s) => [s.orgId, s.reason])).toEqual(
      [
        [A.orgId, "sms_stop"],
        [B.orgId, "sms_stop"],
      ].sort(),
    );
    // not a consent change: the customer of A still has consent as before, with no consent history
    const customer = a.customers[0];
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).consent).toBeNull();
    expect(await db.consentEvent.count({ where: { customerId: customer.id } })).toBe(0);
    // the next SMS campaign of A suppresses the number
    twilio.accepted.length = 0;
    const next = await textTo(A, [shared]);
    expect(next.invitations.map((i) => `${i.status}:${i.reason}`)).toEqual(["suppressed:sms_stop"]);
    expect(twilio.accepted.filter((x) => x.to === shared)).toHaveLength(0);

    // START lifts sms_stop for the number everywhere, and nothing else (a bounce stays)
    const other = number();
    await db.mailSuppression.create({ data: { orgId: A.orgId, address: other, reason: "invalid_number" } });
    expect((await twilio.reply(inbound, other, "START")).status).toBe(200);
    expect(await suppressionsOf(other)).toHaveLength(1);
    const start = new URLSearchParams({
      AccountSid: twilio.accountSid,
      MessageSid: `SM${uid()}`,
      From: shared,
      To: "+15005550006",
      Body: "Unstop",
    });
    expect((await postSigned(inbound, start, twilio.authToken)).status).toBe(200);
    expect(await suppressionsOf(shared)).toEqual([]);

    // A signed START captured and sent again after a later STOP changes nothing: each message acts once.
    expect((await twilio.reply(inbound, shared, "STOP")).status).toBe(200);
    expect(await suppressionsOf(shared)).toHaveLength(2);
    const replay = await postSigned(inbound, start, twilio.authToken);
    expect(replay).toMatchObject({ status: 200, text: EMPTY_TWIML });
    expect(await suppressionsOf(shared)).toHaveLength(2);
  });
});

describe("what the endpoints refuse", () => {
  const form = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      AccountSid: twilio.accountSid,
      MessageSid: `SM${uid()}`,
      From: "+41791112233",
      To: "+15005550006",
      Body: "STOP <script>alert(1)</script>",
      ...extra,
    });

  it("no signature, a wrong one, another account, a URL taken from the Host header, not a form: one 403 that reflects nothing", async () => {
    const url = `${base}${TWILIO_INBOUND_PATH}`;
    const f = form();
    const headers = { "x-forwarded-for": "198.51.100.7" };
    expectRefused(await postSigned(url, f, twilio.authToken, { signature: null, headers }), "<script>", "+4179111");
    expectRefused(await postSigned(url, f, twilio.authToken, { signature: "AAAA", headers }), "AAAA");
    expectRefused(await postSigned(url, f, "another-token", { headers }));
    expectRefused(
      await postSigned(url, form({ AccountSid: `AC${"f".repeat(32)}` }), twilio.authToken, { headers }),
      "ffffffff",
    );
    // signed for the URL the Host header names: the server's own URL is PUBLIC_URL's
    expectRefused(
      await postSigned(url, f, twilio.authToken, {
        headers: { ...headers, host: "evil.example" },
        signedUrl: `http://evil.example${TWILIO_INBOUND_PATH}`,
      }),
      "evil.example",
    );
    // the status endpoint's signature does not open the inbound one
    expectRefused(await postSigned(url, f, twilio.authToken, { headers, signedUrl: `${base}${TWILIO_STATUS_PATH}` }));
    const json = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "reflect-me", ...headers },
      body: JSON.stringify(Object.fromEntries(f)),
    });
    const text = await json.text();
    expect(json.status).toBe(403);
    expect(text).not.toContain("reflect-me");
    expect(json.headers.get("x-request-id")).not.toBe("reflect-me");
    expect(await db.mailSuppression.count({ where: { address: "+41791112233" } })).toBe(0);
  });

  it("a body over 16 KiB is a 413 (declared or streamed); refused requests are limited per client", async () => {
    const url = `${base}${TWILIO_STATUS_PATH}`;
    const big = form({ Body: "x".repeat(17 * 1024) });
    const declared = await postSigned(url, big, twilio.authToken);
    expect(declared.status).toBe(413);
    expect(declared.contentType).toContain("application/problem+json");
    const streamed = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode("a".repeat(1024)));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);

    const headers = { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await postSigned(url, form(), "wrong", { headers })).status);
    expect(statuses.slice(0, 30).every((s) => s === 403)).toBe(true);
    const limited = await postSigned(url, form(), "wrong", { headers });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Twilio's own (signed) requests from that network still pass
    expect((await postSigned(url, form({ MessageStatus: "sent" }), twilio.authToken, { headers })).status).toBe(200);
  });
});

describe("an alphanumeric sender", () => {
  it("never asks for a reply: the text carries the unsubscribe link, which unsubscribes", async () => {
    const alpha = smsProviderFromEnv({ ...twilio.env, TWILIO_FROM: "Acme", PUBLIC_URL: base })!;
    expect(alpha.replies).toBe(false);
    const phone = number();
    const [c] = (await textTo(A, [phone], alpha)).customers;
    const text = twilio.accepted.find((a) => a.to === phone)!;
    expect(text.from).toBe("Acme");
    expect(text.body).not.toMatch(/reply|STOP/i);
    const unsubscribe = new URL(text.body.match(/Opt out: (\S+)$/)![1]);
    expect(unsubscribe.pathname).toMatch(/^\/u\/inv\w+\.[\w-]{22}$/);
    const res = await fetch(`${base}${unsubscribe.pathname}`, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(200);
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.id } })).consent).toBe(false);
  });
});
