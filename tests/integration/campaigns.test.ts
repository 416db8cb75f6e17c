// Campaigns end to end on the database in DATABASE_URL (run on SQLite and PostgreSQL): waves queued with their
// outbox messages, the worker sending to a real SMTP server on 127.0.0.1 (smtp-sink.ts), send windows across time
// zones, reminders only to those who have not answered and at most N, bounces, retries, pause and cancel,
// unsubscribing (the link, and RFC 8058 one-click POST) with consent history, the signed links over real HTTP,
// the API with its problem+json, and two worker processes racing without sending any invitation twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { campaignTick, runDueMessages } from "@/lib/campaigns/worker";
import { startDueWaves } from "@/lib/campaigns/queue";
import { changeCampaignStatus, getCampaign } from "@/lib/campaigns/service";
import { invitationToken } from "@/lib/campaigns/link-token";
import { unsubscribe } from "@/lib/campaigns/unsubscribe";
import { mailerFromUrl, type Mailer } from "@/lib/mail/transport";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { audienceOf as audienceWith, campaign, type CustomerSeed } from "./campaign-fixtures";
import { TEST_NEXTAUTH_SECRET } from "../server";
import { startSmtpSink, type Received, type SmtpSink } from "./smtp-sink";
import { http } from "./http";
import { raceTwoInstances } from "./worker-instance";

// The links are signed under the server's key: the same as the suite's server (tests/server.ts).
process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;

let A: Org;
let B: Org;
let sink: SmtpSink;
let mailer: Mailer;
let failNext = 0; // the next N deliveries to "later-…" addresses get 451

beforeAll(async () => {
  [A, B] = [await createOrg("camp-a"), await createOrg("camp-b")];
  sink = await startSmtpSink(undefined, {
    refuse: (address) =>
      address.startsWith("bounce-") ? 550 : address.startsWith("later-") && failNext-- > 0 ? 451 : null,
  });
  mailer = mailerFromUrl(sink.url);
});

afterAll(async () => {
  await sink?.stop();
});

beforeEach(() => {
  sink.messages.length = 0;
});

/** Customers tagged with a fresh tag, and a live audience of that tag (campaign-fixtures.ts). */
const audienceOf = (org: Org, seeds: CustomerSeed[]) => audienceWith(org, seeds, sink);

const to = (c: { email: string | null }) => (m: Received) => m.to.includes(c.email!);
const invitationsOf = (campaignId: string) =>
  db.invitation.findMany({ where: { campaignId }, include: { customer: true, messages: true } });
/** Makes every pending message of the campaign due now (as if its delay had passed). */
const makeDue = (campaignId: string) =>
  db.outboxMessage.updateMany({
    where: { invitation: { campaignId }, status: { in: ["pending", "failed"] } },
    data: { nextAttemptAt: new Date(Date.now() - 1000) },
  });

