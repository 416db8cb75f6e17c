// The journey map and the experience-gap report against the real database (SQLite or PostgreSQL): the two
// GROUP BYs (responses per touchpoint × metric × score, interactions per touchpoint) are checked against a
// straightforward in-memory computation of the same generated rows, with the period, channel and segment
// filters; then the gap ordering, the routes (JSON, CSV, bad input) and another organization's journey.
import { beforeAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db";
import { analyticsFilters, type AnalyticsFilters } from "@/lib/analytics/filters";
import { getJourneyMap } from "@/lib/journeys/map";
import { getGapReport } from "@/lib/journeys/gaps-report";
import { journeyScorecards } from "@/lib/journeys/scorecards";
import { cesCategory, csatCategory, npsCategory, type Metric } from "@/lib/metrics";
import { createOrg, type Org } from "../factories";
import { http } from "./http";

type Resp = { tp: string; metric: Metric; score: number; at: number; channelId: string; customerId: string };
type Inter = { tp: string; emotion: number | null; at: number; channelId: string; customerId: string };

let A: Org;
let B: Org;
let J: string;
let tps: { under: string; above: string; plain: string };
let stageOf: Map<string, string>;
let web: string;
let vip: Set<string>;
const responses: Resp[] = [];
const interactions: Inter[] = [];

const FROM = "2026-01-01";
const TO = "2026-06-30";
const RANGE = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2026-07-01T00:00:00Z") };
const filters = (extra: Partial<AnalyticsFilters> = {}) => analyticsFilters.parse({ from: FROM, to: TO, ...extra });

function inScope(
  x: { at: number; channelId: string; customerId: string },
  f: { channelId?: string; segment?: string },
) {
  if (x.at < RANGE.from || x.at >= RANGE.to) return false;
  if (f.channelId && x.channelId !== f.channelId) return false;
  if (f.segment && !vip.has(x.customerId)) return false;
  return true;
}

function valueOf(metric: Metric, scores: number[]): number | null {
  if (scores.length === 0) return null;
  if (metric === "nps")
    return (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
  return scores.reduce((a, b) => a + b, 0) / scores.length; // CSAT and CES: the mean, as the promise is stated
}

const categoryFor = (m: Metric, s: number) =>
  m === "nps" ? npsCategory(s) : m === "csat" ? csatCategory(s) : cesCategory(s);

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

beforeAll(async () => {
  [A, B] = [await createOrg("map-a"), await createOrg("map-b")];
  web = (await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } })).id;
  const journey = await db.journey.create({ data: { orgId: A.orgId, name: "Map journey" } });
  J = journey.id;
  const s1 = await db.stage.create({
    data: { orgId: A.orgId, journeyId: J, name: "Ask", position: 0, customerAction: "Calls us", backstage: "Routing" },
  });
  const s2 = await db.stage.create({ data: { orgId: A.orgId, journeyId: J, name: "Fix", position: 1 } });
  const mk = (stageId: string, name: string, t: { csat?: number; ces?: number; nps?: number }) =>
    db.touchpoint.create({
      data: {
        orgId: A.orgId,
        journeyId: J,
        stageId,
        name,
        kind: "human",
        targetCsat: t.csat,
        targetCes: t.ces,
        targetNps: t.nps,
      },
    });
  const under = await mk(s1.id, "Call back", { csat: 4.3, ces: 5.5, nps: 30 });
  const above = await mk(s1.id, "Store visit", { csat: 3.0 });
  const plain = await mk(s2.id, "Repair", {});
  tps = { under: under.id, above: above.id, plain: plain.id };
  stageOf = new Map([
    [under.id, s1.id],
    [above.id, s1.id],
    [plain.id, s2.id],
  ]);
  const customers: string[] = [];
  for (let i = 0; i < 5; i++)
    customers.push((await db.customer.create({ data: { orgId: A.orgId, name: `map-${i}` } })).id);
  vip = new Set(customers.slice(0, 2));
  await db.customerTag.createMany({ data: [...vip].map((customerId) => ({ orgId: A.orgId, customerId, tag: "vip" })) });
  await db.customerTag.create({ data: { orgId: B.orgId, customerId: B.ids.customer, tag: "vip" } });

  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const start = Date.parse("2025-12-20T00:00:00Z");
  const span = Date.parse("2026-07-10T00:00:00Z") - start;
  const edges = [RANGE.from - 1, RANGE.from, RANGE.to - 1, RANGE.to];
  const time = (i: number) => (i < edges.length * 3 ? edges[i % edges.length] : start + Math.floor(rnd() * span));
  // Call back scores low, Store visit high, Repair anything.
  const score = (tp: string, metric: Metric) => {
    if (metric === "nps") return tp === tps.under ? pick([0, 2, 5, 6, 7, 8, 9]) : Math.floor(rnd() * 11);
    const max = metric === "csat" ? 5 : 7;
    if (tp === tps.under) return pick(metric === "csat" ? [1, 2, 2, 3, 3, 4] : [1, 2, 3, 4, 5]);
    if (tp === tps.above) return pick(metric === "csat" ? [4, 5, 5] : [5, 6, 7]);
    return 1 + Math.floor(rnd() * max);
  };
  for (let i = 0; i < 1500; i++) {
    const tp = pick([tps.under, tps.under, tps.above, tps.plain]);
    const metric = pick(["csat", "csat", "ces", "nps"] as const);
    responses.push({
      tp,
      metric,
      score: score(tp, metric),
      at: time(i),
      channelId: pick([A.ids.channel, web]),
      customerId: pick(customers),
    });
  }
  for (let i = 0; i < 900; i++) {
    const tp = pick([tps.under, tps.above, tps.plain, tps.plain]);
    interactions.push({
      tp,
      emotion: pick([-2, -1, 0, 1, 2, null]),
      at: time(i),
      channelId: pick([A.ids.channel, web]),
      customerId: pick(customers),
    });
  }
  await db.response.createMany({
    data: responses.map((r, i) => ({
      orgId: A.orgId,
      surveyId: A.ids.survey,
      clientId: `map-${i}`,
      metric: r.metric,
      score: r.score,
      category: categoryFor(r.metric, r.score),
      submittedAt: new Date(r.at),
      touchpointId: r.tp,
      channelId: r.channelId,
      customerId: r.customerId,
      completed: true,
    })),
  });
  // never counted: no headline score
  await db.response.create({
    data: {
      orgId: A.orgId,
      surveyId: A.ids.survey,
      clientId: "map-custom",
      touchpointId: tps.under,
      submittedAt: new Date("2026-02-02T10:00:00Z"),
    },
  });
  await db.interaction.createMany({
    data: interactions.map((x) => ({
      orgId: A.orgId,
      customerId: x.customerId,
      touchpointId: x.tp,
      channelId: x.channelId,
      occurredAt: new Date(x.at),
      outcome: "resolved",
      emotion: x.emotion,
    })),
  });
  // the other organization has a promise and data in the same period on its own touchpoint
  await db.response.createMany({
    data: responses.slice(0, 200).map((r, i) => ({
      orgId: B.orgId,
      surveyId: B.ids.survey,
      clientId: `map-b-${i}`,
      metric: r.metric,
      score: r.score,
      category: categoryFor(r.metric, r.score),
      submittedAt: new Date(r.at),
      touchpointId: B.ids.touchpoint,
      channelId: B.ids.channel,
      customerId: B.ids.customer,
    })),
  });
});

