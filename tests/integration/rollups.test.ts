// The score roll-ups (ResponseDailyOrg per day, ResponseMonthly per month, for the whole organization: docs/rollups.md)
// against the real database, SQLite or PostgreSQL:
// 1. any random sequence of writes — public ingestion (the batch and the one-response path, partial → complete),
//    multi-row and single inserts, updates of a score, metric, day or dimension, unit reassignment and backfill,
//    the erasure's anonymisation, deletes, and deleting a touchpoint, channel, unit, survey or the organization
//    (foreign-key SET NULL and CASCADE) — leaves it equal to a recomputation from the raw rows;
// 2. the query function answers exactly what a GROUP BY over the raw rows answers, for random half-open periods
//    with mid-day edges, every bucket and the filters (touchpoint, channel, survey, journey, unit subtree);
// 3. the operator's rebuild repairs a damaged roll-up.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma, provider } from "@/lib/db";
import { narrowToUnit } from "@/lib/analytics/unit-filter";
import { countsByBucket, countsCurrentAndPrevious } from "@/lib/analytics/trend";
import { responseCountsByTouchpoint } from "@/lib/journeys/map-sql";
import { getHeadline } from "@/lib/dashboard/headline";
import { anonymiseResponses } from "@/lib/privacy/erasure";
import { backfillStep } from "@/lib/units/backfill";
import { reassignRows } from "@/lib/units/reassign";
import { rebuildRollups, rollupDifferences } from "@/lib/rollups/rebuild";
import { splitPeriod } from "@/lib/rollups/query";
import type { CountRow } from "@/lib/metrics";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http, respondent } from "./http";
import { script } from "./operator-script";
import { coverage, differencesWithout, pick, rollupDimensions } from "./rollups-world";

const DAY = 86_400_000;
const T0 = Date.parse("2026-03-02T00:00:00Z");

let A: Org;
beforeAll(async () => {
  A = await createOrg("rollups");
  await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } });
});

/** Fresh touchpoints, channels, units and surveys for one run (so that a run may delete them). */
async function world(orgId: string) {
  const dims = await rollupDimensions(orgId);
  const surveys = [
    await createSurvey(orgId, { touchpointId: dims.touchpointIds[1] }),
    await createSurvey(orgId, { type: "csat" }),
  ];
  return { ...dims, surveys };
}
type World = Awaited<ReturnType<typeof world>>;

const { tally, kinds } = coverage();

const rowArb = fc.record({
  metric: fc.constantFrom("nps", "csat", "ces", null, "effort"),
  score: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 5 }),
  at: fc.integer({ min: -2 * DAY, max: 4 * DAY - 1 }),
  tp: fc.nat(2),
  ch: fc.nat(2),
  unit: fc.nat(2),
  survey: fc.nat(1),
});
type RowGen = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

