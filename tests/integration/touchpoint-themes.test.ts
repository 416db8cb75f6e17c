// Top themes per touchpoint on the journey map and in the gap report, and the digest's theme changes
// (docs/text-analytics.md, "Top themes per touchpoint" and "In the weekly digest"), on the real database: comments
// written through analyseOnWrite, the figures compared with a computation from the stored rows (read one by one, not
// through the GROUP BYs) and with numbers worked by hand; the digest's p-value with scipy's.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/db-bulk";
import { resolvePeriod } from "@/lib/analytics/filters";
import { getJourneyMap } from "@/lib/journeys/map";
import { getGapReport } from "@/lib/journeys/gaps-report";
import { buildDigest, startOfUtcDay } from "@/lib/digest/service";
import { renderDigestText, digestLinks } from "@/lib/digest/email";
import { analyseOnWrite } from "@/lib/text-analytics/store";
import type { TouchpointThemes } from "@/lib/text-analytics/touchpoint-themes";
import { STARTER_TAXONOMY } from "@/lib/text/analyse";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http } from "./http";

const COMPLAINT = "You charged me twice and I waited 40 minutes on hold. Not good at all.";
const PRAISE = "Friendly staff, easy app.";
const FRENCH = "Service lent et facture fausse.";
const BILL = "The bill was wrong again.";
const STAFF = "Friendly staff.";
const PLAIN = "I called on Tuesday.";
const NOW = new Date();
const DAY = 86_400_000;

type Row = {
  n: number;
  score: number;
  comment: string;
  at: Date;
  touchpointId?: string | null;
  channelId?: string | null;
  unitId?: string | null;
  locale?: string;
};

/** Responses with their comment answer, analysed as the bulk write paths do (analyseOnWrite). */
async function write(org: Org, rows: Row[]) {
  const survey = await createSurvey(org.orgId);
  const responses = rows.flatMap((r) =>
    Array.from({ length: r.n }, (_, i) => ({
      id: newId(),
      orgId: org.orgId,
      surveyId: survey.id,
      clientId: `tt-${uid()}-${i}`,
      metric: "nps",
      score: r.score,
      category: r.score >= 9 ? "promoter" : r.score >= 7 ? "passive" : "detractor",
      comment: r.comment,
      hasComment: true,
      completed: true,
      locale: r.locale ?? "en",
      touchpointId: r.touchpointId ?? null,
      channelId: r.channelId ?? null,
      unitId: r.unitId ?? null,
      submittedAt: new Date(r.at.getTime() + i * 60_000),
    })),
  );
  const answers = responses.map((r) => ({
    id: newId(),
    orgId: org.orgId,
    responseId: r.id,
    questionId: survey.questionIds.why_low!,
    valueText: r.comment,
  }));
  await db.$transaction(async (tx) => {
    await tx.response.createMany({ data: responses });
    await tx.answer.createMany({ data: answers });
    await analyseOnWrite(tx, { responses, answers });
  });
}

let A: Org;
let T1: string;
let T2: string;
let other: string; // a second channel of A

beforeAll(async () => {
  A = await createOrg("tp-themes");
  await db.response.deleteMany({ where: { orgId: A.orgId } });
  T1 = A.ids.touchpoint;
  const t2 = await db.touchpoint.create({
    data: {
      orgId: A.orgId,
      journeyId: A.ids.journey,
      stageId: A.ids.stage,
      name: "Second counter",
      kind: "human",
      targetNps: 0,
    },
  });
  T2 = t2.id;
  await db.touchpoint.update({ where: { id: T1 }, data: { targetNps: 0 } });
  other = (await db.channel.create({ data: { orgId: A.orgId, key: `web-${uid()}`, name: "Web" } })).id;
  const recent = new Date(NOW.getTime() - 3 * DAY);
  await write(A, [
    { n: 30, score: 2, comment: COMPLAINT, at: recent, touchpointId: T1 },
    { n: 10, score: 10, comment: PRAISE, at: recent, touchpointId: T1, channelId: other },
    { n: 5, score: 7, comment: FRENCH, at: recent, touchpointId: T1, locale: "fr" }, // not analysed: not a comment
    { n: 20, score: 2, comment: COMPLAINT, at: new Date(NOW.getTime() - 200 * DAY), touchpointId: T1 }, // too old
    { n: 12, score: 9, comment: PRAISE, at: recent, touchpointId: T2 },
    { n: 7, score: 1, comment: BILL, at: recent, touchpointId: null }, // no touchpoint
  ]);
});

