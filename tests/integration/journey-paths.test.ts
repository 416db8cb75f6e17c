// Journey paths against the real database (SQLite or PostgreSQL): customers with known interaction sequences,
// the exact nodes / links / drop-outs / top paths from the service and over HTTP, the period, channel, segment
// and steps filters, interactions with another journey's touchpoints ignored, paging by customer that gives
// the same paths whatever the page size, and another organization's journey as a 404.
import { beforeAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db";
import { analyticsFilters } from "@/lib/analytics/filters";
import { customerEvents, getJourneyPaths, type JourneyPaths } from "@/lib/journeys/paths-report";
import { customerPath } from "@/lib/journeys/paths";
import { createOrg, type Org } from "../factories";
import { http } from "./http";

let A: Org;
let B: Org;
let J: string;
const tp: Record<string, string> = {};
let web: string;
const name = (id: string) => Object.keys(tp).find((k) => tp[k] === id) ?? id;

const FROM = "2026-01-01";
const TO = "2026-06-30";
const filters = (extra: Record<string, string> = {}) => analyticsFilters.parse({ from: FROM, to: TO, ...extra });
const at = (minutes: number, day = "2026-04-01") => new Date(Date.parse(`${day}T10:00:00Z`) + minutes * 60_000);

beforeAll(async () => {
  [A, B] = [await createOrg("paths-a"), await createOrg("paths-b")];
  web = (await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } })).id;
  J = (await db.journey.create({ data: { orgId: A.orgId, name: "Paths journey" } })).id;
  const stage = await db.stage.create({ data: { orgId: A.orgId, journeyId: J, name: "All", position: 0 } });
  for (const [i, n] of ["T1", "T2", "T3"].entries())
    tp[n] = (
      await db.touchpoint.create({
        data: { orgId: A.orgId, journeyId: J, stageId: stage.id, name: n, position: i, kind: "human" },
      })
    ).id;
  // another journey of the same organization
  const J2 = (await db.journey.create({ data: { orgId: A.orgId, name: "Other journey" } })).id;
  const s2 = await db.stage.create({ data: { orgId: A.orgId, journeyId: J2, name: "Other", position: 0 } });
  tp.X = (
    await db.touchpoint.create({ data: { orgId: A.orgId, journeyId: J2, stageId: s2.id, name: "X", kind: "human" } })
  ).id;

  const c: string[] = [];
  for (let i = 0; i <= 8; i++) c.push((await db.customer.create({ data: { orgId: A.orgId, name: `paths-${i}` } })).id);
  await db.customerTag.createMany({
    data: [c[1], c[2]].map((customerId) => ({ orgId: A.orgId, customerId, tag: "vip" })),
  });
  const phone = A.ids.channel;
  const tie = `pathstie${Date.now().toString(36)}`;
  const rows: { id?: string; customer: number; t: string; when: Date; channelId?: string }[] = [
    { customer: 1, t: "T1", when: at(0) },
    { customer: 1, t: "X", when: at(1) },
    { customer: 1, t: "T2", when: at(2) },
    { customer: 1, t: "T3", when: at(3) },
    { customer: 2, t: "T1", when: at(0) },
    { customer: 2, t: "T2", when: at(5) },
    { customer: 3, t: "T1", when: at(0) },
    { customer: 3, t: "T1", when: at(1) },
    { customer: 3, t: "T3", when: at(2) },
    { customer: 4, t: "T2", when: at(0, "2026-02-10") },
    { customer: 5, t: "T1", when: new Date("2025-12-31T23:59:59Z") },
    { customer: 5, t: "T2", when: new Date("2026-07-01T00:00:00Z") },
    { customer: 6, t: "T3", when: at(0), channelId: web },
    { customer: 6, t: "T1", when: at(9), channelId: web },
    { customer: 7, t: "T2", when: at(3) },
    { customer: 7, t: "T1", when: at(1) }, // inserted out of order
    // same instant: the smaller id comes first
    { id: `${tie}b`, customer: 8, t: "T1", when: at(4) },
    { id: `${tie}a`, customer: 8, t: "T2", when: at(4) },
  ];
  await db.interaction.createMany({
    data: rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      orgId: A.orgId,
      customerId: c[r.customer],
      touchpointId: tp[r.t],
      channelId: r.channelId ?? phone,
      occurredAt: r.when,
      outcome: "resolved",
    })),
  });
  // the other organization: interactions at its own touchpoint, same period
  await db.interaction.create({
    data: {
      orgId: B.orgId,
      customerId: B.ids.customer,
      touchpointId: B.ids.touchpoint,
      channelId: B.ids.channel,
      occurredAt: at(0),
      outcome: "resolved",
    },
  });
});

const named = (p: Pick<JourneyPaths, "nodes" | "links" | "paths" | "starts">) => ({
  starts: p.starts.map((s) => [name(s.touchpointId), s.customers]).sort(),
  nodes: p.nodes.map((n) => `${n.step}:${name(n.touchpointId)} ${n.customers}/${n.continued}/${n.dropped}`).sort(),
  links: p.links.map((l) => `${l.step}:${name(l.source)}>${name(l.target)} ${l.customers}`).sort(),
  paths: p.paths.map((x) => `${x.touchpointIds.map(name).join(">")} ${x.customers}`),
});

