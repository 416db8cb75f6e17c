// API keys never outlive their creator's rights (docs/security/api-keys.md), over real HTTP against the production
// build on SQLite and PostgreSQL: a key acts with the lower of its own role and its creator's current one, checked on
// every request; a key cannot manage access (keys, invites, members, single sign-on); /me with a key shows only the
// key's organization; keys that keys created before this rule are revoked by the migration.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db";
import type { Ctx } from "@/lib/auth/ctx";
import { createApiKey } from "@/lib/api-keys/service";
import { recordAudit } from "@/lib/audit/service";
import { randomToken, sha256 } from "@/lib/auth/tokens";
import { createOrg, createUser, TEST_PASSWORD, type Org } from "../factories";
import { baseURL, http, signIn, type HttpResult } from "./http";

let O: Org;
let adminSession: { cookie: string; headers: Record<string, string> };

beforeAll(async () => {
  O = await createOrg("keys");
  adminSession = { cookie: (await signIn(O.users.admin.email, TEST_PASSWORD))!, headers: { origin: baseURL() } };
});

/** A new admin of O who signs in and creates an admin key for themselves, as Settings → API keys does. */
async function adminWithKey() {
  const u = await createUser("key-creator");
  const m = await db.membership.create({ data: { orgId: O.orgId, userId: u.id, role: "admin" } });
  const cookie = (await signIn(u.email, TEST_PASSWORD))!;
  const created = await http("POST", "/api/v1/api-keys", {
    cookie,
    headers: { origin: baseURL() },
    body: { name: "integration", role: "admin" },
  });
  expect(created.status).toBe(201);
  return { ...u, membershipId: m.id, key: created.body.key as string, keyId: created.body.id as string };
}

function expectForbiddenProblem(res: HttpResult, detail?: RegExp) {
  expect(res.status).toBe(403);
  expect(res.contentType).toContain("application/problem+json");
  if (detail) expect(res.body.detail).toMatch(detail);
}

describe("a key's role is never above its creator's current role", () => {
  it("a demoted admin's key loses admin powers on the very next request", async () => {
    const c = await adminWithKey();
    expect((await http("GET", "/api/v1/audit-events", { key: c.key })).status).toBe(200);
    expect((await http("GET", "/api/v1/members", { key: c.key })).status).toBe(200);

    const demoted = await http("PATCH", `/api/v1/members/${c.membershipId}`, {
      ...adminSession,
      body: { role: "agent" },
    });
    expect(demoted.status).toBe(200);

    for (const p of [
      "/api/v1/audit-events",
      "/api/v1/exports/audit-events",
      "/api/v1/members",
      "/api/v1/webhooks",
      "/api/v1/retention",
    ]) {
      expectForbiddenProblem(await http("GET", p, { key: c.key }));
    }
    const me = await http("GET", "/api/v1/me", { key: c.key });
    expect(me.body.role).toBe("agent");
    expect(me.body.organizations).toEqual([expect.objectContaining({ id: O.orgId, role: "agent" })]);
    // Still an agent: reads and agent work go on; manager work does not.
    expect((await http("GET", "/api/v1/customers", { key: c.key })).status).toBe(200);
    expectForbiddenProblem(await http("POST", "/api/v1/journeys", { key: c.key, body: { name: "Not mine to make" } }));

    // Nor can the key mint a key or an invite, or re-promote its creator.
    const keysBefore = await db.apiKey.count({ where: { orgId: O.orgId } });
    const invitesBefore = await db.invite.count({ where: { orgId: O.orgId } });
    expectForbiddenProblem(
      await http("POST", "/api/v1/api-keys", { key: c.key, body: { name: "escape", role: "admin" } }),
    );
    expectForbiddenProblem(
      await http("POST", "/api/v1/invites", { key: c.key, body: { email: "accomplice@example.test", role: "admin" } }),
    );
    expectForbiddenProblem(
      await http("PATCH", `/api/v1/members/${c.membershipId}`, { key: c.key, body: { role: "admin" } }),
    );
    expect(await db.apiKey.count({ where: { orgId: O.orgId } })).toBe(keysBefore);
    expect(await db.invite.count({ where: { orgId: O.orgId } })).toBe(invitesBefore);
    expect((await db.membership.findUniqueOrThrow({ where: { id: c.membershipId } })).role).toBe("agent");

    // A key below its creator's role keeps its own (the lower of the two).
    const viewerKey = (
      await createApiKey(
        { orgId: O.orgId, userId: c.id, role: "agent", apiKeyId: null },
        { name: "read only", role: "viewer" },
      )
    ).key;
    expect((await http("GET", "/api/v1/me", { key: viewerKey })).body.role).toBe("viewer");
    expectForbiddenProblem(await http("POST", "/api/v1/customers", { key: viewerKey, body: { name: "Nope" } }));

    // Promoted again by a signed-in admin, the key is an admin key again (its own role is the ceiling).
    expect(
      (await http("PATCH", `/api/v1/members/${c.membershipId}`, { ...adminSession, body: { role: "admin" } })).status,
    ).toBe(200);
    expect((await http("GET", "/api/v1/audit-events", { key: c.key })).status).toBe(200);
  });

  it("a removed or suspended creator's key answers 401; re-added as a viewer, the key is a viewer key", async () => {
    const c = await adminWithKey();
    expect((await http("DELETE", `/api/v1/members/${c.membershipId}`, adminSession)).status).toBe(204);
    const gone = await http("GET", "/api/v1/me", { key: c.key });
    expect(gone.status).toBe(401);
    expect(gone.contentType).toContain("application/problem+json");

    // Invited back with a lower role: the old admin key does not bring the old rights back.
    const back = await db.membership.create({ data: { orgId: O.orgId, userId: c.id, role: "viewer" } });
    const me = await http("GET", "/api/v1/me", { key: c.key });
    expect(me.status).toBe(200);
    expect(me.body.role).toBe("viewer");
    expect((await http("GET", "/api/v1/customers", { key: c.key })).status).toBe(200);
    expectForbiddenProblem(await http("POST", "/api/v1/customers", { key: c.key, body: { name: "Nope" } }));
    expectForbiddenProblem(await http("GET", "/api/v1/audit-events", { key: c.key }));

    // Suspended (SCIM de-provisioning): 401 again.
    await db.membership.update({ where: { id: back.id }, data: { suspendedAt: new Date() } });
    expect((await http("GET", "/api/v1/me", { key: c.key })).status).toBe(401);
  });
});