/** The expected top themes of one touchpoint, from the stored analyses read one by one (not the GROUP BYs). */
async function fromRawRows(touchpointId: string, channelId?: string): Promise<TouchpointThemes> {
  const period = resolvePeriod({}, NOW);
  const analyses = await db.textAnalysis.findMany({
    where: {
      orgId: A.orgId,
      source: "answer",
      isComment: true,
      language: { not: "unsupported" },
      response: {
        touchpointId,
        score: { not: null },
        submittedAt: { gte: period.from, lt: period.to },
        ...(channelId ? { channelId } : {}),
      },
    },
    include: { themes: true },
  });
  const order = STARTER_TAXONOMY.map((t) => t.id);
  const per = new Map<string, number[]>();
  for (const a of analyses)
    for (const t of a.themes) per.set(t.themeKey, [...(per.get(t.themeKey) ?? []), a.sentiment!]);
  const comments = analyses.length;
  const themes = [...per]
    .sort(([a, x], [b, y]) => y.length - x.length || order.indexOf(a) - order.indexOf(b))
    .map(([key, s]) => ({
      key,
      mentions: s.length,
      share: { share: (100 * s.length) / comments, enough: comments >= 30 },
      sentiment: { n: s.length, mean: s.reduce((x, y) => x + y, 0) / s.length },
    }));
  return {
    comments,
    enough: comments >= 30,
    themes: themes.slice(0, 5),
    more: Math.max(0, themes.length - 5),
  } as never;
}

function expectSame(got: TouchpointThemes, want: TouchpointThemes) {
  expect(got.comments).toBe(want.comments);
  expect(got.enough).toBe(want.enough);
  expect(got.more).toBe(want.more);
  expect(got.themes.map((t) => [t.key, t.mentions])).toEqual(want.themes.map((t) => [t.key, t.mentions]));
  got.themes.forEach((t, i) => {
    expect(t.share.share).toBeCloseTo(want.themes[i]!.share.share!, 10);
    expect(t.share.enough).toBe(want.themes[i]!.share.enough);
    expect(t.sentiment.mean).toBeCloseTo(want.themes[i]!.sentiment.mean!, 10);
    expect(t.sentiment.n).toBe(t.mentions);
  });
}

