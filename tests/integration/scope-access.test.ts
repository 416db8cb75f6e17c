// Granting a scope (docs/hierarchy.md, "Scoped memberships"; docs/security/api-keys.md), over real HTTP against the
// production build on SQLite and PostgreSQL: an invite carries a unit that the membership gets on acceptance; an
// admin changes a member's scope (audited, effective on the next request); an API key limited to a unit sees that
// subtree only, and a key whose creator is scoped later is narrowed at once. Another organization's unit is a 404,
// an archived one a 400 naming unitId, and nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptInvite } from "@/lib/members/service";
import { authenticateApiKey } from "@/lib/api-keys/service";
import { createOrg, createUser, TEST_PASSWORD, type Org } from "../factories";
import { baseURL, http, signIn } from "./http";
import { callServerAction } from "./server-actions";
import { createScopeFixture, type ScopeFixture } from "./scope/fixture";

let f: ScopeFixture;
let other: Org;
let admin: { cookie: string; headers: Record<string, string> };
let archivedUnit: string;

beforeAll(async () => {
  f = await createScopeFixture("access");
  other = await createOrg("access-other");
  admin = { cookie: f.orgAdminCookie, headers: { origin: baseURL() } };
  const closed = await db.unit.create({
    data: { orgId: f.orgId, code: "CLOSED", name: "Closed store", path: "/", archivedAt: new Date() },
  });
  archivedUnit = closed.id;
  await db.unit.update({ where: { id: closed.id }, data: { path: `/${closed.id}/` } });
});

/** A unitId that is not this organization's (404) or archived (400 naming unitId); nothing is written. */
async function expectBadUnits(
  send: (unitId: string) => Promise<{ status: number; body: { invalid_params?: { name: string }[] } }>,
  count: () => Promise<number>,
) {
  const before = await count();
  expect((await send(other.ids.unit)).status).toBe(404);
  const archived = await send(archivedUnit);
  expect(archived.status).toBe(400);
  expect(archived.body.invalid_params?.map((p) => p.name)).toEqual(["unitId"]);
  expect((await send("not a valid id")).status).toBe(400);
  expect(await count()).toBe(before);
}

describe("invites grant a scope", () => {
  it("an invite with unitId gives the membership that scope on acceptance", async () => {
    const email = `store-lead-${Date.now()}@example.test`;
    const created = await http("POST", "/api/v1/invites", {
      ...admin,
      body: { email, role: "manager", unitId: f.units.S1 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: "manager", unitId: f.units.S1, unit: { id: f.units.S1 } });
    expect(created.body.unit.name).toContain("Store 1");
    const listed = await http("GET", "/api/v1/invites", admin);
    expect(listed.body.find((i: { id: string }) => i.id === created.body.id)).toMatchObject({ unitId: f.units.S1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: f.orgId, entityId: created.body.id } });
    expect(audit.data).toMatchObject({ unitId: f.units.S1 });

    const user = await createUser("store-lead");
    await db.user.update({ where: { id: user.id }, data: { email } });
    const token = new URL(created.body.url).pathname.split("/").pop()!;
    // The invite page tells the invitee the scope before they join.
    const invitePage = await (await fetch(created.body.url)).text();
    expect(invitePage.replace(/<!-- -->|<[^>]+>/g, "")).toContain(
      `as Manager of ${created.body.unit.name} and the units below it.`,
    );
    await acceptInvite(token, { userId: user.id });
    const m = await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: f.orgId, userId: user.id } } });
    expect(m).toMatchObject({ role: "manager", unitId: f.units.S1 });
    const cookie = (await signIn(email, TEST_PASSWORD))!;
    const me = await http("GET", "/api/v1/me", { cookie });
    expect(me.body.scope.unitId).toBe(f.units.S1);
  });

  it("without unitId (or null) the invite is for the whole organization", async () => {
    for (const body of [{}, { unitId: null }, { unitId: "" }]) {
      const res = await http("POST", "/api/v1/invites", {
        ...admin,
        body: { email: `wide-${Math.random()}@example.test`, role: "viewer", ...body },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ unitId: null, unit: null });
    }
  });

  it("another organization's unit is a 404, an archived one a 400 naming unitId; no invite is made", async () => {
    await expectBadUnits(
      async (unitId) =>
        http("POST", "/api/v1/invites", {
          ...admin,
          body: { email: `bad-${Math.random()}@example.test`, role: "viewer", unitId },
        }),
      () => db.invite.count({ where: { orgId: f.orgId } }),
    );
  });
});

