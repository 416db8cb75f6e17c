// The API contract users rely on, over real HTTP: problem+json errors that name each bad field and change
// nothing, authentication by API key and by session, idempotent interaction logging.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { baseURL, http, signIn } from "./http";

let A: Org;
let B: Org;
beforeAll(async () => {
  [A, B] = [await createOrg("api-a"), await createOrg("api-b")];
});

describe("bad input", () => {
  it("names each bad field in problem+json and stores nothing", async () => {
    const before = await db.customer.count({ where: { orgId: A.orgId } });
    const res = await http("POST", "/api/v1/customers", {
      key: A.keys.agent,
      body: { name: "", email: "not-an-email", tags: "vip" },
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain("application/problem+json");
    expect(res.body).toMatchObject({ status: 400, title: "Invalid request" });
    expect(res.body.requestId).toBeTruthy();
    const names = res.body.invalid_params.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(["email", "name", "tags"]);
    expect(await db.customer.count({ where: { orgId: A.orgId } })).toBe(before);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await http("POST", "/api/v1/interactions", { key: A.keys.agent, rawBody: "{ not json" });
    expect(res.status).toBe(400);
    expect(res.body.invalid_params[0]).toMatchObject({ name: "body" });
  });

  it("validates query strings and path ids", async () => {
    const limit = await http("GET", "/api/v1/customers?limit=100000", { key: A.keys.viewer });
    expect(limit.status).toBe(400);
    expect(limit.body.invalid_params[0]).toMatchObject({ name: "limit", in: "query" });
    const badId = await http("GET", "/api/v1/customers/" + encodeURIComponent("x'; drop table"), {
      key: A.keys.viewer,
    });
    expect(badId.status).toBe(400);
  });

  it("maps a unique clash to 409", async () => {
    const externalId = `DUP-${randomUUID()}`;
    expect(
      (await http("POST", "/api/v1/customers", { key: A.keys.agent, body: { name: "First", externalId } })).status,
    ).toBe(201);
    const again = await http("POST", "/api/v1/customers", { key: A.keys.agent, body: { name: "Second", externalId } });
    expect(again.status).toBe(409);
    expect(await db.customer.count({ where: { orgId: A.orgId, externalId } })).toBe(1);
    // another organization may use the same external id
    expect(
      (await http("POST", "/api/v1/customers", { key: B.keys.agent, body: { name: "Theirs", externalId } })).status,
    ).toBe(201);
  });
});

describe("authentication", () => {
  it("refuses anonymous, malformed, unknown and revoked keys with 401 problem+json", async () => {
    expect((await http("GET", "/api/v1/customers")).status).toBe(401);
    expect((await http("GET", "/api/v1/customers", { key: "garbage" })).status).toBe(401);
    expect((await http("GET", "/api/v1/customers", { key: "rsn_AAAAAAAAAA_" + "x".repeat(32) })).status).toBe(401);
    // Keys are managed by a signed-in admin (an API key cannot manage keys: api-keys.test.ts).
    const admin = { cookie: (await signIn(A.users.admin.email, TEST_PASSWORD))!, headers: { origin: baseURL() } };
    const created = await http("POST", "/api/v1/api-keys", { ...admin, body: { name: "temp", role: "viewer" } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^rsn_/);
    expect((await http("GET", "/api/v1/me", { key: created.body.key })).body.role).toBe("viewer");
    const listed = await http("GET", "/api/v1/api-keys", admin);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect((await http("DELETE", `/api/v1/api-keys/${created.body.id}`, admin)).status).toBe(200);
    const revoked = await http("GET", "/api/v1/me", { key: created.body.key });
    expect(revoked.status).toBe(401);
    expect(revoked.contentType).toContain("application/problem+json");
  });

  it("signs in with a password, uses the session, switches organization, refuses cross-site writes", async () => {
    expect(await signIn(A.users.manager.email, "wrong password")).toBeNull();
    const cookie = await signIn(A.users.manager.email, TEST_PASSWORD);
    expect(cookie).toBeTruthy();
    const me = await http("GET", "/api/v1/me", { cookie: cookie! });
    expect(me.body).toMatchObject({ role: "manager", via: "session", organization: { id: A.orgId } });

    // the same person is also a viewer in B; the active-organization cookie selects B
    await db.membership.create({ data: { orgId: B.orgId, userId: A.users.manager.id, role: "viewer" } });
    const inB = await http("GET", "/api/v1/me", { cookie: `${cookie}; rsn-org=${B.orgId}` });
    expect(inB.body).toMatchObject({ role: "viewer", organization: { id: B.orgId } });
    expect(inB.body.organizations).toHaveLength(2);
    expect(
      (await http("POST", "/api/v1/journeys", { cookie: `${cookie}; rsn-org=${B.orgId}`, body: { name: "No" } }))
        .status,
    ).toBe(403);

    // a cookie naming an organization they do not belong to falls back to their own
    const stranger = await createOrg("api-c");
    const forged = await http("GET", "/api/v1/me", { cookie: `${cookie}; rsn-org=${stranger.orgId}` });
    expect(forged.body.organization.id).toBe(A.orgId);

    const crossSite = await http("POST", "/api/v1/journeys", {
      cookie: cookie!,
      body: { name: "CSRF" },
      headers: { origin: "http://evil.test" },
    });
    expect(crossSite.status).toBe(403);
    expect(await db.journey.count({ where: { orgId: A.orgId, name: "CSRF" } })).toBe(0);
    const sameSite = await http("POST", "/api/v1/journeys", {
      cookie: cookie!,
      body: { name: "Renewal", stages: [{ name: "Notice" }, { name: "Decide" }] },
    });
    expect(sameSite.status).toBe(201);
    expect(sameSite.body.stages.map((s: { name: string }) => s.name)).toEqual(["Notice", "Decide"]);
  });
});

describe("interactions", () => {
  it("is idempotent by clientId, also when retries race", async () => {
    const clientId = `int-${randomUUID()}`;
    const body = {
      customerId: A.ids.customer,
      touchpointId: A.ids.touchpoint,
      outcome: "follow_up",
      emotion: -1,
      note: "wants a call back",
      clientId,
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => http("POST", "/api/v1/interactions", { key: A.keys.agent, body })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await db.interaction.count({ where: { orgId: A.orgId, clientId } })).toBe(1);
    // the channel defaults from the touchpoint; the API key's source is recorded
    expect(results[0].body.channel.id).toBe(A.ids.channel);
    expect(results[0].body.source).toBe("api");
    // and the customer was last seen then
    const seen = await db.customer.findUnique({ where: { id: A.ids.customer } });
    expect(seen?.lastSeenAt?.toISOString()).toBe(results[0].body.occurredAt);
  });

  it("rejects an emotion outside −2..+2 and stores nothing", async () => {
    const before = await db.interaction.count({ where: { orgId: A.orgId } });
    const res = await http("POST", "/api/v1/interactions", {
      key: A.keys.agent,
      body: { customerId: A.ids.customer, outcome: "resolved", emotion: 5 },
    });
    expect(res.status).toBe(400);
    expect(res.body.invalid_params[0].name).toBe("emotion");
    expect(await db.interaction.count({ where: { orgId: A.orgId } })).toBe(before);
  });
});
