// The weekly digest in each recipient's language (docs/i18n.md "E-mails", docs/reports.md "Weekly digest"): the
// recipients are grouped by language, each group gets one message in its language — subject, text and HTML part,
// <html lang>, numbers and dates — and each message sent is recorded (DigestDelivery), so a run that failed after
// its first message sends only the rest on its retry, exactly once. Real database (SQLite or PostgreSQL, whichever
// DATABASE_URL names) and a real SMTP server on a loopback port that can refuse recipients on demand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { retryDelayMs, runDueDigests, sendDigestToMember } from "@/lib/digest/send";
import { mailerFromUrl } from "@/lib/mail/transport";
import { createOrg, uid, type Org } from "../factories";
import { startSmtpSink, type Received, type SmtpSink } from "./smtp-sink";

// Monday 16 Nov 2026, 09:00 UTC: the default slot (Monday 08:00) passed an hour ago; this week = 9–15 Nov.
const NOW = new Date("2026-11-16T09:00:00.000Z");
const WEEK_ENDING = new Date("2026-11-16T00:00:00.000Z");
const THIS_WEEK = Date.parse("2026-11-09T00:00:00.000Z");
const PERIOD_KEY = "2026-W47";

let sink: SmtpSink;
/** While true, the sink takes the first message and refuses every recipient after it (451: try again later). */
let failAfterFirst = false;
let O: Org;

beforeAll(async () => {
  process.env.PUBLIC_URL = "http://127.0.0.1:3999";
  sink = await startSmtpSink(undefined, {
    refuse: () => (failAfterFirst && sink.messages.length >= 1 ? 451 : null),
  });
  O = await createOrg("digest-lang");
  // The default recipients: the admin (German) and the manager (English, saved) — and a German agent chosen nowhere.
  await db.user.update({ where: { id: O.users.admin.id }, data: { locale: "de" } });
  await db.user.update({ where: { id: O.users.manager.id }, data: { locale: "en" } });
  await db.user.update({ where: { id: O.users.agent.id }, data: { locale: "de" } });
  // CSAT 33 of 40 satisfied this week: 82.5 %, "82,5 %" in German.
  await db.response.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      orgId: O.orgId,
      surveyId: O.ids.survey,
      clientId: `dgl-${uid()}-${i}`,
      touchpointId: O.ids.touchpoint,
      metric: "csat",
      score: i < 33 ? 5 : 1,
      category: i < 33 ? "satisfied" : "dissatisfied",
      completed: true,
      submittedAt: new Date(THIS_WEEK + 3_600_000 + i * 60_000),
    })),
  });
});

afterAll(async () => {
  await sink?.stop();
});

const to = (email: string) => sink.messages.filter((m) => m.to.includes(email));

function expectGerman(m: Received, orgName: string) {
  expect(m.to).toEqual([O.users.admin.email]);
  expect(m.subject).toBe(`CX-Wochenübersicht, ${orgName}, 9.–15. Nov. 2026: keine NPS-Antworten`);
  expect(m.text).toContain(
    `CX-Wochenübersicht für ${orgName}\r\n9.–15. Nov. 2026 im Vergleich mit 2.–8. Nov. 2026 (UTC)`,
  );
  expect(m.text).toContain("CSAT: 82,5 % [");
  expect(m.text).toContain(", n = 40; keine Antworten in einer der Wochen (Woche davor: keine Antworten)");
  expect(m.text).toContain("Offene Fälle: 1 (0 überfällig)");
  expect(m.text).toContain("Zum Dashboard: http://127.0.0.1:3999/");
  expect(m.text).not.toMatch(/Weekly|week before|Open cases/);
  expect(m.html).toContain('<html lang="de">');
  expect(m.html).toContain('<strong style="font-size:18px">82,5 %</strong>');
  expect(m.html).toContain(">Kennzahlen im Überblick</caption>");
  expect(m.html).toContain("Diese Übersicht in Resonance ansehen</a>");
}

function expectEnglish(m: Received, orgName: string) {
  expect(m.to).toEqual([O.users.manager.email]);
  expect(m.subject).toBe(`Weekly CX digest, ${orgName}, 9\u2009\u2013\u200915 Nov 2026: no NPS responses`);
  expect(m.text).toContain("CSAT: 82.5 % [");
  expect(m.text).toContain("Open cases: 1 (0 overdue)");
  expect(m.html).toContain('<html lang="en">');
  expect(m.html).toContain("View this digest in Resonance</a>");
}

describe("the weekly digest in each recipient's language", () => {
  it("sends one message per language; after a failure part-way, the retry sends only the rest, exactly once", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { id: O.orgId } });
    failAfterFirst = true;
    const [failed] = await runDueDigests(mailerFromUrl(sink.url), { now: NOW, orgIds: [O.orgId] });
    expect(failed).toMatchObject({ status: "failed", periodKey: PERIOD_KEY });
    expect(sink.messages).toHaveLength(1); // the first group's message went out; the second's was refused
    const [first] = sink.messages;
    const firstIsGerman = first.to.includes(O.users.admin.email);
    let run = await db.digestRun.findUniqueOrThrow({
      where: { orgId_periodKey: { orgId: O.orgId, periodKey: PERIOD_KEY } },
      include: { deliveries: true },
    });
    expect(run).toMatchObject({ status: "failed", attempts: 1 });
    expect(run.deliveries.map((d) => [d.groupKey, JSON.parse(d.userIds)])).toEqual([
      firstIsGerman ? ["org:de", [O.users.admin.id]] : ["org:en", [O.users.manager.id]],
    ]);

    // The retry, by two instances at once: one takes it and sends the second group only.
    failAfterFirst = false;
    const later = new Date(NOW.getTime() + retryDelayMs(1) + 1000);
    const outcomes = (
      await Promise.all([
        runDueDigests(mailerFromUrl(sink.url), { now: later, orgIds: [O.orgId] }),
        runDueDigests(mailerFromUrl(sink.url), { now: later, orgIds: [O.orgId] }),
      ])
    ).flat();
    expect(outcomes.filter((o) => o.status === "sent")).toEqual([
      { orgId: O.orgId, periodKey: PERIOD_KEY, status: "sent", recipients: 2 },
    ]);
    expect(sink.messages).toHaveLength(2);
    expect(to(O.users.admin.email)).toHaveLength(1);
    expect(to(O.users.manager.email)).toHaveLength(1);
    expect(to(O.users.agent.email)).toHaveLength(0);
    expectGerman(to(O.users.admin.email)[0], org.name);
    expectEnglish(to(O.users.manager.email)[0], org.name);

    run = await db.digestRun.findUniqueOrThrow({ where: { id: run.id }, include: { deliveries: true } });
    expect(run).toMatchObject({ status: "sent", attempts: 2, recipients: 2, lastError: null });
    expect(run.deliveries.map((d) => d.groupKey).sort()).toEqual(["org:de", "org:en"]);

    // later ticks the same week send nothing more
    await runDueDigests(mailerFromUrl(sink.url), { now: new Date(later.getTime() + 3_600_000), orgIds: [O.orgId] });
    expect(sink.messages).toHaveLength(2);
  });

  it("'Send me this now' reaches the asking member in their language", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { id: O.orgId } });
    const before = sink.messages.length;
    await sendDigestToMember(O.ctx("admin"), WEEK_ENDING, mailerFromUrl(sink.url), NOW);
    const [m] = sink.messages.slice(before);
    expectGerman(m, org.name);
  });
});
