// Key drivers through GET /api/v1/metrics/drivers against the real database (SQLite or PostgreSQL): the weights,
// intervals and performance the API answers equal lib/metrics/drivers.ts run in memory on the same rows;
// filters narrow the rows; too few responses give "not enough data"; another organization's data never counts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { keyDrivers, MIN_RESPONSES_PER_DRIVER } from "@/lib/metrics/drivers";
import { npsCategory } from "@/lib/metrics";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http, type Json } from "./http";

type Gen = {
  id: string;
  at: Date;
  channelId: string;
  customerId: string;
  nps: number;
  items: Record<string, number | undefined>;
};

const QUESTIONS = [
  {
    key: "nps",
    type: "score",
    required: true,
    headline: true,
    scaleMin: 0,
    scaleMax: 10,
    text: { en: "How likely are you to recommend us?" },
  },
  { key: "speed", type: "score", scaleMin: 1, scaleMax: 5, text: { en: "Speed of service" } },
  { key: "price", type: "score", scaleMin: 1, scaleMax: 5, text: { en: "Price" } },
  { key: "staff", type: "score", scaleMin: 1, scaleMax: 5, text: { en: "Friendly staff" } },
  { key: "parking", type: "score", scaleMin: 1, scaleMax: 5, text: { en: "Parking" } }, // rarely answered
  { key: "why", type: "text", text: { en: "Why?" } },
];
const RANGE = "preset=custom&from=2026-01-01&to=2026-06-30";
const IN_RANGE = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2026-07-01T00:00:00Z") };

let A: Org;
let B: Org;
let web: string;
let vip: Set<string>;
let surveyA: string;
let surveyB: string;
const generated: Gen[] = [];

async function seed(org: Org, count: number, salt: number, channels: string[], customers: string[]) {
  const s = await createSurvey(org.orgId, { questions: QUESTIONS, languages: ["en"] });
  let state = salt;
  const rnd = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const prefix = `d${uid().slice(0, 6)}`;
  const rows: Gen[] = [];
  for (let i = 0; i < count; i++) {
    const speed = 1 + Math.floor(rnd() * 5);
    const price = Math.min(5, Math.max(1, speed + Math.floor(rnd() * 3) - 1)); // correlated with speed
    const staff = 1 + Math.floor(rnd() * 5);
    const nps = Math.min(10, Math.max(0, Math.round(1.6 * speed + 0.4 * price + 0.2 * staff - 1 + 3 * (rnd() - 0.5))));
    // ten responses skip "staff" (not complete), a handful rate "parking"; some fall outside the range
    const at =
      i % 17 === 0
        ? new Date("2025-12-31T23:59:59.999Z")
        : new Date(IN_RANGE.from + Math.floor(rnd() * (IN_RANGE.to - IN_RANGE.from)));
    rows.push({
      id: `${prefix}${String(i).padStart(5, "0")}`,
      at,
      channelId: channels[i % channels.length],
      customerId: customers[i % customers.length],
      nps,
      items: { speed, price, staff: i % 13 === 5 ? undefined : staff, parking: i % 60 === 1 ? 1 + (i % 5) : undefined },
    });
  }
  await db.response.createMany({
    data: rows.map((g) => ({
      id: g.id,
      orgId: org.orgId,
      surveyId: s.id,
      clientId: g.id,
      customerId: g.customerId,
      channelId: g.channelId,
      metric: "nps",
      score: g.nps,
      category: npsCategory(g.nps),
      completed: true,
      submittedAt: g.at,
    })),
  });
  await db.answer.createMany({
    data: rows.flatMap((g) => [
      { orgId: org.orgId, responseId: g.id, questionId: s.questionIds.nps, valueNumber: g.nps },
      ...Object.entries(g.items).flatMap(([key, v]) =>
        v === undefined ? [] : [{ orgId: org.orgId, responseId: g.id, questionId: s.questionIds[key], valueNumber: v }],
      ),
      { orgId: org.orgId, responseId: g.id, questionId: s.questionIds.why, valueText: "because" },
    ]),
  });
  return { surveyId: s.id, rows };
}

