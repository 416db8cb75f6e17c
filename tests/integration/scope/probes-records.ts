// Scope probes of responses, interactions and cases (docs/hierarchy.md, "Scoped access: responses, interactions and
// cases"): lists and exports hold exactly the caller's units' rows, a hidden row's :id is a 404 and stays unchanged,
// what a scoped caller logs lands in their unit, and a write to a hidden row changes nothing.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { baseURL, http } from "../http";
import type { ScopeFixture } from "./fixture";
import type { ScopeProbes } from "./probes";

type Kind = "responses" | "interactions" | "cases";
type As = { key?: string; cookie?: string; headers?: Record<string, string> };

/** The scoped callers that read: S1's member (session and key), the S1 integration key, and R1's viewer. */
function readers(f: ScopeFixture): { scope: "S1" | "R1"; as: As }[] {
  return [
    { scope: "S1", as: { cookie: f.callers.s1Manager.cookie } },
    { scope: "S1", as: { key: f.callers.s1Manager.key } },
    { scope: "S1", as: { key: f.s1IntegrationKey } },
    { scope: "R1", as: { cookie: f.callers.r1Viewer.cookie } },
    { scope: "R1", as: { key: f.callers.r1Viewer.key } },
  ];
}

/** The scope's unit ids (S1: S1; R1: R1, S1, S2). */
const unitsOf = (f: ScopeFixture, scope: "S1" | "R1") =>
  scope === "S1" ? [f.units.S1] : [f.units.R1, f.units.S1, f.units.S2];

async function unitIdsOf(kind: Kind, ids: string[]): Promise<(string | null)[]> {
  const where = { id: { in: ids } };
  const select = { unitId: true };
  const rows =
    kind === "responses"
      ? await db.response.findMany({ where, select })
      : kind === "interactions"
        ? await db.interaction.findMany({ where, select })
        : await db.case.findMany({ where, select });
  return rows.map((r) => r.unitId);
}

/** A list route: every in-scope fixture row, none of the hidden ones, and nothing else outside the scope. */
function listProbe(kind: Kind, path: string) {
  return async (f: ScopeFixture) => {
    for (const { scope, as } of readers(f)) {
      const res = await http("GET", path, as);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const ids: string[] = res.body.data.map((r: { id: string }) => r.id);
      expect(ids).toEqual(expect.arrayContaining(f.visible(scope)[kind]));
      expect(ids.filter((id) => f.hidden(scope)[kind].includes(id))).toEqual([]);
      const units = await unitIdsOf(kind, ids);
      expect(units.filter((u) => !unitsOf(f, scope).includes(u ?? ""))).toEqual([]);
    }
    // The same list for the whole organization has the hidden rows (the probe could fail).
    const all = await http("GET", path, { key: f.org.keys.viewer });
    expect(all.body.data.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(f.hidden("S1")[kind]));
  };
}

/** An :id read: the in-scope rows answer, every hidden one is a 404 as another organization's. */
function readProbe(kind: Kind, base: string) {
  return async (f: ScopeFixture) => {
    for (const { scope, as } of readers(f)) {
      for (const id of f.visible(scope)[kind]) expect((await http("GET", `${base}/${id}`, as)).status).toBe(200);
      for (const id of f.hidden(scope)[kind]) {
        const res = await http("GET", `${base}/${id}`, as);
        expect(res.status).toBe(404);
        expect(res.body.detail).not.toContain("whole organization");
      }
    }
  };
}

/** A CSV export: the in-scope rows' texts and none of the hidden ones'. */
function exportProbe(path: string, text: (store: string) => string) {
  return async (f: ScopeFixture) => {
    for (const { scope, as } of readers(f)) {
      const res = await http("GET", path, as);
      expect(res.status).toBe(200);
      expect(res.contentType).toContain("text/csv");
      for (const s of f.visible(scope).stores) expect(res.body).toContain(text(s));
      for (const s of f.hidden(scope).stores) expect(res.body).not.toContain(text(s));
    }
    const all = await http("GET", path, { key: f.org.keys.viewer });
    for (const s of f.hidden("S1").stores) expect(all.body).toContain(text(s));
  };
}

const session = (cookie: string): As => ({ cookie, headers: { origin: baseURL() } });

const caseState = (id: string) =>
  db.case.findUniqueOrThrow({
    where: { id },
    select: { status: true, ownerId: true, resolution: true, dueAt: true, updatedAt: true },
  });