describe("a campaign's first wave", () => {
  it("invites who can be reached, suppresses the others with the reason, and sends one e-mail each with the scale, the links and the unsubscribe headers", async () => {
    const { audience, byLabel, mails } = await audienceOf(A, [
      { label: "ann" },
      { label: "bob" },
      { label: "optout", consent: false },
      { label: "noemail", email: null },
      { label: "noext", externalId: null },
    ]);
    const { campaign: c } = await campaign(A, audience.id, { subject: "Tell us <how> we did" });
    await campaignTick({ mailer });

    const inv = await invitationsOf(c.id);
    const status = Object.fromEntries(
      inv.map((i) => [i.customer.name, `${i.status}${i.reason ? `:${i.reason}` : ""}`]),
    );
    expect(status).toEqual({
      ann: "sent",
      bob: "sent",
      optout: "suppressed:opted_out",
      noemail: "suppressed:no_email",
      noext: "suppressed:no_external_id",
    });
    expect(mails()).toHaveLength(2);
    const m = mails().find(to(byLabel("ann")))!;
    expect(m.subject).toBe("Tell us <how> we did");
    const token = invitationToken(inv.find((i) => i.customer.name === "ann")!.id);
    expect(m.headers.get("list-unsubscribe")).toBe(`<${baseOf(m)}/u/${token}>`);
    expect(m.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    for (let n = 0; n <= 10; n++) expect(m.text).toContain(`/i/${token}?score=${n}`);
    expect(m.html).toContain("How likely are you to recommend us?");
    expect(m.html).not.toContain("<how>");

    const wave = await db.campaignWave.findFirstOrThrow({ where: { campaignId: c.id } });
    expect(wave).toMatchObject({ number: 1, status: "queued", recipients: 2, suppressed: 3 });
    const dto = await getCampaign(A.ctx("manager"), c.id);
    expect(dto.funnel).toMatchObject({ invited: 5, sent: 2, delivered: 2, suppressed: 3, started: 0, completed: 0 });
    expect(dto.schedule.nextWaveAt).toBeNull(); // one wave only

    // nothing more goes out on the next ticks
    await campaignTick({ mailer });
    expect(mails()).toHaveLength(2);
  });
});

/** The origin the server put into the links (PUBLIC_URL / NEXTAUTH_URL of this process). */
function baseOf(m: Received): string {
  return /(https?:\/\/[^/\s]+)\/u\//.exec(m.text ?? "")![1];
}

describe("reminders", () => {
  it("go only to those who have not answered, after the delay, at most the configured number", async () => {
    const { audience, byLabel, mails } = await audienceOf(A, [{ label: "quiet" }, { label: "answers" }]);
    const { campaign: c, survey } = await campaign(A, audience.id, { reminderCount: 2, reminderDelayHours: 24 });
    await campaignTick({ mailer });
    expect(mails()).toHaveLength(2);
    // the reminders wait for their delay
    const pending = await db.outboxMessage.findMany({ where: { invitation: { campaignId: c.id }, status: "pending" } });
    expect(pending.map((p) => p.seq)).toEqual([1, 1]);
    expect(pending.every((p) => p.nextAttemptAt!.getTime() > Date.now() + 23 * 3_600_000)).toBe(true);
    await campaignTick({ mailer });
    expect(mails()).toHaveLength(2);

    // "answers" answers the survey
    await db.response.create({
      data: {
        orgId: A.orgId,
        surveyId: survey.id,
        clientId: `r-${uid()}`,
        customerId: byLabel("answers").id,
        metric: "nps",
        score: 9,
        category: "promoter",
        completed: true,
      },
    });
    for (let round = 0; round < 3; round++) {
      await makeDue(c.id);
      await campaignTick({ mailer });
    }
    const quiet = sink.messages.filter(to(byLabel("quiet")));
    expect(quiet.map((m) => m.subject.startsWith("Reminder: "))).toEqual([false, true, true]);
    expect(sink.messages.filter(to(byLabel("answers")))).toHaveLength(1);
    const inv = await invitationsOf(c.id);
    expect(inv.find((i) => i.customer.name === "quiet")!.reminders).toBe(2);
    const answered = inv.find((i) => i.customer.name === "answers")!;
    expect(answered.messages.find((x) => x.seq === 1)).toMatchObject({ status: "skipped", lastError: "answered" });
    expect(answered.messages).toHaveLength(2); // no second reminder was even written
    expect((await getCampaign(A.ctx("manager"), c.id)).funnel).toMatchObject({ sent: 2, started: 1, completed: 1 });
  });
});

describe("send windows", () => {
  it("wait for the customer's local hours; a customer without a time zone uses the campaign's", async () => {
    const h = new Date().getUTCHours();
    // open from two to three hours from now in UTC: open now at UTC+2 (Etc/GMT-2), closed in UTC
    const window = { windowStartHour: (h + 2) % 24, windowEndHour: (h + 3) % 24 };
    const { audience, byLabel, mails } = await audienceOf(A, [
      { label: "east", timeZone: "Etc/GMT-2" },
      { label: "utc" },
    ]);
    const { campaign: c } = await campaign(A, audience.id, { ...window, timeZone: "UTC" });
    await campaignTick({ mailer });
    expect(mails().map((m) => m.to[0])).toEqual([byLabel("east").email]);
    const waiting = await db.outboxMessage.findFirstOrThrow({
      where: { invitation: { campaignId: c.id, customerId: byLabel("utc").id } },
    });
    expect(waiting.status).toBe("pending");
    const opens = new Date();
    opens.setUTCHours((h + 2) % 24, 0, 0, 0);
    if (opens <= new Date()) opens.setUTCDate(opens.getUTCDate() + 1);
    expect(waiting.nextAttemptAt!.toISOString()).toBe(opens.toISOString());
    // made due early, the worker checks the window again and puts it back
    await makeDue(c.id);
    await campaignTick({ mailer });
    expect(mails()).toHaveLength(1);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } })).nextAttemptAt).toEqual(opens);
  });
});

