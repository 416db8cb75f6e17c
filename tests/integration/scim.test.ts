// SCIM 2.0 (RFC 7643/7644) over real HTTP against the production build: the request shapes Okta and Entra ID
// send (filter `userName eq "…"`, pagination, PATCH with and without path), errors in the SCIM shape, token
// scoping, de-provisioning that cuts a signed-in session and the person's API key on the very next request,
// and groups mapped to roles.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/ctx";
import { createApiKey } from "@/lib/api-keys/service";
import { createScimToken, revokeScimToken } from "@/lib/scim/tokens";
import { setScimGroupRole } from "@/lib/scim/settings";
import { listMyOrganizations } from "@/lib/orgs/service";
import { listCaseOwners } from "@/lib/cases/settings-service";
import { listMembers } from "@/lib/members/service";
import { createOrg, createUser, TEST_PASSWORD, uid, type Org } from "../factories";
import { baseURL, http, signIn, type HttpResult } from "./http";

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

let A: Org;
let B: Org;
let tokenA: string;
let tokenB: string;

const scim = (
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  http(method, `/scim/v2${path}`, {
    key: token,
    body,
    headers: body === undefined ? headers : { "content-type": "application/scim+json", ...headers },
  });
const patchOps = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
const q = (filter: string) => `?filter=${encodeURIComponent(filter)}`;

function expectScimError(res: HttpResult, status: number, scimType?: string) {
  expect(res.status).toBe(status);
  expect(res.contentType).toContain("application/scim+json");
  expect(res.body.schemas).toEqual([ERROR]);
  expect(res.body.status).toBe(String(status));
  if (scimType) expect(res.body.scimType).toBe(scimType);
  expect(typeof res.body.detail).toBe("string");
}

async function newUserBody(label: string, extra: Record<string, unknown> = {}) {
  const email = `${label}-${uid()}@idp.example.test`;
  return {
    email,
    body: {
      schemas: [USER],
      userName: email,
      name: { givenName: "Ann", familyName: `Lee ${label}` },
      emails: [{ value: email, type: "work", primary: true }],
      active: true,
      ...extra,
    },
  };
}

/** A member of org A who can sign in with a password, with a session cookie and an API key of their own. */
async function signedInMember(role: "agent" | "manager" = "agent") {
  const u = await createUser("scim-person");
  const m = await db.membership.create({ data: { orgId: A.orgId, userId: u.id, role } });
  const ctx: Ctx = { orgId: A.orgId, userId: u.id, role, apiKeyId: null };
  const key = (await createApiKey(ctx, { name: "own key", role: "agent" })).key;
  const cookie = (await signIn(u.email, TEST_PASSWORD))!;
  expect(cookie).toBeTruthy();
  expect((await http("GET", "/api/v1/me", { cookie })).status).toBe(200);
  expect((await http("GET", "/api/v1/customers", { key })).status).toBe(200);
  return { ...u, membershipId: m.id, key, cookie };
}

beforeAll(async () => {
  [A, B] = [await createOrg("scim-a"), await createOrg("scim-b")];
  tokenA = (await createScimToken(A.ctx("admin"), { name: "Okta" })).token;
  tokenB = (await createScimToken(B.ctx("admin"), { name: "Entra" })).token;
});

describe("discovery", () => {
  it("serves ServiceProviderConfig, ResourceTypes and Schemas as application/scim+json", async () => {
    const spc = await scim("GET", "/ServiceProviderConfig", tokenA);
    expect(spc.status).toBe(200);
    expect(spc.contentType).toContain("application/scim+json");
    expect(spc.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      authenticationSchemes: [{ type: "oauthbearertoken" }],
    });
    const types = await scim("GET", "/ResourceTypes", tokenA);
    expect(types.body.Resources.map((t: { endpoint: string }) => t.endpoint)).toEqual(["/Users", "/Groups"]);
    const schemas = await scim("GET", "/Schemas", tokenA);
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([USER, GROUP]);
    expect(
      (await scim("GET", `/Schemas/${USER}`, tokenA)).body.attributes.map((a: { name: string }) => a.name),
    ).toContain("userName");
    expectScimError(await scim("GET", "/Nonsense", tokenA), 404);
  });
});