describe("an admin changes a member's scope", () => {
  it("PATCH unitId scopes the member from their next request, audited with the old and new scope", async () => {
    const u = await createUser("moved");
    const m = await db.membership.create({ data: { orgId: f.orgId, userId: u.id, role: "agent" } });
    const cookie = (await signIn(u.email, TEST_PASSWORD))!;
    expect((await http("GET", "/api/v1/me", { cookie })).body.scope).toBeNull();

    const res = await http("PATCH", `/api/v1/members/${m.id}`, { ...admin, body: { unitId: f.units.R1 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: m.id, role: "agent", unitId: f.units.R1, unit: { id: f.units.R1 } });
    expect((await http("GET", "/api/v1/me", { cookie })).body.scope.unitId).toBe(f.units.R1);
    // Org-wide work is refused at once, naming the unit.
    const refused = await http("GET", "/api/v1/audit-events", { cookie });
    expect(refused.status).toBe(403);

    const members = await http("GET", "/api/v1/members", admin);
    const row = members.body.find((x: { id: string }) => x.id === m.id);
    expect(row).toMatchObject({
      unitId: f.units.R1,
      unit: { id: f.units.R1, name: expect.stringContaining("Region 1") },
    });

    // Back to the whole organization; the role is unchanged throughout.
    const back = await http("PATCH", `/api/v1/members/${m.id}`, { ...admin, body: { unitId: null } });
    expect(back.body).toMatchObject({ role: "agent", unitId: null, unit: null });
    expect((await http("GET", "/api/v1/me", { cookie })).body.scope).toBeNull();

    const events = await db.auditEvent.findMany({
      where: { orgId: f.orgId, entityId: m.id, action: "member.updated" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.data)).toEqual([
      {
        userId: u.id,
        scope: { from: null, to: { unitId: f.units.R1, unitName: expect.stringContaining("Region 1") } },
      },
      {
        userId: u.id,
        scope: { from: { unitId: f.units.R1, unitName: expect.stringContaining("Region 1") }, to: null },
      },
    ]);
  });

  it("another organization's unit is a 404, an archived one a 400 naming unitId; the scope is unchanged", async () => {
    const u = await createUser("unmoved");
    const m = await db.membership.create({
      data: { orgId: f.orgId, userId: u.id, role: "viewer", unitId: f.units.S2 },
    });
    await expectBadUnits(
      async (unitId) => http("PATCH", `/api/v1/members/${m.id}`, { ...admin, body: { unitId } }),
      async () => ((await db.membership.findUniqueOrThrow({ where: { id: m.id } })).unitId === f.units.S2 ? 1 : 0),
    );
    expect((await http("PATCH", `/api/v1/members/${m.id}`, { ...admin, body: {} })).status).toBe(400);
  });

  it("the last admin for the whole organization cannot be scoped or demoted (409); a scoped admin does not count", async () => {
    const solo = await createOrg("access-solo");
    const cookie = (await signIn(solo.users.admin.email, TEST_PASSWORD))!;
    const as = { cookie, headers: { origin: baseURL() } };
    const self = await http("PATCH", `/api/v1/members/${solo.users.admin.membershipId}`, {
      ...as,
      body: { unitId: solo.ids.unit },
    });
    expect(self.status).toBe(409);
    expect(self.body.detail).toContain("whole organization");
    // A second admin scoped to a unit does not count: still 409.
    const scopedAdmin = await createUser("scoped-admin");
    await db.membership.create({
      data: { orgId: solo.orgId, userId: scopedAdmin.id, role: "admin", unitId: solo.ids.unit },
    });
    const again = await http("PATCH", `/api/v1/members/${solo.users.admin.membershipId}`, {
      ...as,
      body: { role: "manager" },
    });
    expect(again.status).toBe(409);
    expect(await db.membership.findUniqueOrThrow({ where: { id: solo.users.admin.membershipId } })).toMatchObject({
      role: "admin",
      unitId: null,
    });
  });

  it("Settings → Members: the scope form saves through its server action, and refuses another organization's unit", async () => {
    const u = await createUser("via-form");
    const m = await db.membership.create({ data: { orgId: f.orgId, userId: u.id, role: "viewer" } });
    const action = { file: "app/_actions/settings.ts", name: "updateMemberScopeAction", bound: [m.id] };
    const saved = await callServerAction(action, { cookie: f.orgAdminCookie, form: { unitId: f.units.S3 } });
    expect(saved.status).toBeLessThan(500);
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.id } })).unitId).toBe(f.units.S3);
    const foreign = await callServerAction(action, { cookie: f.orgAdminCookie, form: { unitId: other.ids.unit } });
    expect(foreign.text).toContain("not found");
    const whole = await callServerAction(action, { cookie: f.orgAdminCookie, form: { unitId: "" } });
    expect(whole.status).toBeLessThan(500);
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.id } })).unitId).toBeNull();
  });

  it("the Members list of Settings shows each member's scope in a unit picker", async () => {
    const res = await fetch(`${baseURL()}/settings`, { headers: { cookie: f.orgAdminCookie } });
    const html = await res.text();
    expect(res.status).toBe(200);
    /** The option selected in a member's scope picker. */
    const selected = async (userId: string) => {
      const m = await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: f.orgId, userId } } });
      const start = html.indexOf(`id="scope-${m.id}"`);
      expect(start).toBeGreaterThan(0);
      const select = html.slice(start, html.indexOf("</select>", start));
      return select.match(/<option[^>]*selected=""[^>]*>([^<]*)</)?.[1] ?? select.match(/<option[^>]*>([^<]*)</)?.[1];
    };
    expect(await selected(f.callers.s1Manager.userId)).toContain("access Store 1 (S1)");
    expect(await selected(f.callers.r1Viewer.userId)).toContain("access Region 1 (R1)");
    expect(await selected(f.org.users.viewer.id)).toBe("Whole organization");
    // Active units only, in tree order; the archived one is not offered.
    expect(html).not.toContain("Closed store (CLOSED)");
  });
});