describe("keys cannot manage access", () => {
  it("an admin key cannot create or revoke keys, invite, change or remove members, sign them out, or touch single sign-on", async () => {
    const key = O.keys.admin;
    const noAccess = /API keys cannot manage access/;
    // Every key of the organization, as it stands (lastUsedAt moves with use, not with management).
    const keyRows = async () =>
      (await db.apiKey.findMany({ where: { orgId: O.orgId }, orderBy: { id: "asc" } })).map(
        ({ lastUsedAt: _, ...k }) => k,
      );
    const before = {
      keys: await keyRows(),
      invites: await db.invite.findMany({ where: { orgId: O.orgId }, orderBy: { id: "asc" } }),
      members: await db.membership.findMany({ where: { orgId: O.orgId }, orderBy: { id: "asc" } }),
    };
    expectForbiddenProblem(
      await http("POST", "/api/v1/api-keys", { key, body: { name: "child", role: "admin" } }),
      noAccess,
    );
    expectForbiddenProblem(await http("GET", "/api/v1/api-keys", { key }), noAccess);
    expectForbiddenProblem(await http("DELETE", `/api/v1/api-keys/${O.ids.apiKey}`, { key }), noAccess);
    expectForbiddenProblem(
      await http("POST", "/api/v1/invites", { key, body: { email: "someone@example.test", role: "admin" } }),
      noAccess,
    );
    expectForbiddenProblem(await http("GET", "/api/v1/invites", { key }), noAccess);
    expectForbiddenProblem(await http("DELETE", `/api/v1/invites/${O.ids.invite}`, { key }), noAccess);
    expectForbiddenProblem(
      await http("PATCH", `/api/v1/members/${O.ids.member}`, { key, body: { role: "admin" } }),
      noAccess,
    );
    expectForbiddenProblem(await http("DELETE", `/api/v1/members/${O.ids.member}`, { key }), noAccess);
    expectForbiddenProblem(await http("DELETE", `/api/v1/members/${O.ids.member}/sessions`, { key }), noAccess);
    expectForbiddenProblem(await http("GET", "/api/v1/sso-connection", { key }), noAccess);
    expectForbiddenProblem(
      await http("PUT", "/api/v1/sso-connection", {
        key,
        body: { issuer: "https://idp.example.test", clientId: "x", allowedDomains: ["example.test"] },
      }),
      noAccess,
    );
    expectForbiddenProblem(await http("DELETE", "/api/v1/sso-connection", { key }), noAccess);
    expect(await keyRows()).toEqual(before.keys);
    expect(await db.invite.findMany({ where: { orgId: O.orgId }, orderBy: { id: "asc" } })).toEqual(before.invites);
    expect(await db.membership.findMany({ where: { orgId: O.orgId }, orderBy: { id: "asc" } })).toEqual(before.members);

    // The same admin, signed in, still manages access.
    const created = await http("POST", "/api/v1/api-keys", {
      ...adminSession,
      body: { name: "made by a person", role: "viewer" },
    });
    expect(created.status).toBe(201);
    expect((await http("DELETE", `/api/v1/api-keys/${created.body.id}`, adminSession)).status).toBe(200);
  });

  it("the service refuses a key minting a key even when called directly", async () => {
    const ctx: Ctx = { orgId: O.orgId, userId: O.users.admin.id, role: "admin", apiKeyId: O.ids.apiKey };
    await expect(createApiKey(ctx, { name: "child", role: "viewer" })).rejects.toThrow(/API keys cannot manage access/);
  });
});

