// Theme analytics (docs/text-analytics.md, "Theme analytics"): comments written through the analyse-on-write path,
// whose figures are counted by hand here — 100 NPS responses: 40 detractors (2) complaining about billing and waiting,
// 30 promoters (10) praising staff, ease and the app, 10 passives (7) writing French (not analysed: no themes, not a
// comment), 10 passives and 10 promoters (9) without a comment. Responses outside the period, another organization's
// and a touchpoint filter show that the figures are filtered as every other figure (responseWhere).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/db-bulk";
import { valueOf } from "@/lib/digest/select";
import { analyseOnWrite } from "@/lib/text-analytics/store";
import { getThemesReport, getThemeTrends } from "@/lib/text-analytics/themes-report";
import { loadScope } from "@/lib/units/scope-load";
import { createOrg, uid, type Org } from "../factories";
import { http } from "./http";
import { createSurvey } from "../factories/surveys";

const COMPLAINT = "You charged me twice and I waited 40 minutes on hold. Not good at all.";
const PRAISE = "Friendly staff, easy app.";
const FRENCH = "Service lent et facture fausse.";
const NOW = new Date();
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

let A: Org;
let B: Org;

/** Writes responses with their comment answer and analyses them as the bulk write paths do (analyseOnWrite). */
async function write(
  org: Org,
  rows: { n: number; score: number; comment: string | null; locale?: string; days?: number; touchpoint?: boolean }[],
) {
  const survey = await createSurvey(org.orgId);
  const responses = rows.flatMap((r) =>
    Array.from({ length: r.n }, (_, i) => ({
      id: newId(),
      orgId: org.orgId,
      surveyId: survey.id,
      clientId: `c-${uid()}-${i}`,
      metric: "nps",
      score: r.score,
      category: r.score >= 9 ? "promoter" : r.score >= 7 ? "passive" : "detractor",
      comment: r.comment,
      hasComment: r.comment !== null,
      completed: true,
      locale: r.locale ?? "en",
      touchpointId: r.touchpoint ? org.ids.touchpoint : null,
      submittedAt: daysAgo(r.days ?? 3),
    })),
  );
  const question = r0(survey.questionIds.why_low);
  const answers = responses
    .filter((r) => r.comment !== null)
    .map((r) => ({ id: newId(), orgId: org.orgId, responseId: r.id, questionId: question, valueText: r.comment }));
  await db.$transaction(async (tx) => {
    await tx.response.createMany({ data: responses });
    await tx.answer.createMany({ data: answers });
    await analyseOnWrite(tx, { responses, answers });
  });
}
const r0 = (s: string | undefined) => s!;

beforeAll(async () => {
  [A, B] = [await createOrg("themes-a"), await createOrg("themes-b")];
  // Only the fixture's responses: the factory's one response would be counted by a request made after NOW.
  await db.response.deleteMany({ where: { orgId: { in: [A.orgId, B.orgId] } } });
  await write(A, [
    { n: 40, score: 2, comment: COMPLAINT },
    { n: 30, score: 10, comment: PRAISE, touchpoint: true },
    { n: 10, score: 7, comment: FRENCH, locale: "fr" },
    { n: 10, score: 7, comment: null },
    { n: 10, score: 9, comment: null },
    { n: 25, score: 0, comment: COMPLAINT, days: 200 }, // outside the 90-day period
  ]);
  await write(B, [{ n: 50, score: 0, comment: COMPLAINT }]);
});

/** The themes each fixture text was given, read back from the stored analyses (not from the report's GROUP BYs). */
async function themesOf(text: string): Promise<string[]> {
  const a = await db.textAnalysis.findFirstOrThrow({
    where: { orgId: A.orgId, answer: { valueText: text } },
    include: { themes: true },
  });
  return a.themes.map((t) => t.themeKey).sort();
}

