// The organization's contact rules on the database in DATABASE_URL (run on SQLite and PostgreSQL): the defaults of a
// new organization, the frequency cap across two campaigns and across channels (a case's re-survey, the widget for
// identified customers), two campaigns queued at once and two worker processes racing (each customer e-mailed
// once), quiet hours across time zones, the suppression log with its sentences, and the API (problem+json, audit,
// tenancy). Mail goes to a real SMTP server on 127.0.0.1 (smtp-sink.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { db } from "@/lib/db";
import { campaignTick, runDueMessages } from "@/lib/campaigns/worker";
import { getContactRule, updateContactRule, type ContactRuleInput } from "@/lib/campaigns/contact-rule-service";
import { listCampaignSuppressions, listCustomerSuppressions } from "@/lib/campaigns/suppression-log";
import { inQuietHours } from "@/lib/campaigns/window";
import { widgetEligibility } from "@/lib/surveys/public-service";
import { mintCustomerToken } from "@/lib/customers/token-secrets";
import { resurveyCase } from "@/lib/cases/resurvey";
import { previewDefinition } from "@/lib/audiences/service";
import type { AudienceDefinition } from "@/lib/audiences/definition";
import { mailerFromUrl, type Mailer } from "@/lib/mail/transport";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { TEST_NEXTAUTH_SECRET } from "../server";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { http } from "./http";
import { audienceOf as audienceWith, campaign, type CustomerSeed } from "./campaign-fixtures";
import { startWorkerInstance } from "./worker-instance";

process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;

const DAY = 86_400_000;
let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = mailerFromUrl(sink.url);
});
afterAll(async () => {
  await sink?.stop();
});
beforeEach(() => {
  sink.messages.length = 0;
});

/** A fresh organization with the defaults, then (unless `rule` is null) this rule. */
async function org(rule: Partial<ContactRuleInput> | null = {}): Promise<Org> {
  const o = await createOrg("rules", { contactRules: "default" });
  if (rule)
    await updateContactRule(o.ctx("manager"), {
      capDays: 30,
      quietStartHour: 0,
      quietEndHour: 0, // no quiet hours unless a test asks: the suite runs at any hour
      timeZone: "UTC",
      ...rule,
    });
  return o;
}

const audienceOf = (o: Org, seeds: CustomerSeed[]) => audienceWith(o, seeds, sink);

const invitationsOf = (campaignId: string) =>
  db.invitation.findMany({ where: { campaignId }, include: { customer: true, messages: true } });
const statusOf = async (campaignId: string) =>
  Object.fromEntries(
    (await invitationsOf(campaignId)).map((i) => [i.customer.name, `${i.status}${i.reason ? `:${i.reason}` : ""}`]),
  );

describe("the defaults", () => {
  it("a new organization has one invitation per customer per 30 days and quiet hours 21:00–08:00", async () => {
    const o = await org(null);
    expect(await getContactRule(o.ctx("manager"))).toEqual({
      capDays: 30,
      quietStartHour: 21,
      quietEndHour: 8,
      timeZone: "UTC",
      isDefault: true,
      updatedAt: null,
    });
  });
});

