// Analytics against the real database (SQLite or PostgreSQL, whichever DATABASE_URL names): the bucketed
// GROUP BY, the filters and the segments are checked against a straightforward in-memory computation of
// the same generated responses, including timestamps on the edges of days, weeks, months and the range.
import { beforeAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db";
import { getComparison, getFilterOptions, getSegmentComparison, getSummary, getTrends } from "@/lib/analytics/service";
import { analyticsFilters, type AnalyticsFilters } from "@/lib/analytics/filters";
import { compareNps, npsCategory, type Metric } from "@/lib/metrics";
import { createOrg, type Org } from "../factories";
import { http } from "./http";

type Gen = {
  metric: Metric;
  score: number;
  at: Date;
  touchpointId: string | null;
  channelId: string | null;
  surveyId: string;
  customerId: string | null;
};

let A: Org;
let B: Org;
let ids: {
  tp2: string;
  tp3: string;
  journey2: string;
  stage2b: string;
  web: string;
  survey2: string;
  customers: string[];
};
let tagsOf: Map<string, string[]>;
let touchpoints: Map<string, { journeyId: string; stageId: string }>;
const generated: Gen[] = [];

const FROM = "2026-01-01";
const TO = "2026-06-30"; // inclusive → [2026-01-01, 2026-07-01)
const RANGE = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2026-07-01T00:00:00Z") };

// Deliberately simple and independent of lib/analytics/buckets.ts.
function bucketOf(d: Date, bucket: "day" | "week" | "month"): string {
  const iso = d.toISOString().slice(0, 10);
  if (bucket === "day") return iso;
  if (bucket === "month") return iso.slice(0, 8) + "01";
  const monday = new Date(Date.parse(iso + "T00:00:00Z") - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  return monday.toISOString().slice(0, 10);
}

function valueOf(metric: Metric, scores: number[]): number | null {
  if (scores.length === 0) return null;
  const share = (pred: (s: number) => boolean) => scores.filter(pred).length / scores.length;
  if (metric === "nps") return 100 * (share((s) => s >= 9) - share((s) => s <= 6));
  if (metric === "csat") return 100 * share((s) => s >= 4);
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

function matches(g: Gen, f: AnalyticsFilters): boolean {
  const t = g.at.getTime();
  if (t < RANGE.from || t >= RANGE.to) return false;
  if (f.touchpointId && g.touchpointId !== f.touchpointId) return false;
  if (f.channelId && g.channelId !== f.channelId) return false;
  if (f.surveyId && g.surveyId !== f.surveyId) return false;
  const tp = g.touchpointId ? touchpoints.get(g.touchpointId) : undefined;
  if (f.journeyId && tp?.journeyId !== f.journeyId) return false;
  if (f.stageId && tp?.stageId !== f.stageId) return false;
  if (f.segment && !(g.customerId && tagsOf.get(g.customerId)?.includes(f.segment))) return false;
  return true;
}

/** Expected per bucket and metric: the scores that fall in it. */
function expected(f: AnalyticsFilters, bucket: "day" | "week" | "month") {
  const out = new Map<string, Record<Metric, number[]>>();
  for (const g of generated.filter((x) => matches(x, f))) {
    const k = bucketOf(g.at, bucket);
    if (!out.has(k)) out.set(k, { nps: [], csat: [], ces: [] });
    out.get(k)![g.metric].push(g.score);
  }
  return out;
}

async function checkTrends(f: AnalyticsFilters, bucket: "day" | "week" | "month") {
  const query = analyticsFilters.parse({ ...f, from: FROM, to: TO, bucket });
  const got = await getTrends(A.ctx("viewer"), query);
  const want = expected(f, bucket);
  let total = 0;
  for (const metric of ["nps", "csat", "ces"] as const) {
    for (const p of got[metric]) {
      const scores = want.get(p.bucketStart)?.[metric] ?? [];
      expect(p.n, `${metric} ${p.bucketStart} n`).toBe(scores.length);
      const v = valueOf(metric, scores);
      if (v === null) expect(p.value).toBeNull();
      else expect(p.value!, `${metric} ${p.bucketStart} value`).toBeCloseTo(v, 9);
      expect(p.enough).toBe(scores.length >= 30);
      total += p.n;
    }
  }
  // every matching response is in exactly one bucket, and every non-empty bucket is in the series
  expect(total).toBe(generated.filter((g) => matches(g, f)).length);
  for (const k of want.keys()) expect(got.nps.some((p) => p.bucketStart === k)).toBe(true);
  return { got, total };
}

beforeAll(async () => {
  [A, B] = [await createOrg("analytics-a"), await createOrg("analytics-b")];
  const web = await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } });
  const j2 = await db.journey.create({ data: { orgId: A.orgId, name: "Billing" } });
  const s2a = await db.stage.create({ data: { orgId: A.orgId, journeyId: j2.id, name: "Pay", position: 0 } });
  const s2b = await db.stage.create({ data: { orgId: A.orgId, journeyId: j2.id, name: "Dispute", position: 1 } });
  const tp2 = await db.touchpoint.create({
    data: {
      orgId: A.orgId,
      journeyId: j2.id,
      stageId: s2a.id,
      channelId: web.id,
      name: "Online payment",
      kind: "digital",
    },
  });
  const tp3 = await db.touchpoint.create({
    data: { orgId: A.orgId, journeyId: j2.id, stageId: s2b.id, name: "Dispute form", kind: "digital" },
  });
  const survey2 = await db.survey.create({
    data: { orgId: A.orgId, publicId: `pub-an-${Date.now()}`, name: "CSAT", type: "csat", status: "live" },
  });
  const customers: string[] = [];
  for (let i = 0; i < 6; i++)
    customers.push((await db.customer.create({ data: { orgId: A.orgId, name: `an-${i}` } })).id);
  const tagRows: Array<[number, string]> = [
    [0, "vip"],
    [1, "vip"],
    [2, "vip"],
    [2, "smb"],
    [3, "smb"],
    [4, "smb"],
  ];
  await db.customerTag.createMany({
    data: tagRows.map(([i, tag]) => ({ orgId: A.orgId, customerId: customers[i], tag })),
  });
  // the other organization uses the same tag names and has data in the same period
  await db.customerTag.create({ data: { orgId: B.orgId, customerId: B.ids.customer, tag: "vip" } });
  await db.customerTag.create({ data: { orgId: B.orgId, customerId: B.ids.customer, tag: "b-only" } });
  ids = { tp2: tp2.id, tp3: tp3.id, journey2: j2.id, stage2b: s2b.id, web: web.id, survey2: survey2.id, customers };
  tagsOf = new Map(customers.map((c, i) => [c, tagRows.filter(([j]) => j === i).map(([, t]) => t)]));
  touchpoints = new Map([
    [A.ids.touchpoint, { journeyId: A.ids.journey, stageId: A.ids.stage }],
    [tp2.id, { journeyId: j2.id, stageId: s2a.id }],
    [tp3.id, { journeyId: j2.id, stageId: s2b.id }],
  ]);

  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const start = Date.parse("2025-12-25T00:00:00Z");
  const span = Date.parse("2026-07-08T00:00:00Z") - start;
  const edges = [
    "2025-12-31T23:59:59.999Z",
    "2026-01-01T00:00:00.000Z", // range start
    "2026-03-01T23:59:59.999Z",
    "2026-03-02T00:00:00.000Z", // Sunday → Monday
    "2026-02-28T23:59:59.999Z",
    "2026-04-30T23:59:59.999Z",
    "2026-05-01T00:00:00.000Z", // month ends
    "2026-06-30T23:59:59.999Z",
    "2026-07-01T00:00:00.000Z", // range end
  ];
  const times = [
    ...edges.flatMap((e) => [e, e, e]).map((e) => new Date(e)),
    ...Array.from({ length: 1800 }, () => new Date(start + Math.floor(rnd() * span))),
  ];
  for (const at of times) {
    const metric = pick(["nps", "nps", "csat", "ces"] as const);
    const score = metric === "nps" ? Math.floor(rnd() * 11) : 1 + Math.floor(rnd() * (metric === "csat" ? 5 : 7));
    generated.push({
      metric,
      score,
      at,
      touchpointId: pick([A.ids.touchpoint, tp2.id, tp3.id, null]),
      channelId: pick([A.ids.channel, web.id, null]),
      surveyId: pick([A.ids.survey, survey2.id]),
      customerId: pick([...customers, null]),
    });
  }
  const row = (g: Gen, i: number, orgId: string) => ({
    orgId,
    clientId: `an-${orgId}-${i}`,
    metric: g.metric,
    score: g.score,
    submittedAt: g.at,
    category: g.metric === "nps" ? npsCategory(g.score) : null,
  });
  await db.response.createMany({
    data: generated.map((g, i) => ({
      ...row(g, i, A.orgId),
      surveyId: g.surveyId,
      touchpointId: g.touchpointId,
      channelId: g.channelId,
      customerId: g.customerId,
    })),
  });
  // never counted: no headline score; and B's responses in the same period on B's records
  await db.response.create({
    data: {
      orgId: A.orgId,
      surveyId: A.ids.survey,
      clientId: "an-custom",
      metric: null,
      score: null,
      submittedAt: new Date("2026-02-02T10:00:00Z"),
    },
  });
  await db.response.createMany({
    data: generated.slice(0, 300).map((g, i) => ({
      ...row(g, i, B.orgId),
      surveyId: B.ids.survey,
      touchpointId: B.ids.touchpoint,
      channelId: B.ids.channel,
      customerId: B.ids.customer,
    })),
  });
});

