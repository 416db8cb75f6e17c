// The daily interaction roll-up (InteractionDaily, docs/rollups.md) against the real database, SQLite or PostgreSQL:
// 1. any random sequence of writes — logging over HTTP (the public API), the CSV import over HTTP, multi-row and
//    single inserts, updates of the emotion, the day, the touchpoint, the channel, the unit or the organization,
//    unit reassignment and backfill, the erasure, deletes, and deleting a touchpoint, channel, unit or customer
//    (foreign-key SET NULL and CASCADE) — leaves it equal to a recomputation from the raw rows; without any one of
//    its three triggers it does not;
// 2. the journey map's interaction counts (interactionStatsByTouchpoint) equal the raw GROUP BY for random half-open
//    periods with mid-day edges and the filters (channel, segment, a unit's subtree);
// 3. the operator's rebuild repairs a damaged roll-up.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { narrowToUnit } from "@/lib/analytics/unit-filter";
import { interactionStatsByTouchpoint, type InteractionStats } from "@/lib/journeys/map-sql";
import { eraseCustomer } from "@/lib/privacy/erasure";
import { backfillStep } from "@/lib/units/backfill";
import { reassignRows } from "@/lib/units/reassign";
import { rebuildRollups, rollupDifferences } from "@/lib/rollups/rebuild";
import { createOrg, uid, type Org } from "../factories";
import { http } from "./http";
import { postCsv } from "./import-client";
import { coverage, differencesWithout, pick, rollupDimensions } from "./rollups-world";

const DAY = 86_400_000;
const T0 = Date.parse("2026-03-02T00:00:00Z");

let A: Org;
let B: Org;
beforeAll(async () => {
  [A, B] = [await createOrg("irollups"), await createOrg("irollups-b")];
});

/** Fresh touchpoints, channels, units and customers for one run (so that a run may delete them). */
async function world(orgId: string) {
  const dims = await rollupDimensions(orgId);
  const customers: Array<{ id: string; name: string }> = [];
  for (let i = 0; i < 2; i++) {
    const externalId = `IX-${uid()}`;
    const name = `Customer ${externalId}`;
    const c = await db.customer.create({ data: { orgId, name, externalId } });
    customers.push({ id: c.id, name });
  }
  return { ...dims, customers };
}
type World = Awaited<ReturnType<typeof world>>;

/** An interaction of the run's first customer at its second touchpoint (no unit, no channel). */
const baseRow = (w: World) => ({
  orgId: A.orgId,
  customerId: w.customers[0].id,
  outcome: "resolved",
  touchpointId: w.touchpointIds[1],
});

const { tally, kinds } = coverage();

const rowArb = fc.record({
  at: fc.integer({ min: -2 * DAY, max: 4 * DAY - 1 }),
  tp: fc.nat(2), // 2: no touchpoint (not counted)
  ch: fc.nat(2),
  unit: fc.nat(2),
  customer: fc.nat(1),
  emotion: fc.option(fc.integer({ min: -2, max: 2 }), { freq: 3 }),
});
type RowGen = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