const opArb = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), rows: fc.array(rowArb, { minLength: 1, maxLength: 12 }) }),
  fc.record({
    kind: fc.constant("ingest" as const),
    scores: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 5 }),
    partial: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("resume" as const), score: fc.integer({ min: 0, max: 10 }) }),
  fc.record({
    kind: fc.constant("update" as const),
    every: fc.integer({ min: 1, max: 4 }),
    change: fc.oneof(
      fc.record({ field: fc.constant("score" as const), value: fc.option(fc.integer({ min: 0, max: 10 })) }),
      fc.record({ field: fc.constant("metric" as const), value: fc.constantFrom("nps", "csat", "ces", null) }),
      fc.record({ field: fc.constant("submittedAt" as const), value: fc.integer({ min: -2 * DAY, max: 4 * DAY }) }),
      fc.record({
        field: fc.constantFrom("touchpointId" as const, "channelId" as const, "unitId" as const),
        value: fc.nat(2),
      }),
      fc.record({ field: fc.constant("surveyId" as const), value: fc.nat(1) }),
    ),
  }),
  fc.record({ kind: fc.constant("reassign" as const), to: fc.nat(1), fromNone: fc.boolean() }),
  fc.constant({ kind: "backfill" as const }),
  fc.record({ kind: fc.constant("anonymise" as const), every: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("delete" as const), every: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant("drop" as const),
    what: fc.constantFrom("touchpoint" as const, "channel" as const, "unit" as const, "survey" as const),
    i: fc.nat(1),
  }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

async function runOp(
  op: Op,
  w: World,
  state: { partial: Array<{ publicId: string; clientId: string; resumeToken: string }> },
) {
  const ids = async (every: number) =>
    (
      await db.response.findMany({
        where: { surveyId: { in: w.surveys.map((s) => s.id) } },
        select: { id: true },
        orderBy: { id: "asc" },
      })
    )
      .map((r) => r.id)
      .filter((_, i) => i % every === 0);
  switch (op.kind) {
    case "insert": {
      const data = op.rows.map((r: RowGen) => ({
        orgId: A.orgId,
        surveyId: w.surveys[r.survey].id,
        clientId: `gen-${randomUUID()}`,
        metric: r.metric,
        score: r.score,
        submittedAt: new Date(T0 + r.at),
        touchpointId: pick(w.touchpointIds, r.tp),
        channelId: pick(w.channelIds, r.ch),
        unitId: pick(w.unitIds, r.unit),
      }));
      // One row: Prisma's single INSERT; more: one multi-row INSERT (as the batch, imports and demo data write).
      if (data.length === 1) await db.response.create({ data: data[0] });
      else await db.response.createMany({ data });
      return;
    }
    case "ingest": {
      const survey = w.surveys[0];
      await Promise.all(
        op.scores.map(async (nps, i) => {
          const clientId = `ing-${randomUUID()}`;
          const answers = op.partial ? { nps } : { nps, ...(nps <= 6 ? { why_low: "slow" } : {}), plan: "pro" };
          const res = await http("POST", `/api/v1/public/surveys/${survey.publicId}/responses`, {
            body: { clientId, answers, complete: !op.partial },
            headers: respondent(`rollups ${clientId} ${i}`),
          });
          if (res.status === 201) tally(op.partial ? "ingest partial" : "ingest complete");
          if (op.partial && res.status === 201)
            state.partial.push({ publicId: survey.publicId, clientId, resumeToken: res.body.resumeToken });
        }),
      );
      return;
    }
    case "resume": {
      const p = state.partial.shift();
      if (!p) return;
      const answers = { nps: op.score, ...(op.score <= 6 ? { why_low: "slow" } : {}), plan: "basic" };
      const res = await http("POST", `/api/v1/public/surveys/${p.publicId}/responses`, {
        body: { clientId: p.clientId, resumeToken: p.resumeToken, answers, complete: true },
        headers: respondent(`rollups ${p.clientId} resume`),
      });
      if (res.status === 200 || res.status === 201) tally("resume");
      return;
    }
    case "update": {
      const list = await ids(op.every);
      const c = op.change;
      const data =
        c.field === "score"
          ? { score: c.value }
          : c.field === "metric"
            ? { metric: c.value }
            : c.field === "submittedAt"
              ? { submittedAt: new Date(T0 + c.value) }
              : c.field === "surveyId"
                ? { surveyId: w.surveys[c.value].id }
                : {
                    [c.field]: pick(
                      c.field === "touchpointId" ? w.touchpointIds : c.field === "channelId" ? w.channelIds : w.unitIds,
                      c.value,
                    ),
                  };
      if (c.field === "surveyId") {
        // (surveyId, clientId) is unique: move one row at a time, so a clash affects that row only
        for (const id of list) await db.response.update({ where: { id }, data }).catch(() => undefined);
      } else await db.response.updateMany({ where: { id: { in: list } }, data });
      return;
    }
    case "reassign": {
      const to = w.unitIds[op.to];
      const exists = await db.unit.findFirst({ where: { id: to } });
      if (!exists) return;
      await reassignRows(A.ctx("admin"), {
        toUnitId: to,
        ...(op.fromNone ? { fromUnitId: null } : { touchpointId: w.touchpointIds[0] }),
        kinds: ["responses"],
        dryRun: false,
      }).catch((e: unknown) => {
        if (!(e instanceof Error && /Touchpoint|Unit/.test(e.message))) throw e;
      });
      return;
    }
    case "backfill":
      await db.$transaction((tx) => backfillStep(tx, A.orgId, { kind: "response", after: null }));
      return;
    case "anonymise": {
      const list = await ids(op.every);
      await db.$transaction((tx) => anonymiseResponses(tx, list, new Date()));
      return;
    }
    case "delete": {
      const list = await ids(op.every);
      await db.response.deleteMany({ where: { id: { in: list } } }); // as the retention's "delete" mode does
      return;
    }
    case "drop": {
      if (op.what === "touchpoint") await db.touchpoint.deleteMany({ where: { id: w.touchpointIds[op.i] } });
      if (op.what === "channel") await db.channel.deleteMany({ where: { id: w.channelIds[op.i] } });
      if (op.what === "unit") await db.unit.deleteMany({ where: { id: w.unitIds[op.i] } });
      if (op.what === "survey") await db.survey.deleteMany({ where: { id: w.surveys[1].id } }); // the raw rows' survey
      return;
    }
  }
}

describe("the roll-up follows every write", () => {
  it("equals a recomputation from the raw rows after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        const w = await world(A.orgId);
        const state = { partial: [] as Array<{ publicId: string; clientId: string; resumeToken: string }> };
        for (const op of ops) {
          await runOp(op, w, state);
          if (op.kind !== "ingest" && op.kind !== "resume") tally(op.kind);
        }
        expect(await rollupDifferences(A.orgId)).toEqual([]);
      }),
      { numRuns: 14, seed: 20261205, endOnFailure: true },
    );
    expect(kinds()).toEqual([
      "anonymise",
      "backfill",
      "delete",
      "drop",
      "ingest complete",
      "ingest partial",
      "insert",
      "reassign",
      "resume",
      "update",
    ]);
    // Sanity: the runs wrote counted responses, and the roll-up holds them.
    const [{ n }] = await db.$queryRaw<
      Array<{ n: number | bigint }>
    >`SELECT COUNT(*) AS n FROM "ResponseDailyOrg" WHERE "orgId" = ${A.orgId}`;
    expect(Number(n)).toBeGreaterThan(0);
  }, 300_000);

  it("counts concurrent writers exactly: racing updates of one response, many inserts of the same keys", async () => {
    const w = await world(A.orgId);
    const base = { orgId: A.orgId, surveyId: w.surveys[0].id, metric: "nps", touchpointId: w.touchpointIds[0] };
    const r = await db.response.create({
      data: { ...base, clientId: `race-${uid()}`, score: 5, submittedAt: new Date(T0 + 10 * DAY) },
    });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The same five keys in a different order in each transaction: on PostgreSQL each statement's upsert writes its
    // keys in sorted order, so these transactions wait for each other but never deadlock.
    const keys = [0, 1, 2, 3, 4].map((d) => ({ submittedAt: new Date(T0 + (10 + d) * DAY + 3_600_000), score: d + 3 }));
    await Promise.all([
      db.$transaction(async (tx) => {
        await tx.response.update({ where: { id: r.id }, data: { score: 6 } });
        await pause(150); // holds the row while the next update waits for it
      }),
      pause(40).then(() => db.response.update({ where: { id: r.id }, data: { score: 9, unitId: w.unitIds[0] } })),
      ...Array.from({ length: 8 }, (_, i) =>
        db.$transaction(async (tx) => {
          const order = i % 2 ? [...keys].reverse() : keys.slice(i % 5).concat(keys.slice(0, i % 5));
          await tx.response.createMany({
            data: order.map((k, j) => ({ ...base, ...k, clientId: `race-${uid()}-${j}` })),
          });
          await pause(20);
        }),
      ),
    ]);
    expect(await rollupDifferences(A.orgId)).toEqual([]);
    const day10 = await db.responseDailyOrg.findMany({
      where: { orgId: A.orgId, surveyId: w.surveys[0].id, day: new Date(T0 + 10 * DAY) },
      select: { score: true, count: true },
      orderBy: { score: "asc" },
    });
    expect(day10).toEqual([
      { score: 3, count: 8 },
      { score: 9, count: 1 },
    ]);
  });

  it("forgets a deleted organization entirely (cascade)", async () => {
    const B = await createOrg("rollups-gone");
    const w = await world(B.orgId);
    await db.response.createMany({
      data: [0, 5, 10].map((score, i) => ({
        orgId: B.orgId,
        surveyId: w.surveys[0].id,
        clientId: `gone-${i}`,
        metric: "nps",
        score,
        submittedAt: new Date(T0 + i * DAY),
      })),
    });
    const rows = () => db.$queryRaw<unknown[]>`SELECT "score" FROM "ResponseDailyOrg" WHERE "orgId" = ${B.orgId}`;
    expect(await rows()).toHaveLength(4); // with the factory's own response
    await db.organization.delete({ where: { id: B.orgId } });
    expect(await rows()).toEqual([]);
  });

  it("stores the UTC day as a DateTime that Prisma reads back as that midnight", async () => {
    const w = await world(A.orgId);
    const at = new Date("2026-05-31T23:59:59.999Z");
    await db.response.create({
      data: {
        orgId: A.orgId,
        surveyId: w.surveys[0].id,
        clientId: `day-${uid()}`,
        metric: "nps",
        score: 7,
        submittedAt: at,
      },
    });
    const rows = await db.responseDailyOrg.findMany({ where: { orgId: A.orgId, surveyId: w.surveys[0].id } });
    expect(rows).toEqual([
      expect.objectContaining({
        day: new Date("2026-05-31T00:00:00Z"),
        metric: "nps",
        score: 7,
        count: 1,
        touchpointId: "",
        channelId: "",
      }),
    ]);
  });
});

