// Customer CSV import and export over real HTTP: modes, duplicates, existing customers, a 20,000-row streamed
// file, export → re-import round trip, tenancy. Runs on SQLite and PostgreSQL like the rest of the suite.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchCustomers } from "@/lib/customers/service";
import { createCustomer } from "@/lib/customers/service";
import { createOrg, uid, type Org } from "../factories";
import { baseURL, http } from "./http";
import { postCsv, problemRows, type Line } from "./import-client";

let A: Org;
let B: Org;

beforeAll(async () => {
  [A, B] = [await createOrg("import-a"), await createOrg("import-b")];
});

const importCsv = (key: string, body: BodyInit, query: Record<string, string> = {}) =>
  postCsv("/api/v1/imports/customers", key, body, query);

const countIn = (org: Org, externalIds: string[]) =>
  db.customer.count({ where: { orgId: org.orgId, externalId: { in: externalIds } } });

function mixedFile(p: string) {
  return [
    "id,name,email,tags,consent,plan",
    `${p}-1,Quinta Import,quinta@example.test,vip;b2b,yes,pro`,
    `${p}-2,,no-name@example.test,,,`, // row 3: name missing
    `${p}-3,Rafe Import,not-an-email,,,`, // row 4: bad e-mail
    `${p}-4,Sol Import,,,maybe,`, // row 5: bad consent
    `${p}-1,Quinta Again,,,,`, // row 6: duplicate externalId in the file
    `${p}-6,Tova Import,tova@example.test,,no,basic`,
  ].join("\n");
}
const mapping = JSON.stringify({
  id: "externalId",
  name: "name",
  email: "email",
  tags: "tags",
  consent: "consent",
  plan: "attributes.plan",
});
const ids = (p: string) => [1, 2, 3, 4, 6].map((i) => `${p}-${i}`);

