// Scoped access to responses, interactions and cases in depth (docs/hierarchy.md, "Scoped access: responses,
// interactions and cases"), over the scope matrix's organization: what a scoped caller logs lands in their unit and
// so does the case it opens; an archived scope unit cannot log outside the scope; a hidden interaction's clientId
// reveals nothing; a case is owned only by a member who can open it; the loop-closure figure counts the caller's
// units. Also runs this area's page and server-action probes (tests/integration/scope/pages-records.ts,
// actions-records.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/service";
import { getLoopClosure } from "@/lib/cases/loop-closure";
import { loadScope } from "@/lib/units/scope-load";
import { createUser, TEST_PASSWORD } from "../factories";
import { baseURL, http, signIn } from "./http";
import { createScopeFixture, type ScopeFixture } from "./scope/fixture";

let f: ScopeFixture;
beforeAll(async () => {
  f = await createScopeFixture("records");
});

const session = (cookie: string) => ({ cookie, headers: { origin: baseURL() } });

describe("writes of a scoped caller", () => {
  it("an interaction S1's agent logs lands in S1, and so does the follow-up case it opens", async () => {
    const res = await http("POST", "/api/v1/interactions", {
      ...session(f.callers.s1Agent.cookie),
      // At another store's touchpoint, for a customer whose home is S1: the staff rule (S1) decides.
      body: { customerId: f.rows.S1.customerId, touchpointId: f.rows.S3.touchpointId, outcome: "follow_up" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await db.interaction.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({
      unitId: f.units.S1,
    });
    const kase = await db.case.findFirstOrThrow({ where: { interactionId: res.body.id } });
    expect(kase.unitId).toBe(f.units.S1);
    // S1's callers see the new case; R1's viewer too (S1 is in R1); it is hidden from nobody in R1.
    const list = await http("GET", "/api/v1/cases?limit=100", { key: f.callers.s1Manager.key });
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(kase.id);
    expect((await http("GET", `/api/v1/cases/${kase.id}`, { key: f.callers.r1Viewer.key })).status).toBe(200);
  });

  it("a key scoped through its creator writes inside the creator's unit, for a walk-in customer S1 served", async () => {
    // The customer of S3 who had a visit in S1 is visible to S1 (customerScopeWhere) and can be logged for.
    const walkIn = await db.customer.create({
      data: { orgId: f.orgId, name: "Walk-in", unitId: f.units.S3 },
    });
    const hidden = await http("POST", "/api/v1/interactions", {
      key: f.callers.s1Agent.key,
      body: { customerId: walkIn.id, outcome: "resolved" },
    });
    expect(hidden.status).toBe(404);
    await db.interaction.create({
      data: { orgId: f.orgId, customerId: walkIn.id, occurredAt: new Date(), outcome: "resolved", unitId: f.units.S1 },
    });
    const res = await http("POST", "/api/v1/interactions", {
      key: f.callers.s1Agent.key,
      body: { customerId: walkIn.id, outcome: "resolved" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await db.interaction.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({
      unitId: f.units.S1,
      source: "api",
    });
  });

  it("R1's viewer cannot write: logging and working a case are refused by role, nothing changes", async () => {
    const before = await db.interaction.count({ where: { orgId: f.orgId } });
    const log = await http("POST", "/api/v1/interactions", {
      ...session(f.callers.r1Viewer.cookie),
      body: { customerId: f.rows.S1.customerId, outcome: "resolved" },
    });
    expect(log.status).toBe(403);
    expect(log.body.detail).not.toContain("whole organization");
    const kase = await db.case.findUniqueOrThrow({ where: { id: f.rows.S2.caseId } });
    const patch = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: f.callers.r1Viewer.key,
      body: { status: "in_progress" },
    });
    expect(patch.status).toBe(403);
    expect(await db.interaction.count({ where: { orgId: f.orgId } })).toBe(before);
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toEqual(kase);
  });

  it("a hidden case's PATCH is a 404 with the body of a missing case, and the case is unchanged", async () => {
    const kase = await db.case.findUniqueOrThrow({ where: { id: f.rows.S2.caseId } });
    const res = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: f.callers.s1Admin.key,
      body: { status: "resolved", resolution: "Not ours" },
    });
    const missing = await http("PATCH", "/api/v1/cases/no-such-case", {
      key: f.callers.s1Admin.key,
      body: { status: "resolved", resolution: "Not ours" },
    });
    expect(res.status).toBe(404);
    const shape = (b: { status: number; title: string; detail: string }) => [b.status, b.title, b.detail];
    expect(shape(res.body)).toEqual(shape(missing.body));
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toEqual(kase);
    expect(await db.auditEvent.count({ where: { orgId: f.orgId, entityId: kase.id } })).toBe(0);
  });

  it("the clientId of a hidden interaction answers 404 and writes nothing", async () => {
    const clientId = `hidden-${Date.now()}`;
    const s2 = await http("POST", "/api/v1/interactions", {
      key: f.org.keys.agent,
      body: { customerId: f.rows.S2.customerId, touchpointId: f.rows.S2.touchpointId, outcome: "resolved", clientId },
    });
    expect(s2.status).toBe(201);
    expect(await db.interaction.findUniqueOrThrow({ where: { id: s2.body.id } })).toMatchObject({ unitId: f.units.S2 });
    const before = await db.interaction.count({ where: { orgId: f.orgId } });
    const retry = await http("POST", "/api/v1/interactions", {
      key: f.s1IntegrationKey,
      body: { customerId: f.rows.S1.customerId, outcome: "resolved", clientId },
    });
    expect(retry.status).toBe(404);
    expect(JSON.stringify(retry.body)).not.toContain(s2.body.id);
    expect(await db.interaction.count({ where: { orgId: f.orgId } })).toBe(before);
  });

  it("with the scope unit archived, an interaction that would land outside the scope is refused (400)", async () => {
    const s4 = await db.unit.create({
      data: { orgId: f.orgId, code: "S4", name: "Store 4", kind: "store", parentId: f.units.R2, path: "/", depth: 1 },
    });
    const r2 = await db.unit.findUniqueOrThrow({ where: { id: f.units.R2 } });
    await db.unit.update({ where: { id: s4.id }, data: { path: `${r2.path}${s4.id}/` } });
    const user = await createUser("records-s4-agent");
    await db.membership.create({ data: { orgId: f.orgId, userId: user.id, role: "agent", unitId: s4.id } });
    const key = (
      await createApiKey(
        { orgId: f.orgId, userId: user.id, role: "agent", apiKeyId: null },
        { name: "s4", role: "agent" },
      )
    ).key;
    const customer = await db.customer.create({ data: { orgId: f.orgId, name: "Home S4", unitId: s4.id } });
    await db.unit.update({ where: { id: s4.id }, data: { archivedAt: new Date() } });
    const before = await db.interaction.count({ where: { orgId: f.orgId } });
    // S4 archived → the touchpoint's unit (S3) would decide: outside S4.
    const atS3 = await http("POST", "/api/v1/interactions", {
      key,
      body: { customerId: customer.id, touchpointId: f.rows.S3.touchpointId, outcome: "resolved" },
    });
    expect(atS3.status).toBe(400);
    expect(atS3.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["touchpointId"]);
    // No touchpoint: the customer's home (S4) is archived too → no unit, outside S4.
    const bare = await http("POST", "/api/v1/interactions", {
      key,
      body: { customerId: customer.id, outcome: "follow_up" },
    });
    expect(bare.status).toBe(400);
    expect(bare.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["customerId"]);
    expect(await db.interaction.count({ where: { orgId: f.orgId } })).toBe(before);
    expect(await db.case.count({ where: { orgId: f.orgId, customerId: customer.id } })).toBe(0);
    // Its history is still readable.
    const cookie = (await signIn(user.email, TEST_PASSWORD))!;
    expect((await http("GET", "/api/v1/interactions", { cookie })).status).toBe(200);
  });
});

describe("case owners", () => {
  it("a case is owned only by a member who can open it; the case page offers only those", async () => {
    const s2Agent = await createUser("records-s2-agent");
    await db.membership.create({ data: { orgId: f.orgId, userId: s2Agent.id, role: "agent", unitId: f.units.S2 } });
    const kase = await db.case.findUniqueOrThrow({ where: { id: f.rows.S1.caseId } });
    // Even an organization-wide admin cannot give S1's case to S2's agent, who could not open it.
    const res = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: f.org.keys.admin,
      body: { ownerId: s2Agent.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.invalid_params).toEqual([
      { name: "ownerId", reason: "This member's units do not include this case", in: "body" },
    ]);
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toEqual(kase);
    // S1's own agent and an organization-wide agent can own it.
    for (const owner of [f.callers.s1Agent.userId, f.org.users.agent.id]) {
      const ok = await http("PATCH", `/api/v1/cases/${kase.id}`, { key: f.org.keys.admin, body: { ownerId: owner } });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    }
    // A case without a unit: organization-wide members only.
    const unitless = await http("PATCH", `/api/v1/cases/${f.rows.none.caseId}`, {
      key: f.org.keys.admin,
      body: { ownerId: f.callers.s1Agent.userId },
    });
    expect(unitless.status).toBe(400);
    const page = await http("GET", `/cases/${kase.id}`, { cookie: f.callers.s1Manager.cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain("records-s1-agent user");
    expect(page.body).not.toContain("records-s2-agent user");
  });
});

describe("the automatic owner of a new case", () => {
  it("is the chosen person or the least-loaded agent only when their scope includes the case", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { id: f.orgId }, select: { settings: true } });
    const settings = (org.settings ?? {}) as Record<string, unknown>;
    await db.organization.update({
      where: { id: f.orgId },
      data: { settings: { ...settings, caseRules: { assignTo: f.callers.s1Agent.userId } } },
    });
    try {
      const followUp = async (store: "S1" | "S2" | "none") => {
        const res = await http("POST", "/api/v1/interactions", {
          key: f.org.keys.agent,
          body: {
            customerId: f.rows[store].customerId,
            touchpointId: f.rows[store].touchpointId,
            outcome: "follow_up",
          },
        });
        expect(res.status).toBe(201);
        return db.case.findFirstOrThrow({ where: { interactionId: res.body.id } });
      };
      // S1's case goes to the chosen S1 agent; S2's and a unit-less one to an agent who can open them.
      expect(await followUp("S1")).toMatchObject({ unitId: f.units.S1, ownerId: f.callers.s1Agent.userId });
      for (const store of ["S2", "none"] as const) {
        const kase = await followUp(store);
        expect(kase.unitId).toBe(f.rows[store].unitId);
        expect(kase.ownerId).not.toBeNull();
        expect(kase.ownerId).not.toBe(f.callers.s1Agent.userId);
        const owner = await db.membership.findFirstOrThrow({ where: { orgId: f.orgId, userId: kase.ownerId! } });
        expect(owner.role).toBe("agent");
        expect([null, f.units.S2]).toContain(owner.unitId);
        if (store === "none") expect(owner.unitId).toBeNull();
      }
    } finally {
      await db.organization.update({ where: { id: f.orgId }, data: { settings: settings as object } });
    }
  });
});

describe("loop closure on the cases page", () => {
  it("counts the detractor responses of the caller's units only", async () => {
    const period = { from: new Date(Date.now() - 30 * 86_400_000), to: new Date(Date.now() + 60_000) };
    const ctx = (unitId: string | null) =>
      (async () => ({
        orgId: f.orgId,
        userId: f.org.users.viewer.id,
        role: "viewer" as const,
        apiKeyId: null,
        scope: unitId ? await loadScope(f.orgId, unitId) : null,
      }))();
    // Detractors (NPS 0–6) of the fixture: S1 one (2), S2 two (0, 5), S3 none, no unit two (0, 0).
    expect((await getLoopClosure(await ctx(f.units.S1), period)).n).toBe(1);
    expect((await getLoopClosure(await ctx(f.units.R1), period)).n).toBe(3);
    expect((await getLoopClosure(await ctx(f.units.R2), period)).n).toBe(0);
    expect((await getLoopClosure(await ctx(null), period)).n).toBeGreaterThanOrEqual(5);
  });
});
