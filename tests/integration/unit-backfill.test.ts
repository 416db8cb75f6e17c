// Attributing history to units (docs/hierarchy.md, "Backfill"; lib/units/backfill.ts on the job runner of
// lib/jobs/runner.ts): rows written before the units existed get the unit the rules give them today — interactions by
// the member who logged them, then their touchpoint, then the customer's home unit; responses by touchpoint, then
// home unit; cases by their response or interaction, then home unit — and rows that have a unit never change. The job
// works in batches under a lease, resumes from its cursor, is never done twice by two instances, counts per rule,
// and is audited. Admins start and follow it over HTTP; other roles get 403.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { archiveUnit, createUnit } from "@/lib/units/service";
import { runJobsTick } from "@/lib/jobs/runner";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http } from "./http";

let A: Org;
const u = {} as Record<"region" | "s1" | "s2", string>;
const ids = {} as Record<string, string>;
let surveyId: string;
const BULK = 620; // more than one batch of 500

beforeAll(async () => {
  A = await createOrg("backfill");
  const admin = A.ctx("admin");
  u.region = (await createUnit(admin, { code: `R-${uid()}`, name: "North" })).id;
  u.s1 = (await createUnit(admin, { code: `S1-${uid()}`, name: "Store 1", parentId: u.region })).id;
  u.s2 = (await createUnit(admin, { code: `S2-${uid()}`, name: "Store 2", parentId: u.region })).id;
  surveyId = (await createSurvey(A.orgId)).id;
  // History first, written as it was before any unit existed …
  const tpOther = await db.touchpoint.create({
    data: { orgId: A.orgId, journeyId: A.ids.journey, stageId: A.ids.stage, name: "Web", kind: "digital" },
  });
  const home = await db.customer.create({ data: { orgId: A.orgId, name: "Home S2" } });
  const nobody = await db.customer.create({ data: { orgId: A.orgId, name: "No home" } });
  const response = (clientId: string, data: { touchpointId?: string; customerId?: string; unitId?: string }) =>
    db.response.create({
      data: { orgId: A.orgId, surveyId, clientId, metric: "nps", score: 3, category: "detractor", ...data },
    });
  ids.rTouchpoint = (await response("r-tp", { touchpointId: A.ids.touchpoint, customerId: home.id })).id;
  ids.rHome = (await response("r-home", { touchpointId: tpOther.id, customerId: home.id })).id;
  ids.rNone = (await response("r-none", { touchpointId: tpOther.id, customerId: nobody.id })).id;
  ids.rKept = (await response("r-kept", { touchpointId: A.ids.touchpoint, unitId: u.region })).id;
  const interaction = (source: string, data: { touchpointId?: string; customerId: string; staffId?: string }) =>
    db.interaction.create({ data: { orgId: A.orgId, occurredAt: new Date(), outcome: "resolved", source, ...data } });
  ids.iStaff = (
    await interaction("staff", { customerId: nobody.id, staffId: A.users.agent.id, touchpointId: tpOther.id })
  ).id;
  ids.iApi = (
    await interaction("api", { customerId: home.id, staffId: A.users.agent.id, touchpointId: tpOther.id })
  ).id;
  ids.cSource = (
    await db.case.create({ data: { orgId: A.orgId, title: "From response", responseId: ids.rTouchpoint } })
  ).id;
  ids.cHome = (await db.case.create({ data: { orgId: A.orgId, title: "By hand", customerId: home.id } })).id;
  await db.response.createMany({
    data: Array.from({ length: BULK }, (_, i) => ({
      orgId: A.orgId,
      surveyId,
      clientId: `bulk-${i}`,
      touchpointId: A.ids.touchpoint,
      metric: "nps",
      score: 9,
      category: "promoter",
    })),
  });
  // … then the hierarchy: the touchpoint in store 1, a home unit, the agent scoped to store 2.
  await db.touchpoint.update({ where: { id: A.ids.touchpoint }, data: { unitId: u.s1 } });
  await db.customer.update({ where: { id: home.id }, data: { unitId: u.s2 } });
  await db.membership.update({ where: { id: A.users.agent.membershipId }, data: { unitId: u.s2 } });
});

const unitsOf = async () => {
  const [r, i, c] = await Promise.all([
    db.response.findMany({ where: { id: { in: [ids.rTouchpoint, ids.rHome, ids.rNone, ids.rKept] } } }),
    db.interaction.findMany({ where: { id: { in: [ids.iStaff, ids.iApi] } } }),
    db.case.findMany({ where: { id: { in: [ids.cSource, ids.cHome] } } }),
  ]);
  return Object.fromEntries([...r, ...i, ...c].map((row) => [row.id, row.unitId]));
};