describe("the frequency cap", () => {
  it("across two campaigns: the second leaves out who was invited within N days, and the log says when", async () => {
    const o = await org({ capDays: 30 });
    const { audience, byLabel } = await audienceOf(o, [{ label: "recent" }, { label: "long-ago" }]);
    const { campaign: first } = await campaign(o, audience.id);
    await campaignTick({ mailer });
    expect(await statusOf(first.id)).toEqual({ recent: "sent", "long-ago": "sent" });
    // the first campaign's contacts were made 12 and 40 days ago
    for (const [label, days] of [
      ["recent", 12],
      ["long-ago", 40],
    ] as const) {
      const at = new Date(Date.now() - days * DAY);
      await db.invitation.updateMany({
        where: { campaignId: first.id, customerId: byLabel(label).id },
        data: { contactAt: at, sentAt: at, createdAt: at },
      });
    }
    sink.messages.length = 0;
    const { campaign: second } = await campaign(o, audience.id);
    await campaignTick({ mailer });
    expect(await statusOf(second.id)).toEqual({ recent: "suppressed:recently_invited", "long-ago": "sent" });
    // (the tick sends whatever is due in the database: only this organization's two customers are looked at)
    const ours = new Set([byLabel("recent").email, byLabel("long-ago").email]);
    expect(sink.messages.map((m) => m.to[0]).filter((a) => ours.has(a))).toEqual([byLabel("long-ago").email]);
    const log = await listCampaignSuppressions(o.ctx("manager"), second.id, { limit: 50 });
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({
      customer: { id: byLabel("recent").id, name: "recent" },
      campaign: { id: second.id },
      source: "campaign",
      stage: "queue",
      reason: "recently_invited",
      text: "invited 12 days ago",
    });
    const wave = await db.campaignWave.findFirstOrThrow({ where: { campaignId: second.id } });
    expect(wave).toMatchObject({ recipients: 1, suppressed: 1 });
    // the customer's own log, and the same over HTTP; another organization sees neither
    const mine = await listCustomerSuppressions(o.ctx("manager"), byLabel("recent").id, { limit: 50 });
    expect(mine.data.map((r) => r.text)).toEqual(["invited 12 days ago"]);
    const viaApi = await http("GET", `/api/v1/customers/${byLabel("recent").id}/suppressions`, { key: o.keys.manager });
    expect(viaApi.status).toBe(200);
    expect(viaApi.body.data[0]).toMatchObject({ reason: "recently_invited", text: "invited 12 days ago" });
    const other = await createOrg("rules-other");
    for (const p of [
      `/api/v1/customers/${byLabel("recent").id}/suppressions`,
      `/api/v1/campaigns/${second.id}/suppressions`,
    ])
      expect((await http("GET", p, { key: other.keys.admin })).status).toBe(404);
    expect((await http("GET", `/api/v1/campaigns/${second.id}/suppressions`, { key: o.keys.agent })).status).toBe(403);
  });

  it("0 days turns the cap off; cancelled and failed invitations never count", async () => {
    const o = await org({ capDays: 0 });
    const { audience } = await audienceOf(o, [{ label: "a" }]);
    const { campaign: one } = await campaign(o, audience.id);
    await campaignTick({ mailer });
    const { campaign: two } = await campaign(o, audience.id);
    await campaignTick({ mailer });
    expect(await statusOf(two.id)).toEqual({ a: "sent" });

    await updateContactRule(o.ctx("manager"), { capDays: 30, quietStartHour: 0, quietEndHour: 0, timeZone: "UTC" });
    await db.invitation.updateMany({
      where: { campaignId: { in: [one.id, two.id] } },
      data: { status: "failed" }, // as if the SMTP server had refused them for good
    });
    const { campaign: three } = await campaign(o, audience.id);
    await campaignTick({ mailer });
    expect(await statusOf(three.id)).toEqual({ a: "sent" });
  });

  it("two campaigns queued in the same tick invite each customer once", async () => {
    const o = await org();
    const { audience, mails } = await audienceOf(o, [{ label: "x" }, { label: "y" }, { label: "z" }]);
    const [{ campaign: a }, { campaign: b }] = [await campaign(o, audience.id), await campaign(o, audience.id)];
    await campaignTick({ mailer });
    const both = [...Object.values(await statusOf(a.id)), ...Object.values(await statusOf(b.id))].sort();
    expect(both).toEqual([...Array(3).fill("sent"), ...Array(3).fill("suppressed:recently_invited")].sort());
    expect(mails()).toHaveLength(3);
    expect(new Set(mails().map((m) => m.to[0])).size).toBe(3);
  });
});

