// The unit league table (docs/hierarchy.md, "Unit comparison statistics"; lib/units/league.ts) on a worked example:
// R1 {S1, S2} and R2 {S3}. Each unit's NPS is its whole subtree's, each is compared with its parent (the rest of the
// parent, docs/metrics.md "Unit against its parent"), flagged only where Benjamini–Hochberg keeps it, "too few" below
// n = 30; drilling into R1 compares S1 and S2 with R1; filters narrow what counts; another organization's unit is a 404.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { archiveUnit, createUnit } from "@/lib/units/service";
import { unitLeague, type League } from "@/lib/units/league";
import { cesCategory, csatCategory } from "@/lib/metrics/categories";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http } from "./http";

let A: Org;
let B: Org;
const u = {} as Record<"r1" | "r2" | "s1" | "s2" | "s3" | "empty" | "gone", string>;

/** `count` NPS responses with `score` in unit `unitId` (null: none), `daysAgo` days ago. */
async function responses(
  surveyId: string,
  unitId: string | null,
  score: number,
  count: number,
  channelId?: string,
  daysAgo = 10,
) {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  await db.response.createMany({
    data: Array.from({ length: count }, () => ({
      orgId: A.orgId,
      surveyId,
      clientId: `lg-${uid()}-${uid()}`,
      unitId,
      channelId,
      metric: "nps",
      score,
      category: score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor",
      completed: true,
      submittedAt: at,
    })),
  });
}

/** CSAT (1–5) or CES (1–7) responses in `unitId`, `counts[i]` of score i + 1, `daysAgo` days ago. */
async function scored(surveyId: string, metric: "csat" | "ces", unitId: string | null, counts: number[], daysAgo = 10) {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  await db.response.createMany({
    data: counts.flatMap((count, i) =>
      Array.from({ length: count }, () => ({
        orgId: A.orgId,
        surveyId,
        clientId: `lg-${uid()}-${uid()}`,
        unitId,
        metric,
        score: i + 1,
        category: metric === "csat" ? csatCategory(i + 1) : cesCategory(i + 1),
        completed: true,
        submittedAt: at,
      })),
    ),
  });
}

beforeAll(async () => {
  [A, B] = [await createOrg("league-a"), await createOrg("league-b")];
  const admin = A.ctx("admin");
  const unit = (code: string, name: string, parentId?: string) =>
    createUnit(admin, { code: `${code}-${uid()}`, name, parentId }).then((x) => x.id);
  u.r1 = await unit("R1", "North");
  u.r2 = await unit("R2", "South");
  u.s1 = await unit("S1", "Store 1", u.r1);
  u.s2 = await unit("S2", "Store 2", u.r1);
  u.s3 = await unit("S3", "Store 3", u.r2);
  u.empty = await unit("E", "Empty store", u.r2);
  u.gone = await unit("G", "Closed store", u.r2);
  await archiveUnit(admin, u.gone);
  const survey = (await createSurvey(A.orgId)).id;
  // The factory's own response goes out of every period used here: the example is these responses alone.
  await db.response.update({ where: { id: A.ids.response }, data: { submittedAt: new Date("2020-01-01") } });
  // S1: 30 promoters, 5 passives, 5 detractors → NPS 62.5 (n 40)
  await responses(survey, u.s1, 10, 30);
  await responses(survey, u.s1, 8, 5);
  await responses(survey, u.s1, 2, 5);
  // S2: 10 promoters, 10 passives, 20 detractors → NPS −25 (n 40)
  await responses(survey, u.s2, 9, 10);
  await responses(survey, u.s2, 7, 10);
  await responses(survey, u.s2, 0, 20);
  // S3: 10 responses (too few): 5 promoters, 5 detractors → NPS 0
  await responses(survey, u.s3, 10, 5);
  await responses(survey, u.s3, 3, 5);
  // R2 itself (a regional desk): 25 promoters, 5 passives → with S3: n 40, NPS (30 − 5)/40 = 62.5
  await responses(survey, u.r2, 9, 25);
  await responses(survey, u.r2, 8, 5);
  // S1 in the previous 30 days (40 days ago): 10 promoters, 10 passives, 20 detractors → NPS −25 (n 40)
  await responses(survey, u.s1, 10, 10, undefined, 40);
  await responses(survey, u.s1, 8, 10, undefined, 40);
  await responses(survey, u.s1, 0, 20, undefined, 40);
  // Without a unit: 20 passives, on the organization's figure only; on the web channel
  const web = await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Web" } });
  await responses(survey, null, 7, 20, web.id);
  // CSAT (docs/metrics.md, "Unit against its parent", the CSAT example): S1 100 responses, 70 satisfied (70 %); S2
  // the rest of that example's region, 330 of 400 (82.5 %); R1 = 400 of 500 (80 %). S3 10 × 5 (too few), 20 × 3
  // without a unit. S1 in the previous period: 40 of 100; S2 the same as now.
  await scored(survey, "csat", u.s1, [10, 10, 10, 30, 40]);
  await scored(survey, "csat", u.s2, [10, 20, 40, 120, 210]);
  await scored(survey, "csat", u.s3, [0, 0, 0, 0, 10]);
  await scored(survey, "csat", null, [0, 0, 20, 0, 0]);
  await scored(survey, "csat", u.s1, [30, 20, 10, 20, 20], 40);
  await scored(survey, "csat", u.s2, [10, 20, 40, 120, 210], 40);
  // CES (the two samples of docs/metrics.md, "Comparing two periods or two segments"): S1 n 50, mean 4.52; S2 n 55,
  // mean 5.218; R1 n 105, mean 4.8857. S1 in the previous period had S2's answers (5.218 → 4.52); S2 had none.
  await scored(survey, "ces", u.s1, [3, 4, 6, 10, 12, 8, 7]);
  await scored(survey, "ces", u.s2, [1, 2, 4, 8, 14, 14, 12]);
  await scored(survey, "ces", u.s1, [1, 2, 4, 8, 14, 14, 12], 40);
});

