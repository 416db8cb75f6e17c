// Benchmark of the organization hierarchy at its design size (docs/hierarchy.md, "Benchmark"): 1,000,000 responses
// over 500 stores (5 regions × 10 areas × 10 stores, built through lib/units/service.ts so each unit has its
// materialized path), every response attributed to a store, spread over the last year. Measures, in-process:
//   - the unit league table (lib/units/league.ts) at the top level (the page's default 90 days for NPS, CSAT and CES,
//     and 12 months for NPS) and for one region's children (12 months);
//   - a store-scoped dashboard: the headline tiles (getSummary: NPS, CSAT, CES and the previous period) and the trend
//     (getTrends) of lib/analytics/service.ts, each alone and both as the dashboard reads them, with a ctx scoped to
//     one store built as lib/auth/ctx.ts builds it (loadScope of lib/units/scope-load.ts, counted in the service's
//     time as it is in every request);
// each next to the SAME SQL (captured from the service's $queryRaw) sent straight to the driver in the same run. The
// raw side does the work the product must do: for the store's dashboard that includes resolving the caller's
// subtree, done on the raw side by the best hand-written statement (SCOPE_SQL below: the unit's name and the ids
// under its path, one statement) before the captured counting statements.
// Goal: p50 < 200 ms and at most 1.5× the raw SQL. Prints a table; nothing is asserted.
//   npx tsx bench/units.ts [--requests=50] [--postgres=<admin url>] [--only=sqlite|postgresql] [--rebuild]
//          [--explain] [--prepare-only] [--cases=league,store] (cases whose name contains one of the words)
// The data is made once into tmp/bench/units-1m.db and the PostgreSQL database resonance_bench_units (or
// BENCH_PG_DATABASE) and reused; --rebuild makes it anew. Seeding takes a few minutes per database: the responses
// are generated inside the database (INSERT … SELECT over a row counter), deterministically from the row number.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { arg, pct } from "./lib/timing";
import { captureRawSql, rawDriver, type Sql } from "./lib/raw-sql";

const root = path.resolve(import.meta.dirname, "..");
const RESPONSES = Number(arg("responses", "1000000"));
const requests = Number(arg("requests", "50"));
const sqliteFile = path.join(root, arg("sqlite-file", "tmp/bench/units-1m.db"));
const PG_DATABASE = process.env.BENCH_PG_DATABASE || "resonance_bench_units";
const SLUG = "bench-units";
const REGIONS = 5;
const AREAS = 10; // per region
const STORES = 10; // per area
const YEAR_MS = 365 * 86_400_000;

type Provider = "sqlite" | "postgresql";

/** Milliseconds of n calls of a and of b, taken in turns (a, b, a, b …) after `warmUp` untimed turns. */
async function alternate(n: number, a: () => Promise<unknown>, b: () => Promise<unknown>, warmUp: number) {
  for (let i = 0; i < warmUp; i++) {
    await a();
    await b();
  }
  const out: [number[], number[]] = [[], []];
  for (let i = 0; i < n; i++)
    for (const [j, fn] of [a, b].entries()) {
      const t = performance.now();
      await fn();
      out[j]!.push(performance.now() - t);
    }
  return out;
}

