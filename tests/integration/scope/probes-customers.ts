// Scope probes of the customer routes (docs/hierarchy.md, "Customers in a scope"): a scoped caller sees the customers
// whose home unit is in their subtree or who have a response, interaction or case there; such a customer's timeline
// shows only the rows of the caller's units; another customer is a 404 and stays as it was. Creating a customer as a
// scoped caller gives it their unit; a unit outside the subtree is a 404; the home unit moves only within it.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/service";
import { searchTokenRows } from "@/lib/customers/search-tokens";
import { baseURL, http } from "../http";
import type { ScopeFixture } from "./fixture";
import type { ScopeProbes } from "./probes";

type As = { key?: string; cookie?: string; headers?: Record<string, string> };

/** S1's callers (a member's key and session, an organization admin's key limited to S1) and R1's (a viewer's key). */
function readers(f: ScopeFixture): Array<{ scope: "S1" | "R1"; as: As }> {
  return [
    { scope: "S1", as: { key: f.callers.s1Manager.key } },
    { scope: "S1", as: { cookie: f.callers.s1Manager.cookie } },
    { scope: "S1", as: { key: f.s1IntegrationKey } },
    { scope: "R1", as: { key: f.callers.r1Viewer.key } },
    { scope: "R1", as: { cookie: f.callers.r1Viewer.cookie } },
  ];
}

const sessionWrite = (cookie: string): As => ({ cookie, headers: { origin: baseURL() } });

/**
 * A walk-in: a customer whose home is S3, with one visit at S1 and one at S3 — S1's callers see them (through the S1
 * visit) with the S1 visit only. Removed again after `fn`, so that the other probes see the fixture as it was.
 */
export async function withWalkIn(
  f: ScopeFixture,
  fn: (w: { id: string; s1Visit: string; s3Visit: string }) => Promise<void>,
) {
  const customer = await db.customer.create({
    data: { orgId: f.orgId, name: "Walk-in from S3", email: `walk-in-${Date.now()}@example.test`, unitId: f.units.S3 },
  });
  await db.customerSearchToken.createMany({ data: searchTokenRows(f.orgId, customer.id, customer) });
  const visit = (store: "S1" | "S3") =>
    db.interaction.create({
      data: {
        orgId: f.orgId,
        customerId: customer.id,
        touchpointId: f.rows[store].touchpointId,
        channelId: f.org.ids.channel,
        occurredAt: new Date(Date.now() - 7_200_000),
        outcome: "resolved",
        note: `Walk-in visit at ${store}`,
        unitId: f.units[store],
      },
    });
  const [s1Visit, s3Visit] = [await visit("S1"), await visit("S3")];
  try {
    await fn({ id: customer.id, s1Visit: s1Visit.id, s3Visit: s3Visit.id });
  } finally {
    await db.interaction.deleteMany({ where: { customerId: customer.id } });
    await db.customer.delete({ where: { id: customer.id } });
  }
}

/** Every customer id of the list, page after page. */
async function listAll(as: As, query = ""): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await http("GET", `/api/v1/customers?limit=100${query}${cursor ? `&cursor=${cursor}` : ""}`, as);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.data.map((c: { id: string }) => c.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

/** The hidden customers' rows as they are, to compare after a refused write. */
const snapshot = (ids: string[]) =>
  db.customer.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, include: { tags: true } });

/**
 * The fixture's customers are written straight to the database, without the search index's tokens: a probe that
 * searches (or checks same-name warnings) adds them for its run.
 */
export async function withSearchTokens(f: ScopeFixture, fn: () => Promise<void>) {
  const fixture = await db.customer.findMany({ where: { id: { in: Object.values(f.rows).map((r) => r.customerId) } } });
  await db.customerSearchToken.createMany({ data: fixture.flatMap((c) => searchTokenRows(f.orgId, c.id, c)) });
  try {
    await fn();
  } finally {
    await db.customerSearchToken.deleteMany({ where: { customerId: { in: fixture.map((c) => c.id) } } });
  }
}

/** The list and its search, as S1's and R1's callers, with a walk-in from S3 served at S1. */
async function listProbe(f: ScopeFixture) {
  await withWalkIn(f, async (walkIn) => {
    for (const { scope, as } of readers(f)) {
      const ids = await listAll(as);
      const expected = [...f.visible(scope).customers, walkIn.id];
      expect(ids.sort()).toEqual(expected.sort());
      // Search keeps to the same customers: "Customer of …" names every store's fixture customer.
      const found = await listAll(as, "&q=Customer%20of");
      expect(found.sort()).toEqual([...f.visible(scope).customers].sort());
      const walkInFound = await listAll(as, "&q=walk-in");
      expect(walkInFound).toEqual([walkIn.id]);
    }
    // The organization sees every store's customer and the walk-in.
    const all = await listAll({ key: f.org.keys.viewer }, "&q=Customer%20of");
    expect(all.sort()).toEqual(["S1", "S2", "S3", "none"].map((s) => f.rows[s as "S1"].customerId).sort());
  });
}