describe("the property fails without any one trigger", () => {
  const cases = ["ResponseDailyOrg", "ResponseMonthly"].flatMap((rollup) =>
    (["insert", "update", "delete"] as const).map((k) => [rollup, k] as const),
  );
  it.each(cases)("%s: without its %s trigger the roll-ups differ from a recomputation", async (rollup, k) => {
    const w = await world(A.orgId);
    const base = { orgId: A.orgId, surveyId: w.surveys[0].id, metric: "nps", unitId: w.unitIds[0] };
    const existing = await db.response.create({
      data: { ...base, clientId: `drop-${uid()}`, score: 4, submittedAt: new Date(T0 + 3 * DAY) },
    });
    const diff = await differencesWithout({ name: `${rollup}_${k}`, table: "Response" }, A.orgId, async (tx) => {
      if (k === "insert")
        await tx.response.create({ data: { ...base, clientId: `drop-${uid()}`, score: 9, submittedAt: new Date(T0) } });
      if (k === "update") await tx.response.update({ where: { id: existing.id }, data: { score: 10 } });
      if (k === "delete") await tx.response.delete({ where: { id: existing.id } });
    });
    expect(diff.map((d) => d.table)).toEqual(Array(k === "update" ? 2 : 1).fill(rollup));
    expect(await rollupDifferences(A.orgId)).toEqual([]); // the trigger is back, the write undone
  });

  it("a change of the unit alone leaves the roll-ups as they were (they have no unit)", async () => {
    const w = await world(A.orgId);
    const r = await db.response.create({
      data: {
        orgId: A.orgId,
        surveyId: w.surveys[0].id,
        clientId: `u-${uid()}`,
        metric: "nps",
        score: 8,
        submittedAt: new Date(T0),
      },
    });
    const org = () => db.responseDailyOrg.findMany({ where: { orgId: A.orgId, surveyId: w.surveys[0].id } });
    const before = await org();
    await db.response.update({ where: { id: r.id }, data: { unitId: w.unitIds[1] } });
    expect(await org()).toEqual(before);
    expect(before).toEqual([expect.objectContaining({ score: 8, count: 1 })]);
    expect(await rollupDifferences(A.orgId)).toEqual([]);
  });
});