const row = <L extends { rows: { unit: { id: string } }[] }>(l: L, id: string) =>
  l.rows.find((r) => r.unit.id === id)! as L["rows"][number];

describe("the unit league table", () => {
  it("top level: each region's subtree against the organization, with the worked figures", async () => {
    const l = await unitLeague(A.ctx("viewer"), { preset: "30d" });
    // Organization: 30+10+5+25 = 70 promoters, 5+10+5+20 = 40 passives, 5+20+5 = 30 detractors; n 140 → NPS 28.57
    expect(l.parent.nps).toMatchObject({ n: 140, promoters: 70, passives: 40, detractors: 30 });
    expect(l.parent.nps.nps).toBeCloseTo((100 * (70 - 30)) / 140, 10);
    expect(l.unattributed).toBe(20);
    // (the factory's own top-level unit has no responses: listed last, without figures)
    expect(
      l.rows
        .filter((r) => r.nps.n > 0)
        .map((r) => r.unit.id)
        .sort(),
    ).toEqual([u.r1, u.r2].sort());
    // R1 = S1 + S2: 40 promoters, 15 passives, 25 detractors, n 80 → NPS 18.75; Δ = 18.75 − 28.571… = −9.82
    const r1 = row(l, u.r1);
    expect(r1.nps).toMatchObject({ n: 80, nps: 18.75 });
    expect(r1.delta).toBeCloseTo(18.75 - (100 * 40) / 140, 10);
    expect(r1.unit.children).toBe(2);
    // R2 = S3 + its own: 30 promoters, 5 passives, 5 detractors, n 40 → NPS 62.5
    expect(row(l, u.r2).nps).toMatchObject({ n: 40, promoters: 30, passives: 5, detractors: 5, nps: 62.5 });
    // Both against the rest of the organization, tested together: the p-values are the BH-adjusted ones.
    for (const r of l.rows.filter((x) => x.nps.n > 0)) {
      expect(r.pValue).not.toBeNull();
      expect(r.adjustedP).toBeGreaterThanOrEqual(r.pValue!);
    }
  });

  it("drilling into R1: S1 above, S2 below, both significant after Benjamini–Hochberg; the rows best first", async () => {
    const l = await unitLeague(A.ctx("viewer"), { preset: "30d", parentId: u.r1 });
    expect(l.parent.unit?.id).toBe(u.r1);
    expect(l.parent.nps.nps).toBe(18.75);
    expect(l.rows.map((r) => r.unit.id)).toEqual([u.s1, u.s2]);
    const [s1, s2] = l.rows;
    expect(s1.nps.nps).toBe(62.5);
    expect(s1.delta).toBe(62.5 - 18.75); // 43.75
    expect(s2.delta).toBe(-25 - 18.75); // −43.75
    expect([s1.significant, s1.direction, s2.significant, s2.direction]).toEqual([true, "above", true, "below"]);
    // Unit against the rest of its parent: S1 against S2 here; z = (62.5 − (−25)) / √(Var_S1 + Var_S2)
    const variance = (p: number, d: number, n: number) => (10_000 * (p + d - (p - d) ** 2)) / n;
    const z = 87.5 / Math.sqrt(variance(0.75, 0.125, 40) + variance(0.25, 0.5, 40));
    expect(s1.se).toBeCloseTo((1 - 40 / 80) * (87.5 / z), 8);
  });

  it("a small unit is 'too few' and never flagged; an empty unit is listed without figures; an archived one without responses is not", async () => {
    const l = await unitLeague(A.ctx("viewer"), { preset: "30d", parentId: u.r2 });
    expect(l.rows.map((r) => r.unit.id).sort()).toEqual([u.s3, u.empty].sort());
    const s3 = row(l, u.s3);
    expect(s3).toMatchObject({ reason: "too_few_responses", pValue: null, significant: false, direction: null });
    expect(s3.nps.n).toBe(10);
    expect(row(l, u.empty).nps.n).toBe(0);
    expect(l.rows.at(-1)!.unit.id).toBe(u.empty); // units without responses last
  });

  it("honours the filters: on the web channel only the unplaced responses count", async () => {
    const web = await db.channel.findFirstOrThrow({ where: { orgId: A.orgId, key: "web" } });
    const l = await unitLeague(A.ctx("viewer"), { preset: "30d", channelId: web.id });
    expect(l.parent.nps.n).toBe(20);
    expect(l.rows.every((r) => r.nps.n === 0)).toBe(true);
    const none = await unitLeague(A.ctx("viewer"), { preset: "7d" });
    expect(none.parent.nps.n).toBe(0);
  });

  it("each unit against its own previous period: S1 up, kept by Benjamini–Hochberg; a unit without a previous period is too few", async () => {
    expect(row(await unitLeague(A.ctx("viewer"), { preset: "30d", parentId: u.r1 }), u.s1).change).toBeUndefined();
    const l = await unitLeague(A.ctx("viewer"), { preset: "30d", parentId: u.r1 }, new Date(), { change: true });
    const s1 = row(l, u.s1).change!;
    expect(s1.previous).toMatchObject({ n: 40, promoters: 10, passives: 10, detractors: 20 });
    // NPS −25 (Var 171.875) → 62.5 (Var 121.09375): Δ 87.5, SE √292.96875 = 17.1163, z = 5.112 (docs/metrics.md,
    // "Comparing two periods or two segments"); one unit tested, so the adjusted p is its own.
    expect(s1.delta).toBeCloseTo(87.5, 10);
    expect(s1.pValue).toBeCloseTo(3.186355462846928e-7, 12);
    expect(s1.adjustedP).toBeCloseTo(s1.pValue!, 15);
    expect(s1).toMatchObject({ significant: true, direction: "up", reason: null });
    // S2 had no responses before: Δ unknown, not tested; R1's own figure is unchanged by the previous period.
    expect(row(l, u.s2).change).toMatchObject({
      delta: null,
      pValue: null,
      significant: false,
      reason: "too_few_responses",
    });
    expect(l.parent.nps.n).toBe(80);
  });

  it("over HTTP: the same figures; another organization's unit, or one that does not exist, is a 404", async () => {
    const res = await http("GET", `/api/v1/reports/units?preset=30d&parentId=${u.r1}`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { unit: { id: string } }) => r.unit.id)).toEqual([u.s1, u.s2]);
    expect(res.body.rows[0].delta).toBe(43.75);
    expect(res.body.rows[0].change).toMatchObject({ delta: 87.5, direction: "up" }); // the API gives the change
    const bUnit = (await createUnit(B.ctx("admin"), { code: `B-${uid()}`, name: "B" })).id;
    for (const id of [bUnit, "no-such-unit"]) {
      const r = await http("GET", `/api/v1/reports/units?parentId=${id}`, { key: A.keys.viewer });
      expect(r.status).toBe(404);
      expect(r.contentType).toContain("application/problem+json");
    }
    // B sees none of A's units
    const b = await http("GET", "/api/v1/reports/units", { key: B.keys.viewer });
    expect(JSON.stringify(b.body)).not.toContain(u.r1);
  });
});

