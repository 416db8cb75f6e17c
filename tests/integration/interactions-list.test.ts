// The interactions list over real HTTP: every filter of GET /api/v1/interactions (touchpoint, channel, who logged
// it, source, outcome, emotion, period, note text) against a plain in-memory computation over the rows this file
// wrote, cursor pagination with filters (every row exactly once), the same filters on the CSV export, bad filters
// named in problem+json, and another organization's ids selecting nothing. Runs on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { createOrg, type Org } from "../factories";
import { baseURL, http, type Json } from "./http";

type Row = {
  id: string;
  touchpointId: string | null;
  channelId: string | null;
  staffId: string | null;
  source: string;
  outcome: string;
  emotion: number | null;
  note: string | null;
  occurredAt: number;
};

let A: Org;
let B: Org;
let rows: Row[] = [];
let secondTouchpoint: string;
let emailChannel: string;
const BASE = Date.parse("2026-05-01T09:00:00Z");
const HOUR = 3_600_000;
const SQLITE = process.env.DATABASE_URL!.startsWith("file:");
const OUTCOMES = ["resolved", "follow_up", "escalated", "no_action"];
const NOTES = ["Refund agreed", "asked about refund", "Delivery late", null, "Password reset"];

beforeAll(async () => {
  [A, B] = await Promise.all([createOrg("ilist-a"), createOrg("ilist-b")]);
  const stage = await db.stage.findFirstOrThrow({ where: { id: A.ids.stage } });
  secondTouchpoint = (
    await db.touchpoint.create({
      data: { orgId: A.orgId, journeyId: stage.journeyId, stageId: stage.id, name: "Shop visit", kind: "human" },
    })
  ).id;
  emailChannel = (await db.channel.create({ data: { orgId: A.orgId, key: "email", name: "E-mail" } })).id;
  // 40 interactions over 40 hours: every touchpoint, channel, outcome, emotion (and none), staff and API rows
  const data = Array.from({ length: 40 }, (_, i) => ({
    orgId: A.orgId,
    customerId: A.ids.customer,
    touchpointId: i % 5 === 4 ? null : i % 2 ? secondTouchpoint : A.ids.touchpoint,
    channelId: i % 3 === 0 ? emailChannel : A.ids.channel,
    staffId: i % 4 === 0 ? null : i % 4 === 1 ? A.users.agent.id : A.users.manager.id,
    source: i % 4 === 0 ? "api" : "staff",
    outcome: OUTCOMES[i % 4 === 0 ? 1 : i % OUTCOMES.length],
    emotion: i % 6 === 5 ? null : (i % 5) - 2,
    note: NOTES[i % NOTES.length],
    occurredAt: new Date(BASE + i * HOUR),
  }));
  for (const d of data) await db.interaction.create({ data: d });
  rows = (await db.interaction.findMany({ where: { orgId: A.orgId } })).map((r) => ({
    id: r.id,
    touchpointId: r.touchpointId,
    channelId: r.channelId,
    staffId: r.staffId,
    source: r.source,
    outcome: r.outcome,
    emotion: r.emotion,
    note: r.note,
    occurredAt: r.occurredAt.getTime(),
  }));
});

/** Every page of the list for a query string, following nextCursor. */
async function listAll(query: string, key = A.keys.viewer, limit = 7): Promise<Json[]> {
  const seen: Json[] = [];
  let cursor = "";
  for (let i = 0; i < 50; i++) {
    const res = await http("GET", `/api/v1/interactions?limit=${limit}&${query}${cursor}`, { key });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    seen.push(...res.body.data);
    if (!res.body.nextCursor) return seen;
    cursor = `&cursor=${res.body.nextCursor}`;
  }
  throw new Error("pagination did not end");
}

const newestFirst = (a: Row, b: Row) => b.occurredAt - a.occurredAt || (a.id < b.id ? 1 : -1);