async function checkMap(f: { channelId?: string; segment?: string }) {
  const map = await getJourneyMap(A.ctx("viewer"), J, filters(f));
  let total = 0;
  for (const stage of map.stages) {
    const stageTps = stage.touchpoints.map((t) => t.id);
    for (const tp of stage.touchpoints) {
      for (const metric of ["csat", "ces", "nps"] as const) {
        const scores = responses
          .filter((r) => r.tp === tp.id && r.metric === metric && inScope(r, f))
          .map((r) => r.score);
        const got = tp.live.metrics[metric];
        expect(got.n, `${tp.name} ${metric} n`).toBe(scores.length);
        if (scores.length) expect(got.value!, `${tp.name} ${metric}`).toBeCloseTo(valueOf(metric, scores)!, 9);
        total += got.n;
      }
      const ints = interactions.filter((x) => x.tp === tp.id && inScope(x, f));
      expect(tp.live.interactions.count, `${tp.name} interactions`).toBe(ints.length);
      const emotions = ints.map((x) => x.emotion).filter((e): e is number => e !== null);
      expect(tp.live.interactions.emotionCount).toBe(emotions.length);
      if (emotions.length) expect(tp.live.interactions.average!).toBeCloseTo(mean(emotions)!, 9);
      expect(tp.live.volume).toBe(Math.max(ints.length, tp.live.responses));
    }
    for (const metric of ["csat", "ces", "nps"] as const) {
      const scores = responses
        .filter((r) => stageTps.includes(r.tp) && r.metric === metric && inScope(r, f))
        .map((r) => r.score);
      expect(stage.live.metrics[metric].n, `${stage.name} ${metric} n`).toBe(scores.length);
      if (scores.length) expect(stage.live.metrics[metric].value!).toBeCloseTo(valueOf(metric, scores)!, 9);
    }
    const emotions = interactions
      .filter((x) => stageOf.get(x.tp) === stage.id && inScope(x, f) && x.emotion !== null)
      .map((x) => x.emotion!);
    const point = map.emotionCurve.find((p) => p.stageId === stage.id)!;
    expect(point.n).toBe(emotions.length);
    expect(point.average!).toBeCloseTo(mean(emotions)!, 9);
  }
  expect(total).toBe(responses.filter((r) => inScope(r, f)).length);
  return map;
}