const opArb = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), rows: fc.array(rowArb, { minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant("log" as const), rows: fc.array(rowArb, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("import" as const), rows: fc.array(rowArb, { minLength: 1, maxLength: 8 }) }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("update" as const),
      every: fc.integer({ min: 1, max: 4 }),
      change: fc.record({
        field: fc.constantFrom(
          "emotion" as const,
          "occurredAt" as const,
          "touchpointId" as const,
          "channelId" as const,
          "unitId" as const,
          "note" as const,
          "orgId" as const,
        ),
        value: fc.integer({ min: -2 * DAY, max: 4 * DAY }),
      }),
    }),
  },
  fc.record({ kind: fc.constant("reassign" as const), to: fc.nat(1), fromNone: fc.boolean() }),
  fc.constant({ kind: "backfill" as const }),
  fc.record({ kind: fc.constant("erase" as const), customer: fc.nat(1) }),
  fc.record({ kind: fc.constant("delete" as const), every: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant("drop" as const),
    what: fc.constantFrom("touchpoint" as const, "channel" as const, "unit" as const, "customer" as const),
    i: fc.nat(1),
  }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

const iso = (at: number) => new Date(T0 + at).toISOString();

/** The run's customers, touchpoints, channels and units that still exist (a run may delete them): a deleted one cannot be referenced (foreign keys), so none is written there instead. */
async function refs(w: World) {
  const where = (ids: string[]) => ({ where: { id: { in: ids } }, select: { id: true } });
  const alive = new Set(
    [
      ...(await db.customer.findMany(where(w.customers.map((c) => c.id)))),
      ...(await db.touchpoint.findMany(where(w.touchpointIds))),
      ...(await db.channel.findMany(where(w.channelIds))),
      ...(await db.unit.findMany(where(w.unitIds))),
    ].map((x) => x.id),
  );
  const customers = w.customers.filter((c) => alive.has(c.id));
  return {
    customer: (i: number): string | null => (customers.length ? customers[i % customers.length].id : null),
    ref: (list: string[], i: number): string | null => {
      const id = pick(list, i);
      return id && alive.has(id) ? id : null;
    },
  };
}

async function runOp(op: Op, w: World) {
  const ids = async (every: number) =>
    (
      await db.interaction.findMany({
        where: { orgId: { in: [A.orgId, B.orgId] }, customerId: { in: w.customers.map((c) => c.id) } },
        select: { id: true },
        orderBy: { id: "asc" },
      })
    )
      .map((r) => r.id)
      .filter((_, i) => i % every === 0);
  switch (op.kind) {
    case "insert": {
      const { customer, ref } = await refs(w);
      if (!customer(0)) return;
      const data = op.rows.map((r: RowGen) => ({
        orgId: A.orgId,
        customerId: customer(r.customer)!,
        touchpointId: ref(w.touchpointIds, r.tp),
        channelId: ref(w.channelIds, r.ch),
        unitId: ref(w.unitIds, r.unit),
        occurredAt: new Date(T0 + r.at),
        outcome: "resolved",
        emotion: r.emotion,
      }));
      // One row: Prisma's single INSERT; more: one multi-row INSERT (as the import and demo data write).
      if (data.length === 1) await db.interaction.create({ data: data[0] });
      else await db.interaction.createMany({ data });
      tally("insert");
      return;
    }
    case "log": {
      // The public API (POST /api/v1/interactions), concurrently: the unit and the channel by its rules.
      const { customer, ref } = await refs(w);
      if (!customer(0)) return;
      await Promise.all(
        op.rows.map(async (r) => {
          const [tp, ch] = [ref(w.touchpointIds, r.tp), ref(w.channelIds, r.ch)];
          const res = await http("POST", "/api/v1/interactions", {
            key: A.keys.agent,
            body: {
              customerId: customer(r.customer),
              ...(tp ? { touchpointId: tp } : {}),
              ...(ch ? { channelId: ch } : {}),
              outcome: "follow_up",
              ...(r.emotion === null ? {} : { emotion: r.emotion }),
              occurredAt: iso(r.at),
              clientId: `log-${randomUUID()}`,
            },
          });
          expect(res.status).toBe(201);
          tally("log");
        }),
      );
      return;
    }
    case "import": {
      // The CSV import over HTTP (the bulk path: multi-row INSERTs in one transaction); the channel by its key.
      const { customer, ref } = await refs(w);
      if (!customer(0)) return;
      const lines = op.rows.map((r, i) => {
        const ch = ref(w.channelIds, r.ch);
        return [
          customer(r.customer),
          ref(w.touchpointIds, r.tp) ?? "",
          w.channels.find((c) => c.id === ch)?.key ?? "",
          iso(r.at),
          "resolved",
          r.emotion ?? "",
          "",
          "",
          `imp-${randomUUID()}-${i}`,
        ].join(",");
      });
      const csv = ["customer,touchpoint,channel,occurredAt,outcome,emotion,note,staff,clientId", ...lines].join("\n");
      const res = await postCsv("/api/v1/imports/interactions", A.keys.manager, csv, { mode: "all_or_nothing" });
      expect(res.result).toMatchObject({ done: true, inserted: lines.length });
      tally("import");
      return;
    }
    case "update": {
      const list = await ids(op.every);
      const c = op.change;
      const data =
        c.field === "emotion"
          ? { emotion: c.value % 4 === 0 ? null : (Math.abs(c.value) % 5) - 2 }
          : c.field === "occurredAt"
            ? { occurredAt: new Date(T0 + c.value) }
            : c.field === "note"
              ? { note: null }
              : c.field === "orgId"
                ? { orgId: B.orgId } // no path of the app moves a row to another organization; SQL could
                : {
                    [c.field]: pick(
                      c.field === "touchpointId" ? w.touchpointIds : c.field === "channelId" ? w.channelIds : w.unitIds,
                      Math.abs(c.value) % 3,
                    ),
                  };
      // a deleted touchpoint, channel or unit cannot be set (foreign key): then nothing changes
      const n = await db.interaction
        .updateMany({ where: { id: { in: list } }, data })
        .then((r) => r.count)
        .catch(() => 0);
      if (n) tally(`update ${c.field}`);
      return;
    }
    case "reassign": {
      const to = w.unitIds[op.to];
      if (!(await db.unit.findFirst({ where: { id: to } }))) return;
      const tp = w.touchpointIds[0];
      if (!op.fromNone && !(await db.touchpoint.findFirst({ where: { id: tp } }))) return;
      const r = await reassignRows(A.ctx("admin"), {
        toUnitId: to,
        ...(op.fromNone ? { fromUnitId: null } : { touchpointId: tp }),
        kinds: ["interactions"],
        dryRun: false,
      });
      if (r.counts.interactions) tally("reassign");
      return;
    }
    case "backfill": {
      const r = await db.$transaction((tx) => backfillStep(tx, A.orgId, { kind: "interaction", after: null }));
      if (Object.keys(r.counts).length) tally("backfill");
      return;
    }
    case "erase": {
      const c = w.customers[op.customer];
      const done = await eraseCustomer(A.ctx("admin"), c.id, { confirm: c.name }).catch(() => null);
      if (done?.interactionsBlanked) tally("erase");
      return;
    }
    case "delete": {
      const list = await ids(op.every);
      const n = (await db.interaction.deleteMany({ where: { id: { in: list } } })).count;
      if (n) tally("delete");
      return;
    }
    case "drop": {
      // Foreign keys: a touchpoint, channel or unit SET NULL on its interactions; a customer CASCADEs to them.
      const n =
        op.what === "touchpoint"
          ? await db.touchpoint.deleteMany({ where: { id: w.touchpointIds[op.i] } })
          : op.what === "channel"
            ? await db.channel.deleteMany({ where: { id: w.channelIds[op.i] } })
            : op.what === "unit"
              ? await db.unit.deleteMany({ where: { id: w.unitIds[op.i] } })
              : await db.customer.deleteMany({ where: { id: w.customers[op.i].id } });
      if (n.count) tally(`drop ${op.what}`);
      return;
    }
  }
}

const exact = async () => {
  expect(await rollupDifferences(A.orgId)).toEqual([]);
  expect(await rollupDifferences(B.orgId)).toEqual([]);
};

describe("the interaction roll-up follows every write", () => {
  it("equals a recomputation from the raw rows after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const w = await world(A.orgId);
        for (const op of ops) await runOp(op, w);
        await exact();
      }),
      { numRuns: 24, seed: 20261205, endOnFailure: true },
    );
    expect(kinds()).toEqual(
      [
        "backfill",
        "delete",
        "drop channel",
        "drop customer",
        "drop touchpoint",
        "drop unit",
        "erase",
        "import",
        "insert",
        "log",
        "reassign",
        "update channelId",
        "update emotion",
        "update note",
        "update occurredAt",
        "update orgId",
        "update touchpointId",
        "update unitId",
      ].sort(),
    );
    // Sanity: the runs wrote counted interactions, and the roll-up holds them, with and without an emotion.
    const rows = await db.interactionDaily.findMany({ where: { orgId: A.orgId }, select: { emotion: true } });
    expect(rows.some((r) => r.emotion === 99)).toBe(true);
    expect(rows.some((r) => r.emotion !== 99)).toBe(true);
  }, 400_000);

  // The property is only as good as its check: without any one of the triggers, the same kind of write leaves the
  // roll-up different from the recomputation (differencesWithout: in a transaction that is rolled back).
  it.each(
    (["InteractionDaily", "InteractionMonthly"] as const).flatMap((table) =>
      (["insert", "update", "delete"] as const).map((k) => [table, k] as const),
    ),
  )("%s differs from the recomputation without its %s trigger", async (table, k) => {
    const w = await world(A.orgId);
    const base = baseRow(w);
    const existing = await db.interaction.create({
      data: { ...base, occurredAt: new Date(T0 + 3 * DAY), emotion: 1 },
    });
    await exact();
    const diff = await differencesWithout({ name: `${table}_${k}`, table: "Interaction" }, A.orgId, async (tx) => {
      if (k === "insert") await tx.interaction.create({ data: { ...base, occurredAt: new Date(T0), emotion: -2 } });
      if (k === "update") await tx.interaction.update({ where: { id: existing.id }, data: { emotion: -1 } });
      if (k === "delete") await tx.interaction.delete({ where: { id: existing.id } });
    });
    expect(diff.map((d) => d.table)).toEqual(Array(k === "update" ? 2 : 1).fill(table));
    await exact(); // the trigger is back, the write undone
    await db.interaction.update({ where: { id: existing.id }, data: { emotion: -1 } });
    await exact();
  });

  it("counts concurrent writers exactly: racing updates of one interaction, many inserts of the same keys", async () => {
    const w = await world(A.orgId);
    const base = baseRow(w);
    const one = await db.interaction.create({ data: { ...base, occurredAt: new Date(T0 + 10 * DAY), emotion: 0 } });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const keys = [0, 1, 2, 3, 4].map((d) => ({
      occurredAt: new Date(T0 + (10 + d) * DAY + 3_600_000),
      emotion: d - 2,
    }));
    await Promise.all([
      db.$transaction(async (tx) => {
        await tx.interaction.update({ where: { id: one.id }, data: { emotion: 1 } });
        await pause(150);
      }),
      pause(40).then(() =>
        db.interaction.update({ where: { id: one.id }, data: { emotion: 2, unitId: w.unitIds[0] } }),
      ),
      ...Array.from({ length: 8 }, (_, i) =>
        db.$transaction(async (tx) => {
          const order = i % 2 ? [...keys].reverse() : keys.slice(i % 5).concat(keys.slice(0, i % 5));
          await tx.interaction.createMany({ data: order.map((k) => ({ ...base, ...k })) });
          await pause(20);
        }),
      ),
    ]);
    await exact();
    const day10 = await db.interactionDaily.findMany({
      where: { orgId: A.orgId, touchpointId: w.touchpointIds[1], day: new Date(T0 + 10 * DAY) },
      select: { emotion: true, count: true },
      orderBy: { emotion: "asc" },
    });
    expect(day10).toEqual([
      { emotion: -2, count: 8 },
      { emotion: 2, count: 1 },
    ]);
  });

  it("forgets a deleted organization entirely (cascade) and stores the UTC day as that midnight", async () => {
    const C = await createOrg("irollups-gone");
    const w = await world(C.orgId);
    await db.interaction.createMany({
      data: [null, 2, -2].map((emotion, i) => ({
        orgId: C.orgId,
        customerId: w.customers[0].id,
        touchpointId: w.touchpointIds[0],
        outcome: "resolved",
        emotion,
        occurredAt: new Date(T0 + i * DAY + DAY - 1),
      })),
    });
    const rows = await db.interactionDaily.findMany({
      where: { orgId: C.orgId, touchpointId: w.touchpointIds[0] },
      orderBy: { day: "asc" },
      select: { day: true, emotion: true, channelId: true, count: true },
    });
    expect(rows).toEqual([
      { day: new Date(T0), emotion: 99, channelId: "", count: 1 },
      { day: new Date(T0 + DAY), emotion: 2, channelId: "", count: 1 },
      { day: new Date(T0 + 2 * DAY), emotion: -2, channelId: "", count: 1 },
    ]);
    // The month: the first instant of March 2026 UTC, one row per emotion.
    expect(
      await db.interactionMonthly.findMany({
        where: { orgId: C.orgId, touchpointId: w.touchpointIds[0] },
        orderBy: { emotion: "asc" },
        select: { month: true, emotion: true, count: true },
      }),
    ).toEqual([
      { month: new Date("2026-03-01T00:00:00Z"), emotion: -2, count: 1 },
      { month: new Date("2026-03-01T00:00:00Z"), emotion: 2, count: 1 },
      { month: new Date("2026-03-01T00:00:00Z"), emotion: 99, count: 1 },
    ]);
    await db.organization.delete({ where: { id: C.orgId } });
    expect(await db.interactionDaily.count({ where: { orgId: C.orgId } })).toBe(0);
    expect(await db.interactionMonthly.count({ where: { orgId: C.orgId } })).toBe(0);
  });
});

