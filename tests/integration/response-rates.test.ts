// Response rates on the database in DATABASE_URL (run on SQLite and PostgreSQL; docs/metrics.md "Response rate of
// invitations"): a campaign of two waves written with fixed times — invitations, their messages and reminders, the
// customers' answers, tags, record dates and interactions — whose funnel per wave, answers after each reminder,
// non-response counts and dashboard rates are known by construction. Then one response per invitation through
// the signed links over real HTTP: two clicks on two scores leave one response with the later score.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCampaign } from "@/lib/campaigns/service";
import { getCampaignRates } from "@/lib/campaigns/rates";
import { createCampaignSchema } from "@/lib/campaigns/schema";
import { invitationToken } from "@/lib/campaigns/link-token";
import { getInvitationRates } from "@/lib/dashboard/invitation-rates";
import { analyticsFilters } from "@/lib/analytics/filters";
import { ValidationError, NotFoundError } from "@/lib/errors";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { TEST_NEXTAUTH_SECRET } from "../server";
import { http } from "./http";

process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date("2026-06-01T09:00:00Z"); // wave 1 sent
const T1 = new Date("2026-09-01T09:00:00Z"); // wave 2 sent
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

let A: Org;
let B: Org;
let campaignId: string;
let surveyId: string;
let otherSurveyId: string;

type Spec = {
  wave: 1 | 2;
  status: "sent" | "bounced" | "suppressed";
  answeredAfter?: number; // ms after the wave's send
  completed?: boolean;
  reminders?: number; // reminders sent (at 72 h and 144 h)
  tags?: string[];
  createdBefore?: number; // the customer's record, ms before T0 (default 30 days)
  interactions?: Array<{ at: Date; outcome: string }>;
};

/**
 * Wave 1: 80 delivered — 20 answer 5 h after the invitation (18 complete), 10 after reminder 1 (8 complete), 6
 * after reminder 2 (4 complete), 44 never — plus 2 bounced (one answers through the widget anyway) and 3
 * suppressed. Wave 2: 40 delivered, 10 answer within the hour and complete, no reminders yet.
 */
function specs(): Spec[] {
  const out: Spec[] = [];
  for (let j = 0; j < 80; j++) {
    const s: Spec = { wave: 1, status: "sent", tags: ["newsletter"], reminders: j < 20 ? 0 : j < 30 ? 1 : 2 };
    if (j < 20) Object.assign(s, { answeredAfter: 5 * HOUR, completed: j < 18 });
    else if (j < 30) Object.assign(s, { answeredAfter: 80 * HOUR, completed: j < 28 });
    else if (j < 36) Object.assign(s, { answeredAfter: 150 * HOUR, completed: j < 34 });
    if (j < 30 || (j >= 36 && j < 46)) s.tags!.push("vip");
    if (j < 15) s.createdBefore = 800 * DAY; // 1 to 3 years
    if (j < 5) s.interactions = [{ at: at(T0, -10 * DAY), outcome: "resolved" }];
    if (j >= 36 && j < 41) s.interactions = [{ at: at(T0, -1200 * DAY), outcome: "resolved" }]; // known 3+ years
    if (j >= 50 && j < 70) s.interactions = [{ at: at(T0, -2 * DAY), outcome: "escalated" }];
    if (j === 50) s.interactions!.push({ at: at(T0, DAY), outcome: "resolved" }); // after the invitation: not "last"
    out.push(s);
  }
  out.push({ wave: 1, status: "bounced", answeredAfter: 3 * HOUR, completed: true }, { wave: 1, status: "bounced" });
  for (let j = 0; j < 3; j++) out.push({ wave: 1, status: "suppressed" });
  for (let j = 0; j < 40; j++)
    out.push({
      wave: 2,
      status: "sent",
      tags: ["newsletter"],
      ...(j < 10 ? { answeredAfter: HOUR, completed: true } : {}),
    });
  return out;
}