describe("attributing history to units", () => {
  it("only admins start and follow it; a second start answers the running job", async () => {
    for (const role of ["viewer", "agent", "manager"] as const) {
      expect((await http("POST", "/api/v1/units/backfill", { key: A.keys[role] })).status).toBe(403);
      expect((await http("GET", "/api/v1/units/backfill", { key: A.keys[role] })).status).toBe(403);
    }
    expect((await http("GET", "/api/v1/units/backfill", { key: A.keys.admin })).body).toEqual({ job: null });
    const nullRows =
      (await db.response.count({ where: { orgId: A.orgId, unitId: null } })) +
      (await db.interaction.count({ where: { orgId: A.orgId, unitId: null } })) +
      (await db.case.count({ where: { orgId: A.orgId, unitId: null } }));
    const first = await http("POST", "/api/v1/units/backfill", { key: A.keys.admin });
    expect(first.status).toBe(202);
    expect(first.body.job).toMatchObject({ kind: "unit-backfill", status: "queued", done: 0, total: nullRows });
    const again = await http("POST", "/api/v1/units/backfill", { key: A.keys.admin });
    expect(again.status).toBe(200);
    expect(again.body.job.id).toBe(first.body.job.id);
    expect(await db.auditEvent.count({ where: { orgId: A.orgId, action: "units.backfill_started" } })).toBe(1);
  });

  it("runs in batches that resume from the cursor, never twice under two instances, and places each row by the rules", async () => {
    const before = await unitsOf();
    expect(Object.values(before).filter(Boolean)).toEqual([u.region]); // only the row that had one
    // One batch, then the lease is let go: the job is half done and resumes from its cursor.
    await runJobsTick({ sliceMs: 0, orgId: A.orgId });
    const half = await db.backgroundJob.findFirstOrThrow({ where: { orgId: A.orgId } });
    expect(half).toMatchObject({ status: "running", leaseOwner: null });
    expect(half.done).toBeGreaterThan(0);
    expect(half.done).toBeLessThan(half.total);
    // Two instances at once from here: one holds the lease, the other finds nothing to take.
    for (let i = 0; i < 20; i++) {
      const job = await db.backgroundJob.findFirstOrThrow({ where: { orgId: A.orgId } });
      if (job.status === "done") break;
      await Promise.all([runJobsTick({ sliceMs: 0, orgId: A.orgId }), runJobsTick({ sliceMs: 0, orgId: A.orgId })]);
    }
    const job = await db.backgroundJob.findFirstOrThrow({ where: { orgId: A.orgId } });
    expect(job.status).toBe("done");
    expect(job.done).toBe(job.total); // every row examined exactly once
    const result = job.result as Record<string, number>;
    expect(Object.values(result).reduce((a, b) => a + b, 0)).toBe(job.total);
    expect(result).toEqual({
      "interactions.staff": 2, // i-staff, and the factory's interaction (logged by the agent, now in store 2)
      "interactions.customer": 1,
      "responses.touchpoint": BULK + 1,
      "responses.customer": 1,
      "responses.none": 2, // r-none, and the factory's response (no touchpoint; a customer without a home unit)
      "cases.source": 1,
      "cases.customer": 1,
      "cases.none": 1, // the factory's case: its response has no unit, its customer no home unit
    });
    expect(await unitsOf()).toEqual({
      [ids.rTouchpoint]: u.s1,
      [ids.rHome]: u.s2,
      [ids.rNone]: null,
      [ids.rKept]: u.region, // never changed
      [ids.iStaff]: u.s2, // the agent's scope wins over the touchpoint and the customer
      [ids.iApi]: u.s2, // through the API: not the staff rule; the customer's home unit
      [ids.cSource]: u.s1, // its response's unit, attributed in the same job
      [ids.cHome]: u.s2,
    });
    expect(
      await db.response.count({ where: { orgId: A.orgId, clientId: { startsWith: "bulk-" }, unitId: u.s1 } }),
    ).toBe(BULK);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: A.orgId, action: "units.backfilled" } });
    expect(audit.actorId).toBe(A.users.admin.id);
    // Over HTTP, the admin sees it done with the counts.
    const status = await http("GET", "/api/v1/units/backfill", { key: A.keys.admin });
    expect(status.body.job).toMatchObject({ status: "done", done: job.total, total: job.total, result });
  });

  it("running it again changes nothing already attributed", async () => {
    const before = await unitsOf();
    const again = await http("POST", "/api/v1/units/backfill", { key: A.keys.admin });
    expect(again.status).toBe(202);
    while (await runJobsTick({ sliceMs: 0, orgId: A.orgId }));
    expect(await unitsOf()).toEqual(before);
    const last = await db.backgroundJob.findFirstOrThrow({ where: { orgId: A.orgId }, orderBy: { createdAt: "desc" } });
    expect(last.status).toBe("done");
    expect(Object.keys(last.result as object).every((k) => k.endsWith(".none"))).toBe(true);
  });
});