export const RECORDS_PROBES: ScopeProbes = {
  "GET /api/v1/responses": listProbe("responses", "/api/v1/responses?limit=200"),
  "GET /api/v1/responses/:id": readProbe("responses", "/api/v1/responses"),
  "GET /api/v1/interactions": listProbe("interactions", "/api/v1/interactions?limit=200"),
  "GET /api/v1/interactions/:id": readProbe("interactions", "/api/v1/interactions"),
  "GET /api/v1/cases": async (f) => {
    await listProbe("cases", "/api/v1/cases?limit=100")(f);
    // "My cases": a case of S2 assigned to S1's agent (before the scope, say) stays out of their queue.
    const agent = f.callers.s1Agent;
    const s1Case = f.rows.S1.caseId;
    const s2Case = f.rows.S2.caseId;
    const before = await db.case.findMany({
      where: { id: { in: [s1Case, s2Case] } },
      select: { id: true, ownerId: true },
    });
    await db.case.updateMany({ where: { id: { in: [s1Case, s2Case] } }, data: { ownerId: agent.userId } });
    try {
      for (const as of [{ cookie: agent.cookie }, { key: agent.key }]) {
        const mine = await http("GET", "/api/v1/cases?mine=true", as);
        expect(mine.status).toBe(200);
        expect(mine.body.data.map((c: { id: string }) => c.id)).toEqual([s1Case]);
      }
    } finally {
      for (const c of before) await db.case.update({ where: { id: c.id }, data: { ownerId: c.ownerId } });
    }
  },
  "GET /api/v1/cases/:id": readProbe("cases", "/api/v1/cases"),
  "PATCH /api/v1/cases/:id": async (f) => {
    const mine = f.rows.S1.caseId;
    // Inside the scope: S1's agent (session) and the S1 integration key work the case.
    const worked = await http("PATCH", `/api/v1/cases/${mine}`, {
      ...session(f.callers.s1Agent.cookie),
      body: { status: "in_progress", ownerId: f.callers.s1Agent.userId },
    });
    expect(worked.status, JSON.stringify(worked.body)).toBe(200);
    expect(await caseState(mine)).toMatchObject({ status: "in_progress", ownerId: f.callers.s1Agent.userId });
    const viaKey = await http("PATCH", `/api/v1/cases/${mine}`, { key: f.s1IntegrationKey, body: { status: "open" } });
    expect(viaKey.status).toBe(200);
    // A hidden case (S2, S3, no unit) is a 404 for every S1 caller, and unchanged.
    for (const store of f.hidden("S1").stores) {
      const id = f.rows[store].caseId;
      const before = await caseState(id);
      for (const as of [
        session(f.callers.s1Agent.cookie),
        { key: f.callers.s1Manager.key },
        { key: f.s1IntegrationKey },
      ]) {
        const res = await http("PATCH", `/api/v1/cases/${id}`, {
          ...as,
          body: { status: "resolved", resolution: "Closed from another store" },
        });
        expect(res.status).toBe(404);
      }
      expect(await caseState(id)).toEqual(before);
    }
    // R1's viewer reads S1's case but cannot work it (role).
    const before = await caseState(mine);
    const viewer = await http("PATCH", `/api/v1/cases/${mine}`, {
      key: f.callers.r1Viewer.key,
      body: { status: "in_progress" },
    });
    expect(viewer.status).toBe(403);
    expect(await caseState(mine)).toEqual(before);
  },
  "POST /api/v1/interactions": async (f) => {
    const post = (as: As, body: Record<string, unknown>) =>
      http("POST", "/api/v1/interactions", { ...as, body: { outcome: "resolved", ...body } });
    // S1's agent logs at S2's checkout for S1's customer: the interaction is S1's (the staff rule, their unit).
    const bySession = await post(session(f.callers.s1Agent.cookie), {
      customerId: f.rows.S1.customerId,
      touchpointId: f.rows.S2.touchpointId,
      note: "Logged by S1's agent",
    });
    expect(bySession.status, JSON.stringify(bySession.body)).toBe(201);
    expect(await db.interaction.findUniqueOrThrow({ where: { id: bySession.body.id } })).toMatchObject({
      unitId: f.units.S1,
      source: "staff",
    });
    // The S1 integration key writes inside S1 too, even at S3's touchpoint (source api, but a scoped writer).
    const byKey = await post(
      { key: f.s1IntegrationKey },
      {
        customerId: f.rows.S1.customerId,
        touchpointId: f.rows.S3.touchpointId,
      },
    );
    expect(byKey.status, JSON.stringify(byKey.body)).toBe(201);
    expect(await db.interaction.findUniqueOrThrow({ where: { id: byKey.body.id } })).toMatchObject({
      unitId: f.units.S1,
      source: "api",
    });
    // A customer the caller cannot see (home elsewhere, no row in S1) is a 404, as another organization's; nothing
    // is written. R1's viewer cannot log at all (role).
    const count = () => db.interaction.count({ where: { orgId: f.orgId } });
    const before = await count();
    for (const store of f.hidden("S1").stores) {
      for (const as of [
        session(f.callers.s1Agent.cookie),
        { key: f.callers.s1Agent.key },
        { key: f.s1IntegrationKey },
      ]) {
        const res = await post(as, { customerId: f.rows[store].customerId });
        expect(res.status, JSON.stringify(res.body)).toBe(404);
        expect(res.body.detail).toBe("Customer not found.");
      }
    }
    expect((await post({ key: f.callers.r1Viewer.key }, { customerId: f.rows.S1.customerId })).status).toBe(403);
    expect(await count()).toBe(before);
  },
  "GET /api/v1/exports/responses": exportProbe("/api/v1/exports/responses", (s) => `Comment from ${s} #0`),
  "GET /api/v1/exports/interactions": exportProbe("/api/v1/exports/interactions", (s) => `Visit at ${s}`),
};
