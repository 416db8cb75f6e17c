// The audit log against the real database (SQLite or PostgreSQL): the table is append-only — the database
// itself refuses UPDATE and DELETE (triggers), with only the documented narrow exceptions (an erasure's
// redaction stamping redactedAt; a deleted user's SET NULL; a deleted organization's cascade); the admin API
// filters by actor, entity type, action, entity id and dates with keyset pagination that stays stable while
// events arrive; the CSV export follows the filters and is audited itself; only admins see it; the changes
// people make to journeys, surveys, members, keys, cases, exports and erasures all leave an event.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/service";
import { createOrg, createUser, TEST_PASSWORD, uid, type Org } from "../factories";
import { baseURL, http, signIn } from "./http";

let A: Org;
let B: Org;

beforeAll(async () => {
  [A, B] = [await createOrg("audit-a"), await createOrg("audit-b")];
});

// PostgreSQL reports the trigger's own message; Prisma's SQLite adapter reports a trigger's RAISE(ABORT) as a
// constraint violation (P2003) without it. Either way the statement fails and the row stays as it was.
const REFUSED = /append-only|Foreign key constraint violated/;

const anEvent = (
  org: Org,
  extra: Partial<{ action: string; entityType: string; entityId: string; createdAt: Date }> = {},
) =>
  db.auditEvent.create({
    data: {
      orgId: org.orgId,
      actorId: org.users.admin.id,
      action: "probe.done",
      entityType: "Probe",
      entityId: `p-${uid()}`,
      data: { note: "original" },
      ...extra,
    },
  });

describe("append-only in the database", () => {
  it("refuses UPDATE and DELETE through the client and through raw SQL", async () => {
    const e = await anEvent(A);
    await expect(db.auditEvent.update({ where: { id: e.id }, data: { action: "probe.undone" } })).rejects.toThrow(
      REFUSED,
    );
    await expect(db.auditEvent.update({ where: { id: e.id }, data: { data: { note: "rewritten" } } })).rejects.toThrow(
      REFUSED,
    );
    await expect(db.auditEvent.updateMany({ where: { orgId: A.orgId }, data: { actorId: null } })).rejects.toThrow(
      REFUSED,
    );
    await expect(db.auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(REFUSED);
    await expect(db.auditEvent.deleteMany({ where: { orgId: A.orgId } })).rejects.toThrow(REFUSED);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "entityId" = 'x' WHERE "id" = ${e.id}`).rejects.toThrow(
      REFUSED,
    );
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${e.id}`).rejects.toThrow(REFUSED);
    expect(await db.auditEvent.findUnique({ where: { id: e.id } })).toEqual(e);
  });

  it("lets through only an erasure's redaction: data changed with redactedAt stamped, nothing else", async () => {
    const e = await anEvent(A);
    const at = new Date();
    // a redaction that also tries to change who or what → refused
    await expect(
      db.auditEvent.update({
        where: { id: e.id },
        data: { data: { note: "[erased]" }, redactedAt: at, action: "probe.other" },
      }),
    ).rejects.toThrow(REFUSED);
    await expect(
      db.auditEvent.update({
        where: { id: e.id },
        data: { data: { note: "[erased]" }, redactedAt: at, actorId: A.users.viewer.id },
      }),
    ).rejects.toThrow(REFUSED);
    const redacted = await db.auditEvent.update({
      where: { id: e.id },
      data: { data: { note: "[erased]" }, redactedAt: at },
    });
    expect(redacted).toMatchObject({
      action: e.action,
      actorId: e.actorId,
      entityId: e.entityId,
      data: { note: "[erased]" },
    });
    // once stamped, it cannot be unstamped or rewritten under the same stamp
    await expect(db.auditEvent.update({ where: { id: e.id }, data: { redactedAt: null } })).rejects.toThrow(REFUSED);
    await expect(
      db.auditEvent.update({ where: { id: e.id }, data: { data: { note: "changed again" } } }),
    ).rejects.toThrow(REFUSED);
  });

  it("still lets a user or a whole organization be removed (SET NULL and CASCADE)", async () => {
    const org = await db.organization.create({ data: { name: "Doomed", slug: `doomed-${uid()}` } });
    const u = await createUser("leaver");
    await db.membership.create({ data: { orgId: org.id, userId: u.id, role: "admin" } });
    await recordAudit({ orgId: org.id, userId: u.id, apiKeyId: null }, { action: "probe.done", entityType: "Probe" });
    await db.membership.deleteMany({ where: { userId: u.id } });
    await db.user.delete({ where: { id: u.id } });
    expect((await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id } })).actorId).toBeNull();
    await db.organization.delete({ where: { id: org.id } });
    expect(await db.auditEvent.count({ where: { orgId: org.id } })).toBe(0);
  });
});