describe("reassignment", () => {
  const reassign = (body: Record<string, unknown>, key = A.keys.admin) =>
    http("POST", "/api/v1/units/reassign", { key, body });

  it("moves the rows a filter names, counts them first on request, and audits the filter and the counts", async () => {
    const inS1 = { orgId: A.orgId, unitId: u.s1, touchpointId: A.ids.touchpoint };
    const responses = await db.response.count({ where: inS1 });
    const cases = await db.case.count({ where: { orgId: A.orgId, unitId: u.s1 } });
    expect(responses).toBe(BULK + 1);
    const body = { fromUnitId: u.s1, touchpointId: A.ids.touchpoint, toUnitId: u.s2 };
    const dry = await reassign({ ...body, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, counts: { responses, interactions: 0, cases } });
    expect(await db.response.count({ where: inS1 })).toBe(responses); // nothing moved
    expect(await db.auditEvent.count({ where: { orgId: A.orgId, action: "units.reassigned" } })).toBe(0);

    const moved = await reassign({ ...body, kinds: ["responses"] });
    expect(moved.body).toEqual({ dryRun: false, counts: { responses, interactions: 0, cases: 0 } });
    expect(await db.response.count({ where: inS1 })).toBe(0);
    expect(await db.case.count({ where: { orgId: A.orgId, unitId: u.s1 } })).toBe(cases); // not asked for
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: A.orgId, action: "units.reassigned" } });
    expect(audit.entityId).toBe(u.s2);
    expect(audit.apiKeyId).not.toBeNull(); // the admin's API key acted
    expect(audit.data).toMatchObject({
      filter: { fromUnitId: u.s1, touchpointId: A.ids.touchpoint, kinds: ["responses"] },
      counts: { responses, interactions: 0, cases: 0 },
    });
  });

  it("moves rows without a unit (fromUnitId null) within a period, and leaves the rest", async () => {
    const unplaced = await db.response.findMany({ where: { orgId: A.orgId, unitId: null } });
    expect(unplaced.length).toBeGreaterThan(0);
    const future = await reassign({ fromUnitId: null, toUnitId: u.region, from: "2999-01-01T00:00:00Z" });
    expect(future.body.counts).toEqual({ responses: 0, interactions: 0, cases: 0 });
    const all = await reassign({ fromUnitId: null, toUnitId: u.region });
    expect(all.body.counts.responses).toBe(unplaced.length);
    expect(await db.response.count({ where: { orgId: A.orgId, unitId: null } })).toBe(0);
    expect(await db.case.count({ where: { orgId: A.orgId, unitId: null } })).toBe(0);
  });

  it("refuses what it cannot do, naming the field, and changes nothing", async () => {
    const snapshot = async () =>
      (await db.response.findMany({ where: { orgId: A.orgId }, select: { unitId: true } })).map((r) => r.unitId).sort();
    const before = await snapshot();
    for (const role of ["viewer", "agent", "manager"] as const)
      expect((await reassign({ fromUnitId: u.s2, toUnitId: u.s1 }, A.keys[role])).status).toBe(403);
    const fields = async (body: Record<string, unknown>) => {
      const r = await reassign(body);
      expect(r.status).toBe(400);
      return r.body.invalid_params.map((p: { name: string }) => p.name);
    };
    expect(await fields({ toUnitId: u.s1 })).toEqual(["fromUnitId"]); // no filter: never "everything" by accident
    expect(await fields({ fromUnitId: u.s1, toUnitId: u.s1 })).toEqual(["toUnitId"]);
    expect(await fields({ fromUnitId: u.s2, toUnitId: u.s1, kinds: [] })).toEqual(["kinds"]);
    expect(await fields({ fromUnitId: u.s2, toUnitId: u.s1, from: "2025-02-01", to: "2025-01-01" })).toEqual(["to"]);
    const closed = (await createUnit(A.ctx("admin"), { code: `C-${uid()}`, name: "Closed" })).id;
    await archiveUnit(A.ctx("admin"), closed);
    expect(await fields({ fromUnitId: u.s2, toUnitId: closed })).toEqual(["toUnitId"]);
    // Another organization's unit or touchpoint: 404, as if it did not exist.
    const B = await createOrg("backfill-b");
    const bUnit = (await createUnit(B.ctx("admin"), { code: `B-${uid()}`, name: "B" })).id;
    expect((await reassign({ fromUnitId: u.s2, toUnitId: bUnit })).status).toBe(404);
    expect((await reassign({ fromUnitId: bUnit, toUnitId: u.s1 })).status).toBe(404);
    expect((await reassign({ touchpointId: B.ids.touchpoint, toUnitId: u.s1 })).status).toBe(404);
    // B's rows are never touched by A's admin, whatever the filter.
    await db.response.updateMany({ where: { orgId: B.orgId }, data: { unitId: bUnit } });
    expect((await reassign({ fromUnitId: u.s2, toUnitId: u.s1, dryRun: true })).status).toBe(200);
    expect(await db.response.count({ where: { orgId: B.orgId, unitId: bUnit } })).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});