describe("GET /api/v1/interactions filters", () => {
  const cases: [string, () => string, (r: Row) => boolean][] = [
    ["touchpoint", () => `touchpointId=${secondTouchpoint}`, (r) => r.touchpointId === secondTouchpoint],
    ["channel", () => `channelId=${emailChannel}`, (r) => r.channelId === emailChannel],
    ["staff member", () => `staffId=${A.users.agent.id}`, (r) => r.staffId === A.users.agent.id],
    ["source api", () => "source=api", (r) => r.source === "api"],
    ["outcome", () => "outcome=escalated", (r) => r.outcome === "escalated"],
    ["emotion −2", () => "emotion=-2", (r) => r.emotion === -2],
    ["emotion 0", () => "emotion=0", (r) => r.emotion === 0],
    [
      "period, `to` a date that includes its day",
      () => "from=2026-05-01T20:00:00Z&to=2026-05-02",
      (r) => r.occurredAt >= Date.parse("2026-05-01T20:00:00Z") && r.occurredAt < Date.parse("2026-05-03T00:00:00Z"),
    ],
    // as documented (lib/interactions/schema.ts): case-sensitive on PostgreSQL, ASCII case-insensitive on SQLite
    ["note text", () => "q=refund", (r) => (SQLITE ? (r.note ?? "").toLowerCase() : (r.note ?? "")).includes("refund")],
    [
      "several at once",
      () => `channelId=${A.ids.channel}&outcome=follow_up&source=staff`,
      (r) => r.channelId === A.ids.channel && r.outcome === "follow_up" && r.source === "staff",
    ],
  ];

  for (const [name, query, keep] of cases)
    it(`${name}: exactly the matching rows, newest first, each once across pages`, async () => {
      const expected = rows.filter(keep).sort(newestFirst);
      expect(expected.length, "the fixture has some of these").toBeGreaterThan(0);
      expect(expected.length, "and not all").toBeLessThan(rows.length);
      const got = await listAll(query());
      expect(got.map((r: Json) => r.id)).toEqual(expected.map((r) => r.id));
    });

  it("an empty value is no filter (a GET form sends every field)", async () => {
    const got = await listAll("touchpointId=&channelId=&outcome=&emotion=&from=&to=&q=", A.keys.viewer, 200);
    expect(got).toHaveLength(rows.length);
  });

  it("bad filters are a 400 naming each field, and nothing is listed", async () => {
    const res = await http("GET", "/api/v1/interactions?outcome=happy&emotion=3&from=soon&q=x&source=robot", {
      key: A.keys.viewer,
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain("application/problem+json");
    const fields = (res.body.invalid_params as { name: string }[]).map((p) => p.name).sort();
    expect(fields).toEqual(["emotion", "from", "outcome", "q", "source"]);
  });

  it("an end before the start is refused on `to`", async () => {
    const res = await http("GET", "/api/v1/interactions?from=2026-05-03&to=2026-05-01", { key: A.keys.viewer });
    expect(res.status).toBe(400);
    expect(res.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["to"]);
  });

  it("another organization's touchpoint, channel or member selects nothing of theirs", async () => {
    for (const q of [
      `touchpointId=${A.ids.touchpoint}`,
      `channelId=${A.ids.channel}`,
      `staffId=${A.users.agent.id}`,
      `customerId=${A.ids.customer}`,
    ]) {
      const res = await http("GET", `/api/v1/interactions?${q}`, { key: B.keys.viewer });
      expect(res.status).toBe(200);
      expect(res.body.data, q).toEqual([]);
    }
  });
});

describe("GET /api/v1/exports/interactions with the list's filters", () => {
  it("exports exactly the rows the list shows for the same filters", async () => {
    const query = `outcome=follow_up&channelId=${A.ids.channel}`;
    const res = await fetch(`${baseURL()}/api/v1/exports/interactions?${query}`, {
      headers: { authorization: `Bearer ${A.keys.viewer}` },
    });
    expect(res.status).toBe(200);
    const records = parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[];
    const expected = rows.filter((r) => r.outcome === "follow_up" && r.channelId === A.ids.channel);
    expect(records.map((r) => r.clientId).sort()).toEqual(expected.map((r) => r.id).sort());
    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, action: "interactions.exported" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.stringify(audit?.data)).toContain("follow_up");
  });

  it("a bad filter is a 400 and exports nothing", async () => {
    const res = await http("GET", "/api/v1/exports/interactions?emotion=9", { key: A.keys.viewer });
    expect(res.status).toBe(400);
    expect(res.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["emotion"]);
  });
});