/** The organization, its user and its tree (through the unit service), then the responses generated in SQL. */
async function seed(url: string, provider: Provider) {
  const { db } = await import("../lib/db");
  const { createUnitIn } = await import("../lib/units/service");
  const t0 = performance.now();
  const org = await db.organization.create({ data: { name: "Bench units", slug: SLUG } });
  const user = await db.user.create({ data: { email: "bench-units@example.test", name: "Bench" } });
  await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "admin" } });
  const survey = await db.survey.create({
    data: { orgId: org.id, publicId: "bench-units", name: "Bench", type: "nps" },
  });
  const ctx = { orgId: org.id, userId: user.id, role: "admin" as const, apiKeyId: null, scope: null };
  const stores: string[] = [];
  await db.$transaction(
    async (tx) => {
      for (let r = 1; r <= REGIONS; r++) {
        const region = await createUnitIn(tx, ctx, { code: `R${r}`, name: `Region ${r}`, kind: "region" });
        for (let a = 1; a <= AREAS; a++) {
          const area = await createUnitIn(tx, ctx, {
            code: `R${r}-A${a}`,
            name: `Area ${r}.${a}`,
            kind: "area",
            parentId: region.id,
          });
          for (let s = 1; s <= STORES; s++) {
            const store = await createUnitIn(tx, ctx, {
              code: `R${r}-A${a}-S${s}`,
              name: `Store ${r}.${a}.${s}`,
              kind: "store",
              parentId: area.id,
            });
            stores.push(store.id);
          }
        }
      }
    },
    { timeout: 600_000 },
  );
  await db.$disconnect();
  const t1 = performance.now();

  // Row n: store n % 500; metric by (n / 500) % 10 (7 of 10 NPS, 2 CSAT, 1 CES); scores from a multiplicative hash
  // of n, shifted by the store so that stores differ; submitted n × 31.536 s before now (one year over 1M rows).
  const h = `((n * 2654435761) % 4294967291)`;
  const k = `((n / 500) % 10)`;
  const bias = `(st.idx % 5)`;
  const score = `CASE WHEN ${k} < 7 THEN (${h} % 11 + (${h} / 11) % 11 + ${bias} + 1) / 2 % 11 WHEN ${k} < 9 THEN 1 + (${h} % 5 + ${bias}) % 5 ELSE 1 + ${h} % 7 END`;
  const metric = `CASE WHEN ${k} < 7 THEN 'nps' WHEN ${k} < 9 THEN 'csat' ELSE 'ces' END`;
  const now = Date.now();
  const stepSeconds = YEAR_MS / 1000 / RESPONSES;
  const cols = `"id", "orgId", "surveyId", "clientId", "metric", "score", "category", "completed", "submittedAt", "unitId", "createdAt", "updatedAt"`;
  const select = (ts: string) =>
    `SELECT 'bu' || n, '${org.id}', '${survey.id}', 'bu' || n, m, s,
       CASE WHEN m <> 'nps' THEN NULL WHEN s >= 9 THEN 'promoter' WHEN s >= 7 THEN 'passive' ELSE 'detractor' END,
       ${provider === "postgresql" ? "true" : "1"}, ${ts}, unit, ${ts}, ${ts}
     FROM (SELECT n, st.id AS unit, ${metric} AS m, ${score} AS s FROM g JOIN bench_store st ON st.idx = n % 500) x`;
  if (provider === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE TEMP TABLE bench_store (idx int PRIMARY KEY, id text)`);
    await client.query(`INSERT INTO bench_store SELECT i - 1, id FROM unnest($1::text[]) WITH ORDINALITY AS t(id, i)`, [
      stores,
    ]);
    const ts = `(to_timestamp(${now / 1000}) AT TIME ZONE 'UTC' - n * interval '${stepSeconds} seconds')::timestamp(3)`;
    await client.query(
      `INSERT INTO "Response" (${cols}) WITH g AS (SELECT n::bigint AS n FROM generate_series(0, ${RESPONSES - 1}) n) ${select(ts)}`,
    );
    await client.query("VACUUM ANALYZE"); // as autovacuum leaves a table at rest: visibility map set, so index-only scans
    await client.end();
  } else {
    const { default: Database } = await import("better-sqlite3");
    const sqlite = new Database(url.replace(/^file:/, ""));
    sqlite.exec(`CREATE TEMP TABLE bench_store (idx INTEGER PRIMARY KEY, id TEXT)`);
    const add = sqlite.prepare(`INSERT INTO bench_store VALUES (?, ?)`);
    stores.forEach((id, i) => add.run(i, id));
    const ts = `strftime('%Y-%m-%dT%H:%M:%f', ${now / 1000} - n * ${stepSeconds}, 'unixepoch') || '+00:00'`;
    sqlite.exec(
      `INSERT INTO "Response" (${cols}) WITH RECURSIVE g(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM g WHERE n < ${RESPONSES - 1}) ${select(ts)}`,
    );
    sqlite.exec("ANALYZE");
    sqlite.close();
  }
  console.log(
    `${provider}: ${REGIONS + REGIONS * AREAS + stores.length} units in ${((t1 - t0) / 1000).toFixed(0)} s, ` +
      `${RESPONSES} responses in ${((performance.now() - t1) / 1000).toFixed(0)} s`,
  );
}

async function measure(url: string, provider: Provider) {
  const { db } = await import("../lib/db");
  const { unitLeague, leagueQuery } = await import("../lib/units/league");
  const { loadScope } = await import("../lib/units/scope-load");
  const { analyticsFilters } = await import("../lib/analytics/filters");
  const { getSummary, getTrends } = await import("../lib/analytics/service");

  const org = await db.organization.findUniqueOrThrow({ where: { slug: SLUG } });
  const total = await db.response.count({ where: { orgId: org.id } });
  const rollupRows = await db.responseDailyOrg.count({ where: { orgId: org.id } });
  const region = await db.unit.findFirstOrThrow({ where: { orgId: org.id, code: "R1" } });
  const store = await db.unit.findFirstOrThrow({ where: { orgId: org.id, code: "R1-A1-S1" } });
  const user = await db.membership.findFirstOrThrow({ where: { orgId: org.id } });
  const base = { orgId: org.id, userId: user.userId, role: "manager" as const, apiKeyId: null };
  const now = new Date();
  // As lib/auth/ctx.ts does for a membership with a unit, once per request.
  const storeCtx = async () => ({ ...base, scope: await loadScope(org.id, store.id) });
  const fixedStoreCtx = await storeCtx(); // for capturing the counting statements alone
  const orgCtx = { ...base, scope: null };
  const dashboard = analyticsFilters.parse({ preset: "12m" });
  // The raw side's own resolution of the store manager's subtree: the unit's name and every unit under its path.
  const scopeSql = (): Sql[] => [
    {
      sql: `SELECT s."name" AS name, u."id" AS id FROM "Unit" s JOIN "Unit" u ON u."orgId" = s."orgId" AND substr(u."path", 1, length(s."path")) = s."path" WHERE s."id" = ? AND s."orgId" = ?`,
      text: `SELECT s."name" AS name, u."id" AS id FROM "Unit" s JOIN "Unit" u ON u."orgId" = s."orgId" AND substr(u."path", 1, length(s."path")) = s."path" WHERE s."id" = $1 AND s."orgId" = $2`,
      values: [store.id, org.id],
    },
  ];
  type Sums = { rows: { [m: string]: unknown }[]; metric: string };
  const leagueN = (l: Sums) => l.rows.reduce((s, r) => s + ((r as Record<string, { n: number }>)[l.metric]?.n ?? 0), 0);
  const league = (q: Record<string, string>) => () =>
    unitLeague({ ...base, scope: null }, leagueQuery.parse(q) as Parameters<typeof unitLeague>[1], now);

  // Each case: the service call, the statements the raw side runs (none: the service's own, captured), and a figure
  // to check it against the raw statements' rows (same work, same answer).
  type Case = {
    name: string;
    service: () => Promise<unknown>;
    raw?: () => Promise<Sql[]>;
    n: ((x: never) => number) | null;
  };
  const cases: Case[] = [
    { name: "league NPS, top level, 90 days (the page's default)", service: league({}), n: leagueN },
    { name: "league CSAT, top level, 90 days", service: league({ metric: "csat" }), n: leagueN },
    { name: "league CES, top level, 90 days", service: league({ metric: "ces" }), n: leagueN },
    { name: "league NPS, top level (5 regions), 12 months", service: league({ preset: "12m" }), n: leagueN },
    {
      name: "league NPS, one region's 10 areas, 12 months",
      service: league({ preset: "12m", parentId: region.id }),
      n: (l: { parent: { nps: { n: number } } }) => l.parent.nps.n,
    },
    {
      name: "store dashboard: headline (getSummary)",
      service: async () => getSummary(await storeCtx(), dashboard, now),
      raw: async () => [...scopeSql(), ...(await captureRawSql(db, () => getSummary(fixedStoreCtx, dashboard, now)))],
      n: (s: { current: Record<"nps" | "csat" | "ces", { n: number }> }) =>
        s.current.nps.n + s.current.csat.n + s.current.ces.n,
    },
    {
      name: "store dashboard: trend (getTrends)",
      service: async () => getTrends(await storeCtx(), dashboard, now),
      raw: async () => [...scopeSql(), ...(await captureRawSql(db, () => getTrends(fixedStoreCtx, dashboard, now)))],
      n: null,
    },
    {
      name: "store dashboard: headline and trend (one scope, as the page)",
      service: async () => {
        const ctx = await storeCtx();
        return Promise.all([getSummary(ctx, dashboard, now), getTrends(ctx, dashboard, now)]);
      },
      raw: async () => [
        ...scopeSql(),
        ...(await captureRawSql(db, () =>
          Promise.all([getSummary(fixedStoreCtx, dashboard, now), getTrends(fixedStoreCtx, dashboard, now)]),
        )),
      ],
      n: null,
    },
    { name: "(the store's scope alone: loadScope)", service: storeCtx, raw: async () => scopeSql(), n: null },
    {
      name: "org-wide trend (getTrends), 12 months [raw side: every response]",
      service: () => getTrends(orgCtx, dashboard, now),
      raw: async () => {
        process.env.ANALYTICS_ROLLUPS = "off"; // every count from the responses, as before the roll-ups
        try {
          return await captureRawSql(db, () => getTrends(orgCtx, dashboard, now));
        } finally {
          delete process.env.ANALYTICS_ROLLUPS;
        }
      },
      n: null,
    },
  ];

  const driver = await rawDriver(url, provider);
  const out: string[] = [];
  try {
    const only = arg("cases", "");
    for (const c of cases.filter((x) => !only || only.split(",").some((w) => x.name.includes(w)))) {
      const statements = c.raw ? await c.raw() : await captureRawSql(db, c.service);
      const result = await c.service();
      let rows = 0;
      for (const q of statements) for (const r of await driver.run(q)) rows += Number(r.c ?? 0);
      // Service and raw calls alternate, so a change in the machine's load weighs on both sides alike.
      const runRaw = async () => {
        for (const q of statements) await driver.run(q);
      };
      const [svc, raw] = await alternate(requests, c.service, runRaw, 5);
      const [s50, s95, r50, r95] = [pct(svc, 50), pct(svc, 95), pct(raw, 50), pct(raw, 95)];
      const served = c.n ? (c.n as (x: unknown) => number)(result) : null;
      const counted = `${rows.toLocaleString("en-US")}${served !== null ? ` (service ${served.toLocaleString("en-US")})` : ""}`;
      const rawCells = statements.length
        ? `${r50.toFixed(1)} / ${r95.toFixed(1)} | ${(s50 / r50).toFixed(2)}× | ${s50 < 200 && s50 / r50 <= 1.5 ? "met" : "MISSED"}`
        : "— | — | —";
      out.push(
        `| ${provider} | ${c.name} | ${statements.length ? counted : "—"} | ${s50.toFixed(1)} / ${s95.toFixed(1)} | ${rawCells} |`,
      );
      console.log(out.at(-1));
      if (process.argv.includes("--explain"))
        for (const q of statements)
          console.log(
            `  ${provider === "postgresql" ? q.text : q.sql}\n    ${(await driver.explain(q)).join("\n    ")}`,
          );
    }
  } finally {
    await driver.close();
    await db.$disconnect();
  }
  console.log(
    `\n${provider}: ${total.toLocaleString("en-US")} responses (roll-up rows: ResponseDailyOrg ${rollupRows.toLocaleString("en-US")}); p50 / p95 ms over ${requests} calls after 5 warm-ups; ` +
      `the store's raw side resolves the store's subtree (one hand-written statement) before its counting statements\n` +
      `| database | case | responses counted (raw rows' sum) | service p50 / p95 | raw SQL p50 / p95 | ratio p50 | goal < 200 ms, ≤ 1.5× |\n|---|---|---|---|---|---|---|\n` +
      out.join("\n"),
  );
}

