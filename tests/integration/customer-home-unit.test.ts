// A customer's home unit where people set it (docs/hierarchy.md, "A customer's home unit"): the Add-customer form and
// the Home unit form of the customer's page (server actions over real HTTP, as the browser sends them), and the
// customer CSV import's `unit` column naming the unit by code; the customer export writes the code back.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { http, renderedHtml, signIn } from "./http";
import { callServerAction } from "./server-actions";
import { postCsv, problemRows } from "./import-client";
import { createScopeFixture, type ScopeFixture } from "./scope/fixture";
import { createOrg, TEST_PASSWORD, uid } from "../factories";

let f: ScopeFixture;
let archived: { id: string; code: string };
let adminCookie: string;
beforeAll(async () => {
  f = await createScopeFixture("home");
  const u = await db.unit.create({
    data: {
      orgId: f.orgId,
      code: "S9",
      name: "Closed store",
      kind: "store",
      path: "/",
      depth: 0,
      archivedAt: new Date(),
    },
  });
  await db.unit.update({ where: { id: u.id }, data: { path: `/${u.id}/` } });
  archived = { id: u.id, code: u.code };
  adminCookie = f.orgAdminCookie;
});

const CREATE = { file: "app/_actions/customers.ts", name: "createCustomerAction" } as const;
const HOME = { file: "app/_actions/customers.ts", name: "setHomeUnitAction" } as const;

describe("the Home unit field", () => {
  it("is offered with every active unit and none to an organization-wide member; archived units are not offered", async () => {
    const res = await http("GET", "/customers", { cookie: adminCookie });
    const html = String(res.body);
    expect(html).toContain("Home unit");
    expect(html).toContain("No home unit");
    for (const id of Object.values(f.units)) expect(html).toContain(`value="${id}"`);
    expect(html).not.toContain(`value="${archived.id}"`);
  });

  it("is not shown in an organization without active units", async () => {
    const plain = await createOrg("no-units");
    await db.unit.updateMany({ where: { orgId: plain.orgId }, data: { archivedAt: new Date() } });
    const cookie = (await signIn(plain.users.admin.email, TEST_PASSWORD))!;
    const html = String((await http("GET", "/customers", { cookie })).body);
    expect(html.includes("Add customer")).toBe(true);
    expect(renderedHtml(html).includes("Home unit")).toBe(false);
  });

  it("adds a customer with the chosen unit or none; an archived unit is refused next to the field", async () => {
    const email = `form-${uid()}@example.test`;
    const withUnit = await callServerAction(CREATE, {
      cookie: adminCookie,
      form: { name: "Form customer", email, unitId: f.units.S2 },
    });
    expect(withUnit.text).toContain('"ok":true');
    expect((await db.customer.findFirstOrThrow({ where: { orgId: f.orgId, email } })).unitId).toBe(f.units.S2);
    const bare = `bare-${uid()}@example.test`;
    await callServerAction(CREATE, { cookie: adminCookie, form: { name: "Form customer 2", email: bare, unitId: "" } });
    expect((await db.customer.findFirstOrThrow({ where: { orgId: f.orgId, email: bare } })).unitId).toBeNull();
    const refused = await callServerAction(CREATE, {
      cookie: adminCookie,
      form: { name: "Form customer 3", email: `x-${uid()}@example.test`, unitId: archived.id },
    });
    expect(refused.text).toMatch(/"fieldErrors":\{"unitId":"This unit is archived; restore it or choose another"\}/);
  });

  it("moves a customer's home on their page, and back to none", async () => {
    const c = await db.customer.create({ data: { orgId: f.orgId, name: "Mover", unitId: f.units.S1 } });
    const page = String((await http("GET", `/customers/${c.id}`, { cookie: adminCookie })).body);
    expect(page).toContain("Save home unit");
    const moved = await callServerAction(
      { ...HOME, bound: [c.id] },
      { cookie: adminCookie, form: { unitId: f.units.S3 } },
    );
    expect(moved.text).toContain('"ok":true');
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.id } })).unitId).toBe(f.units.S3);
    const audit = await db.auditEvent.findFirst({
      where: { orgId: f.orgId, action: "customer.updated", entityId: c.id },
    });
    expect(audit).not.toBeNull();
    await callServerAction({ ...HOME, bound: [c.id] }, { cookie: adminCookie, form: { unitId: "" } });
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.id } })).unitId).toBeNull();
    const toArchived = await callServerAction(
      { ...HOME, bound: [c.id] },
      { cookie: adminCookie, form: { unitId: archived.id } },
    );
    expect(toArchived.text).toMatch(/"fieldErrors":\{"unitId":/);
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.id } })).unitId).toBeNull();
  });
});

