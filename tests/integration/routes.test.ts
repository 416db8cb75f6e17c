// Every /api/v1 route: tenancy (another organization's record is a 404 and stays unchanged; lists never
// show it) and the role matrix (viewer/agent/manager/admin × route), over real HTTP with API keys — and, for the
// session-only routes of access management, with each role's signed-in session, while every key gets 403.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLES, hasRole, type Role } from "@/lib/auth/roles";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { baseURL, http, signIn } from "./http";
import { ROUTES, type RouteCase } from "./route-table";

let A: Org;
let B: Org;

let sessions: Record<Role, string>;

beforeAll(async () => {
  [A, B] = [await createOrg("tenant-a"), await createOrg("tenant-b")];
  sessions = {} as Record<Role, string>;
  for (const role of ROLES) sessions[role] = (await signIn(A.users[role].email, TEST_PASSWORD))!;
});

/** How a role of A calls a route: its API key, or its signed-in session where keys are refused. */
const as = (r: RouteCase, role: Role) =>
  r.sessionOnly ? { cookie: sessions[role], headers: { origin: baseURL() } } : { key: A.keys[role] };

const fill = (p: string, id: string) => p.replace(":id", id);
// Public routes (no login) have their own suite, public-responses.test.ts.
const AUTHED = ROUTES.filter((r): r is Extract<RouteCase, { minRole: Role }> => !r.public);

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

// The row behind each entity, to prove a refused write changed nothing.
function snapshot(entity: keyof Org["ids"], id: string): Promise<unknown> {
  switch (entity) {
    case "customer":
      return db.customer.findUnique({ where: { id } });
    case "journey":
      return db.journey.findUnique({ where: { id } });
    case "case":
      return db.case.findUnique({ where: { id } });
    case "member":
      return db.membership.findUnique({ where: { id } });
    case "invite":
      return db.invite.findUnique({ where: { id } });
    case "apiKey":
      return db.apiKey.findUnique({ where: { id } });
    case "interaction":
      return db.interaction.findUnique({ where: { id } });
    case "survey":
      return db.survey.findUnique({ where: { id } });
    case "stage":
      return db.stage.findUnique({ where: { id } });
    case "touchpoint":
      return db.touchpoint.findUnique({ where: { id } });
    case "channel":
      return db.channel.findUnique({ where: { id } });
    case "response":
      return db.response.findUnique({ where: { id }, include: { answers: true } });
    case "webhook":
      return db.webhookEndpoint.findUnique({ where: { id }, include: { deliveries: true } });
    case "audience":
      return db.audience.findUnique({ where: { id }, include: { members: true } });
    case "campaign":
      return db.campaign.findUnique({ where: { id }, include: { waves: true, invitations: true } });
    case "trigger":
      return db.trigger.findUnique({ where: { id }, include: { invitations: true } });
    case "unit":
      return db.unit.findUnique({ where: { id } });
    case "textTheme":
      return db.textTheme.findUnique({ where: { id }, include: { phrases: true } });
    default: {
      const unknown: never = entity; // a new entity needs its row here, or "unchanged" proves nothing
      throw new Error(`No snapshot for ${String(unknown)}`);
    }
  }
}

describe("route table", () => {
  it("lists every exported method of every app/api/v1 route file", () => {
    const root = path.resolve("app/api/v1");
    const found = routeFiles(root).flatMap((file) => {
      const rel = "/api/v1/" + path.relative(root, path.dirname(file)).split(path.sep).join("/");
      const methods = [...fs.readFileSync(file, "utf8").matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map(
        (m) => m[1],
      );
      return methods.map((m) => `${m} ${rel.replace(/\[(\w+)\]/g, ":$1").replace(/\/$/, "")}`);
    });
    const table = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((r) => !table.includes(r))).toEqual([]);
    expect(table.filter((r) => !found.includes(r))).toEqual([]);
  });
});