describe(`journey map aggregation in the database (${provider})`, () => {
  it("per touchpoint and per stage: n, values, interactions and emotion equal the in-memory computation", async () => {
    const map = await checkMap({});
    expect(map.stages.map((s) => s.name)).toEqual(["Ask", "Fix"]);
    expect(map.stages[0].blueprint).toMatchObject({ customerAction: "Calls us", backstage: "Routing" });
    const under = map.stages[0].touchpoints.find((t) => t.id === tps.under)!;
    expect(under.live.status).toBe("friction");
    expect(under.live.gaps.map((g) => g.metric)).toEqual(["csat", "ces", "nps"]);
    const csatGap = under.live.gaps[0];
    expect(csatGap.gap!).toBeCloseTo(under.live.metrics.csat.value! - 4.3, 12);
    expect(csatGap.low!).toBeCloseTo(under.live.metrics.csat.low! - 4.3, 12);
    expect(map.stages[0].touchpoints.find((t) => t.id === tps.above)!.live.status).toBe("delight");
    expect(map.stages[1].touchpoints[0].live.gaps).toEqual([]);
  });

  it.each([
    ["channel", () => ({ channelId: web })],
    ["segment", () => ({ segment: "vip" })],
    ["channel and segment", () => ({ channelId: A.ids.channel, segment: "vip" })],
  ])("filter by %s", async (_, f) => {
    await checkMap(f());
  });

  it("another organization's channel or segment matches nothing", async () => {
    const map = await getJourneyMap(A.ctx("viewer"), J, filters({ channelId: B.ids.channel }));
    expect(
      map.stages.flatMap((s) => s.touchpoints).every((t) => t.live.responses === 0 && t.live.interactions.count === 0),
    ).toBe(true);
    await expect(getJourneyMap(A.ctx("viewer"), B.ids.journey, filters())).rejects.toThrow();
  });
});

describe(`journey scorecards for /journeys (${provider})`, () => {
  it("pool the journey's responses like the map and count its friction points; another organization's journey is empty", async () => {
    const map = await checkMap({});
    const { byJourney } = await journeyScorecards(A.ctx("viewer"), [J, B.ids.journey], filters());
    const card = byJourney.get(J)!;
    for (const metric of ["csat", "ces", "nps"] as const) {
      const scores = responses.filter((r) => r.metric === metric && inScope(r, {})).map((r) => r.score);
      expect(card.metrics[metric].n, metric).toBe(scores.length);
      expect(card.metrics[metric].value!).toBeCloseTo(valueOf(metric, scores)!, 9);
    }
    const friction = map.stages.flatMap((s) => s.touchpoints).filter((t) => t.live.status === "friction").length;
    expect(friction).toBeGreaterThan(0);
    expect(card.frictionPoints).toBe(friction);
    // B's journey has a response (above), but A's context sees none of it
    const foreign = byJourney.get(B.ids.journey)!;
    expect([foreign.metrics.csat.n, foreign.metrics.ces.n, foreign.metrics.nps.n]).toEqual([0, 0, 0]);
    expect(foreign.frictionPoints).toBe(0);
    const own = await journeyScorecards(B.ctx("viewer"), [B.ids.journey], filters());
    const ownN = Object.values(own.byJourney.get(B.ids.journey)!.metrics).reduce((a, p) => a + p.n, 0);
    expect(ownN).toBeGreaterThan(0);
  });
});