describe(`trend aggregation in the database (${provider})`, () => {
  it.each(["day", "week", "month"] as const)(
    "per %s: n and value per bucket equal the in-memory computation",
    async (bucket) => {
      const { got } = await checkTrends({}, bucket);
      const buckets = got.nps.map((p) => p.bucketStart);
      expect(buckets[0]).toBe(bucketOf(new Date(RANGE.from), bucket));
      expect(new Set(buckets).size).toBe(buckets.length);
      if (bucket === "day") expect(buckets).toHaveLength(181);
      if (bucket === "month")
        expect(buckets).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"]);
    },
  );

  it("puts Sunday 23:59:59.999 UTC in the week before Monday 00:00 and month ends in their month", async () => {
    const { got } = await checkTrends({}, "week");
    expect(got.nps.map((p) => p.bucketStart)).toContain("2026-02-23");
    const edgeWeek = expected({}, "week");
    const sunday = generated.filter((g) => g.at.toISOString() === "2026-03-01T23:59:59.999Z");
    for (const g of sunday) expect(edgeWeek.get("2026-02-23")![g.metric]).toContain(g.score);
  });

  it.each([
    ["touchpoint", () => ({ touchpointId: ids.tp2 })],
    ["journey (through the touchpoint)", () => ({ journeyId: ids.journey2 })],
    ["stage (through the touchpoint)", () => ({ stageId: ids.stage2b })],
    ["channel", () => ({ channelId: ids.web })],
    ["survey", () => ({ surveyId: ids.survey2 })],
    ["segment (customer tag)", () => ({ segment: "vip" })],
    ["several at once", () => ({ journeyId: ids.journey2, channelId: ids.web, segment: "smb" })],
  ])("filter by %s", async (_, f) => {
    const { total } = await checkTrends(f(), "week");
    expect(total).toBeGreaterThan(0);
  });

  it("another organization's ids and tags match nothing, and its responses never count", async () => {
    for (const f of [
      { touchpointId: B.ids.touchpoint },
      { journeyId: B.ids.journey },
      { stageId: B.ids.stage },
      { surveyId: B.ids.survey },
      { channelId: B.ids.channel },
      { segment: "b-only" },
    ]) {
      const got = await getTrends(A.ctx("viewer"), analyticsFilters.parse({ ...f, from: FROM, to: TO }));
      expect(
        got.volume.reduce((s, v) => s + v.total, 0),
        JSON.stringify(f),
      ).toBe(0);
    }
    const vipInB = await getTrends(B.ctx("viewer"), analyticsFilters.parse({ segment: "vip", from: FROM, to: TO }));
    const bInRange = generated
      .slice(0, 300)
      .filter((g) => g.at.getTime() >= RANGE.from && g.at.getTime() < RANGE.to).length;
    expect(vipInB.volume.reduce((s, v) => s + v.total, 0)).toBe(bInRange);
  });
});

