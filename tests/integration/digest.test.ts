// The weekly digest end to end on the real database (SQLite or PostgreSQL, whichever DATABASE_URL names) and a
// real SMTP server on a loopback port: two weeks of responses → the e-mail's subject, recipients, text and HTML
// parts carry the numbers lib/metrics computes on the same scores; several senders at once (two in this process
// and `npm run digest:send` as a separate process) deliver exactly one message per organization and week; with
// the SMTP server down the run is marked failed and a later tick delivers it once.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  cesFromCounts,
  csatFromCounts,
  distributionFromScores,
  formatNumber,
  npsCategory,
  npsFromCounts,
  type Metric,
} from "@/lib/metrics";
import { buildDigest } from "@/lib/digest/service";
import { claimRun, retryDelayMs, runDueDigests, sendDigestToMember } from "@/lib/digest/send";
import { mailerFromUrl } from "@/lib/mail/transport";
import { updateDigestSettings } from "@/lib/digest/settings-service";
import { isoWeekKey } from "@/lib/digest/settings";
import { ValidationError } from "@/lib/errors";
import { createOrg, uid, type Org } from "../factories";
import { freePort, startServer } from "../server";
import { startSmtpSink, type Received, type SmtpSink } from "./smtp-sink";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

// Monday 16 Nov 2026, 09:00 UTC: the default slot (Monday 08:00) passed an hour ago. This week = 9–15 Nov,
// the week before = 2–8 Nov.
const NOW = new Date("2026-11-16T09:00:00.000Z");
const WEEK_ENDING = new Date("2026-11-16T00:00:00.000Z");
const THIS_WEEK = Date.parse("2026-11-09T00:00:00.000Z");
const WEEK_BEFORE = Date.parse("2026-11-02T00:00:00.000Z");
const PERIOD_KEY = "2026-W47";

let sink: SmtpSink;
let A: Org;
let B: Org;
let tp2: string;
const scores: Record<"before" | "now", Record<Metric, number[]>> = {
  before: { nps: [], csat: [], ces: [] },
  now: { nps: [], csat: [], ces: [] },
};

/** n scores: `spec` lists [score, count]. */
const repeat = (spec: Array<[number, number]>) => spec.flatMap(([s, c]) => Array<number>(c).fill(s));

async function addResponses(org: Org, metric: Metric, touchpointId: string, weekStart: number, list: number[]) {
  const category = (s: number) =>
    metric === "nps"
      ? npsCategory(s)
      : metric === "csat"
        ? s >= 4
          ? "satisfied"
          : s === 3
            ? "neutral"
            : "dissatisfied"
        : s >= 5
          ? "agree"
          : s === 4
            ? "neutral"
            : "disagree";
  await db.response.createMany({
    data: list.map((score, i) => ({
      orgId: org.orgId,
      surveyId: org.ids.survey,
      clientId: `dg-${uid()}-${i}`,
      touchpointId,
      metric,
      score,
      category: category(score),
      completed: true,
      // spread over the week, never on its edges' wrong side
      submittedAt: new Date(weekStart + 60_000 + (i * 7 * 86_400_000 - 120_000) / Math.max(1, list.length)),
    })),
  });
}

const messagesTo = (org: Org) =>
  sink.messages.filter((m) => m.to.some((t) => Object.values(org.users).some((u) => u.email === t)));

beforeAll(async () => {
  // links in the e-mail, the same for this process and the `npm run digest:send` child
  process.env.PUBLIC_URL = "http://127.0.0.1:3999";
  sink = await startSmtpSink();
  [A, B] = [await createOrg("digest-a"), await createOrg("digest-b")];
  await db.organization.update({
    where: { id: A.orgId },
    data: { name: `Acme <Support> & Co ${uid()}`, settings: { caseRules: { dueHours: 24 } } },
  });
  const stage = await db.stage.create({
    data: {
      orgId: A.orgId,
      journeyId: (await db.journey.create({ data: { orgId: A.orgId, name: "Billing" } })).id,
      name: "Pay",
      position: 0,
    },
  });
  tp2 = (
    await db.touchpoint.create({
      data: { orgId: A.orgId, journeyId: stage.journeyId, stageId: stage.id, name: "Online payment", kind: "digital" },
    })
  ).id;

  // NPS at "Call": 30 → 50 with n = 200 each (significant); CSAT at "Online payment": 50 % → 90 % with n = 40 each
  // (significant, and the larger share of its scale); CES at "Call": 10 answers this week only (too few).
  scores.before.nps = repeat([
    [10, 100],
    [0, 40],
    [8, 60],
  ]);
  scores.now.nps = repeat([
    [10, 120],
    [3, 20],
    [7, 60],
  ]);
  scores.before.csat = repeat([
    [5, 20],
    [2, 20],
  ]);
  scores.now.csat = repeat([
    [4, 36],
    [1, 4],
  ]);
  scores.now.ces = repeat([
    [6, 6],
    [2, 4],
  ]);
  await addResponses(A, "nps", A.ids.touchpoint, WEEK_BEFORE, scores.before.nps);
  await addResponses(A, "nps", A.ids.touchpoint, THIS_WEEK, scores.now.nps);
  await addResponses(A, "csat", tp2, WEEK_BEFORE, scores.before.csat);
  await addResponses(A, "csat", tp2, THIS_WEEK, scores.now.csat);
  await addResponses(A, "ces", A.ids.touchpoint, THIS_WEEK, scores.now.ces);
  // the other organization answers in the same weeks: none of it may leak into A's digest
  await addResponses(B, "nps", B.ids.touchpoint, THIS_WEEK, repeat([[0, 50]]));
});