const norm = (m: Map<string, InteractionStats>) =>
  [...m].map(([k, s]) => `${k}|${s.count}|${s.emotionCount}|${s.emotionSum}`).sort();

describe("the journey map's interaction counts equal the raw GROUP BY", () => {
  let w: World;
  beforeAll(async () => {
    w = await world(A.orgId);
    await db.customerTag.create({ data: { orgId: A.orgId, customerId: w.customers[0].id, tag: "vip" } });
    // 3,000 interactions over 100 days (March to early June: whole months for the monthly roll-up), many on the
    // edges of days.
    const rand = fc.sample(rowArb, { numRuns: 3000, seed: 7 });
    const data = rand.map((r, i) => ({
      orgId: A.orgId,
      customerId: w.customers[r.customer].id,
      touchpointId: pick(w.touchpointIds, r.tp),
      channelId: pick(w.channelIds, r.ch),
      unitId: pick(w.unitIds, r.unit),
      emotion: r.emotion,
      outcome: "resolved",
      occurredAt: new Date(T0 + (i % 100) * DAY + (i % 3 === 0 ? 0 : i % 3 === 1 ? DAY - 1 : (r.at + 2 * DAY) % DAY)),
    }));
    for (let i = 0; i < data.length; i += 500) await db.interaction.createMany({ data: data.slice(i, i + 500) });
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
    channel: fc.option(fc.nat(1)),
    segment: fc.boolean(),
    unit: fc.option(fc.nat(1)),
    touchpoints: fc.constantFrom([0, 1], [0], [1]),
  });

  it("for random periods with mid-day edges and filters (channel, segment, unit subtree)", async () => {
    await fc.assert(
      fc.asyncProperty(periodArb, filterArb, async (p, f) => {
        const period = { from: new Date(T0 + p.start), to: new Date(T0 + p.start + p.length) };
        const scope = {
          channelId: f.channel === null ? undefined : w.channelIds[f.channel],
          segment: f.segment ? "vip" : undefined,
        };
        const ctx = await narrowToUnit(A.ctx("viewer"), f.unit === null ? undefined : w.unitIds[f.unit]);
        const tps = f.touchpoints.map((i) => w.touchpointIds[i]);
        const auto = await interactionStatsByTouchpoint(ctx, tps, scope, period);
        expect(norm(auto)).toEqual(
          norm(await interactionStatsByTouchpoint(ctx, tps, scope, period, { source: "raw" })),
        );
        process.env.ANALYTICS_ROLLUPS = "off";
        try {
          expect(norm(auto)).toEqual(norm(await interactionStatsByTouchpoint(ctx, tps, scope, period)));
        } finally {
          delete process.env.ANALYTICS_ROLLUPS;
        }
      }),
      { numRuns: 80, seed: 1812 },
    );
  }, 300_000);

  it("a worked example: whole days from the roll-up, the edges raw, the emotion mean exact", async () => {
    const tp = w.touchpointIds[1];
    const period = { from: new Date(T0 + 5 * DAY + 3_600_000), to: new Date(T0 + 9 * DAY + 7_200_000) };
    const raw = await db.interaction.findMany({
      where: { orgId: A.orgId, touchpointId: tp, occurredAt: { gte: period.from, lt: period.to } },
      select: { emotion: true },
    });
    const withEmotion = raw.filter((r) => r.emotion !== null);
    const expected = {
      count: raw.length,
      emotionCount: withEmotion.length,
      emotionSum: withEmotion.reduce((s, r) => s + r.emotion!, 0),
    };
    expect(expected.count).toBeGreaterThan(30);
    const stats = await interactionStatsByTouchpoint(A.ctx("viewer"), [tp], {}, period);
    expect(stats.get(tp)).toEqual(expected);
    // Damage the roll-up on purpose (a whole day inside the period): the count must see it, the raw one not.
    await db.$executeRaw`UPDATE "InteractionDaily" SET "count" = "count" + 1000 WHERE "orgId" = ${A.orgId} AND "touchpointId" = ${tp} AND "day" = ${new Date(T0 + 7 * DAY)} AND "emotion" = 99`;
    const damaged = await interactionStatsByTouchpoint(A.ctx("viewer"), [tp], {}, period);
    expect(damaged.get(tp)!.emotionCount).toBe(expected.emotionCount);
    expect(damaged.get(tp)!.count - expected.count).toBeGreaterThanOrEqual(1000);
    // Not on an edge day, nor for a segment or a caller narrowed to a unit.
    const edgeOnly = { from: new Date(T0 + 7 * DAY + 1), to: new Date(T0 + 8 * DAY) };
    const edgeStats = await interactionStatsByTouchpoint(A.ctx("viewer"), [tp], {}, edgeOnly);
    expect(edgeStats).toEqual(
      await interactionStatsByTouchpoint(A.ctx("viewer"), [tp], {}, edgeOnly, { source: "raw" }),
    );
    expect((await rollupDifferences(A.orgId)).map((d) => d.table)).toContain("InteractionDaily");
    // The operator's rebuild repairs it.
    expect(await rebuildRollups(A.orgId)).toBeGreaterThan(0);
    await exact();
    expect((await interactionStatsByTouchpoint(A.ctx("viewer"), [tp], {}, period)).get(tp)).toEqual(expected);
  });
});