describe(`summary and comparisons (${provider})`, () => {
  const scoresOf = (gs: Gen[], m: Metric) => gs.filter((g) => g.metric === m).map((g) => g.score);

  it("the period and the previous period of equal length, with the change and its significance", async () => {
    // 2026-04-01 .. 2026-06-30 (91 days) vs the 91 days before
    const got = await getSummary(A.ctx("viewer"), analyticsFilters.parse({ from: "2026-04-01", to: "2026-06-30" }));
    const cur = generated.filter(
      (g) => g.at.getTime() >= Date.parse("2026-04-01T00:00:00Z") && g.at.getTime() < RANGE.to,
    );
    const prevFrom = Date.parse("2026-04-01T00:00:00Z") - 91 * 86_400_000;
    const prev = generated.filter(
      (g) => g.at.getTime() >= prevFrom && g.at.getTime() < Date.parse("2026-04-01T00:00:00Z"),
    );
    expect(got.period.previous.from.getTime()).toBe(prevFrom);
    for (const m of ["nps", "csat", "ces"] as const) {
      expect(got.current[m].n).toBe(scoresOf(cur, m).length);
      expect(got.previous[m].n).toBe(scoresOf(prev, m).length);
    }
    expect(got.current.nps.nps!).toBeCloseTo(valueOf("nps", scoresOf(cur, "nps"))!, 9);
    expect(got.change.nps).toEqual(compareNps(got.previous.nps, got.current.nps));
    expect(got.change.nps.delta!).toBeCloseTo(
      valueOf("nps", scoresOf(cur, "nps"))! - valueOf("nps", scoresOf(prev, "nps"))!,
      9,
    );
  });

  it("presets resolve against `now`", async () => {
    const now = new Date("2026-07-01T00:00:00Z");
    const got = await getSummary(A.ctx("viewer"), analyticsFilters.parse({ preset: "30d" }), now);
    const from = now.getTime() - 30 * 86_400_000;
    expect(got.current.nps.n).toBe(
      generated.filter((g) => g.metric === "nps" && g.at.getTime() >= from && g.at.getTime() < now.getTime()).length,
    );
  });

  it("two segments side by side, with the difference and its significance", async () => {
    const f = analyticsFilters.parse({ from: FROM, to: TO, segment: "vip", compare: "smb" });
    const got = await getSegmentComparison(A.ctx("viewer"), f, "vip", "smb");
    for (const [side, tag] of [
      [got.a, "vip"],
      [got.b, "smb"],
    ] as const) {
      const gs = generated.filter((g) => matches(g, { segment: tag }));
      for (const m of ["nps", "csat", "ces"] as const) expect(side[m].n, `${tag} ${m}`).toBe(scoresOf(gs, m).length);
      expect(side.nps.nps!).toBeCloseTo(valueOf("nps", scoresOf(gs, "nps"))!, 9);
    }
    expect(got.difference.nps).toEqual(compareNps(got.a.nps, got.b.nps));
    // the same through getComparison (what ?compare= asks for), and "previous" otherwise
    expect((await getComparison(A.ctx("viewer"), f)).a.nps.n).toBe(got.a.nps.n);
    expect((await getComparison(A.ctx("viewer"), analyticsFilters.parse({ from: FROM, to: TO }))).kind).toBe(
      "previous",
    );
  });

  it("offers the organization's own filter options only", async () => {
    const opts = await getFilterOptions(A.ctx("viewer"));
    expect(opts.segments).toEqual([
      { tag: "smb", customers: 3 },
      { tag: "vip", customers: 3 },
    ]);
    expect(opts.touchpoints.map((t) => t.id).sort()).toEqual([A.ids.touchpoint, ids.tp2, ids.tp3].sort());
    expect(opts.stages.map((s) => s.id)).toContain(ids.stage2b);
    expect(JSON.stringify(opts)).not.toContain(B.ids.touchpoint);
  });
});