afterAll(async () => {
  await sink?.stop();
});

describe("buildDigest", () => {
  it("computes this week against the week before with lib/metrics, per touchpoint and journey", async () => {
    const d = await buildDigest(A.ctx("viewer"), { weekEnding: WEEK_ENDING }, NOW);
    expect(d.period).toEqual({ from: new Date(THIS_WEEK), to: WEEK_ENDING });
    const nps = npsFromCounts(distributionFromScores("nps", scores.now.nps));
    expect(d.headline.current.nps).toEqual(nps);
    expect(d.headline.previous.nps).toEqual(npsFromCounts(distributionFromScores("nps", scores.before.nps)));
    expect(d.headline.current.csat).toEqual(csatFromCounts(distributionFromScores("csat", scores.now.csat)));
    expect(d.headline.current.ces).toEqual(cesFromCounts(distributionFromScores("ces", scores.now.ces)));
    expect(d.headline.change.nps).toMatchObject({ significant: true });
    expect(d.headline.change.nps.delta).toBeCloseTo(20, 9);
    expect(d.headline.change.ces).toMatchObject({ significant: false, reason: "too_few_responses" });
    expect(d.newDetractors).toBe(20);
    expect(d.openCases).toBe(
      await db.case.count({ where: { orgId: A.orgId, status: { in: ["open", "in_progress"] } } }),
    );

    expect(d.touchpoints.changes.map((c) => `${c.name}:${c.metric}`)).toEqual(["Online payment:csat", "Call:nps"]);
    expect(d.touchpoints.tooFew).toBe(1); // CES at Call
    expect(d.journeys.changes.map((c) => `${c.name}:${c.metric}`)).toEqual([
      "Billing:csat",
      `${(await db.journey.findUniqueOrThrow({ where: { id: A.ids.journey } })).name}:nps`,
    ]);
  });
});