beforeAll(async () => {
  [A, B] = [await createOrg("rates-a"), await createOrg("rates-b")];
  const survey = await createSurvey(A.orgId);
  const other = await createSurvey(A.orgId);
  surveyId = survey.id;
  otherSurveyId = other.id;
  const campaign = await createCampaign(
    A.ctx("manager"),
    createCampaignSchema.parse({ name: `rates ${uid()}`, surveyId, audienceId: A.ids.audience, reminderCount: 2 }),
  );
  campaignId = campaign.id;
  // Written by hand with fixed times: the worker would stamp them with now.
  await db.campaign.update({ where: { id: campaignId }, data: { nextWaveAt: null, status: "paused" } });
  const waves = {
    1: await db.campaignWave.create({
      data: { orgId: A.orgId, campaignId, number: 1, scheduledAt: T0, status: "queued" },
    }),
    2: await db.campaignWave.create({
      data: { orgId: A.orgId, campaignId, number: 2, scheduledAt: T1, status: "queued" },
    }),
  };
  const all = specs();
  const customers = await db.customer.createManyAndReturn({
    data: all.map((s, k) => ({
      orgId: A.orgId,
      name: `rate ${k}`,
      email: `rate-${k}-${uid()}@example.test`,
      externalId: `RATE-${k}-${uid()}`,
      createdAt: at(T0, -(s.createdBefore ?? 30 * DAY)),
    })),
    select: { id: true },
  });
  const sentOf = (s: Spec) => (s.wave === 1 ? T0 : T1);
  const invitations = await db.invitation.createManyAndReturn({
    data: all.map((s, k) => ({
      orgId: A.orgId,
      campaignId,
      waveId: waves[s.wave].id,
      customerId: customers[k].id,
      surveyId,
      status: s.status,
      sentAt: s.status === "sent" ? sentOf(s) : null,
      reminders: s.reminders ?? 0,
    })),
    select: { id: true },
  });
  await db.outboxMessage.createMany({
    data: all.flatMap((s, k) =>
      s.status === "suppressed"
        ? []
        : [0, 1, 2]
            .filter((seq) => seq <= (s.reminders ?? 0))
            .map((seq) => ({
              orgId: A.orgId,
              invitationId: invitations[k].id,
              seq,
              status: s.status === "sent" ? "sent" : "dead",
              sentAt: s.status === "sent" ? at(sentOf(s), seq * 72 * HOUR) : null,
            })),
    ),
  });
  await db.customerTag.createMany({
    data: all.flatMap((s, k) => (s.tags ?? []).map((tag) => ({ orgId: A.orgId, customerId: customers[k].id, tag }))),
  });
  await db.interaction.createMany({
    data: all.flatMap((s, k) =>
      (s.interactions ?? []).map((x) => ({
        orgId: A.orgId,
        customerId: customers[k].id,
        occurredAt: x.at,
        outcome: x.outcome,
      })),
    ),
  });
  const response = (k: number, survey: string, submittedAt: Date, completed: boolean) => ({
    orgId: A.orgId,
    surveyId: survey,
    clientId: `rr-${k}-${uid()}`,
    customerId: customers[k].id,
    metric: "nps",
    score: 8,
    category: "passive",
    completed,
    submittedAt,
  });
  await db.response.createMany({
    data: [
      ...all.flatMap((s, k) =>
        s.answeredAfter === undefined
          ? []
          : [response(k, surveyId, at(sentOf(s), s.answeredAfter), s.completed ?? false)],
      ),
      // Not answers to these invitations: before it was sent (non-respondent 79), and to another survey (78).
      response(79, surveyId, at(T0, -DAY), true),
      response(78, otherSurveyId, at(T0, DAY), true),
      // A respondent who answered twice counts once (its first answer dates it).
      response(3, surveyId, at(T0, 100 * HOUR), true),
    ],
  });
});