describe("metrics routes over HTTP", () => {
  it("trend: the JSON has the service's numbers, the CSV the same series with n, low and high", async () => {
    const q = `?from=${FROM}&to=${TO}&bucket=month&touchpointId=${ids.tp2}`;
    const res = await http("GET", `/api/v1/metrics/trend${q}`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    const service = await getTrends(
      A.ctx("viewer"),
      analyticsFilters.parse({ from: FROM, to: TO, bucket: "month", touchpointId: ids.tp2 }),
    );
    expect(res.body.nps.map((p: { n: number }) => p.n)).toEqual(service.nps.map((p) => p.n));
    expect(res.body.period).toMatchObject({
      bucket: "month",
      preset: "custom",
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-07-01T00:00:00.000Z",
    });

    const csv = await http("GET", `/api/v1/metrics/trend${q}&format=csv&series=csat`, { key: A.keys.viewer });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("resonance-csat-by-month-2026-01-01-to-2026-06-30.csv");
    const lines = String(csv.body).trimEnd().split("\r\n");
    expect(lines[0]).toBe("bucket_start,n,csat_pct,low,high,mean,too_few_responses,partial_bucket");
    expect(lines.slice(1).map((l) => Number(l.split(",")[1]))).toEqual(service.csat.map((p) => p.n));
  });

  it("summary and compare answer with the same numbers as the services", async () => {
    const summary = await http("GET", `/api/v1/metrics/summary?from=${FROM}&to=${TO}&segment=vip`, {
      key: A.keys.viewer,
    });
    expect(summary.status).toBe(200);
    expect(summary.body.current.nps.n).toBe(
      generated.filter((g) => g.metric === "nps" && matches(g, { segment: "vip" })).length,
    );
    expect(summary.body.change.nps).toHaveProperty("significant");
    const compare = await http("GET", `/api/v1/metrics/compare?from=${FROM}&to=${TO}&segment=vip&compare=smb`, {
      key: A.keys.viewer,
    });
    expect(compare.status).toBe(200);
    expect(compare.body).toMatchObject({ kind: "segments", a: { segment: "vip" }, b: { segment: "smb" } });
    expect(compare.body.a.nps.n).toBe(summary.body.current.nps.n);
  });

  it.each([
    ["preset=5y", "preset"],
    ["bucket=hour", "bucket"],
    ["from=2026-02-30&to=2026-03-01", "from"],
    ["from=2026-03-01&to=2026-02-01", "to"],
    ["preset=custom&to=2026-03-01", "from"],
    ["preset=18m&bucket=day", "bucket"],
    ["compare=smb", "segment"],
    ["segment=vip&compare=vip", "compare"],
    ["touchpointId=a&touchpointId=b", "touchpointId"],
    ["format=xlsx", "format"],
    ["format=csv&series=everything", "series"],
  ])("bad filter %s → 400 naming %s", async (qs, field) => {
    // the three routes share the filter schema; format and series belong to the trend route only
    const paths = qs.startsWith("format") ? ["trend"] : ["trend", "summary", "compare"];
    for (const path of paths) {
      const res = await http("GET", `/api/v1/metrics/${path}?${qs}`, { key: A.keys.viewer });
      expect(res.status, path).toBe(400);
      expect(res.contentType).toContain("application/problem+json");
      expect(res.body.invalid_params.map((p: { name: string }) => p.name)).toEqual([field]);
      expect(res.body.invalid_params[0].in).toBe("query");
    }
  });
});
