// Finding a customer in two keystrokes: prefix search on name words, e-mail and external id, case- and
// accent-insensitive, identical on SQLite and PostgreSQL, never across organizations.
import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, searchCustomers, updateCustomer } from "@/lib/customers/service";
import { createOrg, TEST_PASSWORD, uid, type Org } from "../factories";
import { http, signIn } from "./http";
import { callServerAction } from "./server-actions";

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

describe("creating a customer whose name is taken", () => {
  it("is refused with 409 same-name (case and accents aside) unless allowSameName; another organization's names do not count", async () => {
    const refused = await http("POST", "/api/v1/customers", { key: A.keys.agent, body: { name: "zoe  ANGSTROM" } });
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain("application/problem+json");
    expect(refused.body).toMatchObject({
      type: "urn:resonance:problem:same-name",
      invalid_params: [{ name: "name", reason: "1 customer is already called “zoe  ANGSTROM”.", in: "body" }],
    });
    expect(names(await searchCustomers(A.ctx("viewer"), "zoe"))).toEqual(["Zoë Ångström"]);

    const allowed = await http("POST", "/api/v1/customers", {
      key: A.keys.agent,
      body: { name: "Zoë Ångström", allowSameName: true },
    });
    expect(allowed.status).toBe(201);
    const twice = await http("POST", "/api/v1/customers", { key: A.keys.agent, body: { name: "Zoë Ångström" } });
    expect(twice.status).toBe(409);
    expect(twice.body.invalid_params[0].reason).toBe("2 customers are already called “Zoë Ångström”.");

    // A create that says who the person is (an e-mail, phone or external id) is no accidental second entry.
    const identified = await http("POST", "/api/v1/customers", {
      key: A.keys.agent,
      body: { name: "Zoë Ångström", email: "zoe.two@example.test" },
    });
    expect(identified.status).toBe(201);
    // A name that only matches a word, an e-mail or another organization's customer is free.
    expect((await http("POST", "/api/v1/customers", { key: A.keys.agent, body: { name: "Noah" } })).status).toBe(201);
    const ext = await http("POST", "/api/v1/customers", { key: A.keys.agent, body: { name: "CRM-1001" } });
    expect(ext.status).toBe(201);
    expect(
      (await http("POST", "/api/v1/customers", { key: B.keys.agent, body: { name: "Ada Lovelace" } })).status,
    ).toBe(201);
  });

  it("the Add-customer form's server action adds nothing and lists the namesakes, then adds with allowSameName=1", async () => {
    const cookie = await signIn(A.users.agent.email, TEST_PASSWORD);
    const action = { file: "app/_actions/customers.ts", name: "createCustomerAction" } as const;
    const first = await callServerAction(action, { cookie: cookie!, form: { name: "Ada Lovelace" } });
    expect(first.status).toBe(200);
    expect(first.text).toContain("1 customer is already called “Ada Lovelace”.");
    expect(first.text).toContain("countess@example.test");
    expect(names(await searchCustomers(A.ctx("viewer"), "lovelace"))).toEqual(["Ada Lovelace"]);
    const confirmed = await callServerAction(action, {
      cookie: cookie!,
      form: { name: "Ada Lovelace", allowSameName: "1" },
    });
    expect(confirmed.status).toBe(200);
    expect(names(await searchCustomers(A.ctx("viewer"), "lovelace"))).toEqual(["Ada Lovelace", "Ada Lovelace"]);
  });
});