describe(`experience-gap report (${provider})`, () => {
  it("lists every promised metric of the organization, by priority: the under-promise touchpoint first", async () => {
    const report = await getGapReport(A.ctx("viewer"), filters());
    expect(report.rows.map((r) => r.key).sort()).toEqual(
      [
        `${tps.under}:csat`,
        `${tps.under}:ces`,
        `${tps.under}:nps`,
        `${tps.above}:csat`,
        `${A.ids.touchpoint}:csat`,
      ].sort(),
    );
    expect(report.rows[0].touchpoint.id).toBe(tps.under);
    expect(report.rows[0].gap.status).toBe("friction");
    const priorities = report.rows.map((r) => r.gap.priority ?? -1);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(report.rows.find((r) => r.key === `${tps.above}:csat`)!.gap.status).toBe("delight");
    expect(report.rows.find((r) => r.key === `${A.ids.touchpoint}:csat`)!.gap.status).toBe("no_responses");
    expect(JSON.stringify(report)).not.toContain(B.ids.touchpoint);
  });
});

describe("journey map and gap routes over HTTP", () => {
  it("map: the JSON has the service's numbers; another organization's journey is 404", async () => {
    const res = await http("GET", `/api/v1/journeys/${J}/map?from=${FROM}&to=${TO}&segment=vip`, {
      key: A.keys.viewer,
    });
    expect(res.status).toBe(200);
    const service = await getJourneyMap(A.ctx("viewer"), J, filters({ segment: "vip" }));
    const ns = (stages: typeof service.stages) =>
      stages.flatMap((s) => s.touchpoints.map((t) => [t.id, t.live.metrics.csat.n, t.live.interactions.count]));
    expect(ns(res.body.stages)).toEqual(ns(service.stages));
    expect(res.body.emotionCurve).toHaveLength(2);
    const foreign = await http("GET", `/api/v1/journeys/${B.ids.journey}/map`, { key: A.keys.viewer });
    expect(foreign.status).toBe(404);
  });

  it("gaps: JSON in priority order, and the same rows as CSV with n, interval, significance and priority", async () => {
    const json = await http("GET", `/api/v1/reports/gaps?from=${FROM}&to=${TO}`, { key: A.keys.viewer });
    expect(json.status).toBe(200);
    expect(json.body.rows[0].touchpoint.name).toBe("Call back");
    const csv = await http("GET", `/api/v1/reports/gaps?from=${FROM}&to=${TO}&format=csv`, { key: A.keys.viewer });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("resonance-experience-gaps-2026-01-01-to-2026-06-30.csv");
    const lines = String(csv.body).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "rank,journey,stage,touchpoint,metric,promised,perceived,perceived_low,perceived_high,n,gap,gap_low,gap_high,significant,status,interactions,responses,volume,priority,comments,top_themes",
    );
    expect(lines).toHaveLength(json.body.rows.length + 1);
    const first = lines[1].split(",");
    expect(first.slice(0, 5)).toEqual(["1", "Map journey", "Ask", "Call back", json.body.rows[0].gap.metric]);
    expect(Number(first[9])).toBe(json.body.rows[0].gap.perceived.n);
    expect(first[13]).toBe("true");
    expect(first[14]).toBe("friction");
  });

  it.each([
    ["map", "preset=5y", "preset"],
    ["map", "from=2026-02-30&to=2026-03-01", "from"],
    ["map", "from=2026-03-01&to=2026-02-01", "to"],
    ["gaps", "preset=custom&to=2026-03-01", "from"],
    ["gaps", "format=xlsx", "format"],
    ["gaps", "channelId=a&channelId=b", "channelId"],
  ])("%s: bad filter %s → 400 naming %s", async (which, qs, field) => {
    const path = which === "map" ? `/api/v1/journeys/${J}/map` : "/api/v1/reports/gaps";
    const res = await http("GET", `${path}?${qs}`, { key: A.keys.viewer });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain("application/problem+json");
    expect(res.body.invalid_params.map((p: { name: string }) => p.name)).toEqual([field]);
  });
});