// Expected values computed apart with Python and scipy: the pooled two-proportion z (100·Δ / 100·√(p̄(1 − p̄)(1/n₁ +
// 1/n₂)), p = 2·norm.sf(|z|)) and scipy.stats.ttest_ind(equal_var=False) on the expanded CES samples.
describe("the league table of CSAT (metric=csat)", () => {
  it("drilling into R1: S1 (70 %) below and S2 (82.5 %) above R1 (80 %), both kept by Benjamini–Hochberg", async () => {
    const l = await unitLeague(A.ctx("viewer"), { preset: "30d", parentId: u.r1, metric: "csat" });
    expect(l.metric).toBe("csat");
    expect(l.parent.csat).toMatchObject({ n: 500, satisfied: 400, csat: 80 });
    expect(l.rows.map((r) => r.unit.id)).toEqual([u.s2, u.s1]); // best first
    const [s2, s1] = l.rows;
    expect(s1.csat).toMatchObject({ n: 100, satisfied: 70, csat: 70 });
    expect(s2.csat).toMatchObject({ n: 400, satisfied: 330, csat: 82.5 });
    // S1 against the rest (S2): p̄ = 0.8, SE 4.4721 points, z = −2.7951, p = 0.0051886; Δ = 70 − 80, SE 0.8 · 4.4721.
    expect(s1.delta).toBeCloseTo(-10, 10);
    expect(s1.se).toBeCloseTo(3.577708763999663, 10);
    expect(s1.pValue).toBeCloseTo(0.005188607552315556, 10);
    // S2 against S1: the same |z|; Δ = 82.5 − 80 = 2.5, SE 0.2 · 4.4721. m = 2, equal p: adjusted p = p.
    expect(s2.delta).toBeCloseTo(2.5, 10);
    expect(s2.se).toBeCloseTo(0.2 * 4.472135954999579, 10);
    expect(s2.adjustedP).toBeCloseTo(0.005188607552315556, 10);
    expect([s1.direction, s2.direction]).toEqual(["below", "above"]);
  });

  it("top level: R1 against the rest of the organization (30 responses); R2 too few; unit-less responses apart", async () => {
    const l = await unitLeague(A.ctx("viewer"), { preset: "30d", metric: "csat" });
    // Organization: 400 + 10 satisfied of 500 + 10 + 20 = 530.
    expect(l.parent.csat).toMatchObject({ n: 530, satisfied: 410 });
    expect(l.unattributed).toBe(20);
    const r1 = row(l, u.r1);
    // R1 400/500 against the rest 10/30: z = 5.93209, p = 2.99101e-9; Δ = 80 − 77.358 = 2.6415, SE (30/530) · 7.8668.
    expect(r1.delta).toBeCloseTo(100 * (400 / 500 - 410 / 530), 10);
    expect(r1.se).toBeCloseTo(0.44529146621163573, 10);
    expect(r1.pValue).toBeCloseTo(2.991010272894528e-9, 15);
    expect(r1).toMatchObject({ significant: true, direction: "above" });
    expect(row(l, u.r2)).toMatchObject({ reason: "too_few_responses", pValue: null, direction: null });
    expect(row(l, u.r2).csat.n).toBe(10);
  });

  it("each unit against its previous period: S1 40 % → 70 % up (z = 4.264), S2 unchanged (p = 1)", async () => {
    const l = await unitLeague(A.ctx("viewer"), { preset: "30d", parentId: u.r1, metric: "csat" }, new Date(), {
      change: true,
    });
    const s1 = row(l, u.s1).change!;
    expect(s1.previous).toMatchObject({ n: 100, satisfied: 40 });
    expect(s1.delta).toBeCloseTo(30, 10);
    expect(s1.pValue).toBeCloseTo(2.007865612426487e-5, 12);
    // m = 2: p₍₁₎ = 2.0079e-5 → adjusted 2 · p₍₁₎; p₍₂₎ = 1.
    expect(s1.adjustedP).toBeCloseTo(2 * 2.007865612426487e-5, 12);
    expect(s1).toMatchObject({ significant: true, direction: "up" });
    expect(row(l, u.s2).change).toMatchObject({
      delta: 0,
      pValue: 1,
      adjustedP: 1,
      significant: false,
      direction: null,
    });
  });
});