describe("the customer CSV import's unit column", () => {
  const path = "/api/v1/imports/customers";

  it("all or nothing: an unknown or archived code is that row's error naming the column, and nothing is written", async () => {
    const tag = uid();
    const csv = [
      "externalId,name,unit",
      `U1-${tag},Unit one,S1`,
      `U2-${tag},Unit two,NOPE`,
      `U3-${tag},Unit three,${archived.code}`,
      `U4-${tag},Unit four,`,
    ].join("\n");
    const r = await postCsv(path, f.org.keys.admin, csv);
    expect(r.status).toBe(200);
    expect(problemRows(r.result)).toEqual(["3:unit", "4:unit"]);
    expect(r.result.problems.find((p: { row: number }) => p.row === 3).reason).toBe(
      'No unit with the code "NOPE" in this organization',
    );
    expect(r.result.problems.find((p: { row: number }) => p.row === 4).reason).toBe(
      'The unit "S9" is archived; restore it or name another',
    );
    expect(r.result.inserted).toBe(0);
    expect(await db.customer.count({ where: { orgId: f.orgId, externalId: { startsWith: "U", endsWith: tag } } })).toBe(
      0,
    );
  });

  it("skip bad rows: good rows get their home unit by code, an empty cell none; update sets it, an empty cell keeps it", async () => {
    const tag = uid();
    const csv = [
      "External ID,Name,Home unit",
      `A-${tag},Alpha,S1`,
      `B-${tag},Bravo,`,
      `C-${tag},Charlie,R2`,
      `D-${tag},Delta,s1`, // codes are exact: "s1" is no unit
    ].join("\n");
    const r = await postCsv(path, f.org.keys.admin, csv, { mode: "skip_bad_rows" });
    expect(r.result.inserted).toBe(3);
    expect(problemRows(r.result)).toEqual(["5:unit"]);
    const unitOf = async (ext: string) =>
      (await db.customer.findFirstOrThrow({ where: { orgId: f.orgId, externalId: ext } })).unitId;
    expect(await unitOf(`A-${tag}`)).toBe(f.units.S1);
    expect(await unitOf(`B-${tag}`)).toBeNull();
    expect(await unitOf(`C-${tag}`)).toBe(f.units.R2);

    const update = ["externalId,name,unit", `A-${tag},Alpha,`, `B-${tag},Bravo,S3`].join("\n");
    const u = await postCsv(path, f.org.keys.admin, update, { onExisting: "update" });
    expect(u.result.updated).toBe(2);
    expect(await unitOf(`A-${tag}`)).toBe(f.units.S1);
    expect(await unitOf(`B-${tag}`)).toBe(f.units.S3);

    // The export writes the code back in the unit column, so an export re-imports with the same homes.
    const exported = String((await http("GET", "/api/v1/exports/customers", { key: f.org.keys.viewer })).body);
    const lines = exported.trim().split(/\r?\n/);
    expect(lines[0].split(",").slice(0, 7)).toEqual([
      "externalId",
      "name",
      "email",
      "phone",
      "tags",
      "consent",
      "unit",
    ]);
    expect(lines.find((l) => l.startsWith(`A-${tag},`))).toBe(`A-${tag},Alpha,,,,,S1`);
    expect(lines.find((l) => l.startsWith(`C-${tag},`))).toBe(`C-${tag},Charlie,,,,,R2`);
  });

  it("stays an organization-wide operation: a unit-scoped manager is refused", async () => {
    const r = await postCsv(path, f.callers.s1Manager.key, "name,unit\nSneaky,S2\n");
    expect(r.status).toBe(403);
    expect(await db.customer.count({ where: { orgId: f.orgId, name: "Sneaky" } })).toBe(0);
  });
});