const norm = (rows: CountRow[]) => rows.map((r) => `${r.key}|${r.metric}|${Number(r.score)}|${Number(r.count)}`).sort();

describe("the query function equals the raw GROUP BY", () => {
  // An organization of its own: the write sequences above leave scores outside their metric's scale in A (the
  // roll-up must count whatever is stored), which the headline's maths rightly refuses.
  let E: Org;
  let w: World;
  beforeAll(async () => {
    E = await createOrg("rollups-eq");
    w = await world(E.orgId);
    // 3,000 responses over 100 days (March to early June: whole months for the monthly roll-up), many on the
    // edges of days and some on the first instant of a month.
    const rand = fc.sample(rowArb, { numRuns: 3000, seed: 7 });
    const data = rand.map((r, i) => ({
      orgId: E.orgId,
      surveyId: w.surveys[r.survey].id,
      clientId: `eq-${i}`,
      metric: r.metric === "csat" || r.metric === "ces" ? r.metric : "nps",
      // within each metric's scale (0–10, 1–5, 1–7): the headline's maths refuses anything else
      score:
        r.metric === "csat" ? 1 + ((r.score ?? 4) % 5) : r.metric === "ces" ? 1 + ((r.score ?? 3) % 7) : (r.score ?? 5),
      submittedAt: new Date(T0 + (i % 100) * DAY + (i % 3 === 0 ? 0 : i % 3 === 1 ? DAY - 1 : (r.at + 2 * DAY) % DAY)),
      touchpointId: pick(w.touchpointIds, r.tp),
      channelId: pick(w.channelIds, r.ch),
      unitId: pick(w.unitIds, r.unit),
    }));
    for (let i = 0; i < data.length; i += 500) await db.response.createMany({ data: data.slice(i, i + 500) });
  });

  const periodArb = fc.record({
    start: fc.integer({ min: -3 * DAY, max: 102 * DAY }),
    length: fc.oneof(
      fc.integer({ min: 0, max: 2 * DAY }),
      fc.integer({ min: 0, max: 45 * DAY }),
      fc.integer({ min: 28 * DAY, max: 110 * DAY }),
    ),
  });
  const filterArb = fc.record({
    bucket: fc.constantFrom("day" as const, "week" as const, "month" as const),
    touchpoint: fc.option(fc.nat(1)),
    channel: fc.option(fc.nat(1)),
    survey: fc.option(fc.nat(1)),
    journey: fc.boolean(),
    unit: fc.option(fc.nat(1)),
  });

  it("for random periods with mid-day edges, buckets and filters (trend, headline and change, journey map)", async () => {
    await fc.assert(
      fc.asyncProperty(periodArb, filterArb, async (p, f) => {
        const period = { from: new Date(T0 + p.start), to: new Date(T0 + p.start + p.length) };
        const filters = {
          touchpointId: f.touchpoint === null ? undefined : w.touchpointIds[f.touchpoint],
          channelId: f.channel === null ? undefined : w.channelIds[f.channel],
          surveyId: f.survey === null ? undefined : w.surveys[f.survey].id,
          journeyId: f.journey ? w.journeyId : undefined,
        };
        const ctx = await narrowToUnit(E.ctx("viewer"), f.unit === null ? undefined : w.unitIds[f.unit]);
        const raw = { source: "raw" as const };
        const bucketed = { ...period, bucket: f.bucket };
        expect(norm(await countsByBucket(ctx, filters, bucketed))).toEqual(
          norm(await countsByBucket(ctx, filters, bucketed, raw)),
        );
        const previous = { from: new Date(period.from.getTime() - p.length), to: period.from };
        expect(norm(await countsCurrentAndPrevious(ctx, filters, period, previous))).toEqual(
          norm(await countsCurrentAndPrevious(ctx, filters, period, previous, raw)),
        );
        // The dashboard's headline has no `source` option: the switch an operator has (ANALYTICS_ROLLUPS=off).
        const headline = await getHeadline(ctx, period);
        process.env.ANALYTICS_ROLLUPS = "off";
        try {
          expect(headline).toEqual(await getHeadline(ctx, period));
        } finally {
          delete process.env.ANALYTICS_ROLLUPS;
        }
        const map = { channelId: filters.channelId };
        expect(norm(await responseCountsByTouchpoint(ctx, w.touchpointIds, map, period))).toEqual(
          norm(await responseCountsByTouchpoint(ctx, w.touchpointIds, map, period, raw)),
        );
      }),
      { numRuns: 60, seed: 1812 },
    );
  }, 300_000);

  it("reads whole days from the roll-up: a count written only there shows up, the edges stay raw", async () => {
    const period = { from: new Date(T0 + 5 * DAY + 3_600_000), to: new Date(T0 + 9 * DAY + 7_200_000) };
    expect(splitPeriod(period)).toEqual({
      months: null,
      days: [{ from: new Date(T0 + 6 * DAY), to: new Date(T0 + 9 * DAY) }],
      minus: [],
      edges: [
        { from: period.from, to: new Date(T0 + 6 * DAY) },
        { from: new Date(T0 + 9 * DAY), to: period.to },
      ],
    });
    const ctx = E.ctx("viewer");
    const f = { surveyId: w.surveys[0].id };
    const before = norm(await countsCurrentAndPrevious(ctx, f, period, { from: period.from, to: period.from }));
    // Damage the roll-up on purpose (a day inside the period): the query function must see it, the raw one not.
    // (An organization-wide read: ResponseDailyOrg.)
    await db.$executeRaw`UPDATE "ResponseDailyOrg" SET "count" = "count" + 1000 WHERE "orgId" = ${E.orgId} AND "surveyId" = ${w.surveys[0].id} AND "day" = ${new Date(T0 + 7 * DAY)}`;
    const damaged = norm(await countsCurrentAndPrevious(ctx, f, period, { from: period.from, to: period.from }));
    expect(damaged).not.toEqual(before);
    expect(await rollupDifferences(E.orgId)).not.toEqual([]);
    // The operator's rebuild repairs it.
    expect(await rebuildRollups(E.orgId)).toBeGreaterThan(0);
    expect(await rollupDifferences(E.orgId)).toEqual([]);
    expect(norm(await countsCurrentAndPrevious(ctx, f, period, { from: period.from, to: period.from }))).toEqual(
      before,
    );
  });

  it("reads whole months from the monthly roll-up, the days around them daily: a count written only there shows up", async () => {
    // 20 March 06:00 to 3 June 09:00: April and May whole, 21–31 March and 1–2 June whole days, two partial edges.
    const period = { from: new Date("2026-03-20T06:00:00Z"), to: new Date("2026-06-03T09:00:00Z") };
    expect(splitPeriod(period, { months: true }).months).toEqual({
      from: new Date("2026-04-01T00:00:00Z"),
      to: new Date("2026-06-01T00:00:00Z"),
    });
    const ctx = E.ctx("viewer");
    const f = { surveyId: w.surveys[0].id };
    const none = { from: period.from, to: period.from };
    const before = norm(await countsCurrentAndPrevious(ctx, f, period, none));
    const weekly = norm(await countsByBucket(ctx, f, { ...period, bucket: "week" }));
    // Damage April in the monthly roll-up: the period's total and its month buckets read it; week buckets (whose
    // key tells the days of a month apart) read the daily roll-up and do not.
    await db.$executeRaw`UPDATE "ResponseMonthly" SET "count" = "count" + 1000 WHERE "orgId" = ${E.orgId} AND "surveyId" = ${w.surveys[0].id} AND "month" = ${new Date("2026-04-01T00:00:00Z")}`;
    expect(norm(await countsCurrentAndPrevious(ctx, f, period, none))).not.toEqual(before);
    expect(norm(await countsByBucket(ctx, f, { ...period, bucket: "week" }))).toEqual(weekly);
    expect(await rollupDifferences(E.orgId)).not.toEqual([]);
    expect(await rebuildRollups(E.orgId)).toBeGreaterThan(0);
    expect(await rollupDifferences(E.orgId)).toEqual([]);
    expect(norm(await countsCurrentAndPrevious(ctx, f, period, none))).toEqual(before);
  });

  it("falls back to the raw rows for a customer segment", async () => {
    await db.$executeRaw`UPDATE "ResponseDailyOrg" SET "count" = "count" + 1000 WHERE "orgId" = ${E.orgId}`;
    await db.$executeRaw`UPDATE "ResponseMonthly" SET "count" = "count" + 1000 WHERE "orgId" = ${E.orgId}`;
    try {
      const period = { from: new Date(T0 - DAY), to: new Date(T0 + 50 * DAY) };
      const rows = await countsCurrentAndPrevious(E.ctx("viewer"), { segment: "vip" }, period, {
        from: period.from,
        to: period.from,
      });
      expect(rows).toEqual([]); // no customer carries the tag: nothing, however damaged the roll-up
    } finally {
      await rebuildRollups(E.orgId);
    }
    expect(await rollupDifferences(E.orgId)).toEqual([]);
  });
});

