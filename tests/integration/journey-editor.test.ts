// The journey editor over real HTTP (SQLite or PostgreSQL): build a journey, reorder its stages, move a
// touchpoint, archive without losing history (checked through the live map API), bad input and another
// organization's ids change nothing, and only managers and admins may edit.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, type Org } from "../factories";
import { http } from "./http";

let A: Org;
let B: Org;
let journeyId: string;
const stage: Record<string, string> = {};
const tp: Record<string, string> = {};

const asManager = (method: string, path: string, body?: unknown) => http(method, path, { key: A.keys.manager, body });
const names = (res: { body: { invalid_params?: { name: string }[] } }) =>
  (res.body.invalid_params ?? []).map((p) => p.name).sort();
const editorView = async () => (await asManager("GET", `/api/v1/journeys/${journeyId}?includeArchived=true`)).body;
const mapStages = async () =>
  (await asManager("GET", `/api/v1/journeys/${journeyId}/map`)).body.stages as Array<{
    id: string;
    name: string;
    touchpoints: Array<{
      id: string;
      name: string;
      promise: string | null;
      archivedAt: string | null;
      targets: { csat: number | null };
      live: { interactions: { count: number } };
    }>;
  }>;
const positions = async () =>
  await db.stage.findMany({
    where: { journeyId },
    orderBy: { id: "asc" },
    select: { id: true, position: true, archivedAt: true },
  });

beforeAll(async () => {
  [A, B] = [await createOrg("editor-a"), await createOrg("editor-b")];
});

describe("building a journey", () => {
  it("creates a journey with starter stages, adds stages with blueprint lanes and touchpoints with their promise", async () => {
    const created = await asManager("POST", "/api/v1/journeys", {
      name: "Onboarding",
      description: "From sign-up to first value",
      stages: [{ name: "Sign up" }],
    });
    expect(created.status).toBe(201);
    journeyId = created.body.id;
    stage.signup = created.body.stages[0].id;
    for (const [key, name] of [
      ["setup", "Set up"],
      ["use", "First use"],
    ]) {
      const res = await asManager("POST", `/api/v1/journeys/${journeyId}/stages`, {
        name,
        frontstage: `${name} screen`,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name, journeyId, blueprint: { frontstage: `${name} screen`, backstage: null } });
      stage[key] = res.body.id;
    }
    const lanes = await asManager("PATCH", `/api/v1/stages/${stage.setup}`, {
      customerAction: "Imports contacts",
      backstage: "Import job",
      supportSystems: "CRM",
    });
    expect(lanes.status).toBe(200);
    expect(lanes.body.blueprint).toEqual({
      customerAction: "Imports contacts",
      frontstage: "Set up screen",
      backstage: "Import job",
      supportSystems: "CRM",
    });

    const welcome = await asManager("POST", "/api/v1/touchpoints", {
      stageId: stage.signup,
      name: "Welcome email",
      kind: "digital",
      channelId: A.ids.channel,
      promise: "In your inbox within a minute",
      targetCsat: 4.5,
      targetCes: 6,
      targetNps: 40,
      servqualDimension: "responsiveness",
    });
    expect(welcome.status).toBe(201);
    expect(welcome.body).toMatchObject({
      stageId: stage.signup,
      position: 0,
      channel: { id: A.ids.channel },
      targets: { csat: 4.5, ces: 6, nps: 40 },
      servqualDimension: "responsiveness",
      archivedAt: null,
    });
    tp.welcome = welcome.body.id;
    for (const [key, name] of [
      ["call", "Kick-off call"],
      ["guide", "Setup guide"],
    ]) {
      const res = await asManager("POST", "/api/v1/touchpoints", {
        stageId: stage.setup,
        name,
        kind: key === "call" ? "human" : "digital",
      });
      expect(res.status).toBe(201);
      tp[key] = res.body.id;
    }
    expect((await db.touchpoint.findUnique({ where: { id: tp.guide } }))?.position).toBe(1);

    const view = await editorView();
    expect(view.stages.map((s: { name: string }) => s.name)).toEqual(["Sign up", "Set up", "First use"]);
    const actions = (
      await db.auditEvent.findMany({
        where: { orgId: A.orgId, entityType: { in: ["Stage", "Touchpoint", "Journey"] } },
      })
    ).map((e) => e.action);
    expect(actions.filter((a) => a === "stage.created")).toHaveLength(2);
    expect(actions.filter((a) => a === "touchpoint.created")).toHaveLength(3);
    expect(actions).toContain("stage.updated");
    expect(actions).toContain("journey.created");
  });
});