/** What the API should answer, computed here from the generated rows with the pure function. */
function expected(rows: Gen[]) {
  const inScope = rows
    .filter((g) => g.at.getTime() >= IN_RANGE.from && g.at.getTime() < IN_RANGE.to)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const keys = ["speed", "price", "staff", "parking"];
  const answered = (k: string) => inScope.filter((g) => g.items[k] !== undefined);
  const model = keys.filter((k) => answered(k).length >= MIN_RESPONSES_PER_DRIVER);
  const complete = inScope.filter((g) => model.every((k) => g.items[k] !== undefined));
  const result = keyDrivers(
    complete.map((g) => model.map((k) => g.items[k]!)),
    complete.map((g) => g.nps),
  );
  const performance = Object.fromEntries(
    keys.map((k) => [
      k,
      { n: answered(k).length, mean: answered(k).reduce((s, g) => s + g.items[k]!, 0) / answered(k).length },
    ]),
  );
  return { model, complete, result, performance };
}

const get = (query: string, org: Org = A) => http("GET", `/api/v1/metrics/drivers?${query}`, { key: org.keys.viewer });
const byKey = (body: { drivers: { key: string }[] }) =>
  Object.fromEntries(body.drivers.map((d) => [d.key, d])) as Record<string, Json>;

beforeAll(async () => {
  [A, B] = [await createOrg("drivers-a"), await createOrg("drivers-b")];
  web = (await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } })).id;
  const customers: string[] = [];
  for (let i = 0; i < 4; i++)
    customers.push((await db.customer.create({ data: { orgId: A.orgId, name: `drv-${i}` } })).id);
  await db.customerTag.createMany({
    data: [0, 1].map((i) => ({ orgId: A.orgId, customerId: customers[i], tag: "vip" })),
  });
  vip = new Set(customers.slice(0, 2));
  const a = await seed(A, 420, 7, [A.ids.channel, web], customers);
  surveyA = a.surveyId;
  generated.push(...a.rows);
  // The other organization: the same survey shape, the opposite relationship, in the same period.
  await db.customerTag.create({ data: { orgId: B.orgId, customerId: B.ids.customer, tag: "vip" } });
  surveyB = (await seed(B, 200, 99, [B.ids.channel], [B.ids.customer])).surveyId;
}, 120_000);