describe(`journey paths in the database (${provider})`, () => {
  it("exact starts, nodes (customers/continued/dropped), links and top paths", async () => {
    const p = await getJourneyPaths(A.ctx("viewer"), J, filters());
    expect(p.customers).toBe(7);
    const n = named(p);
    expect(n.starts).toEqual([
      ["T1", 4],
      ["T2", 2],
      ["T3", 1],
    ]);
    expect(n.nodes).toEqual([
      "0:T1 4/4/0",
      "0:T2 2/1/1",
      "0:T3 1/1/0",
      "1:T1 2/0/2",
      "1:T2 3/1/2",
      "1:T3 1/0/1",
      "2:T3 1/0/1",
    ]);
    expect(n.links).toEqual(["0:T1>T2 3", "0:T1>T3 1", "0:T2>T1 1", "0:T3>T1 1", "1:T2>T3 1"]);
    expect(n.paths[0]).toBe("T1>T2 2");
    expect(n.paths.slice(1).sort()).toEqual(["T1>T2>T3 1", "T1>T3 1", "T2 1", "T2>T1 1", "T3>T1 1"]);
    expect(p.paths[0].share).toBeCloseTo(2 / 7, 12);
    expect(p.otherLinks).toEqual([]);
    expect(JSON.stringify(p)).not.toContain(tp.X);
  });

  it("steps = 2 cuts the paths after two touchpoints; a path that went on is not counted as left", async () => {
    const p = await getJourneyPaths(A.ctx("viewer"), J, filters(), 2);
    expect(named(p).paths[0]).toBe("T1>T2 3");
    expect(Math.max(...p.nodes.map((x) => x.step))).toBe(1);
    // T1>T2 (2 customers) ends at T2; T1>T2>T3 (1) went on past step 2
    const t2 = p.nodes.find((x) => x.step === 1 && x.touchpointId === tp.T2)!;
    expect([t2.customers, t2.continued, t2.dropped, t2.beyond]).toEqual([3, 0, 2, 1]);
    expect(p.nodes.filter((x) => x.step === 0).every((x) => x.beyond === 0)).toBe(true);
  });

  it.each([
    [
      "period March–June (customer 4 only in February)",
      () => ({ from: "2026-03-01", to: "2026-06-30" }),
      6,
      ["T1>T2 2", "T1>T2>T3 1", "T1>T3 1", "T2>T1 1", "T3>T1 1"],
    ],
    ["channel", () => ({ channelId: web }), 1, ["T3>T1 1"]],
    ["segment", () => ({ segment: "vip" }), 2, ["T1>T2 1", "T1>T2>T3 1"]],
  ])("filter by %s", async (_, f, customers, paths) => {
    const p = await getJourneyPaths(A.ctx("viewer"), J, filters(f()));
    expect(p.customers).toBe(customers);
    expect(p.starts.reduce((s, x) => s + x.customers, 0)).toBe(customers);
    expect(named(p).paths.sort()).toEqual(paths);
  });

  it("pages by customer: any page size gives the same paths (a customer split across pages is read whole)", async () => {
    const period = { from: new Date(`${FROM}T00:00:00Z`), to: new Date("2026-07-01T00:00:00Z") };
    const collect = async (pageSize: number) => {
      const out: string[] = [];
      for await (const events of customerEvents(A.ctx("viewer"), [tp.T1, tp.T2, tp.T3], {}, period, pageSize))
        out.push(customerPath(events).map(name).join(">"));
      return out;
    };
    const whole = await collect(1000);
    expect(whole).toHaveLength(7);
    for (const size of [1, 2, 3]) expect(await collect(size)).toEqual(whole);
  });

  it("another organization's journey is not found", async () => {
    await expect(getJourneyPaths(A.ctx("viewer"), B.ids.journey, filters())).rejects.toThrow();
  });
});

describe("journey paths route over HTTP", () => {
  it("JSON has the service's numbers; CSV has the paths then the steps; another organization's journey is 404", async () => {
    const res = await http("GET", `/api/v1/journeys/${J}/paths?from=${FROM}&to=${TO}`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.body.customers).toBe(7);
    expect(named(res.body).nodes).toEqual([
      "0:T1 4/4/0",
      "0:T2 2/1/1",
      "0:T3 1/1/0",
      "1:T1 2/0/2",
      "1:T2 3/1/2",
      "1:T3 1/0/1",
      "2:T3 1/0/1",
    ]);
    expect(res.body.touchpoints.map((t: { name: string }) => t.name)).toEqual(["T1", "T2", "T3"]);
    const csv = await http("GET", `/api/v1/journeys/${J}/paths?from=${FROM}&to=${TO}&format=csv`, {
      key: A.keys.viewer,
    });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("resonance-journey-paths-2026-01-01-to-2026-06-30.csv");
    const lines = String(csv.body).trimEnd().split("\n");
    expect(lines[0]).toBe(
      "section,rank_or_step,path_or_touchpoint,customers,share_or_continued,dropped,went_on_past_last_step",
    );
    expect(lines[1]).toBe("path,1,T1 > T2,2,0.2857,,");
    expect(lines.filter((l) => l.startsWith("step,"))).toHaveLength(7);
    const foreign = await http("GET", `/api/v1/journeys/${B.ids.journey}/paths`, { key: A.keys.viewer });
    expect(foreign.status).toBe(404);
  });

  it.each([
    ["steps=1", "steps"],
    ["steps=11", "steps"],
    ["steps=abc", "steps"],
    ["format=xlsx", "format"],
    ["preset=5y", "preset"],
  ])("bad query %s → 400 naming %s", async (qs, field) => {
    const res = await http("GET", `/api/v1/journeys/${J}/paths?${qs}`, { key: A.keys.viewer });
    expect(res.status).toBe(400);
    expect(res.body.invalid_params.map((p: { name: string }) => p.name)).toEqual([field]);
  });
});
