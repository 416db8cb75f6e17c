// Benchmark: the customer list and search of a unit-scoped member (docs/hierarchy.md, "Customers in a scope") on
// 100,000 customers over 50 stores in 5 regions, with 300,000 responses, 100,000 interactions and 5,000 cases, each
// attributed mostly to the customer's home store (1 in 10 elsewhere: walk-ins). SQLite and PostgreSQL; prints p50/p99
// of listCustomers (first page of 25, and a page deep in the list) and searchCustomers for a store, a region and the
// whole organization and a store with 5 customers, and the query plans of the scoped list. Nothing is asserted.
//   npx tsx bench/customer-scope.ts [--customers=100000] [--runs=60] [--postgres=<admin url>] [--only=sqlite]
import { insertBatches, newId } from "../lib/db-bulk";
import { inChildPerDatabase } from "./lib/databases";
import { arg, fmt, timeIt } from "./lib/timing";
import { searchTokenRows } from "../lib/customers/search-tokens";
import { createRng } from "../lib/metrics/random";
import { FIRST_NAMES, LAST_NAMES } from "../lib/demo/text";

const N = Number(arg("customers", "100000"));
const RUNS = Number(arg("runs", "60"));
const REGIONS = 5;
const STORES_PER_REGION = 10;

async function run(label: string) {
  const { db, provider, optimizeDatabase } = await import("../lib/db");
  const { listCustomers, searchCustomers } = await import("../lib/customers/service");
  const rng = createRng(11);
  const now = new Date();
  const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${Date.now()}` } });
  const survey = await db.survey.create({
    data: { orgId: org.id, publicId: `bench-${Date.now()}`, name: "NPS", type: "nps" },
  });

  // The tree: 5 regions × 10 stores.
  const regions: Array<{ id: string; stores: string[] }> = [];
  const units: object[] = [];
  for (let r = 0; r < REGIONS; r++) {
    const rid = newId();
    units.push({
      id: rid,
      orgId: org.id,
      code: `R${r}`,
      name: `Region ${r}`,
      path: `/${rid}/`,
      depth: 0,
      createdAt: now,
      updatedAt: now,
    });
    const stores: string[] = [];
    for (let s = 0; s < STORES_PER_REGION; s++) {
      const sid = newId();
      stores.push(sid);
      units.push({
        id: sid,
        orgId: org.id,
        code: `R${r}S${s}`,
        name: `Store ${r}.${s}`,
        parentId: rid,
        path: `/${rid}/${sid}/`,
        depth: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
    regions.push({ id: rid, stores });
  }
  const allStores = regions.flatMap((r) => r.stores);
  // A store opened last week: 5 customers at home there, nothing else — its list must scan far for them.
  const tiny = newId();
  units.push({
    id: tiny,
    orgId: org.id,
    code: "NEW",
    name: "New store",
    path: `/${tiny}/`,
    depth: 0,
    createdAt: now,
    updatedAt: now,
  });

  const customers: Array<{ id: string; name: string; email: string; unitId: string | null }> = [];
  const rows = {
    customers: [] as object[],
    tokens: [] as object[],
    responses: [] as object[],
    interactions: [] as object[],
    cases: [] as object[],
  };
  for (let i = 0; i < N; i++) {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const home = i % Math.floor(N / 5) === 7 ? tiny : rng.next() < 0.85 ? rng.pick(allStores) : null; // 15 % online only
    const c = { id: newId(), name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${i}@example.com`, unitId: home };
    customers.push(c);
    const createdAt = new Date(now.getTime() - (N - i) * 60_000);
    rows.customers.push({ ...c, orgId: org.id, createdAt, updatedAt: createdAt });
    rows.tokens.push(...searchTokenRows(org.id, c.id, c));
    const where = () => (home && home !== tiny && rng.next() < 0.9 ? home : rng.pick(allStores));
    for (let k = 0; k < 3; k++)
      rows.responses.push({
        id: newId(),
        orgId: org.id,
        surveyId: survey.id,
        clientId: newId(),
        customerId: c.id,
        metric: "nps",
        score: rng.int(0, 10),
        completed: true,
        submittedAt: createdAt,
        createdAt,
        updatedAt: createdAt,
        unitId: where(),
      });
    rows.interactions.push({
      id: newId(),
      orgId: org.id,
      customerId: c.id,
      occurredAt: createdAt,
      outcome: "resolved",
      source: "staff",
      createdAt,
      unitId: where(),
    });
    if (i % 20 === 0)
      rows.cases.push({
        id: newId(),
        orgId: org.id,
        customerId: c.id,
        title: "Call back",
        createdAt,
        updatedAt: createdAt,
        unitId: where(),
      });
  }
  const t0 = performance.now();
  await db.$transaction(
    async (tx) => {
      await insertBatches(tx, "Unit", "units", units);
      await insertBatches(tx, "Customer", "customers", rows.customers);
      await insertBatches(tx, "CustomerSearchToken", "tokens", rows.tokens);
      await insertBatches(tx, "Response", "responses", rows.responses);
      await insertBatches(tx, "Interaction", "interactions", rows.interactions);
      await insertBatches(tx, "Case", "cases", rows.cases);
    },
    { timeout: 1_800_000 },
  );
  await optimizeDatabase();
  console.log(
    `${label}: ${N} customers, ${rows.responses.length} responses, ${rows.interactions.length} interactions, ${rows.cases.length} cases, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const base = { orgId: org.id, userId: "bench", role: "viewer" as const, apiKeyId: null };
  const store = allStores[0];
  const scopes = {
    organization: { ...base, scope: null },
    region: {
      ...base,
      scope: { unitId: regions[0].id, unitName: "Region 0", unitIds: [regions[0].id, ...regions[0].stores] },
    },
    store: { ...base, scope: { unitId: store, unitName: "Store 0.0", unitIds: [store] } },
    "new store": { ...base, scope: { unitId: tiny, unitName: "New store", unitIds: [tiny] } },
  };
  for (const [name, ctx] of Object.entries(scopes)) {
    const first = await listCustomers(ctx, { limit: 25 });
    // A cursor 2,000 customers into the list: the pages people rarely reach, to see the scan's cost.
    let deep: string | null = null;
    for (let p = 0, cursor: string | null | undefined; p < 20; p++) {
      const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers(ctx, {
        limit: 100,
        cursor: cursor ?? undefined,
      });
      cursor = page.nextCursor;
      deep = cursor;
      if (!cursor) break;
    }
    const firstPage = await timeIt(RUNS, () => listCustomers(ctx, { limit: 25 }));
    const deepPage = deep ? await timeIt(RUNS, () => listCustomers(ctx, { limit: 25, cursor: deep! })) : [];
    const names = Array.from({ length: RUNS + 10 }, () => customers[rng.int(0, N - 1)].name.split(" ")[1].slice(0, 3));
    let q = 0;
    const search = await timeIt(RUNS, () => searchCustomers(ctx, names[q++ % names.length], 10));
    console.log(
      `  ${name.padEnd(12)} list page 1 (${first.data.length} rows) ${fmt(firstPage)} | page after 2,000 ${deepPage.length ? fmt(deepPage) : "—"} | search (3 letters) ${fmt(search)}`,
    );
  }

  // The plans of the scoped list's id query (lib/customers/service.ts scopedPageSql), for a store and the new store.
  const { scopedPageSql } = await import("../lib/customers/service");
  for (const name of ["region", "store", "new store"] as const) {
    const sql = scopedPageSql(scopes[name], { limit: 25 })!;
    for (const step of ["walk", "fromUnits"] as const) {
      const explain = provider === "postgresql" ? "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)" : "EXPLAIN QUERY PLAN";
      const text = provider === "postgresql" ? sql[step].text : sql[step].sql;
      const t = performance.now();
      const plan = (await db.$queryRawUnsafe(`${explain} ${text}`, ...sql[step].values)) as Array<
        Record<string, unknown>
      >;
      const ms = performance.now() - t;
      console.log(
        `  plan, ${name}, ${step}${provider === "postgresql" ? ` (${ms.toFixed(1)} ms with EXPLAIN ANALYZE)` : ""}:`,
      );
      for (const line of plan) console.log(`    ${provider === "postgresql" ? line["QUERY PLAN"] : line.detail}`);
    }
  }
  await db.$disconnect();
}

await inChildPerDatabase("customer-scope", run);
