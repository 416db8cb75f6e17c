// The customer export over many pages, over real HTTP on SQLite and PostgreSQL: 10,500 customers with their tags,
// more than ten of the export's 1,000-customer pages with a partial last one (the demo organization's export used
// to answer 200 with an empty body: Prisma refused the IN list of a page's customer ids for their tags, P2029;
// one full page was enough to fail), and a failure after the 200 went out must never look like a
// finished file: the body is cut off (no terminating chunk), so reading it fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { insertBatches, newId } from "@/lib/db-bulk";
import { CUSTOMER_FIELDS } from "@/lib/import/mapping";
import { createOrg, type Org } from "../factories";
import { baseURL } from "./http";

const N = 10_500;
let A: Org;

beforeAll(async () => {
  A = await createOrg("export-large");
  const now = new Date();
  const customers = Array.from({ length: N }, (_, i) => ({
    id: newId(),
    orgId: A.orgId,
    externalId: `BULK-${String(i).padStart(6, "0")}`,
    name: `Customer ${i}`,
    email: `c${i}@bulk.example`,
    attributes: i % 10 === 0 ? { plan: "pro" } : null,
    consent: i % 3 === 0 ? true : null,
    createdAt: now,
    updatedAt: now,
  }));
  // Every customer one tag, every seventh a second: the tags of a page are as many as its customers or more.
  const tags = customers.flatMap((c, i) => [
    { id: newId(), orgId: A.orgId, customerId: c.id, tag: i % 2 ? "odd" : "even" },
    ...(i % 7 === 0 ? [{ id: newId(), orgId: A.orgId, customerId: c.id, tag: "seventh" }] : []),
  ]);
  await db.$transaction(
    async (tx) => {
      await insertBatches(tx, "Customer", "customers", customers);
      await insertBatches(tx, "CustomerTag", "tags", tags);
    },
    { timeout: 300_000 },
  );
}, 300_000);

afterAll(async () => {
  await db.organization.delete({ where: { id: A.orgId } }); // cascades: the next files' queries stay small
}, 120_000);

const exportUrl = () => `${baseURL()}/api/v1/exports/customers`;

describe("customer export at scale", () => {
  it("exports 10,500 customers with their tags, page after page, the whole file", async () => {
    const res = await fetch(exportUrl(), { headers: { authorization: `Bearer ${A.keys.viewer}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const rows = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBe(N + 1); // and the factory's own customer
    expect(Object.keys(rows[0])).toEqual([...CUSTOMER_FIELDS, "attributes.plan"]);
    const byExternal = new Map(rows.map((r) => [r.externalId, r]));
    expect(byExternal.get("BULK-000000")).toMatchObject({
      name: "Customer 0",
      tags: "even; seventh",
      consent: "yes",
      "attributes.plan": "pro",
    });
    expect(byExternal.get("BULK-000001")).toMatchObject({ tags: "odd", consent: "", "attributes.plan": "" });
    expect(byExternal.get("BULK-010499")).toMatchObject({ email: "c10499@bulk.example", tags: "odd" });
    expect(rows.filter((r) => r.tags.includes("seventh")).length).toBe(Math.ceil(N / 7));
    expect(rows.filter((r) => r.tags !== "").length).toBe(N);
  }, 240_000);

  // Each export's first page reads a table nothing before the 200 reads (the customer export's attribute pass
  // reads customers, not tags): it disappears in between, the failure every streamed export must report by
  // breaking the transfer rather than ending the file.
  it.each([
    ["customers", "CustomerTag"],
    ["interactions", "Interaction"],
    ["responses", "Response"],
  ])(
    "/exports/%s: a failure after the headers went out cuts the body off, so no reader takes it for the whole file",
    async (kind, table) => {
      const url = `${baseURL()}/api/v1/exports/${kind}`;
      const headers = { authorization: `Bearer ${A.keys.viewer}` };
      await db.$executeRawUnsafe(`ALTER TABLE "${table}" RENAME TO "${table}_away"`);
      let status = 0;
      let outcome: "complete" | "broken";
      try {
        const res = await fetch(url, { headers });
        status = res.status;
        await res.text();
        outcome = "complete";
      } catch {
        outcome = "broken"; // "terminated": the response never ended properly
      } finally {
        await db.$executeRawUnsafe(`ALTER TABLE "${table}_away" RENAME TO "${table}"`);
      }
      expect(status).toBe(200); // the headers were out when it failed
      expect(outcome).toBe("broken");

      // The same export works again once the database does.
      const again = await fetch(url, { headers });
      expect(again.status).toBe(200);
      expect((await again.text()).trim().split("\n").length).toBeGreaterThan(1);
    },
    240_000,
  );
});