describe("cross-tenant: another organization's records", () => {
  const itemRoutes = AUTHED.filter((r) => r.entity);
  it.each(itemRoutes.map((r) => [`${r.method} ${r.path}`, r] as [string, RouteCase]))(
    "%s with a foreign id → 404, unchanged",
    async (_, r) => {
      const foreignId = B.ids[r.entity!];
      const before = await snapshot(r.entity!, foreignId);
      expect(before).not.toBeNull(); // the row exists, so "unchanged" below means something
      const res = await http(r.method, fill(r.path, foreignId), { ...as(r, "admin"), body: r.validBody?.(B.ids) });
      expect(res.status).toBe(404);
      expect(res.contentType).toContain("application/problem+json");
      const { instance: _echoedPath, ...problem } = res.body; // the request's own path, not their data
      expect(JSON.stringify(problem)).not.toContain(foreignId);
      expect(await snapshot(r.entity!, foreignId)).toEqual(before);
    },
  );

  const listRoutes = AUTHED.filter((r) => r.method === "GET" && !r.entity);
  it.each(listRoutes.map((r) => [r.path, r] as [string, RouteCase]))("GET %s never shows them", async (_, r) => {
    const allB = Object.values(B.ids);
    const queries = ["", ...(r.foreignQueries?.(B.ids) ?? [])];
    for (const q of queries) {
      const res = await http("GET", r.path + q, as(r, "admin"));
      expect(res.status, `${r.path}${q}`).toBe(200);
      const text = JSON.stringify(res.body);
      for (const id of allB) expect(text, `${r.path}${q} leaks ${id}`).not.toContain(id);
    }
    // and the owner does see its own data through the same route (the probe is not vacuous)
    const own = await http(
      "GET",
      r.path,
      r.sessionOnly ? { cookie: (await signIn(B.users.admin.email, TEST_PASSWORD))! } : { key: B.keys.admin },
    );
    expect(own.status).toBe(200);
  });

  it("POST /api/v1/interactions naming a foreign customer or touchpoint → 404, nothing stored", async () => {
    const countBefore = await db.interaction.count({ where: { orgId: { in: [A.orgId, B.orgId] } } });
    const onForeignCustomer = await http("POST", "/api/v1/interactions", {
      key: A.keys.agent,
      body: { customerId: B.ids.customer, outcome: "resolved" },
    });
    expect(onForeignCustomer.status).toBe(404);
    const onForeignTouchpoint = await http("POST", "/api/v1/interactions", {
      key: A.keys.agent,
      body: { customerId: A.ids.customer, touchpointId: B.ids.touchpoint, outcome: "resolved" },
    });
    expect(onForeignTouchpoint.status).toBe(404);
    expect(await db.interaction.count({ where: { orgId: { in: [A.orgId, B.orgId] } } })).toBe(countBefore);
  });

  it("PATCH /api/v1/cases/:id cannot hand a case to another organization's member", async () => {
    const res = await http("PATCH", `/api/v1/cases/${A.ids.case}`, {
      key: A.keys.agent,
      body: { ownerId: B.users.agent.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.invalid_params.map((p: { name: string }) => p.name)).toContain("ownerId");
    expect((await db.case.findUnique({ where: { id: A.ids.case } }))?.ownerId).toBe(A.users.agent.id);
  });
});

describe("role matrix", () => {
  const cases = AUTHED.flatMap((r) => ROLES.map((role) => [`${role} ${r.method} ${r.path}`, r, role] as const));
  it.each(cases)("%s", async (_, r, role) => {
    // Allowed roles get past the gate and hit validation or a missing record: no side effects.
    const target = r.entity
      ? r.method === "GET"
        ? A.ids[r.entity]
        : r.invalidBody === undefined
          ? "no-such-id"
          : A.ids[r.entity]
      : "";
    const res = await http(r.method, fill(r.path, target), {
      ...as(r, role),
      body: r.method === "GET" ? undefined : (r.invalidBody ?? {}),
    });
    if (hasRole(role, r.minRole)) {
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(403);
      expect(res.body.title).toBe("Forbidden");
    }
  });
});

describe("access management is session-only", () => {
  const cases = AUTHED.filter((r) => r.sessionOnly).flatMap((r) =>
    ROLES.map((role) => [`${role} key ${r.method} ${r.path}`, r, role] as const),
  );
  it.each(cases)("%s → 403, nothing changed", async (_, r, role) => {
    const id = r.entity ? A.ids[r.entity] : "";
    const before = r.entity ? await snapshot(r.entity, id) : null;
    const res = await http(r.method, fill(r.path, id), {
      key: A.keys[role],
      body: r.method === "GET" ? undefined : (r.validBody?.(A.ids) ?? r.invalidBody ?? {}),
    });
    expect(res.status).toBe(403);
    expect(res.contentType).toContain("application/problem+json");
    expect(res.body.detail).toMatch(/API keys cannot manage access/);
    if (r.entity) expect(await snapshot(r.entity, id)).toEqual(before);
  });
});