describe("GET /api/v1/audit-events", () => {
  const entityId = `filter-${uid()}`;

  beforeAll(async () => {
    const base = Date.parse("2026-03-10T12:00:00Z");
    for (let i = 0; i < 7; i++)
      await anEvent(A, {
        action: i % 2 ? "probe.odd" : "probe.even",
        entityType: "Paged",
        entityId,
        createdAt: new Date(base + i * 60_000),
      });
    await anEvent(A, {
      action: "probe.even",
      entityType: "Paged",
      entityId,
      createdAt: new Date("2026-03-12T08:00:00Z"),
    });
    await recordAudit(
      { orgId: A.orgId, userId: null, apiKeyId: null },
      { action: "probe.system", entityType: "Paged", entityId },
    );
  });

  const list = async (q: string, key = A.keys.admin) => {
    const res = await http("GET", `/api/v1/audit-events${q}`, { key });
    expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body as {
      data: { id: string; action: string; at: string; actor: { kind: string; name: string } }[];
      nextCursor: string | null;
    };
  };

  it("filters by action, entity type and id, actor and a date range (`to` includes its day)", async () => {
    expect((await list(`?entityId=${entityId}`)).data).toHaveLength(9);
    expect((await list(`?entityId=${entityId}&action=probe.odd`)).data.map((e) => e.action)).toEqual([
      "probe.odd",
      "probe.odd",
      "probe.odd",
    ]);
    expect((await list(`?entityType=Paged&entityId=${entityId}&from=2026-03-10&to=2026-03-10`)).data).toHaveLength(7);
    expect((await list(`?entityId=${entityId}&from=2026-03-11`)).data.map((e) => e.action)).toEqual([
      "probe.system",
      "probe.even",
    ]);
    const system = await list(`?entityId=${entityId}&actorId=system`);
    expect(system.data.map((e) => [e.action, e.actor.kind, e.actor.name])).toEqual([
      ["probe.system", "system", "System"],
    ]);
    expect((await list(`?entityId=${entityId}&actorId=${A.users.admin.id}`)).data).toHaveLength(8);
    const bad = await http("GET", "/api/v1/audit-events?from=yesterday&action=DROP%20TABLE", { key: A.keys.admin });
    expect(bad.status).toBe(400);
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual(["action", "from"]);
  });

  it("pages newest first by keyset, stable while new events arrive", async () => {
    const first = await list(`?entityId=${entityId}&limit=4`);
    expect(first.data).toHaveLength(4);
    expect(first.nextCursor).not.toBeNull();
    await anEvent(A, { entityType: "Paged", entityId }); // newer than everything: must not shift the next pages
    const second = await list(`?entityId=${entityId}&limit=4&cursor=${first.nextCursor}`);
    const third = await list(`?entityId=${entityId}&limit=4&cursor=${second.nextCursor}`);
    expect(third.nextCursor).toBeNull();
    const seen = [...first.data, ...second.data, ...third.data];
    expect(seen).toHaveLength(9);
    expect(new Set(seen.map((e) => e.id)).size).toBe(9);
    const times = seen.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await http("GET", "/api/v1/audit-events?cursor=bm90LWEtY3Vyc29y", { key: A.keys.admin })).status).toBe(400);
  });

  it("is for admins only, and never shows another organization's events", async () => {
    for (const role of ["viewer", "agent", "manager"] as const)
      expect((await http("GET", "/api/v1/audit-events", { key: A.keys[role] })).status).toBe(403);
    const foreign = await anEvent(B, { entityType: "Paged", entityId });
    const text = JSON.stringify(await list(`?entityId=${entityId}&limit=200`));
    expect(text).not.toContain(foreign.id);
    expect(text).not.toContain(B.users.admin.id);
  });

  it("exports the filtered set as CSV and records the export", async () => {
    const res = await http("GET", `/api/v1/exports/audit-events?entityId=${entityId}&action=probe.odd`, {
      key: A.keys.admin,
    });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain("text/csv");
    const lines = String(res.body).trim().split("\n");
    expect(lines[0]).toBe("at,actor,actorEmail,action,entityType,entityId,data,redactedAt");
    expect(lines.slice(1).map((l) => l.split(",")[3])).toEqual(["probe.odd", "probe.odd", "probe.odd"]);
    const recorded = await db.auditEvent.findFirstOrThrow({
      where: { orgId: A.orgId, action: "audit.exported" },
      orderBy: { createdAt: "desc" },
    });
    expect(recorded).toMatchObject({ actorId: A.users.admin.id, data: { filters: { entityId, action: "probe.odd" } } });
    expect((await http("GET", "/api/v1/exports/audit-events", { key: A.keys.manager })).status).toBe(403);
  });
});