describe("customer import", () => {
  it("all_or_nothing stores nothing and reports every bad row with its number and field", async () => {
    const p = `AON-${uid()}`;
    const r = await importCsv(A.keys.manager, mixedFile(p), { mode: "all_or_nothing", mapping });
    expect(r.status).toBe(200);
    expect(r.contentType).toContain("application/x-ndjson");
    expect(r.result).toMatchObject({ done: true, inserted: 0, updated: 0, skipped: 0, invalid: 4, rows: 6 });
    expect(problemRows(r.result)).toEqual(["3:name", "4:email", "5:consent", "6:externalId"]);
    expect(await countIn(A, ids(p))).toBe(0);
  });

  it("skip_bad_rows stores exactly the good rows, with search tokens, tags and an audit event", async () => {
    const p = `SBR-${uid()}`;
    const r = await importCsv(A.keys.manager, mixedFile(p), { mode: "skip_bad_rows", mapping });
    expect(r.result).toMatchObject({ done: true, inserted: 2, invalid: 4 });
    expect(problemRows(r.result)).toEqual(["3:name", "4:email", "5:consent", "6:externalId"]);
    const stored = await db.customer.findMany({
      where: { orgId: A.orgId, externalId: { in: ids(p) } },
      include: { tags: true },
      orderBy: { externalId: "asc" },
    });
    expect(stored.map((c) => [c.externalId, c.name, c.email, c.consent, c.attributes])).toEqual([
      [`${p}-1`, "Quinta Import", "quinta@example.test", true, { plan: "pro" }],
      [`${p}-6`, "Tova Import", "tova@example.test", false, { plan: "basic" }],
    ]);
    expect(stored[0].tags.map((t) => t.tag).sort()).toEqual(["b2b", "vip"]);
    expect((await searchCustomers(A.ctx("viewer"), "quinta")).map((c) => c.externalId)).toEqual([`${p}-1`]);
    expect((await searchCustomers(A.ctx("viewer"), p.toLowerCase())).length).toBe(2);
    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, action: "customers.imported" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.data).toMatchObject({ mode: "skip_bad_rows", inserted: 2, invalid: 4 });
  });

  it("onExisting: skip leaves existing customers alone, update overwrites them and their search tokens", async () => {
    const ext = `EX-${uid()}`;
    const existing = await createCustomer(A.ctx("agent"), {
      externalId: ext,
      name: "Old Name",
      email: "old@example.test",
      tags: ["old"],
    });
    const file = `externalId,name,tags\n${ext},Ulla Updated,new\nEX-NEW-${ext},Vera New,`;
    const skip = await importCsv(A.keys.manager, file, { mode: "skip_bad_rows" });
    expect(skip.result).toMatchObject({ inserted: 1, skipped: 1, updated: 0 });
    expect((await db.customer.findUnique({ where: { id: existing.id } }))?.name).toBe("Old Name");

    const update = await importCsv(A.keys.manager, file, { mode: "all_or_nothing", onExisting: "update" });
    expect(update.result).toMatchObject({ inserted: 0, skipped: 0, updated: 2 });
    const after = await db.customer.findUnique({ where: { id: existing.id }, include: { tags: true } });
    expect([after?.name, after?.email, after?.tags.map((t) => t.tag)]).toEqual([
      "Ulla Updated",
      "old@example.test",
      ["new"],
    ]);
    expect((await searchCustomers(A.ctx("viewer"), "ulla")).map((c) => c.id)).toEqual([existing.id]);
    expect((await searchCustomers(A.ctx("viewer"), "old name")).map((c) => c.id)).not.toContain(existing.id);
  });

  it("never touches another organization's customer with the same externalId", async () => {
    const ext = `SHARED-${uid()}`;
    const theirs = await createCustomer(B.ctx("agent"), { externalId: ext, name: "Bea Theirs" });
    const r = await importCsv(A.keys.manager, `externalId,name\n${ext},Ann Ours`, {
      mode: "skip_bad_rows",
      onExisting: "update",
    });
    expect(r.result).toMatchObject({ inserted: 1, updated: 0 });
    expect((await db.customer.findUnique({ where: { id: theirs.id } }))?.name).toBe("Bea Theirs");
    expect(await db.customer.count({ where: { externalId: ext } })).toBe(2);
  });

  it("imports a 20,000-row file sent as a stream", async () => {
    const org = await createOrg("import-big");
    const N = 20_000;
    let i = 0;
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i === 0) controller.enqueue(enc.encode("externalId,name,email,tags,consent,region\n"));
        const lines: string[] = [];
        for (let k = 0; k < 500 && i < N; k++, i++)
          lines.push(`B-${i},Bulk Person ${i},bulk${i}@example.test,bulk,${i % 2 ? "yes" : ""},r${i % 7}`);
        controller.enqueue(enc.encode(lines.join("\n") + "\n"));
        if (i >= N) controller.close();
      },
    });
    const r = await importCsv(org.keys.manager, body, { mode: "skip_bad_rows" });
    const progress = r.lines.filter((l) => !l.done);
    expect(progress.length).toBeGreaterThanOrEqual(19);
    expect(progress.at(-1)).toMatchObject({ processed: N, valid: N, invalid: 0 });
    expect(r.result).toMatchObject({ done: true, inserted: N, invalid: 0 });
    expect(await db.customer.count({ where: { orgId: org.orgId, externalId: { startsWith: "B-" } } })).toBe(N);
    expect(await db.customerTag.count({ where: { orgId: org.orgId, tag: "bulk" } })).toBe(N);
    expect((await searchCustomers(org.ctx("viewer"), "B-19999")).map((c) => c.name)).toEqual(["Bulk Person 19999"]);
  }, 180_000);

  it("answers problem+json before streaming: bad mapping names the field, JSON bodies are refused", async () => {
    const bad = await importCsv(A.keys.manager, "name,email\nA,a@x.test", {
      mapping: JSON.stringify({ name: "name", email: "e_mail" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.invalid_params.map((p: Line) => p.name)).toEqual(["mapping.email"]);
    const noName = await importCsv(A.keys.manager, "email\na@x.test");
    expect(noName.status).toBe(400);
    const json = await http("POST", "/api/v1/imports/customers", { key: A.keys.manager, body: { name: "x" } });
    expect(json.status).toBe(415);
    expect(json.contentType).toContain("application/problem+json");
    const agent = await importCsv(A.keys.agent, "name\nZed");
    expect(agent.status).toBe(403);
  });

  it("preview returns the header, the first 10 rows, the row count and a suggested mapping", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `P-${i},Pre ${i},pre${i}@example.test`);
    const res = await http("POST", "/api/v1/imports/customers/preview", {
      key: A.keys.manager,
      rawBody: ["Customer ID,Full Name,Email", ...rows].join("\r\n"),
      headers: { "content-type": "text/csv" },
    });
    expect(res.status).toBe(200);
    expect(res.body.header).toEqual(["Customer ID", "Full Name", "Email"]);
    expect(res.body.rows).toHaveLength(10);
    expect(res.body.rows[0]).toEqual(["P-0", "Pre 0", "pre0@example.test"]);
    expect(res.body.totalRows).toBe(25);
    expect(res.body.suggestedMapping).toEqual({ "Customer ID": "externalId", "Full Name": "name", Email: "email" });
    const form = new FormData();
    form.set("file", new Blob(["name\nOne\nTwo"], { type: "text/csv" }), "c.csv");
    const multi = await fetch(`${baseURL()}/api/v1/imports/customers/preview`, {
      method: "POST",
      headers: { authorization: `Bearer ${A.keys.manager}` },
      body: form,
    });
    expect(await multi.json()).toMatchObject({ header: ["name"], totalRows: 2 });
  });
});