describe("npm run rollups:rebuild", () => {
  const run = (...args: string[]) =>
    script(["node_modules/tsx/dist/cli.mjs", "scripts/rollups-rebuild.ts", ...args], {
      DATABASE_URL: process.env.DATABASE_URL!,
    }).done;

  it("checks, finds a damaged roll-up, and repairs it (one organization by slug)", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { id: A.orgId }, select: { slug: true } });
    const exact = await run("--org", org.slug, "--check");
    expect(exact).toMatchObject({ code: 0 });
    expect(exact.out).toContain(`${org.slug}: exact`);
    await db.$executeRaw`UPDATE "ResponseDailyOrg" SET "count" = "count" + 1 WHERE "orgId" = ${A.orgId}`;
    const damaged = await run("--org", org.slug, "--check");
    expect(damaged.code).toBe(1);
    expect(damaged.out).toMatch(new RegExp(`${org.slug}: \\d+ roll-up rows differ`));
    const rebuilt = await run("--org", org.slug);
    expect(rebuilt).toMatchObject({ code: 0 });
    expect(rebuilt.out).toMatch(new RegExp(`${org.slug}: \\d+ roll-up rows in \\d+ ms`));
    expect(await rollupDifferences(A.orgId)).toEqual([]);
    expect(await run("--org", "no-such-organization")).toMatchObject({ code: 2 });
  }, 120_000);
});