describe("what leaves an audit event", () => {
  it("journeys, surveys, members, API keys, cases, exports and erasures", async () => {
    const C = await createOrg("audit-c");
    const since = new Date(Date.now() - 1000);
    // Access management (members, API keys) is for a signed-in admin; everything else through the admin's key.
    const cookie = (await signIn(C.users.admin.email, TEST_PASSWORD))!;
    const ok = async (method: string, path: string, body?: unknown, as: "key" | "session" = "key") => {
      const auth = as === "key" ? { key: C.keys.admin } : { cookie, headers: { origin: baseURL() } };
      const res = await http(method, path, { ...auth, body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    await ok("POST", "/api/v1/journeys", { name: "Audited journey" });
    await ok("POST", "/api/v1/surveys", { name: "Audited survey", template: "nps", languages: ["en"] });
    await ok("PATCH", `/api/v1/members/${C.users.viewer.membershipId}`, { role: "agent" }, "session");
    const key = await ok("POST", "/api/v1/api-keys", { name: "audited", role: "viewer" }, "session");
    await ok("DELETE", `/api/v1/api-keys/${key.id}`, undefined, "session");
    await ok("PATCH", `/api/v1/cases/${C.ids.case}`, { status: "in_progress" });
    for (const kind of ["customers", "interactions", "responses"]) await ok("GET", `/api/v1/exports/${kind}`);
    await ok("GET", `/api/v1/customers/${C.ids.customer}/export`);
    await ok("PUT", "/api/v1/retention", { enabled: true, months: 36, mode: "anonymise" });
    await ok("POST", `/api/v1/customers/${C.ids.customer}/erasure`, { confirm: "ERASE" });
    const actions = new Set(
      (
        await db.auditEvent.findMany({ where: { orgId: C.orgId, createdAt: { gte: since } }, select: { action: true } })
      ).map((e) => e.action),
    );
    for (const a of [
      "journey.created",
      "survey.created",
      "member.role_changed",
      "api_key.created",
      "api_key.revoked",
      "case.updated",
      "customers.exported",
      "interactions.exported",
      "responses.exported",
      "customer.exported",
      "retention.settings_changed",
      "customer.erased",
    ]) {
      expect(actions, a).toContain(a);
    }
  });
});