describe("GET /api/v1/metrics/drivers", () => {
  it("answers the relative weights, intervals and performance of lib/metrics/drivers on the same rows", async () => {
    const want = expected(generated);
    expect(want.result.enough).toBe(true);
    if (!want.result.enough) return;
    const res = await get(RANGE);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      outcome: "nps",
      survey: { id: surveyA },
      enough: true,
      reason: "ok",
      n: want.complete.length,
      needed: 30,
      resamples: 1000,
    });
    expect(res.body.surveys.map((s: { id: string }) => s.id)).toEqual([surveyA]);
    expect(res.body.rSquared).toBeCloseTo(want.result.rSquared, 10);
    const got = byKey(res.body);
    want.model.forEach((k, j) => {
      const d = want.result.enough ? want.result.drivers[j] : null!;
      expect(got[k].status, k).toBe("ok");
      expect(got[k].importance.share, k).toBeCloseTo(d.share, 10);
      expect(got[k].importance.weight, k).toBeCloseTo(d.weight, 10);
      expect(got[k].importance.shareInterval.low, k).toBeCloseTo(d.shareInterval.low, 10);
      expect(got[k].importance.shareInterval.high, k).toBeCloseTo(d.shareInterval.high, 10);
      expect(got[k].performance.n).toBe(want.performance[k].n);
      expect(got[k].performance.mean).toBeCloseTo(want.performance[k].mean, 10);
    });
    // speed drives the score (built in above), staff hardly
    expect(got.speed.importance.share).toBeGreaterThan(got.staff.importance.share);
    expect(got.speed.quadrant).toMatch(/fix-first|keep-up/);
    // answered fewer than 10 times: shown with its mean and n, no weight
    expect(want.performance.parking.n).toBeLessThan(10);
    expect(got.parking).toMatchObject({
      status: "too-few-responses",
      importance: null,
      quadrant: null,
      performance: { n: want.performance.parking.n },
    });
    expect(Object.keys(got).sort()).toEqual(["parking", "price", "speed", "staff"]); // the text question is no driver
  });

  it("applies the filters (channel, segment, survey) to the rows", async () => {
    for (const [query, keep] of [
      [`channelId=${web}`, (g: Gen) => g.channelId === web],
      ["segment=vip", (g: Gen) => vip.has(g.customerId)],
    ] as const) {
      const want = expected(generated.filter(keep));
      const res = await get(`${RANGE}&${query}`);
      expect(res.status, query).toBe(200);
      expect(res.body.n, query).toBe(want.complete.length);
      expect(res.body.n).toBeLessThan(expected(generated).complete.length);
      if (!want.result.enough) throw new Error("expected enough data for the filtered rows");
      expect(res.body.rSquared, query).toBeCloseTo(want.result.rSquared, 10);
      want.model.forEach((k, j) =>
        expect(byKey(res.body)[k].importance.share).toBeCloseTo((want.result as Json).drivers[j].share, 10),
      );
    }
    expect((await get(`${RANGE}&surveyId=${surveyA}`)).body.survey.id).toBe(surveyA);
  });

  it("says 'not enough data' below 10 complete responses per driver, and still shows performance and n", async () => {
    const res = await get("preset=custom&from=2026-03-01&to=2026-03-07");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enough: false, reason: "too-few-responses", rSquared: null, cuts: null });
    expect(res.body.n).toBeLessThan(res.body.needed);
    for (const d of res.body.drivers) {
      expect(d.importance).toBeNull();
      expect(["model-too-small", "too-few-responses"]).toContain(d.status);
    }
    expect(byKey(res.body).speed.performance.n).toBeGreaterThan(0);
    // no CSAT survey with driver items
    expect((await get(`${RANGE}&outcome=csat`)).body).toMatchObject({
      reason: "no-driver-survey",
      survey: null,
      drivers: [],
      enough: false,
    });
  });

  it("never counts or reveals another organization's data", async () => {
    const own = await get(RANGE);
    const foreign = await get(`${RANGE}&surveyId=${surveyB}`);
    expect(foreign.status).toBe(200);
    expect(foreign.body).toMatchObject({ survey: null, reason: "no-driver-survey", drivers: [] });
    expect(JSON.stringify(foreign.body)).not.toContain(surveyB);
    expect(JSON.stringify(own.body)).not.toContain(surveyB);
    const theirs = await get(RANGE, B);
    expect(theirs.body.survey.id).toBe(surveyB);
    expect(theirs.body.n).not.toBe(own.body.n);
  });

  it("names each bad field and offers the table as CSV", async () => {
    const bad = await get("outcome=ces&format=pdf&preset=2y");
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual([
      "format",
      "outcome",
      "preset",
    ]);
    const csv = await get(`${RANGE}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/resonance-nps-drivers-2026-01-01-to-2026-06-30\.csv/);
    const lines = String(csv.body).trim().split("\n");
    expect(lines[0]).toBe(
      "driver,key,relative_weight_pct,low_pct,high_pct,raw_weight,performance_mean,scale_min,scale_max,n,status",
    );
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes(",parking,"))).toMatch(/not enough data$/);
    const json = await get(RANGE);
    const speed = lines.find((l) => l.startsWith("Speed of service,"))!.split(",");
    expect(Number(speed[2])).toBeCloseTo(100 * byKey(json.body).speed.importance.share, 2);
  });
});