describe('how the roll-ups are stored (docs/rollups.md, "Reading fast")', () => {
  const ROLLUPS = [
    "ResponseDailyOrg",
    "ResponseMonthly",
    "InteractionDaily",
    "InteractionMonthly",
    "ThemeDaily",
    "ThemeMonthly",
  ];

  it.runIf(provider === "sqlite")(
    "SQLite: each is a WITHOUT ROWID table with no other index, and a range of days reads its primary key alone",
    async () => {
      // Prisma's schema cannot say WITHOUT ROWID: a migration that rebuilt one of these tables would silently lose it.
      const rows = await db.$queryRaw<{ name: string; sql: string }[]>`
        SELECT "name", "sql" FROM sqlite_schema WHERE "type" = 'table' AND "name" IN (${Prisma.join(ROLLUPS)})`;
      expect(rows.map((r) => r.name).sort()).toEqual([...ROLLUPS].sort());
      for (const r of rows) expect(r.sql, r.name).toMatch(/\)\s*WITHOUT ROWID$/);
      const indexes = await db.$queryRaw<{ tbl_name: string; name: string }[]>`
        SELECT "tbl_name", "name" FROM sqlite_schema WHERE "type" = 'index' AND "tbl_name" IN (${Prisma.join(ROLLUPS)})`;
      // Only the primary key's own index (which, WITHOUT ROWID, is the table).
      expect(indexes.every((i) => i.name.startsWith("sqlite_autoindex_"))).toBe(true);
      const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN SELECT "score", SUM("count") FROM "ResponseDailyOrg"
         WHERE "orgId" = ? AND "day" >= ? AND "day" < ? GROUP BY "score"`,
        A.orgId,
        new Date(T0),
        new Date(T0 + 30 * DAY),
      );
      expect(plan.map((p) => p.detail).join("\n")).toMatch(
        /SEARCH ResponseDailyOrg USING PRIMARY KEY \(orgId=\? AND day>\? AND day<\?\)/,
      );
    },
  );

  it.runIf(provider === "postgresql")("PostgreSQL: each has its covering index (key and counts)", async () => {
    const rows = await db.$queryRaw<{ tablename: string; indexname: string }[]>`
      SELECT "tablename", "indexname" FROM pg_indexes WHERE "tablename" IN (${Prisma.join(ROLLUPS)})`;
    for (const t of ROLLUPS)
      expect(
        rows.map((r) => r.indexname),
        t,
      ).toContain(`${t}_covering_idx`);
  });
});