describe("ordering", () => {
  it("reorders the stages and the live map follows", async () => {
    const res = await asManager("PUT", `/api/v1/journeys/${journeyId}/stages/order`, {
      stageIds: [stage.setup, stage.signup, stage.use],
    });
    expect(res.status).toBe(200);
    expect(res.body.map((s: { name: string }) => s.name)).toEqual(["Set up", "Sign up", "First use"]);
    expect((await mapStages()).map((s) => s.name)).toEqual(["Set up", "Sign up", "First use"]);
    expect(
      await db.auditEvent.count({ where: { orgId: A.orgId, action: "journey.stages_reordered", entityId: journeyId } }),
    ).toBe(1);
  });

  it("refuses an order that is not exactly the journey's stages, naming stageIds, and changes nothing", async () => {
    const before = await positions();
    for (const stageIds of [
      [stage.setup, stage.signup],
      [stage.setup, stage.setup, stage.use],
      [stage.setup, stage.signup, stage.use, B.ids.stage],
      [stage.setup, stage.signup, A.ids.stage],
    ]) {
      const res = await asManager("PUT", `/api/v1/journeys/${journeyId}/stages/order`, { stageIds });
      expect(res.status, JSON.stringify(stageIds)).toBe(400);
      expect(res.contentType).toContain("application/problem+json");
      expect(names(res)).toContain("stageIds");
    }
    expect(await positions()).toEqual(before);
  });

  it("moves a touchpoint to another stage of the journey at a position and renumbers both stages", async () => {
    const res = await asManager("PATCH", `/api/v1/touchpoints/${tp.guide}`, { stageId: stage.signup, position: 0 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stageId: stage.signup, position: 0 });
    const rows = await db.touchpoint.findMany({
      where: { journeyId },
      select: { id: true, stageId: true, position: true },
    });
    const at = (id: string) => rows.find((r) => r.id === id);
    expect(at(tp.welcome)).toMatchObject({ stageId: stage.signup, position: 1 });
    expect(at(tp.call)).toMatchObject({ stageId: stage.setup, position: 0 });
    const map = await mapStages();
    expect(map.find((s) => s.id === stage.signup)!.touchpoints.map((t) => t.name)).toEqual([
      "Setup guide",
      "Welcome email",
    ]);
    expect(
      await db.auditEvent.count({ where: { orgId: A.orgId, action: "touchpoint.moved", entityId: tp.guide } }),
    ).toBe(1);
  });

  it("will not move a touchpoint into another journey (400) or another organization's stage (404)", async () => {
    const before = await db.touchpoint.findUnique({ where: { id: tp.guide } });
    const otherJourney = await asManager("PATCH", `/api/v1/touchpoints/${tp.guide}`, { stageId: A.ids.stage });
    expect(otherJourney.status).toBe(400);
    expect(names(otherJourney)).toEqual(["stageId"]);
    const foreign = await asManager("PATCH", `/api/v1/touchpoints/${tp.guide}`, { stageId: B.ids.stage });
    expect(foreign.status).toBe(404);
    expect(await db.touchpoint.findUnique({ where: { id: tp.guide } })).toEqual(before);
  });
});