describe("customer export", () => {
  it("re-imports into another organization as the same customers, and never contains another org's", async () => {
    const src = await createOrg("export-src");
    await createCustomer(src.ctx("agent"), {
      externalId: "R-1",
      name: "Round Trip, Jr.",
      email: "rt@example.test",
      phone: "+1 555",
      tags: ["vip", "b2b"],
      consent: true,
      attributes: { plan: "pro", note: 'says "hi"\nthen leaves' },
    });
    await createCustomer(src.ctx("agent"), {
      externalId: "R-2",
      name: "Zoë Ångström",
      consent: false,
      attributes: { region: "north" },
    });
    await createCustomer(B.ctx("agent"), { externalId: "R-FOREIGN", name: "Not Exported" });
    const res = await fetch(`${baseURL()}/api/v1/exports/customers`, {
      headers: { authorization: `Bearer ${src.keys.viewer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="customers-/);
    const csv = await res.text();
    expect(csv.split("\n")[0]).toBe(
      "externalId,name,email,phone,tags,consent,unit,attributes.note,attributes.plan,attributes.region",
    );
    expect(csv).not.toContain("Not Exported");
    expect(csv).not.toContain(B.ids.customer);
    // Like the interaction and response exports, a customer export is recorded in the audit trail.
    const audit = await db.auditEvent.findMany({ where: { orgId: src.orgId, action: "customers.exported" } });
    expect(audit.map((a) => [a.entityType, a.apiKeyId !== null])).toEqual([["Customer", true]]);

    const dest = await createOrg("export-dest");
    const r = await importCsv(dest.keys.manager, csv, { mode: "all_or_nothing" });
    expect(r.result).toMatchObject({ inserted: 3, invalid: 0 }); // the factory's customer + the two above
    const shape = async (org: Org, except?: string) =>
      (
        await db.customer.findMany({
          where: { orgId: org.orgId, ...(except ? { id: { not: except } } : {}) },
          include: { tags: { orderBy: { tag: "asc" } } },
          orderBy: { externalId: "asc" },
        })
      ).map((c) => ({
        externalId: c.externalId,
        name: c.name,
        email: c.email,
        phone: c.phone,
        consent: c.consent,
        attributes: c.attributes ?? {},
        tags: c.tags.map((t) => t.tag),
      }));
    expect(await shape(dest, dest.ids.customer)).toEqual(await shape(src)); // minus dest's own factory customer
  });
});