describe("authentication and tenancy", () => {
  it("opens SCIM only with a SCIM token: no token, an API key or a session cookie → 401", async () => {
    expectScimError(await scim("GET", "/Users", undefined), 401);
    expectScimError(await scim("GET", "/Users", A.keys.admin), 401);
    const cookie = (await signIn(A.users.admin.email, TEST_PASSWORD))!;
    expectScimError(await http("GET", "/scim/v2/Users", { cookie }), 401);
    expectScimError(await scim("GET", "/Users", `${tokenA}x`), 401);
  });

  it("a SCIM token does not open /api/v1", async () => {
    const res = await http("GET", "/api/v1/customers", { key: tokenA });
    expect(res.status).toBe(401);
  });

  it("another organization's token sees none of A's users or groups and changes nothing (404)", async () => {
    const id = A.users.viewer.membershipId;
    expectScimError(await scim("GET", `/Users/${id}`, tokenB), 404);
    expectScimError(
      await scim("PATCH", `/Users/${id}`, tokenB, patchOps({ op: "replace", path: "active", value: false })),
      404,
    );
    expectScimError(
      await scim("PUT", `/Users/${id}`, tokenB, { schemas: [USER], userName: A.users.viewer.email, active: false }),
      404,
    );
    expectScimError(await scim("DELETE", `/Users/${id}`, tokenB), 404);
    expect(await db.membership.findUnique({ where: { id } })).toMatchObject({ suspendedAt: null });
    const list = await scim("GET", `/Users${q(`userName eq "${A.users.viewer.email}"`)}`, tokenB);
    expect(list.body.totalResults).toBe(0);
    const group = await scim("POST", "/Groups", tokenA, { schemas: [GROUP], displayName: `A only ${uid()}` });
    expectScimError(await scim("GET", `/Groups/${group.body.id}`, tokenB), 404);
    expectScimError(
      await scim(
        "PATCH",
        `/Groups/${group.body.id}`,
        tokenB,
        patchOps({ op: "add", path: "members", value: [{ value: B.users.viewer.membershipId }] }),
      ),
      404,
    );
    // A's group cannot take B's members either.
    expectScimError(
      await scim(
        "PATCH",
        `/Groups/${group.body.id}`,
        tokenA,
        patchOps({ op: "add", path: "members", value: [{ value: B.users.viewer.membershipId }] }),
      ),
      400,
      "invalidValue",
    );
  });

  it("a revoked token stops at once (401)", async () => {
    const t = await createScimToken(A.ctx("admin"), { name: "short-lived" });
    expect((await scim("GET", "/Users?count=1", t.token)).status).toBe(200);
    await revokeScimToken(A.ctx("admin"), t.id);
    expectScimError(await scim("GET", "/Users?count=1", t.token), 401);
    const row = await db.scimToken.findUnique({ where: { id: t.id } });
    expect(row?.tokenHash).not.toContain(t.token.slice(16)); // only a hash is stored
    expect(
      await db.auditEvent.count({
        where: { orgId: A.orgId, entityId: t.id, action: { in: ["scim_token.created", "scim_token.revoked"] } },
      }),
    ).toBe(2);
  });
});

// Every SCIM route with how to probe it: like the /api/v1 route table (route-table.ts), a route file method that
// is missing here fails the first test, so a new SCIM route cannot skip the authentication and tenancy probes.
// SCIM describes itself through its own discovery endpoints (ServiceProviderConfig, Schemas, ResourceTypes),
// not through the /api/v1 OpenAPI document.
type ScimRoute = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; entity?: "user" | "group" };
const SCIM_ROUTES: ScimRoute[] = [
  { method: "GET", path: "/ServiceProviderConfig" },
  { method: "GET", path: "/ResourceTypes" },
  { method: "GET", path: "/ResourceTypes/:id" },
  { method: "GET", path: "/Schemas" },
  { method: "GET", path: "/Schemas/:id" },
  { method: "GET", path: "/Users" },
  { method: "POST", path: "/Users" },
  { method: "GET", path: "/Users/:id", entity: "user" },
  { method: "PUT", path: "/Users/:id", entity: "user" },
  { method: "PATCH", path: "/Users/:id", entity: "user" },
  { method: "DELETE", path: "/Users/:id", entity: "user" },
  { method: "GET", path: "/Groups" },
  { method: "POST", path: "/Groups" },
  { method: "GET", path: "/Groups/:id", entity: "group" },
  { method: "PUT", path: "/Groups/:id", entity: "group" },
  { method: "PATCH", path: "/Groups/:id", entity: "group" },
  { method: "DELETE", path: "/Groups/:id", entity: "group" },
  // The catch-all: any other path is a SCIM 404 once the token is good.
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => ({ method, path: "/:rest*" })),
];

function scimRouteFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? scimRouteFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

describe("SCIM route table", () => {
  it("lists every exported method of every app/scim/v2 route file", () => {
    const root = path.resolve("app/scim/v2");
    const found = scimRouteFiles(root).flatMap((file) => {
      const rel = "/" + path.relative(root, path.dirname(file)).split(path.sep).join("/");
      const methods = [...fs.readFileSync(file, "utf8").matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map(
        (m) => m[1],
      );
      return methods.map((m) => `${m} ${rel.replace(/\[\.\.\.(\w+)\]/g, ":$1*").replace(/\[(\w+)\]/g, ":$1")}`);
    });
    const table = SCIM_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(found.filter((r) => !table.includes(r))).toEqual([]);
    expect(table.filter((r) => !found.includes(r))).toEqual([]);
  });

  it("every route: no token, a wrong token, an admin's API key or session → 401 SCIM error, nothing changed", async () => {
    const cookie = (await signIn(A.users.admin.email, TEST_PASSWORD))!;
    const counts = () =>
      Promise.all([
        db.membership.count({ where: { orgId: A.orgId } }),
        db.scimGroup.count({ where: { orgId: A.orgId } }),
        db.user.count(),
      ]);
    const before = await counts();
    for (const r of SCIM_ROUTES) {
      const p = r.path.replace(":id", A.users.viewer.membershipId).replace(":rest*", "Nope/x");
      const body = ["POST", "PUT", "PATCH"].includes(r.method)
        ? { schemas: [USER], userName: `x-${uid()}@idp.example.test`, displayName: "x" }
        : undefined;
      for (const [label, res] of [
        ["no token", await scim(r.method, p, undefined, body)],
        ["wrong token", await scim(r.method, p, `${tokenA.slice(0, -2)}zz`, body)],
        ["API key", await scim(r.method, p, A.keys.admin, body)],
        ["session", await http(r.method, `/scim/v2${p}`, { cookie, body, headers: { origin: baseURL() } })],
      ] as const) {
        expect(res.status, `${r.method} ${r.path} with ${label}`).toBe(401);
        expect(res.body?.schemas, `${r.method} ${r.path} with ${label}`).toEqual([ERROR]);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("every route of a user or group: another organization's token gets a SCIM 404 and changes nothing", async () => {
    const group = (await scim("POST", "/Groups", tokenA, { schemas: [GROUP], displayName: `tenancy ${uid()}` })).body
      .id as string;
    const ids = { user: A.users.manager.membershipId, group };
    const rows = async () => [
      await db.membership.findUnique({ where: { id: ids.user } }),
      await db.scimGroup.findUnique({ where: { id: group }, include: { members: true } }),
    ];
    const before = await rows();
    const bodies: Record<string, unknown> = {
      PUT: { schemas: [USER, GROUP], userName: A.users.manager.email, displayName: "taken over", active: false },
      PATCH: patchOps(
        { op: "replace", path: "active", value: false },
        { op: "add", path: "members", value: [{ value: B.users.viewer.membershipId }] },
      ),
    };
    for (const r of SCIM_ROUTES.filter((x) => x.entity)) {
      const res = await scim(r.method, r.path.replace(":id", ids[r.entity!]), tokenB, bodies[r.method]);
      expectScimError(res, 404);
    }
    expect(await rows()).toEqual(before);
  });
});

describe("Users", () => {
  it("POST creates the account and a SCIM membership; the same userName again is a 409 uniqueness", async () => {
    const externalId = `okta-${uid()}`;
    const { email, body } = await newUserBody("create", { externalId });
    const res = await scim("POST", "/Users", tokenA, { ...body, userName: email.toUpperCase() });
    expect(res.status).toBe(201);
    expect(res.contentType).toContain("application/scim+json");
    expect(res.headers.get("location")).toMatch(new RegExp(`/scim/v2/Users/${res.body.id}$`));
    expect(res.body).toMatchObject({
      schemas: [USER],
      userName: email,
      externalId,
      active: true,
      displayName: body.name.givenName + " " + body.name.familyName,
      emails: [{ value: email, primary: true }],
    });
    const m = await db.membership.findUnique({ where: { id: res.body.id }, include: { user: true } });
    expect(m).toMatchObject({ orgId: A.orgId, source: "scim", role: "viewer", externalId, suspendedAt: null });
    expect(m?.user.passwordHash).toBeNull();
    expectScimError(await scim("POST", "/Users", tokenA, { ...body, userName: email }), 409, "uniqueness");
    expectScimError(
      await scim("POST", "/Users", tokenA, {
        schemas: [USER],
        userName: `other-${uid()}@idp.example.test`,
        externalId,
      }),
      409,
      "uniqueness",
    );
    expectScimError(
      await scim("POST", "/Users", tokenA, { schemas: [USER], userName: "not an address" }),
      400,
      "invalidValue",
    );
    expectScimError(await scim("POST", "/Users", tokenA, undefined, {}), 400);
    expectScimError(
      await http("POST", "/scim/v2/Users", {
        key: tokenA,
        rawBody: "{not json",
        headers: { "content-type": "application/scim+json" },
      }),
      400,
      "invalidSyntax",
    );
  });

  it("POST never pulls in an account that belongs to another organization (409: invite them instead)", async () => {
    const existing = B.users.agent;
    const before = await db.user.findUnique({ where: { id: existing.id } });
    const res = await scim("POST", "/Users", tokenA, {
      schemas: [USER],
      userName: existing.email,
      name: { givenName: "Changed", familyName: "ByIdP" },
    });
    expectScimError(res, 409, "uniqueness");
    expect(await db.membership.count({ where: { userId: existing.id, orgId: A.orgId } })).toBe(0);
    expect(await db.user.findUnique({ where: { id: existing.id } })).toEqual(before);
  });

  it("POST attaches an account of no organization, but not the password someone else may have chosen for it", async () => {
    const email = `orphan-${uid()}@idp.example.test`;
    const orphan = await db.user.create({ data: { email, name: "Orphan", passwordHash: "argon2-hash-someone-chose" } });
    const res = await scim("POST", "/Users", tokenA, { schemas: [USER], userName: email });
    expect(res.status).toBe(201);
    expect(await db.membership.findUnique({ where: { id: res.body.id } })).toMatchObject({
      userId: orphan.id,
      orgId: A.orgId,
      source: "scim",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: orphan.id } })).passwordHash).toBeNull();
  });

  it("changing userName forgets the account's password and sessions: nobody proved the new address", async () => {
    const { body } = await newUserBody("rename");
    const id = (await scim("POST", "/Users", tokenA, body)).body.id;
    const m = await db.membership.findUniqueOrThrow({ where: { id } });
    await db.user.update({
      where: { id: m.userId },
      data: { passwordHash: "argon2-hash-known-to-someone", emailVerifiedAt: new Date() },
    });
    const renamed = `renamed-${uid()}@idp.example.test`;
    expect(
      (await scim("PATCH", `/Users/${id}`, tokenA, patchOps({ op: "replace", path: "userName", value: renamed })))
        .status,
    ).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { id: m.userId } });
    expect(user).toMatchObject({ email: renamed, passwordHash: null, emailVerifiedAt: null });
  });

  it('filters with userName eq "…" (any case), externalId eq, emails.value eq and emails[value eq …]; others are 400 invalidFilter', async () => {
    const externalId = `ext-${uid()}`;
    const { email, body } = await newUserBody("filter", { externalId });
    const id = (await scim("POST", "/Users", tokenA, body)).body.id;
    for (const filter of [
      `userName eq "${email.toUpperCase()}"`,
      `externalId eq "${externalId}"`,
      `emails.value eq "${email}"`,
      `emails[value eq "${email}"]`,
      `userName eq "${email}" and active eq true`,
    ]) {
      const res = await scim("GET", `/Users${q(filter)}`, tokenA);
      expect(res.status, filter).toBe(200);
      expect(res.body, filter).toMatchObject({
        schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        totalResults: 1,
        startIndex: 1,
        itemsPerPage: 1,
      });
      expect(res.body.Resources[0].id).toBe(id);
    }
    expect(
      (await scim("GET", `/Users${q(`userName eq "nobody-${uid()}@idp.example.test"`)}`, tokenA)).body,
    ).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
    expectScimError(await scim("GET", `/Users${q("userName eq")}`, tokenA), 400, "invalidFilter");
    expectScimError(await scim("GET", `/Users${q('title co "x"')}`, tokenA), 400, "invalidFilter");
    expectScimError(await scim("GET", `/Users${q('userName sw "a"')}`, tokenA), 400, "invalidFilter");
    expectScimError(await scim("GET", `/Users/no-such-user`, tokenA), 404);
  });

  it("paginates with a 1-based startIndex and count", async () => {
    const C = await createOrg("scim-page");
    const token = (await createScimToken(C.ctx("admin"), { name: "paging" })).token;
    for (let i = 0; i < 5; i++)
      expect((await scim("POST", "/Users", token, (await newUserBody(`page${i}`)).body)).status).toBe(201);
    const total = 4 + 5; // the factory's four members and five provisioned
    const seen: string[] = [];
    for (let start = 1; start <= total; start += 4) {
      const page = await scim("GET", `/Users?startIndex=${start}&count=4`, token);
      expect(page.body).toMatchObject({
        totalResults: total,
        startIndex: start,
        itemsPerPage: Math.min(4, total - start + 1),
      });
      seen.push(...page.body.Resources.map((r: { id: string }) => r.id));
    }
    expect(new Set(seen).size).toBe(total);
    expect((await scim("GET", `/Users?startIndex=${total + 1}&count=4`, token)).body).toMatchObject({
      totalResults: total,
      itemsPerPage: 0,
      Resources: [],
    });
    expect((await scim("GET", "/Users?count=0", token)).body).toMatchObject({ totalResults: total, itemsPerPage: 0 });
    // startIndex below 1 counts as 1 (RFC 7644 §3.4.2.4)
    expect((await scim("GET", "/Users?startIndex=0&count=2", token)).body).toMatchObject({
      startIndex: 1,
      itemsPerPage: 2,
    });
  });

  it("PUT replaces and PATCH (Entra's path form and Okta's value form) changes names and externalId", async () => {
    const { email, body } = await newUserBody("edit");
    const id = (await scim("POST", "/Users", tokenA, body)).body.id;
    const put = await scim("PUT", `/Users/${id}`, tokenA, {
      ...body,
      name: { givenName: "Bea", familyName: "Put" },
      externalId: "put-1",
    });
    expect(put.body).toMatchObject({ displayName: "Bea Put", externalId: "put-1", active: true });
    const entra = await scim(
      "PATCH",
      `/Users/${id}`,
      tokenA,
      patchOps(
        { op: "Add", path: "name.givenName", value: "Cleo" },
        { op: "Replace", path: "externalId", value: "entra-1" },
        { op: "Add", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", value: "CX" },
      ),
    );
    expect(entra.status).toBe(200);
    expect(entra.body).toMatchObject({
      displayName: "Cleo Put",
      externalId: "entra-1",
      name: { givenName: "Cleo", familyName: "Put" },
    });
    const okta = await scim(
      "PATCH",
      `/Users/${id}`,
      tokenA,
      patchOps({ op: "replace", value: { displayName: "Dana Okta", externalId: "okta-2" } }),
    );
    expect(okta.body).toMatchObject({ displayName: "Dana Okta", externalId: "okta-2", userName: email });
    expectScimError(
      await scim("PATCH", `/Users/${id}`, tokenA, patchOps({ op: "frobnicate", path: "active", value: true })),
      400,
      "invalidSyntax",
    );
    expectScimError(
      await scim("PATCH", `/Users/${id}`, tokenA, patchOps({ op: "replace", path: "active", value: "maybe" })),
      400,
      "invalidValue",
    );
    expectScimError(
      await scim("PATCH", `/Users/${id}`, tokenA, { schemas: [PATCH_OP], Operations: [] }),
      400,
      "invalidSyntax",
    );
    expectScimError(
      await scim(
        "PATCH",
        `/Users/${id}`,
        tokenA,
        patchOps({ op: "replace", path: "userName", value: A.users.agent.email }),
      ),
      409,
      "uniqueness",
    );
    // The account belongs to A alone: its IdP may change the address.
    const moved = `moved-${uid()}@idp.example.test`;
    expect(
      (await scim("PATCH", `/Users/${id}`, tokenA, patchOps({ op: "replace", path: "userName", value: moved }))).body
        .userName,
    ).toBe(moved);
  });
});

describe("de-provisioning", () => {
  it("Entra's PATCH active \"False\" ends the person's session and API key on the next request; Okta's re-activation restores the membership, not the key", async () => {
    const p = await signedInMember();
    const found = await scim("GET", `/Users${q(`userName eq "${p.email}"`)}`, tokenA);
    expect(found.body.Resources[0].id).toBe(p.membershipId);

    const res = await scim(
      "PATCH",
      `/Users/${p.membershipId}`,
      tokenA,
      patchOps({ op: "Replace", path: "active", value: "False" }),
    );
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await http("GET", "/api/v1/me", { cookie: p.cookie })).status).toBe(401);
    expect((await http("GET", "/api/v1/customers", { key: p.key })).status).toBe(401);
    expect(await db.userSession.count({ where: { userId: p.id, revokedAt: null } })).toBe(0);
    expect(await db.userSession.count({ where: { userId: p.id, revokedReason: "deprovisioned" } })).toBeGreaterThan(0);
    expect(await db.apiKey.count({ where: { createdById: p.id, revokedAt: null } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { orgId: A.orgId, action: "member.deprovisioned", entityId: p.membershipId },
      }),
    ).toBe(1);
    // The key check holds on its own too: a key of a suspended member is refused even if it were not revoked.
    await db.apiKey.updateMany({ where: { createdById: p.id }, data: { revokedAt: null } });
    expect((await http("GET", "/api/v1/customers", { key: p.key })).status).toBe(401);
    await db.apiKey.updateMany({ where: { createdById: p.id }, data: { revokedAt: new Date() } });
    // Signing in again gives no access to the organization while suspended.
    const again = (await signIn(p.email, TEST_PASSWORD))!;
    expect((await http("GET", "/api/v1/customers", { cookie: again })).status).toBe(401);
    expect(await listMyOrganizations(p.id)).toEqual([]);
    expect((await listMembers(A.ctx("admin"))).find((m) => m.id === p.membershipId)?.suspendedAt).toBeTruthy();
    expect((await listCaseOwners(A.ctx("admin"))).map((o) => o.id)).not.toContain(p.id);

    const back = await scim(
      "PATCH",
      `/Users/${p.membershipId}`,
      tokenA,
      patchOps({ op: "replace", value: { active: true } }),
    );
    expect(back.body.active).toBe(true);
    expect((await http("GET", "/api/v1/customers", { cookie: (await signIn(p.email, TEST_PASSWORD))! })).status).toBe(
      200,
    );
    expect((await http("GET", "/api/v1/customers", { key: p.key })).status).toBe(401); // revoked keys stay revoked
    expect(
      await db.auditEvent.count({ where: { orgId: A.orgId, action: "member.reactivated", entityId: p.membershipId } }),
    ).toBe(1);
  });

  it("Okta's PATCH value {active:false} and PUT active=false de-provision the same way", async () => {
    for (const send of [
      (id: string) => scim("PATCH", `/Users/${id}`, tokenA, patchOps({ op: "replace", value: { active: false } })),
      (id: string, email: string) =>
        scim("PUT", `/Users/${id}`, tokenA, { schemas: [USER], userName: email, active: false }),
    ]) {
      const p = await signedInMember();
      expect((await send(p.membershipId, p.email)).body.active).toBe(false);
      expect((await http("GET", "/api/v1/me", { cookie: p.cookie })).status).toBe(401);
      expect((await http("GET", "/api/v1/customers", { key: p.key })).status).toBe(401);
    }
  });

  it("DELETE removes the membership and cuts the session and key at once; the account stays", async () => {
    const p = await signedInMember();
    const res = await scim("DELETE", `/Users/${p.membershipId}`, tokenA);
    expect(res.status).toBe(204);
    expect((await http("GET", "/api/v1/me", { cookie: p.cookie })).status).toBe(401);
    expect((await http("GET", "/api/v1/customers", { key: p.key })).status).toBe(401);
    expect(await db.membership.findUnique({ where: { id: p.membershipId } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: p.id } })).not.toBeNull();
    expectScimError(await scim("GET", `/Users/${p.membershipId}`, tokenA), 404);
  });

  it("the last-admin rule does not stop the identity provider", async () => {
    const D = await createOrg("scim-lastadmin");
    const token = (await createScimToken(D.ctx("admin"), { name: "idp" })).token;
    const res = await scim(
      "PATCH",
      `/Users/${D.users.admin.membershipId}`,
      token,
      patchOps({ op: "replace", path: "active", value: false }),
    );
    expect(res.status).toBe(200);
    expect(await db.membership.count({ where: { orgId: D.orgId, role: "admin", suspendedAt: null } })).toBe(0);
  });
});