describe("archiving keeps history", () => {
  it("an interaction at an archived touchpoint still counts on the map for its period; restoring brings it back", async () => {
    const logged = await http("POST", "/api/v1/interactions", {
      key: A.keys.agent,
      body: { customerId: A.ids.customer, touchpointId: tp.call, outcome: "resolved", emotion: 2 },
    });
    expect(logged.status).toBe(201);
    const archived = await asManager("PATCH", `/api/v1/touchpoints/${tp.call}`, { archived: true });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(await db.interaction.count({ where: { touchpointId: tp.call } })).toBe(1);

    const card = (await mapStages()).find((s) => s.id === stage.setup)!.touchpoints.find((t) => t.id === tp.call);
    expect(card?.archivedAt).not.toBeNull();
    expect(card?.live.interactions.count).toBe(1);
    // no longer offered for new work
    expect(JSON.stringify((await asManager("GET", "/api/v1/touchpoints")).body)).not.toContain(tp.call);

    // an archived touchpoint without history leaves the map
    await asManager("PATCH", `/api/v1/touchpoints/${tp.welcome}`, { archived: true });
    expect((await mapStages()).flatMap((s) => s.touchpoints.map((t) => t.id))).not.toContain(tp.welcome);
    const restored = await asManager("PATCH", `/api/v1/touchpoints/${tp.welcome}`, { archived: false });
    expect(restored.body).toMatchObject({ archivedAt: null, position: 1 });
    expect((await mapStages()).flatMap((s) => s.touchpoints.map((t) => t.id))).toContain(tp.welcome);
    const actions = (
      await db.auditEvent.findMany({ where: { orgId: A.orgId, entityId: { in: [tp.call, tp.welcome] } } })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["touchpoint.archived", "touchpoint.restored"]));
  });

  it("archives a stage (out of the map and of the order) and restores it at the end", async () => {
    expect((await asManager("PATCH", `/api/v1/stages/${stage.signup}`, { archived: true })).status).toBe(200);
    expect((await mapStages()).map((s) => s.name)).toEqual(["Set up", "First use"]);
    expect((await db.stage.findUnique({ where: { id: stage.signup } }))?.archivedAt).not.toBeNull();
    expect(
      (
        await asManager("PUT", `/api/v1/journeys/${journeyId}/stages/order`, {
          stageIds: [stage.use, stage.setup, stage.signup],
        })
      ).status,
    ).toBe(400);
    expect(
      (await asManager("PUT", `/api/v1/journeys/${journeyId}/stages/order`, { stageIds: [stage.use, stage.setup] }))
        .status,
    ).toBe(200);
    const view = await editorView();
    expect(
      view.stages.map((s: { name: string; archivedAt: string | null }) => [s.name, s.archivedAt !== null]),
    ).toEqual([
      ["First use", false],
      ["Set up", false],
      ["Sign up", true],
    ]);
    const noAdd = await asManager("POST", "/api/v1/touchpoints", {
      stageId: stage.signup,
      name: "Late",
      kind: "digital",
    });
    expect(noAdd.status).toBe(400);
    expect(names(noAdd)).toEqual(["stageId"]);
    expect((await asManager("PATCH", `/api/v1/stages/${stage.signup}`, { archived: false })).status).toBe(200);
    expect((await mapStages()).map((s) => s.name)).toEqual(["First use", "Set up", "Sign up"]);
  });

  it("archives and restores the journey itself", async () => {
    expect(
      (await asManager("PATCH", `/api/v1/journeys/${journeyId}`, { archived: true })).body.archivedAt,
    ).not.toBeNull();
    expect(JSON.stringify((await asManager("GET", "/api/v1/journeys")).body)).not.toContain(journeyId);
    expect((await asManager("PATCH", `/api/v1/journeys/${journeyId}`, { archived: false })).body.archivedAt).toBeNull();
    expect(
      await db.auditEvent.count({ where: { orgId: A.orgId, entityId: journeyId, action: "journey.restored" } }),
    ).toBe(1);
  });
});