describe("theme analytics", () => {
  it("counts, shares, sentiment, mentioners against the rest and the contribution, as counted by hand", async () => {
    const complaint = await themesOf(COMPLAINT);
    const praise = await themesOf(PRAISE);
    expect(complaint).toEqual(expect.arrayContaining(["billing", "waiting-time"]));
    expect(praise).toEqual(expect.arrayContaining(["app-website", "ease", "staff"]));
    expect(complaint.filter((t) => praise.includes(t))).toEqual([]);
    const sentiment = async (text: string) =>
      (await db.textAnalysis.findFirstOrThrow({ where: { orgId: A.orgId, answer: { valueText: text } } })).sentiment!;

    const report = await getThemesReport(A.ctx("viewer"), {}, NOW);
    expect(report.metric).toBe("nps");
    expect(report.comments).toBe(70); // 40 + 30; French is not analysed, 20 have no comment, 25 are too old
    expect(report.responses).toBe(100);
    const taxonomy = await db.textTheme.count({ where: { orgId: A.orgId, archivedAt: null } });
    expect(report.themes).toHaveLength(taxonomy); // every live theme, mentioned or not
    expect(
      report.themes
        .slice(0, complaint.length)
        .map((t) => t.theme)
        .sort(),
    ).toEqual(complaint);

    const billing = report.themes.find((t) => t.theme === "billing")!;
    expect(billing.name).toBeTruthy();
    expect(billing.mentions).toBe(40);
    expect(billing.share.share).toBeCloseTo((100 * 40) / 70, 10);
    expect(billing.share.low).toBeLessThan(billing.share.share!);
    expect(billing.share.enough).toBe(true);
    expect(billing.sentiment.mean).toBeCloseTo(await sentiment(COMPLAINT), 10);
    // Mentioners: 40 detractors, NPS −100. The rest: 30 + 10 promoters, 20 passives of 60, NPS 66.67.
    expect(billing.mentioners).toMatchObject({ n: 40, nps: -100 });
    expect(billing.others.n).toBe(60);
    expect(valueOf(billing.others)).toBeCloseTo(200 / 3, 10);
    const varRest = (10_000 * (40 / 60 - (40 / 60) ** 2)) / 60; // p + d − (p − d)², d = 0
    const delta = -100 - 200 / 3;
    expect(billing.difference.delta).toBeCloseTo(delta, 10);
    expect(billing.difference.se).toBeCloseTo(Math.sqrt(0 + varRest), 10);
    expect(billing.difference.low).toBeCloseTo(delta - 1.96 * Math.sqrt(varRest), 2);
    expect(billing.difference.significant).toBe(true);
    // Overall NPS (40 promoters, 40 detractors of 100) = 0; without the mentioners 66.67: −66.67 = 0.4 · Δ.
    expect(billing.contribution.value).toBeCloseTo(0 - 200 / 3, 10);
    expect(billing.contribution.value).toBeCloseTo(0.4 * delta, 10);
    expect(billing.enough).toBe(true);

    const staff = report.themes.find((t) => t.theme === "staff")!;
    expect(staff).toMatchObject({ mentions: 30, mentioners: { n: 30, nps: 100 } });
    expect(staff.sentiment.mean).toBeCloseTo(await sentiment(PRAISE), 10);
    expect(staff.others).toMatchObject({ n: 70 });
    expect(valueOf(staff.others)).toBeCloseTo((100 * (10 - 40)) / 70, 10);

    const silent = report.themes.find((t) => !complaint.includes(t.theme) && !praise.includes(t.theme))!;
    expect(silent).toMatchObject({
      mentions: 0,
      share: { share: 0 },
      mentioners: { n: 0 },
      contribution: { value: null },
    });
  });

  it("honours the filters: a touchpoint, the unit scope, a metric without responses", async () => {
    const tp = await getThemesReport(A.ctx("viewer"), { touchpointId: A.ids.touchpoint }, NOW);
    expect(tp.comments).toBe(30);
    expect(tp.responses).toBe(30);
    const staff = tp.themes.find((t) => t.theme === "staff")!;
    expect(staff).toMatchObject({ mentions: 30, share: { share: 100, enough: true }, enough: false });
    // Every response mentions it: there is no figure without them.
    expect(staff.contribution.value).toBeNull();
    expect(tp.themes.find((t) => t.theme === "billing")!.mentions).toBe(0);

    // A unit-scoped caller whose units hold none of these responses sees no comment at all.
    const store = await db.unit.findFirstOrThrow({ where: { orgId: A.orgId, code: "S-1" } });
    const scoped = { ...A.ctx("viewer"), scope: await loadScope(A.orgId, store.id) };
    const none = await getThemesReport(scoped, {}, NOW);
    expect(none).toMatchObject({ comments: 0, responses: 0 });
    expect(none.themes.every((t) => t.mentions === 0)).toBe(true);

    const csat = await getThemesReport(A.ctx("viewer"), { metric: "csat" }, NOW);
    expect(csat.comments).toBe(70);
    expect(csat.responses).toBe(0);
    expect(csat.themes.find((t) => t.theme === "billing")).toMatchObject({ mentions: 40, mentioners: { n: 0 } });
  });

  it("another organization's comments never count", async () => {
    const b = await getThemesReport(B.ctx("viewer"), {}, NOW);
    expect(b.comments).toBe(50);
    expect(b.themes.find((t) => t.theme === "billing")!.mentions).toBe(50);
    expect(b.themes.find((t) => t.theme === "staff")!.mentions).toBe(0);
  });

  it("the trends: a point per bucket for every live theme, empty ones included, summing to the period's figures", async () => {
    const all = (await getThemeTrends(A.ctx("viewer"), { preset: "90d" }, NOW))!;
    const taxonomy = await db.textTheme.count({ where: { orgId: A.orgId, archivedAt: null } });
    expect(all.themes).toHaveLength(taxonomy);
    const billing = all.themes.find((t) => t.key === "billing")!;
    const one = (await getThemeTrends(A.ctx("viewer"), { preset: "90d", theme: "billing" }, NOW))!;
    expect(one.themes).toEqual([billing]);
    const points = billing.points;
    expect(points.length).toBeGreaterThan(10); // weekly buckets over 90 days
    expect(points.reduce((s, p) => s + p.mentions, 0)).toBe(40);
    expect(points.reduce((s, p) => s + p.comments, 0)).toBe(70);
    expect(points.filter((p) => p.mentions > 0).every((p) => p.metric?.n === p.mentions)).toBe(true);
    expect(points.filter((p) => p.comments === 0).every((p) => p.share.share === null)).toBe(true);

    const quiet = all.themes.find((t) => t.key === "price")!;
    expect(quiet.points).toHaveLength(points.length);
    expect(quiet.points.every((p) => p.mentions === 0)).toBe(true);
    expect(await getThemeTrends(A.ctx("viewer"), { theme: "no-such-theme" }, NOW)).toBeNull();
  });

  it("the API answers the same figures, and its CSV holds them row by row", async () => {
    const json = await http("GET", "/api/v1/metrics/themes", { key: A.keys.viewer });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ comments: 70, responses: 100, metric: "nps" });
    const csv = await http("GET", "/api/v1/metrics/themes?format=csv", { key: A.keys.viewer });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain("text/csv");
    const [header, ...lines] = String(csv.body).trim().split(/\r?\n/);
    const cols = header!.split(",");
    const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])));
    const billing = rows.find((r) => r.key === "billing")!;
    expect(billing).toMatchObject({ mentions: "40", comments: "70", mentioners_n: "40", mentioners_value: "-100" });
    expect(Number(billing.share_pct)).toBeCloseTo((100 * 40) / 70, 2);
    expect(Number(billing.others_value)).toBeCloseTo(200 / 3, 2);
    expect(Number(billing.contribution)).toBeCloseTo(-200 / 3, 2);
    expect(billing.status).toBe("ok");
    expect(rows.find((r) => r.key === "price")).toMatchObject({ mentions: "0", status: "too few" });
    const bad = await http("GET", "/api/v1/metrics/themes?metric=xyz&format=pdf", { key: A.keys.viewer });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("metric");
    expect(JSON.stringify(bad.body)).toContain("format");
    const missing = await http("GET", "/api/v1/metrics/themes/trend?theme=no-such", { key: A.keys.viewer });
    expect(missing.status).toBe(404);
  });
});