describe("two instances", () => {
  it("racing worker processes e-mail each customer once: when queueing two campaigns, and when both were queued before the cap", async () => {
    const o = await org({ capDays: 0 });
    const N = 40;
    const seeds = (p: string) => Array.from({ length: N }, (_, i) => ({ label: `${p}${i}` }));
    // queued while the cap was off: two invitations per customer wait to be sent; then the cap is turned on, so
    // only the check at sending can keep the second one back
    const before = await audienceOf(o, seeds("pre"));
    const pre = [await campaign(o, before.audience.id), await campaign(o, before.audience.id)];
    await campaignTick({ mailer: null });
    expect(
      await db.invitation.count({ where: { campaignId: { in: pre.map((p) => p.campaign.id) }, status: "queued" } }),
    ).toBe(2 * N);
    await updateContactRule(o.ctx("manager"), { capDays: 30, quietStartHour: 0, quietEndHour: 0, timeZone: "UTC" });

    const instance = () => startWorkerInstance({ SMTP_URL: sink.url });
    const [one, two] = [instance(), instance()];
    onTestFinished(() => {
      one.kill();
      two.kill();
    });
    await Promise.all([one.ready, two.ready]);
    // both poll; now two campaigns for the same customers appear at once
    const during = await audienceOf(o, seeds("race"));
    const race = [await campaign(o, during.audience.id), await campaign(o, during.audience.id)];
    const ids = [...pre, ...race].map((p) => p.campaign.id);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const open = await db.invitation.count({ where: { campaignId: { in: ids }, status: "queued" } });
      const written = await db.invitation.count({ where: { campaignId: { in: ids } } });
      if (open === 0 && written === 4 * N) break;
      if (Date.now() > deadline) throw new Error(`not settled in time: ${written} written, ${open} still queued`);
      await new Promise((r) => setTimeout(r, 200));
    }
    one.stop();
    two.stop();
    await Promise.all([one.done, two.done]);
    for (const group of [before, during]) {
      const addresses = group.mails().map((m) => m.to[0]);
      expect(addresses).toHaveLength(N);
      expect(new Set(addresses).size).toBe(N);
    }
    const count = (campaignIds: string[], status: string) =>
      db.invitation.count({ where: { campaignId: { in: campaignIds }, status } });
    const preIds = pre.map((p) => p.campaign.id);
    const raceIds = race.map((p) => p.campaign.id);
    expect([await count(preIds, "sent"), await count(preIds, "suppressed")]).toEqual([N, N]);
    expect([await count(raceIds, "sent"), await count(raceIds, "suppressed")]).toEqual([N, N]);
    // the ones queued before the cap were held back by the worker, the others when queued
    const stages = await db.suppressionLog.groupBy({
      by: ["stage", "reason"],
      where: { campaignId: { in: ids } },
      _count: { _all: true },
    });
    expect(stages.map((s) => [s.stage, s.reason, s._count._all]).sort()).toEqual([
      ["queue", "recently_invited", N],
      ["send", "recently_invited", N],
    ]);
  }, 150_000);
});