/** Creating customers as S1's callers: their unit by default, another unit refused; no same-name warning leaks. */
async function createProbe(f: ScopeFixture) {
  const created: string[] = [];
  const before = await db.customer.count({ where: { orgId: f.orgId } });
  try {
    // No unit named: the caller's scope unit (session and key alike).
    const bySession = await http("POST", "/api/v1/customers", {
      ...sessionWrite(f.callers.s1Agent.cookie),
      body: { name: "Added at S1", email: `added-s1-${Date.now()}@example.test` },
    });
    expect(bySession.status, JSON.stringify(bySession.body)).toBe(201);
    created.push(bySession.body.id);
    expect(bySession.body.unitId).toBe(f.units.S1);
    const byKey = await http("POST", "/api/v1/customers", {
      key: f.s1IntegrationKey,
      body: { name: "Synced at S1", externalId: `SYNC-${Date.now()}`, unitId: f.units.S1 },
    });
    expect(byKey.status, JSON.stringify(byKey.body)).toBe(201);
    created.push(byKey.body.id);
    expect(byKey.body.unitId).toBe(f.units.S1);
    // A name taken only outside the scope is no same-name warning: the warning would name a hidden customer. The
    // organization's agent is warned (of S2's customer and the one just added).
    const sameName = await http("POST", "/api/v1/customers", {
      key: f.callers.s1Manager.key,
      body: { name: "Customer of S2" },
    });
    expect(sameName.status, JSON.stringify(sameName.body)).toBe(201);
    created.push(sameName.body.id);
    const taken = await http("POST", "/api/v1/customers", {
      key: f.org.keys.agent,
      body: { name: "Customer of S2" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.invalid_params[0].reason).toContain("2 customers are already called");
    // A unit outside the subtree is a 404, as another organization's; no unit at all is a 400 naming unitId.
    for (const unitId of [f.units.S2, f.units.R1, f.units.S3]) {
      const res = await http("POST", "/api/v1/customers", {
        key: f.callers.s1Manager.key,
        body: { name: "Elsewhere", unitId },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(404);
    }
    const none = await http("POST", "/api/v1/customers", {
      key: f.callers.s1Manager.key,
      body: { name: "Nowhere", unitId: null },
    });
    expect(none.status).toBe(400);
    expect(none.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["unitId"]);
    expect(await db.customer.count({ where: { orgId: f.orgId } })).toBe(before + created.length);
  } finally {
    await db.customer.deleteMany({ where: { id: { in: created } } });
  }
}

export const CUSTOMER_PROBES: ScopeProbes = {
  "GET /api/v1/customers": (f) => withSearchTokens(f, () => listProbe(f)),

  "POST /api/v1/customers": (f) => withSearchTokens(f, () => createProbe(f)),

  "GET /api/v1/customers/:id": async (f) => {
    await withWalkIn(f, async (walkIn) => {
      for (const { scope, as } of readers(f)) {
        for (const id of [...f.visible(scope).customers, walkIn.id]) {
          const res = await http("GET", `/api/v1/customers/${id}`, as);
          expect(res.status).toBe(200);
          expect(res.body.id).toBe(id);
        }
        for (const id of f.hidden(scope).customers) {
          expect((await http("GET", `/api/v1/customers/${id}`, as)).status).toBe(404);
        }
      }
    });
  },

  "PATCH /api/v1/customers/:id": async (f) => {
    const s1 = f.rows.S1.customerId;
    // An organization admin's key limited to R1, to move a home unit between R1's stores.
    const r1Key = await createApiKey(f.org.ctx("admin"), { name: "R1 integration", role: "manager" });
    await db.apiKey.update({ where: { id: r1Key.id }, data: { unitId: f.units.R1 } });
    try {
      await withWalkIn(f, async (walkIn) => {
        // Profile fields of a customer in scope, through a session and a key.
        const bySession = await http("PATCH", `/api/v1/customers/${s1}`, {
          ...sessionWrite(f.callers.s1Agent.cookie),
          body: { phone: "+44 20 7946 0001" },
        });
        expect(bySession.status, JSON.stringify(bySession.body)).toBe(200);
        const walkInPhone = await http("PATCH", `/api/v1/customers/${walkIn.id}`, {
          key: f.s1IntegrationKey,
          body: { phone: "+44 20 7946 0002" },
        });
        expect(walkInPhone.status).toBe(200);
        // Hidden customers: 404, unchanged.
        const hiddenIds = f.hidden("S1").customers;
        const before = await snapshot(hiddenIds);
        for (const as of [
          { key: f.callers.s1Manager.key },
          sessionWrite(f.callers.s1Agent.cookie),
          { key: f.s1IntegrationKey },
        ]) {
          for (const id of hiddenIds) {
            const res = await http("PATCH", `/api/v1/customers/${id}`, {
              ...as,
              body: { name: "Taken over", tags: ["x"] },
            });
            expect(res.status).toBe(404);
          }
        }
        expect(await snapshot(hiddenIds)).toEqual(before);
        // Home unit: within the subtree only.
        const moveTo = (key: string, id: string, unitId: string | null) =>
          http("PATCH", `/api/v1/customers/${id}`, { key, body: { unitId } });
        expect((await moveTo(f.callers.s1Manager.key, s1, f.units.S2)).status).toBe(404);
        expect((await moveTo(f.callers.s1Manager.key, s1, null)).status).toBe(400);
        // The walk-in's home (S3) is not S1's to move, even into S1.
        const steal = await moveTo(f.s1IntegrationKey, walkIn.id, f.units.S1);
        expect(steal.status).toBe(400);
        expect(steal.body.invalid_params[0].name).toBe("unitId");
        const there = await moveTo(r1Key.key, s1, f.units.S2);
        expect(there.status, JSON.stringify(there.body)).toBe(200);
        expect(there.body.unitId).toBe(f.units.S2);
        expect((await moveTo(r1Key.key, s1, f.units.S3)).status).toBe(404);
        const back = await moveTo(r1Key.key, s1, f.units.S1);
        expect(back.body.unitId).toBe(f.units.S1);
        expect((await db.customer.findUniqueOrThrow({ where: { id: walkIn.id } })).unitId).toBe(f.units.S3);
      });
    } finally {
      await db.apiKey.delete({ where: { id: r1Key.id } });
      await db.customer.update({ where: { id: s1 }, data: { unitId: f.units.S1 } });
    }
  },

  "GET /api/v1/customers/:id/timeline": async (f) => {
    await withWalkIn(f, async (walkIn) => {
      for (const { scope, as } of readers(f)) {
        for (const store of f.visible(scope).stores) {
          const r = f.rows[store];
          const res = await http("GET", `/api/v1/customers/${r.customerId}/timeline?limit=100`, as);
          expect(res.status).toBe(200);
          const ids = res.body.data.map((i: { id: string }) => i.id).sort();
          expect(ids).toEqual([r.interactionId, ...r.responseIds, r.caseId].sort());
        }
        for (const id of f.hidden(scope).customers) {
          expect((await http("GET", `/api/v1/customers/${id}/timeline`, as)).status).toBe(404);
        }
        // The walk-in's timeline: the visit in the caller's units, never the one at S3.
        const res = await http("GET", `/api/v1/customers/${walkIn.id}/timeline`, as);
        expect(res.body.data.map((i: { id: string }) => i.id)).toEqual([walkIn.s1Visit]);
      }
      const orgWide = await http("GET", `/api/v1/customers/${walkIn.id}/timeline`, { key: f.org.keys.viewer });
      expect(orgWide.body.data.map((i: { id: string }) => i.id).sort()).toEqual(
        [walkIn.s1Visit, walkIn.s3Visit].sort(),
      );
    });
  },

  "GET /api/v1/customers/:id/consent": async (f) => {
    for (const { scope, as } of readers(f)) {
      for (const id of f.visible(scope).customers)
        expect((await http("GET", `/api/v1/customers/${id}/consent`, as)).status).toBe(200);
      for (const id of f.hidden(scope).customers)
        expect((await http("GET", `/api/v1/customers/${id}/consent`, as)).status).toBe(404);
    }
  },

  "GET /api/v1/customers/:id/suppressions": async (f) => {
    // Managers and up: S1's manager (key and session) and the S1 integration key.
    for (const as of [
      { key: f.callers.s1Manager.key },
      { cookie: f.callers.s1Manager.cookie },
      { key: f.s1IntegrationKey },
    ]) {
      const own = await http("GET", `/api/v1/customers/${f.rows.S1.customerId}/suppressions`, as);
      expect(own.status).toBe(200);
      expect(own.body.data).toEqual([]);
      for (const id of f.hidden("S1").customers)
        expect((await http("GET", `/api/v1/customers/${id}/suppressions`, as)).status).toBe(404);
    }
  },

  "GET /api/v1/exports/customers": async (f) => {
    for (const { scope, as } of readers(f)) {
      const res = await http("GET", "/api/v1/exports/customers", as);
      expect(res.status).toBe(200);
      const csv = String(res.body);
      for (const store of f.visible(scope).stores) expect(csv).toContain(f.rows[store].customerEmail);
      for (const store of f.hidden(scope).stores) expect(csv).not.toContain(f.rows[store].customerEmail);
      // The header and one line per visible customer.
      expect(csv.trim().split(/\r?\n/)).toHaveLength(1 + f.visible(scope).customers.length);
    }
  },
};