describe("bounces and retries", () => {
  it("a permanent refusal marks the address bouncing and later campaigns skip it; a 4xx is retried", async () => {
    const { audience, byLabel } = await audienceOf(A, [
      { label: "gone", email: `bounce-${uid()}@example.test` },
      { label: "slow", email: `later-${uid()}@example.test` },
    ]);
    failNext = 1;
    const env = { ...process.env, CAMPAIGN_RETRY_SCHEDULE: "100ms,100ms" };
    const { campaign: c } = await campaign(A, audience.id);
    await campaignTick({ mailer, env });
    let inv = await invitationsOf(c.id);
    const gone = inv.find((i) => i.customer.name === "gone")!;
    expect(gone).toMatchObject({ status: "bounced", reason: "smtp_550" });
    expect(gone.messages[0]).toMatchObject({ status: "dead", attempts: 1 });
    expect(
      await db.mailSuppression.findUnique({
        where: { orgId_address: { orgId: A.orgId, address: byLabel("gone").email!.toLowerCase() } },
      }),
    ).toMatchObject({ reason: "bounce" });
    const slow = inv.find((i) => i.customer.name === "slow")!;
    expect(slow.messages[0]).toMatchObject({ status: "failed", attempts: 1, lastError: "smtp_451" });
    await new Promise((r) => setTimeout(r, 250));
    await runDueMessages({ mailer, env });
    inv = await invitationsOf(c.id);
    expect(inv.find((i) => i.customer.name === "slow")!.status).toBe("sent");
    expect(sink.messages.filter(to(byLabel("slow")))).toHaveLength(1);
    expect((await getCampaign(A.ctx("manager"), c.id)).funnel).toMatchObject({ sent: 2, delivered: 1, bounced: 1 });

    // the next campaign to the same people does not try the bouncing address again
    const { campaign: again } = await campaign(A, audience.id);
    await campaignTick({ mailer, env });
    const next = await invitationsOf(again.id);
    expect(next.find((i) => i.customer.name === "gone")).toMatchObject({ status: "suppressed", reason: "bouncing" });
    // the bouncing address is the organization's only: another organization may still write to it
    expect(await db.mailSuppression.count({ where: { orgId: B.orgId } })).toBe(0);
  });
});

describe("pause, resume, cancel", () => {
  it("a paused campaign sends nothing until resumed; a cancelled one drops what is left; a wrong transition is 409", async () => {
    const { audience, mails } = await audienceOf(A, [{ label: "p1" }, { label: "p2" }]);
    const { campaign: c } = await campaign(A, audience.id, { reminderCount: 1, reminderDelayHours: 1 });
    const ctx = A.ctx("manager");
    await changeCampaignStatus(ctx, c.id, "pause");
    await campaignTick({ mailer });
    expect(mails()).toHaveLength(0);
    await expect(changeCampaignStatus(ctx, c.id, "pause")).rejects.toMatchObject({ status: 409 });
    await changeCampaignStatus(ctx, c.id, "resume");
    await campaignTick({ mailer });
    expect(mails()).toHaveLength(2);
    const cancelled = await changeCampaignStatus(ctx, c.id, "cancel");
    expect(cancelled.status).toBe("cancelled");
    await makeDue(c.id);
    await campaignTick({ mailer });
    expect(mails()).toHaveLength(2); // the reminders were dropped
    const reminders = await db.outboxMessage.findMany({ where: { invitation: { campaignId: c.id }, seq: 1 } });
    expect(reminders.map((r) => r.status)).toEqual(["skipped", "skipped"]);
    await expect(changeCampaignStatus(ctx, c.id, "resume")).rejects.toMatchObject({ status: 409 });
    const audit = await db.auditEvent.findMany({ where: { entityId: c.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.action)).toEqual([
      "campaign.created",
      "campaign.paused",
      "campaign.resumed",
      "campaign.cancelled",
    ]);
  });
});

describe("recurring waves", () => {
  it("start once per period however many instances look, and resolve the audience again", async () => {
    const { audience } = await audienceOf(A, [{ label: "r1" }]);
    const { campaign: c } = await campaign(A, audience.id, { repeatEveryDays: 90 });
    const started = await Promise.all([startDueWaves(), startDueWaves(), startDueWaves()]);
    expect(started.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const waves = await db.campaignWave.findMany({ where: { campaignId: c.id } });
    expect(waves).toHaveLength(1);
    const row = await db.campaign.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.nextWaveAt!.getTime() - row.startAt.getTime()).toBe(90 * 86_400_000);
    // the next period comes: a second wave, with a new invitation for the same customer
    await db.campaign.update({ where: { id: c.id }, data: { nextWaveAt: new Date(Date.now() - 1000) } });
    await campaignTick({ mailer });
    await campaignTick({ mailer });
    expect(await db.campaignWave.count({ where: { campaignId: c.id } })).toBe(2);
    expect(await db.invitation.count({ where: { campaignId: c.id, status: "sent" } })).toBe(2);
  });
});

describe("unsubscribing", () => {
  it("records the consent change at once, drops pending reminders, and no later campaign invites the customer", async () => {
    const { audience, byLabel } = await audienceOf(A, [{ label: "leaver" }, { label: "stayer" }]);
    const { campaign: c } = await campaign(A, audience.id, { reminderCount: 1, reminderDelayHours: 1 });
    await campaignTick({ mailer });
    const inv = (await invitationsOf(c.id)).find((i) => i.customer.name === "leaver")!;
    const token = invitationToken(inv.id);
    expect(await unsubscribe(token)).toMatchObject({ customerId: byLabel("leaver").id });
    expect(await unsubscribe(token)).not.toBeNull(); // a retried POST: no second event
    const events = await db.consentEvent.findMany({ where: { customerId: byLabel("leaver").id } });
    expect(events.map((e) => [e.consent, e.source, e.actorId])).toEqual([[false, "unsubscribe", null]]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: byLabel("leaver").id } })).consent).toBe(false);
    const reminder = await db.outboxMessage.findFirstOrThrow({ where: { invitationId: inv.id, seq: 1 } });
    expect(reminder).toMatchObject({ status: "skipped", lastError: "opted_out" });

    const { campaign: later } = await campaign(A, audience.id);
    await campaignTick({ mailer });
    const next = await invitationsOf(later.id);
    expect(next.find((i) => i.customer.name === "leaver")).toMatchObject({ status: "suppressed", reason: "opted_out" });
    expect(sink.messages.filter(to(byLabel("leaver")))).toHaveLength(1); // only the first invitation, before
  });

  it("a forged or altered token unsubscribes nobody", async () => {
    expect(await unsubscribe("nope")).toBeNull();
    expect(await unsubscribe(`inv123.${"A".repeat(22)}`)).toBeNull();
  });
});