describe("GET /api/v1/me with a key", () => {
  it("lists only the key's organization, not its creator's other tenants", async () => {
    const other = await createOrg("keys-other");
    await db.membership.create({ data: { orgId: other.orgId, userId: O.users.admin.id, role: "viewer" } });
    const withKey = await http("GET", "/api/v1/me", { key: O.keys.admin });
    expect(withKey.status).toBe(200);
    expect(withKey.body.organization.id).toBe(O.orgId);
    expect(withKey.body.organizations.map((o: { id: string }) => o.id)).toEqual([O.orgId]);
    expect(JSON.stringify(withKey.body)).not.toContain(other.orgId);
    // The person, signed in, still sees both.
    const signedIn = await http("GET", "/api/v1/me", { cookie: adminSession.cookie });
    expect(signedIn.body.organizations.map((o: { id: string }) => o.id).sort()).toEqual([O.orgId, other.orgId].sort());
  });
});

describe("keys that keys created before the rule", () => {
  const dir = provider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations";
  const migration = path.join(
    dir,
    fs.readdirSync(dir).find((d) => d.endsWith("_revoke_keys_created_by_keys")) ?? "missing",
    "migration.sql",
  );

  async function runMigration() {
    const sql = fs.readFileSync(migration, "utf8").replace(/^--.*$/gm, "");
    for (const statement of sql
      .split(/;\s*$/m)
      .map((s) => s.trim())
      .filter(Boolean))
      await db.$executeRawUnsafe(statement);
  }

  it("are revoked by the migration (audited), and only they", async () => {
    const ctx: Ctx = { orgId: O.orgId, userId: O.users.admin.id, role: "admin", apiKeyId: null };
    const parent = await createApiKey(ctx, { name: "parent", role: "admin" });
    const bystander = await createApiKey(ctx, { name: "made by a person", role: "viewer" });
    // A child key as POST /api/v1/api-keys with a key used to store it: the creator's user id on the row, the
    // parent key only in the audit event of its creation.
    const prefix = randomToken(12)
      .replace(/[^A-Za-z0-9]/g, "")
      .slice(0, 10)
      .padEnd(10, "0");
    const child = { key: `rsn_${prefix}_${randomToken(24)}`, id: "" };
    child.id = (
      await db.apiKey.create({
        data: {
          orgId: O.orgId,
          name: "child",
          role: "admin",
          prefix,
          keyHash: sha256(child.key),
          createdById: O.users.admin.id,
        },
      })
    ).id;
    await recordAudit(
      { ...ctx, apiKeyId: parent.id },
      { action: "api_key.created", entityType: "ApiKey", entityId: child.id, data: { name: "child", role: "admin" } },
    );
    expect((await http("GET", "/api/v1/me", { key: child.key })).status).toBe(200);

    await runMigration();
    expect((await http("GET", "/api/v1/me", { key: child.key })).status).toBe(401);
    expect((await http("GET", "/api/v1/me", { key: parent.key })).status).toBe(200);
    expect((await http("GET", "/api/v1/me", { key: bystander.key })).status).toBe(200);
    const revoked = await db.auditEvent.findMany({
      where: { orgId: O.orgId, action: "api_key.revoked", entityId: child.id },
    });
    expect(revoked).toEqual([
      expect.objectContaining({ actorId: null, apiKeyId: null, data: { reason: "created_by_api_key" } }),
    ]);

    // Applied again (or on a database with nothing to do), it changes nothing.
    await runMigration();
    expect(
      await db.auditEvent.count({ where: { orgId: O.orgId, action: "api_key.revoked", entityId: child.id } }),
    ).toBe(1);
  });
});