describe("the league table of CES (metric=ces)", () => {
  it("drilling into R1: S1 (4.52) below and S2 (5.218) above R1 (4.886), Welch's t against the rest", async () => {
    const l = await unitLeague(A.ctx("viewer"), { preset: "30d", parentId: u.r1, metric: "ces" }, new Date(), {
      change: true,
    });
    expect(l.parent.ces.n).toBe(105);
    expect(l.parent.ces.mean).toBeCloseTo(4.885714285714286, 12);
    expect(l.rows.map((r) => r.unit.id)).toEqual([u.s2, u.s1]);
    const [s2, s1] = l.rows;
    expect(s1.ces.mean).toBeCloseTo(4.52, 12);
    // t = −2.23394, df = 97.41, p = 0.0277741 (scipy); Δ = 4.52 − 4.8857, SE (55/105) · 0.3125.
    expect(s1.delta).toBeCloseTo(-0.36571428571428655, 10);
    expect(s1.se).toBeCloseTo(0.16370836833235827, 10);
    expect(s1.pValue).toBeCloseTo(0.02777414199691695, 6);
    expect(s2.delta).toBeCloseTo(0.3324675324675317, 10);
    expect(s2.se).toBeCloseTo(0.14882578939305294, 10);
    expect(s2.adjustedP).toBeCloseTo(0.02777414199691695, 6); // m = 2, equal p
    expect([s1.direction, s2.direction]).toEqual(["below", "above"]);
    // S1's change 5.218 → 4.52: the same Welch test, p = 0.0278, alone tested (S2 had no answers before): down.
    expect(s1.change!.previous.n).toBe(55);
    expect(s1.change!.delta).toBeCloseTo(4.52 - 5.218181818181818, 10);
    expect(s1.change!.pValue).toBeCloseTo(0.02777414199691695, 6);
    expect(s1.change).toMatchObject({ significant: true, direction: "down" });
    expect(s2.change).toMatchObject({ delta: null, pValue: null, reason: "too_few_responses" });
  });

  it("a region with no CES below it has no figure; the rest of the organization is too few", async () => {
    const l: League<"ces"> = await unitLeague(A.ctx("viewer"), { preset: "30d", metric: "ces" });
    expect(l.parent.ces.n).toBe(105);
    expect(row(l, u.r1)).toMatchObject({ reason: "too_few_responses", pValue: null, significant: false });
    expect(row(l, u.r2).ces).toMatchObject({ n: 0, mean: null });
  });
});