describe("bad input and other organizations change nothing", () => {
  it("names every bad promise field and stores no touchpoint", async () => {
    const before = await db.touchpoint.count({ where: { orgId: A.orgId } });
    const res = await asManager("POST", "/api/v1/touchpoints", {
      stageId: stage.use,
      name: " ",
      kind: "telepathic",
      targetCsat: 5.5,
      targetCes: 0,
      targetNps: 101,
      servqualDimension: "speed",
    });
    expect(res.status).toBe(400);
    expect(names(res)).toEqual(["kind", "name", "servqualDimension", "targetCes", "targetCsat", "targetNps"]);
    expect(await db.touchpoint.count({ where: { orgId: A.orgId } })).toBe(before);
    const edit = await asManager("PATCH", `/api/v1/touchpoints/${tp.welcome}`, { targetNps: -150, name: "" });
    expect(names(edit)).toEqual(["name", "targetNps"]);
    const stageEdit = await asManager("PATCH", `/api/v1/stages/${stage.use}`, {
      name: "",
      backstage: "x".repeat(2001),
    });
    expect(names(stageEdit)).toEqual(["backstage", "name"]);
    expect((await db.stage.findUnique({ where: { id: stage.use } }))?.name).toBe("First use");
  });

  it("another organization's journey, stage, touchpoint or channel is a 404 and nothing changes", async () => {
    const snapshot = async () => ({
      touchpoints: await db.touchpoint.findMany({
        where: { orgId: { in: [A.orgId, B.orgId] } },
        orderBy: { id: "asc" },
      }),
      stages: await db.stage.findMany({ where: { orgId: { in: [A.orgId, B.orgId] } }, orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    const probes: Array<[string, string, unknown]> = [
      ["POST", `/api/v1/journeys/${B.ids.journey}/stages`, { name: "Taken over" }],
      ["PUT", `/api/v1/journeys/${B.ids.journey}/stages/order`, { stageIds: [B.ids.stage] }],
      ["PATCH", `/api/v1/stages/${B.ids.stage}`, { backstage: "Taken over" }],
      ["PATCH", `/api/v1/touchpoints/${B.ids.touchpoint}`, { promise: "Taken over" }],
      ["POST", "/api/v1/touchpoints", { stageId: B.ids.stage, name: "Taken over", kind: "human" }],
      [
        "POST",
        "/api/v1/touchpoints",
        { stageId: stage.use, name: "On their channel", kind: "human", channelId: B.ids.channel },
      ],
      ["PATCH", `/api/v1/touchpoints/${tp.welcome}`, { channelId: B.ids.channel, promise: "changed" }],
    ];
    for (const [method, path, body] of probes) {
      const res = await asManager(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.contentType).toContain("application/problem+json");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("viewers and agents may not edit (403) and nothing changes", async () => {
    const before = await db.stage.findMany({ where: { journeyId }, orderBy: { id: "asc" } });
    for (const role of ["viewer", "agent"] as const) {
      const as = (method: string, path: string, body: unknown) => http(method, path, { key: A.keys[role], body });
      const answers = [
        await as("POST", "/api/v1/journeys", { name: "Mine" }),
        await as("PATCH", `/api/v1/journeys/${journeyId}`, { name: "Mine" }),
        await as("POST", `/api/v1/journeys/${journeyId}/stages`, { name: "Mine" }),
        await as("PUT", `/api/v1/journeys/${journeyId}/stages/order`, {
          stageIds: [stage.setup, stage.use, stage.signup],
        }),
        await as("PATCH", `/api/v1/stages/${stage.use}`, { name: "Mine", archived: true }),
        await as("POST", "/api/v1/touchpoints", { stageId: stage.use, name: "Mine", kind: "human" }),
        await as("PATCH", `/api/v1/touchpoints/${tp.welcome}`, { archived: true }),
      ];
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 403));
    }
    expect(await db.stage.findMany({ where: { journeyId }, orderBy: { id: "asc" } })).toEqual(before);
  });
});