describe("a campaign's response rates", () => {
  it("the funnel of the campaign and of each wave: delivered excludes bounces, started and completed only delivered invitations", async () => {
    const r = await getCampaignRates(A.ctx("manager"), campaignId);
    expect(r.funnel).toEqual({
      invited: 125,
      queued: 0,
      sent: 122,
      delivered: 120,
      confirmed: 0, // e-mail has no delivery receipts
      bounced: 2,
      failed: 0,
      suppressed: 3,
      cancelled: 0,
      started: 46,
      completed: 40,
    });
    // 46 of 120 = 38.33 %, Wilson [30.12, 47.27] %
    expect(r.responseRate).toMatchObject({ answered: 46, delivered: 120, enough: true });
    expect(r.responseRate.rate).toBeCloseTo(38.333, 3);
    expect(r.responseRate.low).toBeCloseTo(30.124387764148153, 8);
    expect(r.responseRate.high).toBeCloseTo(47.266085227156886, 8);
    expect(r.completionRate).toMatchObject({ answered: 40, delivered: 120 });
    expect(
      r.waves.map((w) => [w.number, w.funnel.invited, w.funnel.delivered, w.funnel.started, w.funnel.completed]),
    ).toEqual([
      [2, 40, 40, 10, 10],
      [1, 85, 80, 36, 30],
    ]);
    expect(r.waves[1].responseRate.rate).toBe(45);
  });

  it("answers after the invitation and after each reminder, by the time of the first answer", async () => {
    const r = await getCampaignRates(A.ctx("manager"), campaignId);
    expect(r.reminders).toEqual([
      { message: 0, sent: 120, answered: 30, completed: 28 },
      { message: 1, sent: 60, answered: 10, completed: 8 },
      { message: 2, sent: 50, answered: 6, completed: 4 },
    ]);
    const wave2 = await getCampaignRates(A.ctx("manager"), campaignId, 2);
    expect(wave2.wave).toBe(2);
    expect(wave2.funnel).toMatchObject({ delivered: 40, started: 10 });
    expect(wave2.reminders).toEqual([{ message: 0, sent: 40, answered: 10, completed: 10 }]);
  });

  it("non-response: respondents and non-respondents by segment tag, tenure band and last interaction outcome", async () => {
    const { nonResponse: v } = await getCampaignRates(A.ctx("manager"), campaignId);
    expect(v).toMatchObject({ respondents: 46, nonRespondents: 74, enough: true, omittedTags: 0 });
    const counts = v.rows.map((row) => [row.attribute, row.category, row.respondents, row.nonRespondents]);
    expect(counts).toEqual([
      ["segment", "newsletter", 46, 74],
      ["segment", "vip", 30, 10],
      ["tenure", "under 3 months", 21, 39],
      ["tenure", "3 to 12 months", 10, 30],
      ["tenure", "1 to 3 years", 15, 0],
      ["tenure", "3 years or more", 0, 5],
      ["lastOutcome", "no interaction before", 41, 49],
      ["lastOutcome", "escalated", 0, 20],
      ["lastOutcome", "resolved", 5, 5],
    ]);
    const row = (category: string) => v.rows.find((x) => x.category === category)!;
    expect(row("newsletter")).toMatchObject({ reason: "sparse", flagged: false }); // everyone: nothing to compare
    expect(row("vip")).toMatchObject({ flagged: true, reason: null }); // 65.2 % of respondents, 13.5 % of the others
    expect(row("escalated").flagged).toBe(true); // those whose last contact was escalated did not answer
    expect(row("escalated").difference).toBeCloseTo(-(100 * 20) / 74, 10);
  });

  it("a wave the campaign does not have is a 400 naming `wave`; another organization's campaign is a 404", async () => {
    await expect(getCampaignRates(A.ctx("manager"), campaignId, 3)).rejects.toBeInstanceOf(ValidationError);
    await expect(getCampaignRates(B.ctx("admin"), campaignId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a customer invited again", () => {
  it("an answer belongs to the latest invitation delivered before it, not to every earlier one", async () => {
    // Two waves of one campaign to the same two customers: c1 answers only after wave 2 was sent, c2 between the
    // waves. Wave 1 has one respondent (c2), wave 2 one (c1) — not two and one.
    const survey = await createSurvey(A.orgId);
    const campaign = await createCampaign(
      A.ctx("manager"),
      createCampaignSchema.parse({ name: `again ${uid()}`, surveyId: survey.id, audienceId: A.ids.audience }),
    );
    await db.campaign.update({ where: { id: campaign.id }, data: { nextWaveAt: null, status: "paused" } });
    const [T2, T3] = [new Date("2026-10-01T09:00:00Z"), new Date("2026-11-01T09:00:00Z")];
    const waves = await Promise.all(
      [T2, T3].map((t, k) =>
        db.campaignWave.create({
          data: { orgId: A.orgId, campaignId: campaign.id, number: k + 1, scheduledAt: t, status: "queued" },
        }),
      ),
    );
    const [c1, c2] = await Promise.all(
      [1, 2].map((k) =>
        db.customer.create({
          data: { orgId: A.orgId, name: `again ${k}`, email: `again-${k}-${uid()}@example.test`, externalId: uid() },
        }),
      ),
    );
    for (const [w, t] of [
      [waves[0], T2],
      [waves[1], T3],
    ] as const)
      for (const c of [c1, c2]) {
        const inv = await db.invitation.create({
          data: {
            orgId: A.orgId,
            campaignId: campaign.id,
            waveId: w.id,
            customerId: c.id,
            surveyId: survey.id,
            status: "sent",
            sentAt: t,
          },
        });
        await db.outboxMessage.create({
          data: { orgId: A.orgId, invitationId: inv.id, seq: 0, status: "sent", sentAt: t },
        });
      }
    const answer = (customerId: string, submittedAt: Date) => ({
      orgId: A.orgId,
      surveyId: survey.id,
      clientId: `again-${uid()}`,
      customerId,
      metric: "nps",
      score: 9,
      category: "promoter",
      completed: true,
      submittedAt,
    });
    await db.response.createMany({ data: [answer(c1.id, at(T3, HOUR)), answer(c2.id, at(T2, 2 * DAY))] });
    const r = await getCampaignRates(A.ctx("manager"), campaign.id);
    expect(r.funnel).toMatchObject({ delivered: 4, started: 2, completed: 2 });
    expect(r.waves.map((w) => [w.number, w.funnel.started])).toEqual([
      [2, 1],
      [1, 1],
    ]);
    expect((await getCampaignRates(A.ctx("manager"), campaign.id, 1)).reminders).toEqual([
      { message: 0, sent: 2, answered: 1, completed: 1 },
    ]);
  });
});

describe("the dashboard's response rate beside n", () => {
  const filters = (q: Record<string, string>) => analyticsFilters.parse({ preset: "custom", ...q });

  it("counts the invitations delivered in the period and whether their customers answered since", async () => {
    const june = await getInvitationRates(A.ctx("viewer"), filters({ from: "2026-05-01", to: "2026-06-30" }));
    expect(june.nps).toMatchObject({ answered: 36, delivered: 80, rate: 45 });
    expect(june.csat).toBeNull(); // no CSAT invitations: nothing, not 0 %
    const both = await getInvitationRates(A.ctx("viewer"), filters({ from: "2026-05-01", to: "2026-09-30" }));
    expect(both.nps).toMatchObject({ answered: 46, delivered: 120 });
    const vip = await getInvitationRates(
      A.ctx("viewer"),
      filters({ from: "2026-05-01", to: "2026-09-30", segment: "vip" }),
    );
    expect(vip.nps).toMatchObject({ answered: 30, delivered: 40 });
  });

  it("shows nothing where it is not defined: another survey, a touchpoint filter, another organization", async () => {
    const range = { from: "2026-05-01", to: "2026-09-30" };
    expect((await getInvitationRates(A.ctx("viewer"), filters({ ...range, surveyId: otherSurveyId }))).nps).toBeNull();
    const tp = await getInvitationRates(A.ctx("viewer"), filters({ ...range, touchpointId: A.ids.touchpoint }));
    expect(tp).toEqual({ nps: null, csat: null, ces: null });
    expect((await getInvitationRates(B.ctx("viewer"), filters(range))).nps).toBeNull();
  });

  it("the summary API carries them, and the campaign API its rates with problem+json for a bad wave", async () => {
    const summary = await http("GET", "/api/v1/metrics/summary?preset=custom&from=2026-05-01&to=2026-06-30", {
      key: A.keys.viewer,
    });
    expect(summary.status).toBe(200);
    expect(summary.body.responseRates.nps).toMatchObject({ answered: 36, delivered: 80, rate: 45 });
    const rates = await http("GET", `/api/v1/campaigns/${campaignId}/response-rates?wave=1`, { key: A.keys.manager });
    expect(rates.status).toBe(200);
    expect(rates.body.funnel).toMatchObject({ delivered: 80, started: 36 });
    const bad = await http("GET", `/api/v1/campaigns/${campaignId}/response-rates?wave=x`, { key: A.keys.manager });
    expect(bad.status).toBe(400);
    expect(bad.body.invalid_params[0].name).toBe("wave");
  });
});

describe("one response per invitation", () => {
  it("two clicks on two scores leave one response with the later score; the GETs themselves record nothing", async () => {
    const customer = await db.customer.create({
      data: { orgId: A.orgId, name: "twice", email: `twice-${uid()}@example.test`, externalId: `TW-${uid()}` },
    });
    const wave = await db.campaignWave.create({
      data: { orgId: A.orgId, campaignId, number: 3, scheduledAt: new Date(), status: "queued" },
    });
    const inv = await db.invitation.create({
      data: {
        orgId: A.orgId,
        campaignId,
        waveId: wave.id,
        customerId: customer.id,
        surveyId,
        status: "sent",
        sentAt: new Date(Date.now() - 1000),
      },
    });
    const publicId = (await db.survey.findUniqueOrThrow({ where: { id: surveyId } })).publicId;
    const token = invitationToken(inv.id);
    let rt = "";
    const click = async (score: number) => {
      const res = await http("GET", `/i/${token}?score=${score}`);
      expect(res.status).toBe(303);
      const to = new URL(res.headers.get("location")!);
      expect(to.searchParams.get("rid")).toMatch(new RegExp(`^inv\\.${inv.id}\\.[A-Za-z0-9_-]{22}$`));
      expect(to.searchParams.get("rt")).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // the hosted page, as a scanner following the redirect fetches it: still nothing stored
      expect((await http("GET", to.pathname + to.search)).status).toBe(200);
      expect(await db.response.count({ where: { customerId: customer.id } })).toBe(score === 9 ? 0 : 1);
      // the page's script saves the score with the invitation's client id and resume token
      rt = to.searchParams.get("rt")!;
      return http("POST", `/api/v1/public/surveys/${publicId}/responses`, {
        body: {
          clientId: to.searchParams.get("rid"),
          resumeToken: to.searchParams.get("rt"),
          answers: { nps: score },
          complete: false,
          customerExternalId: to.searchParams.get("cid"),
          customerToken: to.searchParams.get("ct"),
          channel: to.searchParams.get("ch") ?? undefined,
        },
      });
    };
    const first = await click(9);
    expect(first.status).toBe(201);
    const second = await click(3);
    expect(second.status).toBe(200);
    const stored = await db.response.findMany({ where: { customerId: customer.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ score: 3, category: "detractor", completed: false });

    // The client id alone (as staff see it in the responses) continues nothing without the resume token.
    const hijack = await http("POST", `/api/v1/public/surveys/${publicId}/responses`, {
      body: { clientId: stored[0].clientId, answers: { nps: 10 }, complete: false },
    });
    expect(hijack.status).toBe(409);
    // A client id that only looks like an invitation's gets a random token, like any other.
    const lookalike = `inv.${inv.id}.${"A".repeat(22)}`;
    const own = await http("POST", `/api/v1/public/surveys/${publicId}/responses`, {
      body: { clientId: lookalike, answers: { nps: 10 }, complete: false },
    });
    expect(own.status).toBe(201);
    expect(own.body.resumeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(own.body.resumeToken).not.toBe(rt);
  });
});