describe("Groups mapped to roles", () => {
  const role = async (membershipId: string) => (await db.membership.findUnique({ where: { id: membershipId } }))?.role;

  it("a member gets the highest role of their mapped groups, and their own role back when they leave them", async () => {
    const u1 = (await scim("POST", "/Users", tokenA, (await newUserBody("g1")).body)).body.id;
    const u2 = (await scim("POST", "/Users", tokenA, (await newUserBody("g2")).body)).body.id;
    const managersName = `resonance-managers`;
    const managers = await scim("POST", "/Groups", tokenA, {
      schemas: [GROUP],
      displayName: managersName,
      members: [{ value: u1 }],
    });
    expect(managers.status).toBe(201);
    expect(managers.body.members).toEqual([expect.objectContaining({ value: u1 })]);
    expect(await role(u1)).toBe("manager");
    expect((await scim("GET", `/Users/${u1}`, tokenA)).body.groups).toEqual([
      expect.objectContaining({ value: managers.body.id, display: managersName }),
    ]);
    expectScimError(
      await scim("POST", "/Groups", tokenA, { schemas: [GROUP], displayName: managersName }),
      409,
      "uniqueness",
    );

    // A group without the naming convention grants nothing until an admin maps it (Settings → SCIM provisioning).
    const support = await scim("POST", "/Groups", tokenA, { schemas: [GROUP], displayName: `Support ${uid()}` });
    expect((await db.scimGroup.findUnique({ where: { id: support.body.id } }))?.role).toBeNull();
    await setScimGroupRole(A.ctx("admin"), support.body.id, "agent");
    const add = await scim(
      "PATCH",
      `/Groups/${support.body.id}`,
      tokenA,
      patchOps({ op: "Add", path: "members", value: [{ value: u1 }, { value: u2 }] }),
    );
    expect(add.status).toBe(200);
    expect(await role(u2)).toBe("agent");
    expect(await role(u1)).toBe("manager"); // the higher of manager and agent

    // Okta: remove by filter path; Entra: remove with a value list.
    await scim(
      "PATCH",
      `/Groups/${managers.body.id}`,
      tokenA,
      patchOps({ op: "remove", path: `members[value eq "${u1}"]` }),
    );
    expect(await role(u1)).toBe("agent");
    await scim(
      "PATCH",
      `/Groups/${support.body.id}`,
      tokenA,
      patchOps({ op: "Remove", path: "members", value: [{ value: u1 }] }),
    );
    expect(await db.membership.findUnique({ where: { id: u1 } })).toMatchObject({ role: "viewer", ownRole: null });

    const list = await scim(
      "GET",
      `/Groups${q(`displayName eq "${managersName}"`)}&excludedAttributes=members`,
      tokenA,
    );
    expect(list.body.totalResults).toBe(1);
    expect(list.body.Resources[0].members).toBeUndefined();
    expect(
      (await scim("GET", `/Groups${q(`members.value eq "${u2}"`)}`, tokenA)).body.Resources.map(
        (g: { id: string }) => g.id,
      ),
    ).toEqual([support.body.id]);
    expectScimError(await scim("GET", `/Groups${q('displayName co "x"')}`, tokenA), 400, "invalidFilter");
  });

  it("a lower mapped group governs a member's own role while it lasts; deleting the group gives it back", async () => {
    const manager = A.users.manager.membershipId;
    const viewers = await scim("POST", "/Groups", tokenA, {
      schemas: [GROUP],
      displayName: "Resonance Viewers",
      members: [{ value: manager }],
    });
    expect(viewers.status).toBe(201);
    expect(await db.membership.findUnique({ where: { id: manager } })).toMatchObject({
      role: "viewer",
      ownRole: "manager",
    });
    // Okta's PUT replaces the member list.
    const put = await scim("PUT", `/Groups/${viewers.body.id}`, tokenA, {
      schemas: [GROUP],
      displayName: "Resonance Viewers",
      members: [],
    });
    expect(put.body.members).toEqual([]);
    expect(await db.membership.findUnique({ where: { id: manager } })).toMatchObject({
      role: "manager",
      ownRole: null,
    });
    await scim(
      "PATCH",
      `/Groups/${viewers.body.id}`,
      tokenA,
      patchOps({
        op: "replace",
        value: { id: viewers.body.id, displayName: "Resonance Viewers", members: [{ value: manager }] },
      }),
    );
    expect(await role(manager)).toBe("viewer");
    expect((await scim("DELETE", `/Groups/${viewers.body.id}`, tokenA)).status).toBe(204);
    expect(await db.membership.findUnique({ where: { id: manager } })).toMatchObject({
      role: "manager",
      ownRole: null,
    });
    expectScimError(await scim("GET", `/Groups/${viewers.body.id}`, tokenA), 404);
  });
});