describe("two instances", () => {
  it("racing worker processes send every invitation exactly once, and both take part", async () => {
    let c = { id: "" };
    const attempts = await raceTwoInstances({ SMTP_URL: sink.url }, async () => {
      const seeds = Array.from({ length: 200 }, (_, i) => ({ label: `race${i}` }));
      const { audience } = await audienceOf(B, seeds);
      c = (await campaign(B, audience.id)).campaign;
      return { campaignId: c.id, count: 200 };
    });
    const inv = await invitationsOf(c.id);
    expect(inv).toHaveLength(200);
    const mine = new Set(inv.map((i) => i.customer.email));
    const addresses = sink.messages.map((m) => m.to[0]).filter((a) => mine.has(a));
    expect(addresses).toHaveLength(200);
    expect(new Set(addresses).size).toBe(200);
    expect(attempts[0] + attempts[1]).toBe(200);
    expect(attempts[0]).toBeGreaterThan(0); // both instances sent: the race was real
    expect(attempts[1]).toBeGreaterThan(0);
    expect(await db.campaignWave.count({ where: { campaignId: c.id } })).toBe(1);
  }, 120_000);
});

describe("over HTTP", () => {
  it("the API creates, lists and reads campaigns with their funnel; bad fields and another organization's survey are named", async () => {
    const { audience } = await audienceOf(A, [{ label: "h1" }]);
    const survey = await createSurvey(A.orgId);
    const draft = await createSurvey(A.orgId, { status: "draft" });
    const foreign = await createSurvey(B.orgId);
    const post = (body: unknown, key = A.keys.manager) => http("POST", "/api/v1/campaigns", { key, body });

    const bad = await post({
      name: "",
      surveyId: survey.id,
      audienceId: audience.id,
      timeZone: "Mars/Base",
      windowStartHour: 25,
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual([
      "name",
      "timeZone",
      "windowStartHour",
    ]);
    const refs = await post({ name: "x", surveyId: foreign.id, audienceId: B.ids.audience });
    expect(refs.status).toBe(400);
    expect(refs.body.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual(["audienceId", "surveyId"]);
    const notLive = await post({ name: "x", surveyId: draft.id, audienceId: audience.id });
    expect(notLive.body.invalid_params[0].reason).toMatch(/Publish the survey/);
    expect((await post({ name: "x", surveyId: survey.id, audienceId: audience.id }, A.keys.agent)).status).toBe(403);

    const created = await post({
      name: "Quarterly NPS",
      surveyId: survey.id,
      audienceId: audience.id,
      repeatEveryDays: 90,
      timeZone: "Europe/Zurich",
      reminderCount: 1,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Quarterly NPS",
      status: "active",
      channel: "email",
      schedule: { repeatEveryDays: 90 },
      sendWindow: { timeZone: "Europe/Zurich", startHour: 9, endHour: 20 },
      reminders: { count: 1, delayHours: 72 },
      funnel: { invited: 0, sent: 0, delivered: 0, started: 0, completed: 0 },
    });
    const list = await http("GET", "/api/v1/campaigns", { key: A.keys.admin });
    expect(list.body.data.map((x: { id: string }) => x.id)).toContain(created.body.id);
    const one = await http("GET", `/api/v1/campaigns/${created.body.id}`, { key: A.keys.manager });
    expect(one.body.id).toBe(created.body.id);
    expect((await http("GET", `/api/v1/campaigns/${created.body.id}`, { key: B.keys.admin })).status).toBe(404);
    const paused = await http("POST", `/api/v1/campaigns/${created.body.id}/pause`, { key: A.keys.manager });
    expect(paused.body.status).toBe("paused");
  });

  it("a score link records nothing on GET and leads to the hosted survey with the customer's signed identity and the score", async () => {
    const { audience, byLabel } = await audienceOf(A, [{ label: "clicker" }]);
    const { campaign: c, survey } = await campaign(A, audience.id);
    await campaignTick({ mailer });
    const [inv] = await invitationsOf(c.id);
    const token = invitationToken(inv.id);
    const before = await db.response.count({ where: { surveyId: survey.id } });
    const res = await http("GET", `/i/${token}?score=9`);
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe(`/s/${survey.publicId}`);
    expect(location.searchParams.get("cid")).toBe(byLabel("clicker").externalId);
    expect(location.searchParams.get("ct")).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get("score")).toBe("9");
    // the hosted page itself (what a scanner following the redirect fetches) stores nothing either
    const page = await http("GET", location.pathname + location.search);
    expect(page.status).toBe(200);
    expect(await db.response.count({ where: { surveyId: survey.id } })).toBe(before);

    // the browser's save of the score, as the page's script makes it, is linked to the customer and moves the funnel
    const saved = await http("POST", `/api/v1/public/surveys/${survey.publicId}/responses`, {
      body: {
        clientId: `click-${uid()}`,
        answers: { nps: 9 },
        complete: false,
        customerExternalId: location.searchParams.get("cid"),
        customerToken: location.searchParams.get("ct"),
      },
    });
    expect(saved.status).toBe(201);
    const r = await db.response.findFirstOrThrow({ where: { surveyId: survey.id } });
    expect(r.customerId).toBe(byLabel("clicker").id);
    expect((await getCampaign(A.ctx("manager"), c.id)).funnel).toMatchObject({ sent: 1, started: 1, completed: 0 });

    // a forged token opens nothing
    const forged = await http("GET", `/i/${inv.id}.${"A".repeat(22)}?score=0`);
    expect(forged.status).toBe(404);

    // 90 days after it was sent, the invitation's links have expired (its unsubscribe link has not)
    await db.invitation.update({ where: { id: inv.id }, data: { sentAt: new Date(Date.now() - 91 * 86_400_000) } });
    expect((await http("GET", `/i/${token}?score=9`)).status).toBe(404);
    expect((await http("GET", `/u/${token}`)).status).toBe(200);
    await db.invitation.update({ where: { id: inv.id }, data: { sentAt: new Date(Date.now() - 89 * 86_400_000) } });
    expect((await http("GET", `/i/${token}?score=9`)).status).toBe(303);
  });

  it("the unsubscribe URL shows a page on GET and unsubscribes on the one-click POST", async () => {
    const { audience, byLabel } = await audienceOf(A, [{ label: "oneclick" }]);
    const { campaign: c } = await campaign(A, audience.id);
    await campaignTick({ mailer });
    const [inv] = await invitationsOf(c.id);
    const m = sink.messages.find(to(byLabel("oneclick")))!;
    const url = /^<(.+)>$/.exec(m.headers.get("list-unsubscribe")!)![1];
    const path = new URL(url).pathname;
    expect(path).toBe(`/u/${invitationToken(inv.id)}`);
    const page = await http("GET", path);
    expect(page.status).toBe(200);
    expect(page.contentType).toContain("text/html");
    expect((await db.customer.findUniqueOrThrow({ where: { id: byLabel("oneclick").id } })).consent).toBeNull();
    const post = await http("POST", path, {
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(post.status).toBe(200);
    expect((await db.customer.findUniqueOrThrow({ where: { id: byLabel("oneclick").id } })).consent).toBe(false);
    expect(await db.consentEvent.count({ where: { customerId: byLabel("oneclick").id, source: "unsubscribe" } })).toBe(
      1,
    );
    expect((await http("POST", `/u/${inv.id}.${"B".repeat(22)}`, { rawBody: "" })).status).toBe(404);
  });
});