/** Responses of the bench organization (0 when there is none or no schema yet). */
function count(url: string): number {
  try {
    const out = execFileSync(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "-e",
        `import("./lib/db").then(async ({ db }) => { const o = await db.organization.findFirst({ where: { slug: "${SLUG}" } }); ` +
          `console.log(o ? await db.response.count({ where: { orgId: o.id } }) : 0); await db.$disconnect(); })`,
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
    );
    return Number(out.trim().split("\n").at(-1));
  } catch {
    return 0;
  }
}

function child(url: string, mode: "seed" | "measure") {
  const args = ["node_modules/tsx/dist/cli.mjs", "bench/units.ts", `--child=${mode}`, ...process.argv.slice(2)];
  execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" });
}

function prepare(url: string, fresh: boolean) {
  if (!fresh && count(url) >= RESPONSES) return;
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  child(url, "seed");
}

const mode = arg("child", "");
if (mode) {
  const url = process.env.DATABASE_URL!;
  const provider: Provider = url.startsWith("file:") ? "sqlite" : "postgresql";
  await (mode === "seed" ? seed(url, provider) : measure(url, provider));
} else {
  const rebuild = process.argv.includes("--rebuild");
  const only = arg("only", "");
  if (only !== "postgresql") {
    fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
    const fresh = rebuild || count(`file:${sqliteFile}`) < RESPONSES;
    if (fresh) for (const f of [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`]) fs.rmSync(f, { force: true });
    prepare(`file:${sqliteFile}`, fresh);
    if (!process.argv.includes("--prepare-only")) child(`file:${sqliteFile}`, "measure");
  }
  const admin = arg("postgres", process.env.DATABASE_URL_POSTGRES ?? "");
  if (admin && only !== "sqlite") {
    const u = new URL(admin);
    u.pathname = `/${PG_DATABASE}`;
    const fresh = rebuild || count(u.toString()) < RESPONSES;
    if (fresh) {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${PG_DATABASE}`);
      await client.end();
    }
    prepare(u.toString(), fresh);
    if (!process.argv.includes("--prepare-only")) child(u.toString(), "measure");
  }
}