describe("hostile input", () => {
  it("never answers 5xx, and every 4xx is a SCIM error", async () => {
    const fc = await import("fast-check");
    const user = (await scim("POST", "/Users", tokenA, (await newUserBody("fuzz")).body)).body.id;
    const group = (await scim("POST", "/Groups", tokenA, { schemas: [GROUP], displayName: `fuzz ${uid()}` })).body.id;
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom("\u0000", "x".repeat(5000), "False", "' OR 1=1 --", "<script>", "__proto__"),
    );
    const op = fc.record({
      op: fc.oneof(fc.constantFrom("add", "Replace", "remove"), fc.string()),
      path: fc.option(
        fc.oneof(
          fc.constantFrom(
            "active",
            "members",
            'members[value eq "x"]',
            "name.givenName",
            "userName",
            'emails[type eq "work"].value',
            "displayName",
            "externalId",
          ),
          fc.string(),
        ),
        { nil: undefined },
      ),
      value,
    });
    const bodies = fc.sample(
      fc.oneof(
        fc.dictionary(
          fc.constantFrom("userName", "active", "name", "displayName", "externalId", "members", "emails", "__proto__"),
          value,
        ),
        fc.record({
          schemas: fc.constant(["urn:ietf:params:scim:api:messages:2.0:PatchOp"]),
          Operations: fc.array(op, { maxLength: 4 }),
        }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      { numRuns: 60, seed: 12 },
    );
    const filters = fc.sample(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          'userName eq "a" and (',
          "userName eq 1",
          'userName eq "a\u0000b"',
          'emails[value eq "x"',
          'active eq "maybe"',
          "a".repeat(3000),
        ),
      ),
      { numRuns: 20, seed: 7 },
    );
    const targets = [
      ["POST", "/Users"],
      ["PUT", `/Users/${user}`],
      ["PATCH", `/Users/${user}`],
      ["POST", "/Groups"],
      ["PUT", `/Groups/${group}`],
      ["PATCH", `/Groups/${group}`],
    ] as const;
    const results: HttpResult[] = [];
    for (const [i, body] of bodies.entries()) {
      const [method, path] = targets[i % targets.length];
      results.push(await scim(method, path, tokenA, body));
    }
    for (const f of filters)
      results.push(
        await scim("GET", `/Users${q(f)}`, tokenA),
        await scim("GET", `/Groups${q(f)}&startIndex=${encodeURIComponent(f)}`, tokenA),
      );
    results.push(
      await scim("GET", "/Users/x%00y", tokenA),
      await scim(
        "PATCH",
        `/Groups/${group}`,
        tokenA,
        patchOps({ op: "add", path: "members", value: [{ value: "a\u0000" }] }),
      ),
    );
    for (const res of results) {
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expect(res.body.schemas).toEqual([ERROR]);
    }
  });
});