describe("sending the weekly digest", () => {
  it("sends one message per organization and week, whatever the number of senders at once", async () => {
    const orgIds = [A.orgId, B.orgId];
    const second = run(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        "scripts/digest-send.ts",
        "--now",
        NOW.toISOString(),
        "--org",
        await slug(A),
        "--org",
        await slug(B),
      ],
      {
        cwd: root,
        env: { ...process.env, DIGEST_SMTP_URL: sink.url },
      },
    );
    const [one, two] = await Promise.all([
      runDueDigests(mailerFromUrl(sink.url), { now: NOW, orgIds }),
      runDueDigests(mailerFromUrl(sink.url), { now: NOW, orgIds }),
    ]);
    const out = await second;
    const statuses = [...one, ...two].map((o) => o.status);
    expect(statuses.filter((s) => s === "sent").length + (out.stdout.match(/: sent/g)?.length ?? 0)).toBe(2);
    expect(messagesTo(A)).toHaveLength(1);
    expect(messagesTo(B)).toHaveLength(1);
    const runs = await db.digestRun.findMany({ where: { orgId: { in: orgIds } } });
    expect(runs.map((r) => [r.periodKey, r.status, r.attempts])).toEqual([
      [PERIOD_KEY, "sent", 1],
      [PERIOD_KEY, "sent", 1],
    ]);

    // later ticks the same week send nothing more
    expect(await runDueDigests(mailerFromUrl(sink.url), { now: new Date(NOW.getTime() + 3_600_000), orgIds })).toEqual(
      [],
    );
    expect(messagesTo(A)).toHaveLength(1);
  });

  it("writes the numbers of lib/metrics into the subject, the text part and the HTML part, to the admins and managers", async () => {
    const [m] = messagesTo(A) as [Received];
    expect(new Set(m.to)).toEqual(new Set([A.users.admin.email, A.users.manager.email]));
    const org = await db.organization.findUniqueOrThrow({ where: { id: A.orgId } });
    const nps = npsFromCounts(distributionFromScores("nps", scores.now.nps));
    const csat = csatFromCounts(distributionFromScores("csat", scores.now.csat));
    expect(m.subject).toBe(
      `Weekly CX digest, ${org.name}, 9\u2009\u2013\u200915 Nov 2026: NPS ${formatNumber(nps.nps!, 0)}`,
    );
    expect(m.text).toContain(
      `NPS: 50 \u00b1 ${formatNumber(nps.marginOfError!, 1)}, n = 200; up 20.0 points, significant (week before: 30 (n = 200))`,
    );
    expect(m.text).toContain(
      `CSAT: ${formatNumber(csat.csat!, 1)} % [${formatNumber(csat.low!, 1)} \u2013 ${formatNumber(csat.high!, 1)}], n = 40; up 40.0 points, significant`,
    );
    expect(m.text).toContain("CES: 4.40");
    expect(m.text).toContain(
      "too few responses (n = 10); no responses in one of the weeks (week before: no responses)",
    );
    expect(m.text).toContain("New detractors: 20");
    expect(m.text).toContain(
      "  - Online payment (Billing): CSAT 50.0 % \u2192 90.0 %, up 40.0 points (n = 40 \u2192 40)",
    );
    expect(m.text).toContain("1 figure had too few responses");
    expect(m.text).toContain("Open the dashboard: http://127.0.0.1:3999/");
    expect(m.html).toContain('<html lang="en">');
    expect(m.html).toContain(
      `Weekly CX digest for ${org.name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}`,
    );
    expect(m.html).not.toContain("<Support>");
    expect(m.html).toContain(
      `<strong style="font-size:18px">50</strong> <span style="color:#475569">\u00b1 ${formatNumber(nps.marginOfError!, 1)}</span>`,
    );
    expect(m.html).toContain("too few responses (n&nbsp;=&nbsp;10)");
    expect(m.html).toContain('href="http://127.0.0.1:3999/reports/digest?weekEnding=2026-11-16"');
    // nothing of organization B
    expect(m.text).not.toContain(B.name);
  });

  it("marks the run failed while SMTP is down and delivers it exactly once on a later tick", async () => {
    const C = await createOrg("digest-c");
    const down = mailerFromUrl(`smtp://127.0.0.1:${await freePort()}`); // nothing listens there
    const [failed] = await runDueDigests(down, { now: NOW, orgIds: [C.orgId] });
    expect(failed).toMatchObject({ status: "failed" });
    let r = await db.digestRun.findUniqueOrThrow({
      where: { orgId_periodKey: { orgId: C.orgId, periodKey: PERIOD_KEY } },
    });
    expect(r).toMatchObject({ status: "failed", attempts: 1 });
    expect(r.nextAttemptAt!.getTime()).toBe(NOW.getTime() + retryDelayMs(1));
    expect(r.lastError).toBeTruthy();

    const up = mailerFromUrl(sink.url);
    // before nextAttemptAt nobody retries
    expect(await runDueDigests(up, { now: new Date(NOW.getTime() + 60_000), orgIds: [C.orgId] })).toEqual([
      { orgId: C.orgId, periodKey: PERIOD_KEY, status: "not-claimed", recipients: 0 },
    ]);
    expect(messagesTo(C)).toHaveLength(0);
    // after it, two instances at once: one retries and sends
    const later = new Date(NOW.getTime() + retryDelayMs(1) + 1000);
    const outcomes = (
      await Promise.all([
        runDueDigests(up, { now: later, orgIds: [C.orgId] }),
        runDueDigests(mailerFromUrl(sink.url), { now: later, orgIds: [C.orgId] }),
      ])
    ).flat();
    expect(outcomes.filter((o) => o.status === "sent")).toHaveLength(1);
    expect(messagesTo(C)).toHaveLength(1);
    r = await db.digestRun.findUniqueOrThrow({ where: { id: r.id } });
    expect(r).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    await runDueDigests(up, { now: new Date(later.getTime() + 600_000), orgIds: [C.orgId] });
    expect(messagesTo(C)).toHaveLength(1);
  });

  it("takes over a run whose instance died mid-send once its lease expired, and never a live one", async () => {
    const D = await createOrg("digest-d");
    const claim = await claimRun(D.orgId, "2026-W40", NOW);
    expect(claim).toEqual({ id: expect.any(String), attempts: 1 });
    expect(await claimRun(D.orgId, "2026-W40", new Date(NOW.getTime() + 60_000))).toBeNull();
    const takeover = await claimRun(D.orgId, "2026-W40", new Date(NOW.getTime() + 11 * 60_000));
    expect(takeover).toEqual({ id: claim!.id, attempts: 2 });
  });

  it("respects the settings: off, another day, outside the catch-up window, chosen recipients", async () => {
    const E = await createOrg("digest-e");
    await updateDigestSettings(E.ctx("admin"), {
      enabled: false,
      weekday: 1,
      hour: 8,
      recipientsMode: "default",
      recipients: [],
    });
    expect(await runDueDigests(mailerFromUrl(sink.url), { now: NOW, orgIds: [E.orgId] })).toEqual([]);
    await updateDigestSettings(E.ctx("admin"), {
      enabled: true,
      weekday: 1,
      hour: 10,
      recipientsMode: "custom",
      recipients: [E.users.viewer.id],
    });
    expect(await runDueDigests(mailerFromUrl(sink.url), { now: NOW, orgIds: [E.orgId] })).toEqual([]); // 10:00 has not come (last week's slot is > 24 h ago)
    const at = new Date("2026-11-16T10:30:00.000Z");
    const [sent] = await runDueDigests(mailerFromUrl(sink.url), { now: at, orgIds: [E.orgId] });
    expect(sent).toMatchObject({ status: "sent", recipients: 1, periodKey: isoWeekKey(at) });
    expect(messagesTo(E).map((m) => m.to)).toEqual([[E.users.viewer.email]]);
  });

  it("sends 'Send me this now' to the asking member only, outside the weekly lease", async () => {
    const before = await db.digestRun.count({ where: { orgId: A.orgId } });
    const { to } = await sendDigestToMember(A.ctx("manager"), WEEK_ENDING, mailerFromUrl(sink.url), NOW);
    expect(to).toBe(A.users.manager.email);
    const mine = sink.messages.filter((m) => m.to.length === 1 && m.to[0] === A.users.manager.email);
    expect(mine).toHaveLength(1);
    expect(mine[0].text).toContain("NPS: 50 \u00b1");
    expect(await db.digestRun.count({ where: { orgId: A.orgId } })).toBe(before);
  });

  it("keeps the other settings, and refuses another organization's member as recipient without changing anything", async () => {
    await updateDigestSettings(A.ctx("admin"), {
      enabled: true,
      weekday: 3,
      hour: 7,
      recipientsMode: "custom",
      recipients: [A.users.agent.id],
    });
    let org = await db.organization.findUniqueOrThrow({ where: { id: A.orgId } });
    expect(org.settings).toEqual({
      caseRules: { dueHours: 24 },
      digest: { enabled: true, weekday: 3, hour: 7, recipients: [A.users.agent.id] },
    });
    const attempt = updateDigestSettings(A.ctx("admin"), {
      enabled: true,
      weekday: 1,
      hour: 8,
      recipientsMode: "custom",
      recipients: [A.users.agent.id, B.users.admin.id],
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ invalidParams: [{ name: "recipients" }] });
    org = await db.organization.findUniqueOrThrow({ where: { id: A.orgId } });
    expect((org.settings as { digest: unknown }).digest).toEqual({
      enabled: true,
      weekday: 3,
      hour: 7,
      recipients: [A.users.agent.id],
    });
  });
});