describe("GET /api/v1/reports/units?metric=", () => {
  it("csat and ces: the figures above under the metric's own name; another value is a 400 naming metric", async () => {
    const csat = await http("GET", `/api/v1/reports/units?preset=30d&parentId=${u.r1}&metric=csat`, {
      key: A.keys.viewer,
    });
    expect(csat.status).toBe(200);
    expect(csat.body.metric).toBe("csat");
    expect(csat.body.parent.csat).toMatchObject({ n: 500, csat: 80 });
    expect(csat.body.rows.map((r: { unit: { id: string } }) => r.unit.id)).toEqual([u.s2, u.s1]);
    expect(csat.body.rows[1]).toMatchObject({ csat: { n: 100, csat: 70 }, direction: "below" });
    expect(csat.body.rows[1].nps).toBeUndefined();
    expect(csat.body.rows[1].change).toMatchObject({ previous: { n: 100, satisfied: 40 }, direction: "up" });
    const ces = await http("GET", `/api/v1/reports/units?preset=30d&parentId=${u.r1}&metric=ces`, {
      key: A.keys.viewer,
    });
    expect(ces.status).toBe(200);
    expect(ces.body.rows[1].ces).toMatchObject({ n: 50, mean: 4.52 });
    expect(ces.body.rows[1].pValue).toBeCloseTo(0.02777414199691695, 6);
    expect(ces.body.rows[1].change).toMatchObject({ direction: "down" });
    const bad = await http("GET", "/api/v1/reports/units?metric=mean", { key: A.keys.viewer });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(bad.body.invalid_params.map((e: { name: string }) => e.name)).toEqual(["metric"]);
    expect(bad.body.invalid_params[0]).toMatchObject({ in: "query", reason: "Use nps, csat or ces" });
  });
});
