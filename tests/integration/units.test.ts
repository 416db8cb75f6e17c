// The unit tree (docs/hierarchy.md): create, rename, move with cycle prevention, archive with the subtree and restore,
// CSV import and export with parents by code (all or nothing, each bad row named), admins edit and every role reads,
// another organization's unit is a 404 — in process and over HTTP, on whichever database the suite runs on.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { archiveUnit, createUnit, getUnit, listUnits, moveUnit, restoreUnit, updateUnit } from "@/lib/units/service";
import { exportUnitsCsv, importUnitsCsv } from "@/lib/units/csv";
import { Readable } from "node:stream";
import { createOrg, type Org } from "../factories";
import { http } from "./http";

let A: Org;
let B: Org;
const csv = (text: string) => Readable.from([Buffer.from(text)]);

async function problems(p: Promise<unknown>): Promise<Record<string, string>> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries((error as ValidationError).invalidParams!.map((x) => [x.name, x.reason]));
}

beforeAll(async () => {
  [A, B] = [await createOrg("units-a"), await createOrg("units-b")];
});

describe("tree service", () => {
  it("creates units with their path and depth, and lists them parents first", async () => {
    const admin = A.ctx("admin");
    const west = await createUnit(admin, { code: "WEST", name: "West", kind: "region" });
    const s1 = await createUnit(admin, { code: "W-1", name: "Store W1", kind: "store", parentId: west.id });
    const team = await createUnit(admin, { code: "W-1-T", name: "Checkout team", kind: "team", parentId: s1.id });
    expect(team).toMatchObject({ depth: 2, parentId: s1.id, ancestorIds: [west.id, s1.id], archived: false });
    const row = await db.unit.findUniqueOrThrow({ where: { id: team.id } });
    expect(row.path).toBe(`/${west.id}/${s1.id}/${team.id}/`);
    const list = (await listUnits(admin)).map((u) => u.code);
    expect(list.indexOf("WEST")).toBeLessThan(list.indexOf("W-1"));
    expect(list.indexOf("W-1")).toBeLessThan(list.indexOf("W-1-T"));
    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, action: "unit.created", entityId: team.id },
    });
    expect(audit).not.toBeNull();
  });

  it("refuses a duplicate code (409), an unknown or foreign parent (400 naming parentId)", async () => {
    const admin = A.ctx("admin");
    await expect(createUnit(admin, { code: "WEST", name: "Again" })).rejects.toBeInstanceOf(ConflictError);
    const foreignParent = await db.unit.findFirstOrThrow({ where: { orgId: B.orgId } });
    expect(await problems(createUnit(admin, { code: "X", name: "X", parentId: foreignParent.id }))).toHaveProperty(
      "parentId",
    );
    // the same code in another organization is fine
    await expect(createUnit(B.ctx("admin"), { code: "WEST", name: "B's West" })).resolves.toMatchObject({
      code: "WEST",
    });
  });

  it("renames without touching the tree, audited with what changed", async () => {
    const admin = A.ctx("admin");
    const unit = await createUnit(admin, { code: "RN", name: "Old name" });
    const renamed = await updateUnit(admin, unit.id, { name: "New name", kind: "area" });
    expect(renamed).toMatchObject({ name: "New name", kind: "area", code: "RN", depth: 0 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: A.orgId, action: "unit.updated", entityId: unit.id },
    });
    expect(audit.data).toMatchObject({ changed: ["name", "kind"] });
  });

  it("moves a subtree, rewriting paths and depths, and refuses a cycle", async () => {
    const admin = A.ctx("admin");
    const r1 = await createUnit(admin, { code: "MV-R1", name: "R1" });
    const r2 = await createUnit(admin, { code: "MV-R2", name: "R2" });
    const s = await createUnit(admin, { code: "MV-S", name: "S", parentId: r1.id });
    const t = await createUnit(admin, { code: "MV-T", name: "T", parentId: s.id });
    // cycle: R1 under its own grandchild, or under itself
    expect(await problems(moveUnit(admin, r1.id, { parentId: t.id }))).toHaveProperty("parentId");
    expect(await problems(moveUnit(admin, r1.id, { parentId: r1.id }))).toHaveProperty("parentId");
    const moved = await moveUnit(admin, s.id, { parentId: r2.id });
    expect(moved).toMatchObject({ parentId: r2.id, depth: 1, ancestorIds: [r2.id] });
    expect(await getUnit(admin, t.id)).toMatchObject({ depth: 2, ancestorIds: [r2.id, s.id] });
    expect((await db.unit.findUniqueOrThrow({ where: { id: t.id } })).path).toBe(`/${r2.id}/${s.id}/${t.id}/`);
    // to the top level
    const top = await moveUnit(admin, s.id, { parentId: null });
    expect(top).toMatchObject({ parentId: null, depth: 0, ancestorIds: [] });
    expect(await getUnit(admin, t.id)).toMatchObject({ depth: 1, ancestorIds: [s.id] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: A.orgId, action: "unit.moved", entityId: s.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.data).toMatchObject({ fromParentId: r1.id, toParentId: r2.id, units: 2 });
  });

  it("archives a unit with its subtree, keeps their rows, and restores one unit whose parent is active", async () => {
    const admin = A.ctx("admin");
    const r = await createUnit(admin, { code: "AR-R", name: "Closing region" });
    const s = await createUnit(admin, { code: "AR-S", name: "Closing store", parentId: r.id });
    const response = await db.response.update({ where: { id: A.ids.response }, data: { unitId: s.id } });
    expect((await archiveUnit(admin, r.id)).archived).toBe(true);
    expect((await getUnit(admin, s.id)).archived).toBe(true);
    expect((await db.response.findUniqueOrThrow({ where: { id: response.id } })).unitId).toBe(s.id);
    // an archived unit takes no children and no moved units
    expect(await problems(createUnit(admin, { code: "AR-X", name: "X", parentId: s.id }))).toHaveProperty("parentId");
    // the store cannot come back while its region is archived
    expect(await problems(restoreUnit(admin, s.id))).toHaveProperty("id");
    expect((await restoreUnit(admin, r.id)).archived).toBe(false);
    expect((await getUnit(admin, s.id)).archived).toBe(true);
    expect((await restoreUnit(admin, s.id)).archived).toBe(false);
    await db.response.update({ where: { id: A.ids.response }, data: { unitId: null } });
  });

  it("another organization's unit is a NotFoundError for every operation", async () => {
    const admin = A.ctx("admin");
    const foreign = B.ids.unit;
    const before = await db.unit.findUniqueOrThrow({ where: { id: foreign } });
    await expect(getUnit(admin, foreign)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateUnit(admin, foreign, { name: "Taken" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(moveUnit(admin, foreign, { parentId: null })).rejects.toBeInstanceOf(NotFoundError);
    await expect(archiveUnit(admin, foreign)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreUnit(admin, foreign)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.unit.findUniqueOrThrow({ where: { id: foreign } })).toEqual(before);
  });
});

describe("CSV import and export", () => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg("units-csv");
  });

  it("imports a tree with parents named later in the file, then exports it so that it re-imports unchanged", async () => {
    const admin = org.ctx("admin");
    const file = [
      "code,name,kind,parentCode,archived",
      "S-10,Store 10,store,EAST,",
      "EAST,East,region,,",
      "S-10-T,Team 10,team,S-10,false",
      "S-1,Store 1 (renamed),store,EAST,", // moves the factory's store from NORTH to EAST
    ].join("\n");
    expect(await importUnitsCsv(admin, csv(file))).toEqual({ rows: 4, created: 3, updated: 1, unchanged: 0 });
    const units = await listUnits(admin);
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get("S-10-T")).toMatchObject({
      depth: 2,
      ancestorIds: [byCode.get("EAST")!.id, byCode.get("S-10")!.id],
    });
    expect(byCode.get("S-1")).toMatchObject({ name: "Store 1 (renamed)", parentId: byCode.get("EAST")!.id });
    const exported = await exportUnitsCsv(admin);
    expect(exported.split("\n")[0]).toBe("code,name,kind,parentCode,archived");
    expect(exported).toContain("S-10-T,Team 10,team,S-10,false");
    expect(await importUnitsCsv(admin, csv(exported))).toMatchObject({ created: 0, updated: 0 });
    expect((await listUnits(admin)).map((u) => u.code)).toEqual(units.map((u) => u.code));
  });

  it("is all or nothing: each bad row and field is named and nothing is written", async () => {
    const admin = org.ctx("admin");
    const before = await db.unit.findMany({ where: { orgId: org.orgId }, orderBy: { id: "asc" } });
    const file = [
      "code,name,parentCode,archived",
      "OK-1,Fine,EAST,", // row 2 is good but must not be saved
      "bad code,Name,,", // row 3
      "OK-2,,EAST,", // row 4: no name
      "OK-3,Orphan,NOWHERE,", // row 5: unknown parent
      "OK-1,Twice,,", // row 6: duplicate code
      "OK-4,Flag,,maybe", // row 7: archived not a boolean
    ].join("\n");
    const found = await problems(importUnitsCsv(admin, csv(file)));
    expect(Object.keys(found)).toEqual(["rows[3].code", "rows[4].name", "rows[6].code", "rows[7].archived"]);
    // the parent check runs once every row reads well
    const parents = await problems(importUnitsCsv(admin, csv("code,name,parentCode\nOK-3,Orphan,NOWHERE\n")));
    expect(parents).toEqual({ "rows[2].parentCode": "No unit with this code in the organization or the file" });
    expect(await db.unit.findMany({ where: { orgId: org.orgId }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("refuses cycles, active units under archived ones and a missing header column", async () => {
    const admin = org.ctx("admin");
    // EAST under its own store S-10 closes a cycle
    expect(await problems(importUnitsCsv(admin, csv("code,name,parentCode\nEAST,East,S-10\n")))).toHaveProperty(
      "rows[2].parentCode",
    );
    // archiving EAST alone leaves its stores active below it
    expect(await problems(importUnitsCsv(admin, csv("code,name,archived\nEAST,East,true\n")))).toHaveProperty(
      "rows[2].archived",
    );
    expect(await problems(importUnitsCsv(admin, csv("name,kind\nX,store\n")))).toHaveProperty("header");
  });
});

describe("over HTTP", () => {
  it("every role reads the tree; only admins edit; another organization's unit is a 404", async () => {
    const list = await http("GET", "/api/v1/units", { key: A.keys.viewer });
    expect(list.status).toBe(200);
    expect(list.body.map((u: { id: string }) => u.id)).toContain(A.ids.unit);
    expect(JSON.stringify(list.body)).not.toContain(B.ids.unit);
    const refused = await http("POST", "/api/v1/units", { key: A.keys.manager, body: { code: "M", name: "M" } });
    expect(refused.status).toBe(403);
    const made = await http("POST", "/api/v1/units", { key: A.keys.admin, body: { code: "HTTP-1", name: "Via HTTP" } });
    expect(made.status).toBe(201);
    const cycle = await http("POST", `/api/v1/units/${made.body.id}/move`, {
      key: A.keys.admin,
      body: { parentId: made.body.id },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.contentType).toContain("application/problem+json");
    expect(cycle.body.invalid_params[0].name).toBe("parentId");
    const foreign = await http("POST", `/api/v1/units/${made.body.id}/move`, {
      key: A.keys.admin,
      body: { parentId: B.ids.unit },
    });
    expect(foreign.status).toBe(400); // a foreign parent is "no such unit", never B's data
    expect(JSON.stringify(foreign.body)).not.toContain(B.ids.unit);
    expect((await http("GET", `/api/v1/units/${B.ids.unit}`, { key: A.keys.admin })).status).toBe(404);
  });

  it("imports a CSV body (problem+json naming rows on failure) and exports CSV", async () => {
    const bad = await http("POST", "/api/v1/units/import", {
      key: A.keys.admin,
      rawBody: "code,name,parentCode\nIMP-1,Imported,NOPE\n",
      headers: { "content-type": "text/csv" },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(bad.body.invalid_params).toEqual([
      { name: "rows[2].parentCode", reason: "No unit with this code in the organization or the file", in: "body" },
    ]);
    const good = await http("POST", "/api/v1/units/import", {
      key: A.keys.admin,
      rawBody: "code,name,parentCode\nIMP-1,Imported,NORTH\n",
      headers: { "content-type": "text/csv" },
    });
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0 });
    const exported = await http("GET", "/api/v1/units/export", { key: A.keys.viewer });
    expect(exported.status).toBe(200);
    expect(exported.contentType).toContain("text/csv");
    expect(exported.body).toContain("IMP-1,Imported,,NORTH,false");
    expect(exported.body).not.toContain("units-b");
  });
});
