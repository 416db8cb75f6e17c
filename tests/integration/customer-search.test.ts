// Finding a customer in two keystrokes: prefix search on name words, e-mail and external id, case- and
// accent-insensitive, identical on SQLite and PostgreSQL, never across organizations.
import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, searchCustomers, updateCustomer } from "@/lib/customers/service";
import { createOrg, uid, type Org } from "../factories";
import { http } from "./http";

let A: Org;
let B: Org;
const names = (rows: Array<{ name: string | null }>) => rows.map((r) => r.name).sort();

beforeAll(async () => {
  [A, B] = [await createOrg("search-a"), await createOrg("search-b")];
  const agent = A.ctx("agent");
  await createCustomer(agent, { name: "Zoë Ångström", email: "zoe@example.test" });
  await createCustomer(agent, { name: "Noah Clark", email: "noah.clark@example.test", externalId: "CRM-1001" });
  await createCustomer(agent, { name: "Noah Clarke-Hill", externalId: "CRM-1002" });
  await createCustomer(agent, { name: "Ada Lovelace", email: "countess@example.test" });
  await createCustomer(B.ctx("agent"), { name: "Noah Other", email: "noah@other.test" });
});

describe("customer search", () => {
  it("finds by the first two letters of any name word, ignoring case and accents", async () => {
    expect(names(await searchCustomers(A.ctx("viewer"), "AN"))).toEqual(["Zoë Ångström"]);
    expect(names(await searchCustomers(A.ctx("viewer"), "cl"))).toEqual(["Noah Clark", "Noah Clarke-Hill"]);
    expect(names(await searchCustomers(A.ctx("viewer"), "hi"))).toEqual(["Noah Clarke-Hill"]);
    expect(names(await searchCustomers(A.ctx("viewer"), "clarke"))).toEqual(["Noah Clarke-Hill"]);
  });

  it("finds by full-name prefix, e-mail, e-mail local part and external id", async () => {
    expect(names(await searchCustomers(A.ctx("viewer"), "noah cl"))).toEqual(["Noah Clark", "Noah Clarke-Hill"]);
    expect(names(await searchCustomers(A.ctx("viewer"), "countess@ex"))).toEqual(["Ada Lovelace"]);
    expect(names(await searchCustomers(A.ctx("viewer"), "noah.c"))).toEqual(["Noah Clark"]);
    expect(names(await searchCustomers(A.ctx("viewer"), "crm-100"))).toEqual(["Noah Clark", "Noah Clarke-Hill"]);
  });

  it("needs two characters, treats wildcards literally, and never crosses organizations", async () => {
    expect(await searchCustomers(A.ctx("viewer"), "n")).toEqual([]);
    expect(await searchCustomers(A.ctx("viewer"), "no%h")).toEqual([]);
    expect(await searchCustomers(A.ctx("viewer"), "no_h")).toEqual([]);
    expect(names(await searchCustomers(A.ctx("viewer"), "noah"))).not.toContain("Noah Other");
    expect(names(await searchCustomers(B.ctx("viewer"), "noah"))).toEqual(["Noah Other"]);
  });

  it("follows renames", async () => {
    const c = await createCustomer(A.ctx("agent"), { name: `Temp Person ${uid()}` });
    expect((await searchCustomers(A.ctx("viewer"), "temp")).map((r) => r.id)).toContain(c.id);
    await updateCustomer(A.ctx("agent"), c.id, { name: "Renamed Quinn" });
    expect((await searchCustomers(A.ctx("viewer"), "temp")).map((r) => r.id)).not.toContain(c.id);
    expect((await searchCustomers(A.ctx("viewer"), "qui")).map((r) => r.id)).toEqual([c.id]);
  });

  it("is what GET /api/v1/customers?q= answers", async () => {
    const res = await http("GET", "/api/v1/customers?q=No&limit=5", { key: A.keys.viewer });
    expect(res.status).toBe(200);
    expect(names(res.body.data)).toEqual(["Noah Clark", "Noah Clarke-Hill"]);
  });
});