describe("API keys limited to a unit", () => {
  it("a key created with unitId S1 sees S1 only", async () => {
    const created = await http("POST", "/api/v1/api-keys", {
      ...admin,
      body: { name: "store feed", role: "manager", unitId: f.units.S1 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unitId: f.units.S1, unit: { id: f.units.S1 } });
    const ctx = await authenticateApiKey(created.body.key);
    expect(ctx?.scope).toMatchObject({ unitId: f.units.S1, unitIds: [f.units.S1] });
    const me = await http("GET", "/api/v1/me", { key: created.body.key });
    expect(me.body.scope.unitId).toBe(f.units.S1);
    // Survey counts are S1's 4 responses; an organization-wide route is refused naming the store.
    const surveys = await http("GET", "/api/v1/surveys", { key: created.body.key });
    expect(surveys.body.find((s: { id: string }) => s.id === f.org.ids.survey).responseCount).toBe(4);
    const refused = await http("GET", "/api/v1/audiences", { key: created.body.key });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain("access Store 1");
    const listed = await http("GET", "/api/v1/api-keys", admin);
    expect(listed.body.find((k: { id: string }) => k.id === created.body.id)).toMatchObject({ unitId: f.units.S1 });
  });

  it("a key whose creator is scoped later is narrowed at once, and widened again with them", async () => {
    const u = await createUser("key-owner");
    const m = await db.membership.create({ data: { orgId: f.orgId, userId: u.id, role: "admin" } });
    const cookie = (await signIn(u.email, TEST_PASSWORD))!;
    const created = await http("POST", "/api/v1/api-keys", {
      cookie,
      headers: { origin: baseURL() },
      body: { name: "crm", role: "manager" },
    });
    expect(created.body.unitId).toBeNull();
    const key = created.body.key as string;
    expect((await http("GET", "/api/v1/audiences", { key })).status).toBe(200);

    await http("PATCH", `/api/v1/members/${m.id}`, { ...admin, body: { unitId: f.units.R1 } });
    expect((await http("GET", "/api/v1/me", { key })).body.scope.unitId).toBe(f.units.R1);
    expect((await authenticateApiKey(key))?.scope?.unitIds.sort()).toEqual([f.units.R1, f.units.S1, f.units.S2].sort());
    expect((await http("GET", "/api/v1/audiences", { key })).status).toBe(403);
    const surveys = await http("GET", "/api/v1/surveys", { key });
    expect(surveys.body.find((s: { id: string }) => s.id === f.org.ids.survey).responseCount).toBe(7);

    await http("PATCH", `/api/v1/members/${m.id}`, { ...admin, body: { unitId: null } });
    expect((await http("GET", "/api/v1/me", { key })).body.scope).toBeNull();
  });

  it("another organization's unit is a 404, an archived one a 400 naming unitId; no key is made", async () => {
    await expectBadUnits(
      async (unitId) => http("POST", "/api/v1/api-keys", { ...admin, body: { name: "bad", unitId } }),
      () => db.apiKey.count({ where: { orgId: f.orgId } }),
    );
  });
});