describe("the scheduler in a production server", () => {
  it("starts from instrumentation.ts when DIGEST_SMTP_URL is set and sends a due digest once", async () => {
    const F = await createOrg("digest-f");
    const now = new Date();
    // due now: this weekday, this hour (UTC)
    await updateDigestSettings(F.ctx("admin"), {
      enabled: true,
      weekday: now.getUTCDay(),
      hour: now.getUTCHours(),
      recipientsMode: "custom",
      recipients: [F.users.manager.id],
    });
    const server = await startServer({
      databaseUrl: process.env.DATABASE_URL!,
      env: { DIGEST_SMTP_URL: sink.url, DIGEST_TICK_SECONDS: "5", PUBLIC_URL: "http://127.0.0.1:3999" },
    });
    try {
      // only the server can send it: this process does not tick
      const deadline = Date.now() + 90_000;
      while (messagesTo(F).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      expect(messagesTo(F)).toHaveLength(1);
      // the sink has the message a moment before the server marks the run sent
      const run = () =>
        db.digestRun.findUniqueOrThrow({ where: { orgId_periodKey: { orgId: F.orgId, periodKey: isoWeekKey(now) } } });
      await expect.poll(async () => (await run()).status, { timeout: 10_000 }).toBe("sent");
      // the server's next ticks leave it alone
      await new Promise((res) => setTimeout(res, 6_000));
      expect(messagesTo(F)).toHaveLength(1);
    } finally {
      await server.stop();
    }
  }, 120_000);
});

async function slug(org: Org): Promise<string> {
  return (await db.organization.findUniqueOrThrow({ where: { id: org.orgId }, select: { slug: true } })).slug;
}