describe("quiet hours", () => {
  const ZONES = [
    "Pacific/Kiritimati",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Europe/Berlin",
    "UTC",
    "America/Sao_Paulo",
    "America/New_York",
    "America/Los_Angeles",
    "Pacific/Honolulu",
  ];
  const quiet = { startHour: 21, endHour: 8 };

  it("hold a message until they end in the customer's own zone; a window inside them invites no one", async () => {
    const o = await org({ capDays: 0, quietStartHour: 21, quietEndHour: 8 }); // no cap: the second campaign meets the same people
    // zones where it is (and, for the next 10 minutes, stays) night or day now
    const now = new Date();
    const soon = new Date(now.getTime() + 10 * 60_000);
    const asleep = ZONES.find((z) => inQuietHours(now, z, quiet) && inQuietHours(soon, z, quiet))!;
    const awake = ZONES.find((z) => !inQuietHours(now, z, quiet) && !inQuietHours(soon, z, quiet))!;
    const { audience, byLabel, mails } = await audienceOf(o, [
      { label: "asleep", timeZone: asleep },
      { label: "awake", timeZone: awake },
    ]);
    const { campaign: c } = await campaign(o, audience.id);
    await campaignTick({ mailer });
    expect(mails().map((m) => m.to[0])).toEqual([byLabel("awake").email]);
    const held = (await invitationsOf(c.id)).find((i) => i.customer.name === "asleep")!;
    expect(held.status).toBe("queued");
    const due = held.messages[0].nextAttemptAt!;
    // the first quarter hour out of the quiet hours, in the customer's zone
    expect(inQuietHours(due, asleep, quiet)).toBe(false);
    expect(inQuietHours(new Date(due.getTime() - 15 * 60_000), asleep, quiet)).toBe(true);

    // made due early, the worker checks again and puts it back to the end of the quiet hours
    await db.outboxMessage.update({
      where: { id: held.messages[0].id },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    await runDueMessages({ mailer });
    const again = await db.outboxMessage.findUniqueOrThrow({ where: { id: held.messages[0].id } });
    expect(again).toMatchObject({ status: "pending", nextAttemptAt: due });
    expect(mails()).toHaveLength(1);

    // a campaign whose window lies inside the quiet hours cannot be made (400 naming windowStartHour) …
    const refused = await campaign(o, audience.id, { windowStartHour: 22, windowEndHour: 23 }).catch((e) => e);
    expect(refused.invalidParams.map((p: { name: string }) => p.name)).toEqual(["windowStartHour"]);
    expect(refused.invalidParams[0].reason).toContain("nothing could ever be sent");
    // … but quiet hours set after it was made can swallow it: no one can be invited, and the log says why
    const rule = { capDays: 0, quietStartHour: 21, quietEndHour: 8, timeZone: "UTC" };
    await updateContactRule(o.ctx("manager"), { ...rule, quietStartHour: 0, quietEndHour: 0 });
    const { campaign: night } = await campaign(o, audience.id, { windowStartHour: 22, windowEndHour: 23 });
    await updateContactRule(o.ctx("manager"), rule);
    await campaignTick({ mailer });
    expect(Object.values(await statusOf(night.id))).toEqual(["suppressed:quiet_hours", "suppressed:quiet_hours"]);
    const log = await listCampaignSuppressions(o.ctx("manager"), night.id, { limit: 10 });
    expect(log.data.map((r) => r.text)).toEqual(["quiet hours", "quiet hours"]);
  });
});

describe("across channels", () => {
  it("a re-survey e-mailed before re-surveys were invitations (its audit event) counts within the cap", async () => {
    const o = await org();
    const { audience, byLabel } = await audienceOf(o, [
      { label: "old-resurvey" },
      { label: "too-old" },
      { label: "none" },
    ]);
    for (const [label, days] of [
      ["old-resurvey", 5],
      ["too-old", 40],
    ] as const) {
      const kase = await db.case.create({
        data: { orgId: o.orgId, customerId: byLabel(label).id, title: "Detractor", status: "resolved" },
      });
      await db.auditEvent.create({
        data: {
          orgId: o.orgId,
          action: "case.resurvey_sent",
          entityType: "Case",
          entityId: kase.id,
          createdAt: new Date(Date.now() - days * DAY),
        },
      });
    }
    const { campaign: c } = await campaign(o, audience.id);
    await campaignTick({ mailer });
    expect(await statusOf(c.id)).toEqual({
      "old-resurvey": "suppressed:recently_invited",
      "too-old": "sent",
      none: "sent",
    });
  });

  it("a re-survey invitation after a case counts: a campaign then leaves the customer out", async () => {
    const o = await org();
    await createSurvey(o.orgId); // the live NPS survey the re-survey links to
    const { audience, byLabel } = await audienceOf(o, [{ label: "resurveyed" }, { label: "other" }]);
    const kase = await db.case.create({
      data: { orgId: o.orgId, customerId: byLabel("resurveyed").id, title: "Detractor", status: "resolved" },
    });
    expect(await resurveyCase(o.ctx("agent"), kase.id, { mail: true })).toMatchObject({ status: "queued" });
    const { campaign: c } = await campaign(o, audience.id);
    await campaignTick({ mailer });
    expect(await statusOf(c.id)).toEqual({ resurveyed: "suppressed:recently_invited", other: "sent" });
  });

  it("a campaign invitation holds a re-survey back: the agent is told why (no link), and the log says so", async () => {
    const o = await org();
    await createSurvey(o.orgId);
    const { audience, byLabel } = await audienceOf(o, [{ label: "invited" }]);
    await campaign(o, audience.id);
    await campaignTick({ mailer });
    sink.messages.length = 0;
    const kase = await db.case.create({
      data: { orgId: o.orgId, customerId: byLabel("invited").id, title: "Detractor", status: "resolved" },
    });
    const outcome = await resurveyCase(o.ctx("agent"), kase.id, { mail: true });
    // the English sentence for the API; the code, rule and days the pages word in their language
    expect(outcome).toEqual({
      status: "unavailable",
      code: "held_back",
      rule: "recently_invited",
      days: 0,
      reason: "The organization's contact rules hold it back: invited earlier today.",
    });
    expect(sink.messages).toHaveLength(0);
    const log = await listCustomerSuppressions(o.ctx("manager"), byLabel("invited").id, { limit: 10 });
    expect(log.data[0]).toMatchObject({ source: "resurvey", caseId: kase.id, reason: "recently_invited" });
  });

  it("the widget for identified customers: held back within the cap (except for the survey they were invited to), and a show counts", async () => {
    const o = await org();
    const invitedGroup = await audienceOf(o, [{ label: "invited" }]);
    const visitorGroup = await audienceOf(o, [{ label: "visitor" }]);
    const byLabel = (l: string) => invitedGroup.customers.find((c) => c.name === l) ?? visitorGroup.byLabel(l);
    const { survey: invitedTo } = await campaign(o, invitedGroup.audience.id);
    await campaignTick({ mailer });
    const widgetSurvey = await createSurvey(o.orgId);
    const ask = async (label: string, publicId: string) => {
      const c = byLabel(label);
      const token = await mintCustomerToken(o.orgId, { publicId, externalId: c.externalId! });
      return widgetEligibility(publicId, c.externalId, token);
    };
    expect(await ask("invited", widgetSurvey.publicId)).toBe("not_now");
    expect(await ask("invited", invitedTo.publicId)).toBe("eligible"); // may always answer what they were invited to
    // an unsigned claim is answered as for anybody, and records nothing
    expect(await widgetEligibility(widgetSurvey.publicId, byLabel("invited").externalId, null)).toBe("eligible");

    expect(await ask("visitor", widgetSurvey.publicId)).toBe("eligible");
    expect(await db.contactEvent.count({ where: { customerId: byLabel("visitor").id } })).toBe(1);
    expect(await ask("visitor", widgetSurvey.publicId)).toBe("eligible"); // the same survey again: the same contact
    expect(await db.contactEvent.count({ where: { customerId: byLabel("visitor").id } })).toBe(1);
    const { campaign: later } = await campaign(o, visitorGroup.audience.id);
    await campaignTick({ mailer });
    expect(await statusOf(later.id)).toEqual({ visitor: "suppressed:recently_invited" });

    // over HTTP the held-back answer says no more than "not eligible": no reason, no date
    const token = await mintCustomerToken(o.orgId, {
      publicId: widgetSurvey.publicId,
      externalId: byLabel("invited").externalId!,
    });
    const q = new URLSearchParams({ customer: byLabel("invited").externalId!, customerToken: token });
    const res = await http("GET", `/api/v1/public/surveys/${widgetSurvey.publicId}?${q}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ publicId: widgetSurvey.publicId, eligible: false });
  });

  it("the widget: first views of several surveys at once make one contact (the lock-free read only decides what records nothing)", async () => {
    const o = await org();
    const { customers } = await audienceOf(o, [{ label: "racer" }]);
    const c = customers[0];
    const surveys = await Promise.all(Array.from({ length: 6 }, () => createSurvey(o.orgId)));
    const tokens = await Promise.all(
      surveys.map((s) => mintCustomerToken(o.orgId, { publicId: s.publicId, externalId: c.externalId! })),
    );
    const answers = await Promise.all(surveys.map((s, k) => widgetEligibility(s.publicId, c.externalId, tokens[k])));
    expect(answers.filter((a) => a === "eligible")).toHaveLength(1);
    expect(answers.filter((a) => a === "not_now")).toHaveLength(5);
    const events = await db.contactEvent.findMany({ where: { customerId: c.id } });
    expect(events).toHaveLength(1);
    // the one shown again: the same contact, read without writing; the others still held back
    const shown = surveys.findIndex((s) => s.id === events[0].surveyId);
    expect(await widgetEligibility(surveys[shown].publicId, c.externalId, tokens[shown])).toBe("eligible");
    expect(await widgetEligibility(surveys[(shown + 1) % 6].publicId, c.externalId, tokens[(shown + 1) % 6])).toBe(
      "not_now",
    );
    expect(await db.contactEvent.count({ where: { customerId: c.id } })).toBe(1);
  });
});

describe("the audience preview", () => {
  it("counts missing external ids and bouncing addresses among the reasons", async () => {
    const o = await org();
    const { audience } = await audienceOf(o, [
      { label: "fine" },
      { label: "noid", externalId: null },
      { label: "bouncer", email: `Bounce-${uid()}@example.test` },
    ]);
    const bouncer = await db.customer.findFirstOrThrow({ where: { orgId: o.orgId, name: "bouncer" } });
    await db.mailSuppression.create({
      data: { orgId: o.orgId, address: bouncer.email!.toLowerCase(), reason: "bounce" },
    });
    const p = await previewDefinition(o.ctx("manager"), audience.definition as unknown as AudienceDefinition);
    expect(p).toMatchObject({ matched: 3, reachable: 1, excluded: { no_external_id: 1, bouncing: 1 } });
  });
});

describe("the API", () => {
  it("reads and changes the rule: problem+json naming each bad field, nothing changed; audited; managers and up", async () => {
    const o = await org(null);
    const put = (body: unknown, key = o.keys.manager) => http("PUT", "/api/v1/contact-rules", { key, body });
    const bad = await put({ capDays: -3, quietStartHour: 24, quietEndHour: "x", timeZone: "Mars/Base" });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual([
      "capDays",
      "quietEndHour",
      "quietStartHour",
      "timeZone",
    ]);
    expect((await put({ capDays: 7, quietStartHour: 22, quietEndHour: 7, timeZone: "UTC", extra: 1 })).status).toBe(
      400,
    );
    expect(await db.contactRule.count({ where: { orgId: o.orgId } })).toBe(0);
    expect((await put({ capDays: 7, quietStartHour: 22, quietEndHour: 7, timeZone: "UTC" }, o.keys.agent)).status).toBe(
      403,
    );

    const ok = await put({ capDays: 14, quietStartHour: 22, quietEndHour: 7, timeZone: "Europe/Zurich" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      capDays: 14,
      quietStartHour: 22,
      quietEndHour: 7,
      timeZone: "Europe/Zurich",
      isDefault: false,
    });
    const got = await http("GET", "/api/v1/contact-rules", { key: o.keys.admin });
    expect(got.body).toMatchObject({ capDays: 14, timeZone: "Europe/Zurich" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: o.orgId, action: "contact_rule.updated" } });
    expect(audit.data).toMatchObject({ before: { capDays: 30 }, after: { capDays: 14 } });
    const other = await org(null);
    expect((await http("GET", "/api/v1/contact-rules", { key: other.keys.manager })).body).toMatchObject({
      capDays: 30,
      isDefault: true,
    });
  });
});
