// Benchmark: customer search (issue "find a customer in two keystrokes") on 100,000 customers, SQLite and
// PostgreSQL: the service call the app makes, next to the raw index query it runs, in the same run.
//   npx tsx bench/customer-search.ts [--customers=100000] [--queries=400] [--postgres=<admin url>]
// Prints p50/p99 in milliseconds for 2-letter, 4-letter and full-name queries; nothing is asserted.
import { insertBatches } from "../lib/db-bulk";
import { inChildPerDatabase } from "./lib/databases";
import { headOf, normalizeSearch, searchTokenRows } from "../lib/customers/search-tokens";
import { createRng } from "../lib/metrics/random";
import { FIRST_NAMES, LAST_NAMES } from "../lib/demo/text";

const arg = (name: string, fallback: string) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split("=")
    .slice(1)
    .join("=") ?? fallback;
const N = Number(arg("customers", "100000"));
const QUERIES = Number(arg("queries", "400"));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(2)} p99 ${pct(xs, 99).toFixed(2)} ms`;

async function time(queries: string[], fn: (q: string) => Promise<unknown>) {
  for (const q of queries.slice(0, 20)) await fn(q);
  const out: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await fn(q);
    out.push(performance.now() - t);
  }
  return out;
}

// Each database runs in its own process: the app's services use the process-wide client from DATABASE_URL.
async function run(label: string) {
  const { db, provider, optimizeDatabase } = await import("../lib/db");
  const { searchCustomers } = await import("../lib/customers/service");
  const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${Date.now()}` } });
  const rng = createRng(7);
  const customers = Array.from({ length: N }, (_, i) => {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const now = new Date();
    return {
      id: `bc${i.toString(36).padStart(8, "0")}`,
      orgId: org.id,
      createdAt: now,
      updatedAt: now,
      name,
      email: `${name.toLowerCase().replace(/\W+/g, ".")}.${i}@example.com`,
      externalId: `C-${String(i).padStart(7, "0")}`,
    };
  });
  const t0 = performance.now();
  await db.$transaction(
    async (tx) => {
      await insertBatches(tx, "Customer", "customers", customers);
      await insertBatches(
        tx,
        "CustomerSearchToken",
        "tokens",
        customers.flatMap((c) => searchTokenRows(org.id, c.id, c)),
      );
    },
    { timeout: 600_000 },
  );
  await optimizeDatabase(); // what an import does after its last batch
  const loadMs = performance.now() - t0;
  const tokens = await db.customerSearchToken.count({ where: { orgId: org.id } });
  const ctx = { orgId: org.id, userId: "bench", role: "viewer" as const, apiKeyId: null };
  const sample = (f: (c: (typeof customers)[number]) => string) =>
    Array.from({ length: QUERIES }, () => f(customers[rng.int(0, N - 1)]));
  const sets = {
    "2 letters": sample((c) => c.name.split(" ")[1].slice(0, 2)),
    "4 letters": sample((c) => c.name.split(" ")[1].slice(0, 4)),
    "full name": sample((c) => c.name),
  };
  const rawSql =
    provider === "postgresql"
      ? `SELECT "customerId", token FROM "CustomerSearchToken" WHERE "orgId" = $1 AND head = $2 AND token LIKE $3 ORDER BY token LIMIT 60`
      : `SELECT customerId, token FROM CustomerSearchToken WHERE orgId = ? AND head = ? AND token LIKE ? ORDER BY token LIMIT 60`;
  console.log(`${label}: ${N} customers, ${tokens} tokens, loaded in ${(loadMs / 1000).toFixed(1)} s`);
  for (const [name, qs] of Object.entries(sets)) {
    const service = await time(qs, (q) => searchCustomers(ctx, q, 10));
    const raw = await time(qs, (q) => {
      const n = normalizeSearch(q);
      return db.$queryRawUnsafe(rawSql, org.id, headOf(n), `${n}%`);
    });
    console.log(`  ${name.padEnd(10)} searchCustomers ${fmt(service)}   raw token query ${fmt(raw)}`);
  }
  await db.$disconnect();
}

await inChildPerDatabase("search", run);