describe("top themes per touchpoint", () => {
  it("the journey map: each touchpoint's themes equal a computation from the stored rows, and the hand count", async () => {
    const map = await getJourneyMap(A.ctx("viewer"), A.ids.journey, {}, NOW);
    const tps = map.stages.flatMap((s) => s.touchpoints);
    const t1 = tps.find((t) => t.id === T1)!.themes;
    const t2 = tps.find((t) => t.id === T2)!.themes;
    expectSame(t1, await fromRawRows(T1));
    expectSame(t2, await fromRawRows(T2));
    // By hand: 30 complaints + 10 praise at T1 (French, old and touchpoint-less comments are not counted).
    expect(t1.comments).toBe(40);
    expect(t1.enough).toBe(true);
    const billing = t1.themes.find((t) => t.key === "billing")!;
    expect(billing).toMatchObject({ name: "Billing", mentions: 30, share: { share: 75, enough: true } });
    expect(billing.share.low).toBeLessThan(75);
    expect(billing.share.high).toBeGreaterThan(75);
    const complaint = (
      await db.textAnalysis.findFirstOrThrow({ where: { orgId: A.orgId, answer: { valueText: COMPLAINT } } })
    ).sentiment!;
    expect(billing.sentiment.mean).toBeCloseTo(complaint, 10);
    expect(t1.themes[0]!.mentions).toBe(30);
    expect(t1.themes.find((t) => t.key === "staff")).toMatchObject({ mentions: 10, share: { share: 25 } });
    // T2: 12 comments, every share "too few" but shown.
    expect(t2).toMatchObject({ comments: 12, enough: false });
    expect(t2.themes.find((t) => t.key === "staff")).toMatchObject({
      mentions: 12,
      share: { share: 100, enough: false },
    });
  });

  it("honours the map's channel filter and the gap report carries the same themes on each touchpoint's row", async () => {
    const map = await getJourneyMap(A.ctx("viewer"), A.ids.journey, { channelId: other }, NOW);
    const t1 = map.stages.flatMap((s) => s.touchpoints).find((t) => t.id === T1)!.themes;
    expectSame(t1, await fromRawRows(T1, other));
    expect(t1).toMatchObject({ comments: 10, enough: false });
    expect(t1.themes.map((t) => t.key)).not.toContain("billing");

    const report = await getGapReport(A.ctx("viewer"), {}, NOW);
    const row = (id: string) => report.rows.find((r) => r.touchpoint.id === id)!;
    expectSame(row(T1).themes, await fromRawRows(T1));
    expectSame(row(T2).themes, await fromRawRows(T2));
    const filtered = await getGapReport(A.ctx("viewer"), { channelId: other }, NOW);
    expect(filtered.rows.find((r) => r.touchpoint.id === T1)!.themes.comments).toBe(10);
  });

  it("an archived theme is left out; the API's JSON and the gap CSV carry the themes", async () => {
    const res = await http("GET", `/api/v1/journeys/${A.ids.journey}/map`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    const tp = res.body.stages[0].touchpoints.find((t: { id: string }) => t.id === T1);
    expect(tp.themes.comments).toBe(40);
    expect(tp.themes.themes[0]).toMatchObject({ key: "billing", mentions: 30, share: { share: 75 } });
    const gaps = await http("GET", "/api/v1/reports/gaps", { key: A.keys.viewer });
    const g = gaps.body.rows.find((r: { touchpoint: { id: string } }) => r.touchpoint.id === T1);
    expect(g.themes.themes.map((t: { key: string }) => t.key)).toContain("billing");
    const csv = await http("GET", "/api/v1/reports/gaps?format=csv", { key: A.keys.viewer });
    const lines = String(csv.body).split(/\r?\n/);
    expect(lines[0]).toMatch(/,comments,top_themes$/);
    expect(lines.find((l) => l.includes(",40,billing 75 %; waiting-time 75 %"))).toBeTruthy();

    // Archive billing (the taxonomy's own rows): it leaves the list; the rest keep their shares of the same base.
    await http("GET", "/api/v1/text/themes", { key: A.keys.manager }); // the starter taxonomy becomes the org's rows
    await db.textTheme.updateMany({ where: { orgId: A.orgId, key: "billing" }, data: { archivedAt: new Date() } });
    const map = await getJourneyMap(A.ctx("viewer"), A.ids.journey, {}, NOW);
    const t1 = map.stages.flatMap((s) => s.touchpoints).find((t) => t.id === T1)!.themes;
    expect(t1.themes.map((t) => t.key)).not.toContain("billing");
    expect(t1.comments).toBe(40);
    await db.textTheme.updateMany({ where: { orgId: A.orgId, key: "billing" }, data: { archivedAt: null } });
  });
});

describe("the digest's theme changes", () => {
  // The week before: 40 comments, 4 about the bill, 10 about staff; this week 50: 20 and 12.
  // billing 10 % → 40 %: p̄ = 24/90, SE = 100 · √(p̄(1 − p̄)(1/40 + 1/50)) = 9.380832 points, z = 30/9.380832 = 3.198011,
  // p = 0.00138379 (scipy.stats.norm.sf(3.198011) · 2); staff 25 % → 24 %: p = 0.912655. Benjamini–Hochberg over
  // the two (scipy.stats.false_discovery_control): billing 0.00276758, staff 0.912655 — only billing is listed.
  const weekEnding = startOfUtcDay(NOW);
  let C: Org;
  let unitId: string;

  beforeAll(async () => {
    C = await createOrg("digest-themes");
    await db.response.deleteMany({ where: { orgId: C.orgId } });
    unitId = (
      await db.unit.create({
        data: { orgId: C.orgId, code: "U1", name: "Store 1", kind: "store", path: "/", depth: 0 },
      })
    ).id;
    await db.unit.update({ where: { id: unitId }, data: { path: `/${unitId}/` } });
    const before = new Date(weekEnding.getTime() - 10 * DAY);
    const during = new Date(weekEnding.getTime() - 3 * DAY);
    await write(C, [
      { n: 4, score: 3, comment: BILL, at: before },
      { n: 10, score: 9, comment: STAFF, at: before },
      { n: 26, score: 8, comment: PLAIN, at: before },
      { n: 20, score: 3, comment: BILL, at: during, unitId },
      { n: 12, score: 9, comment: STAFF, at: during, unitId },
      { n: 18, score: 8, comment: PLAIN, at: during, unitId },
    ]);
  });

  it("tests each theme's share with the two-proportion z-test and Benjamini–Hochberg, as scipy computes it", async () => {
    const d = await buildDigest(C.ctx("viewer"), { weekEnding }, NOW);
    expect(d.themes.comments).toEqual({ previous: 40, current: 50 });
    expect(d.themes.tested).toBe(2);
    expect(d.themes.significant).toBe(1);
    expect(d.themes.changes).toHaveLength(1);
    const billing = d.themes.changes[0]!;
    expect(billing).toMatchObject({
      theme: "billing",
      name: "Billing",
      previous: { mentions: 4, comments: 40, share: 10 },
      current: { mentions: 20, comments: 50, share: 40 },
      significant: true,
    });
    expect(billing.delta).toBeCloseTo(30, 10);
    expect(billing.se).toBeCloseTo(9.380832, 5);
    expect(billing.statistic).toBeCloseTo(3.198011, 5);
    expect(billing.pValue).toBeCloseTo(0.00138379, 7);
    expect(billing.adjustedP).toBeCloseTo(0.00276758, 7);
    const text = renderDigestText(d, digestLinks("http://127.0.0.1:3000", weekEnding));
    expect(text).toContain(
      "  - Billing: 10.0 % \u2192 40.0 % of comments, up 30.0 points (n = 40 \u2192 50 comments; adjusted p = 0.0028)",
    );
  });

  it("a unit-scoped member's digest counts their unit's comments only", async () => {
    const scoped = { ...C.ctx("manager"), scope: { unitId, unitName: "Store 1", unitIds: [unitId] } };
    const d = await buildDigest(scoped, { weekEnding }, NOW);
    // The week before has no comment in the unit: nothing is tested, and the digest says why.
    expect(d.themes.comments).toEqual({ previous: 0, current: 50 });
    expect(d.themes).toMatchObject({ tested: 0, significant: 0, changes: [] });
    const text = renderDigestText(d, digestLinks("http://127.0.0.1:3000", weekEnding));
    expect(text).toContain("No theme's share of comments changed significantly between the two weeks.");
    expect(text).toContain("Too few analysed comments to test (n = 0 \u2192 50;");
  });
});
