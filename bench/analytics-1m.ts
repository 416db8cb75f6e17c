// Benchmark at scale: the dashboard's 12-month NPS trend without and with two filters (issue #5), the journey map and the
// gap report (issue #6) over ~1,000,000 responses, through the real HTTP endpoints of the production build,
// next to the SAME SQL sent straight to the driver (better-sqlite3 / pg, no Prisma, no HTTP) in the same run.
//   npx tsx bench/analytics-1m.ts [--requests=100] [--endpoints=trendall,trend,map,gaps,headline,summary] [--postgres=<admin url>]
//          [--only=sqlite|postgresql] [--rebuild] [--prepare-only] [--explain] (each statement's plan and p50)
//          [--base-scale=1 --responses=1000000 --interactions=1000000]
//          [--rollups=off]   (ANALYTICS_ROLLUPS=off: every count from the raw responses, docs/rollups.md — "before")
//          [--full-requests=10]   (runs of the "full tables" figure: the service's statements with the roll-up off)
//          [--sqlite-file=tmp/bench/scale-1m.db]   (BENCH_PG_DATABASE names the PostgreSQL database)
// Needs a production build (NEXT_DIST_DIR is honoured). The data is the deterministic demo organization
// (prisma/seed.ts --scale=N: 25,000·N responses, 40,000·N interactions) with its responses and interactions
// copied up to ~1,000,000 each (see generate()); it is made once into tmp/bench/scale-1m.db and the
// PostgreSQL database resonance_bench_1m and reused (--rebuild makes it anew); --responses=10000000 uses
// scale-10m.db and resonance_bench_10m, and so on, so the sizes can be shown side by side.
// The raw SQL is captured from the service itself: its $queryRaw calls are intercepted while the service
// function runs in this process, so the statements are exactly those a request issues (the small Prisma
// ORM lookups of journeys/touchpoints are not in "raw"). "full tables" runs the statements the same service builds
// with the roll-up off (every count from Response and Interaction), the work the roll-up saves. Prints p50/p99 in ms and the server's CPU ms per
// request (steadier than wall clock on a busy machine); nothing is asserted.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { startServer } from "../tests/server";
import { groupCpuMs } from "./lib/cpu";
import { benchViewerKey } from "./lib/api-key";
import { arg, pct, timeIt } from "./lib/timing";
import { captureRawSql, rawDriver } from "./lib/raw-sql";

const root = path.resolve(import.meta.dirname, "..");
const baseScale = arg("base-scale", "1");
const targetResponses = Number(arg("responses", "1000000"));
const targetInteractions = Number(arg("interactions", "1000000"));
const prepareOnly = process.argv.includes("--prepare-only");
const requests = Number(arg("requests", "100"));
// Runs of the same figures computed from the full tables (seconds each at 10M on SQLite, hence fewer).
const fullRequests = Number(arg("full-requests", "10"));
const endpoints = arg("endpoints", "trendall,trend,map,gaps,headline,summary").split(",");
// One dataset per size, kept for later runs: scale-1m.db / resonance_bench_1m, scale-10m.db / resonance_bench_10m …
const label = `${Math.round(targetResponses / 1e6) || (targetResponses / 1e6).toFixed(1).replace(".", "_")}m`;
const sqliteFile = path.join(root, arg("sqlite-file", `tmp/bench/scale-${label}.db`));
const PG_DATABASE = process.env.BENCH_PG_DATABASE || `resonance_bench_${label}`;
if (!/^[a-z_][a-z0-9_]*$/.test(PG_DATABASE)) throw new Error("BENCH_PG_DATABASE: lower-case letters, digits and _");

/** fn with ANALYTICS_ROLLUPS=off (read per call by lib/rollups/query.ts), restored afterwards. */
async function withRollupsOff<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.ANALYTICS_ROLLUPS;
  process.env.ANALYTICS_ROLLUPS = "off";
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.ANALYTICS_ROLLUPS;
    else process.env.ANALYTICS_ROLLUPS = before;
  }
}

async function child() {
  const url = process.env.DATABASE_URL!;
  const { db, provider } = await import("../lib/db");
  const { analyticsFilters } = await import("../lib/analytics/filters");
  const { getTrends } = await import("../lib/analytics/service");
  const { getJourneyMap } = await import("../lib/journeys/map");
  const { getGapReport } = await import("../lib/journeys/gaps-report");
  const { getHeadline, lastDays } = await import("../lib/dashboard/headline");
  const { getSummary } = await import("../lib/analytics/service");

  const org = await db.organization.findFirstOrThrow({ where: { slug: "demo" } });
  const ctx = { orgId: org.id, userId: "bench", role: "viewer" as const, apiKeyId: null };
  const [responses, interactions] = await Promise.all([
    db.response.count({ where: { orgId: org.id } }),
    db.interaction.count({ where: { orgId: org.id } }),
  ]);
  // The two filters: the journey and channel of the busiest (touchpoint, channel) pair.
  const [top] = await db.response.groupBy({
    by: ["touchpointId", "channelId"],
    where: { orgId: org.id, touchpointId: { not: null }, channelId: { not: null } },
    _count: { _all: true },
    orderBy: { _count: { id: "desc" } },
    take: 1,
  });
  const tp = await db.touchpoint.findUniqueOrThrow({ where: { id: top.touchpointId! }, select: { journeyId: true } });
  const journeyId = tp.journeyId;
  const channelId = top.channelId!;
  console.log(
    `${provider.padEnd(10)} dataset: ${responses} responses, ${interactions} interactions; trend filters journeyId=${journeyId} channelId=${channelId}; ` +
      (process.env.ANALYTICS_ROLLUPS === "off"
        ? "counts from the raw responses (ANALYTICS_ROLLUPS=off)"
        : "whole days from the daily roll-up"),
  );

  const capture = (fn: () => Promise<unknown>) => captureRawSql(db, fn);
  const driver = await rawDriver(url, provider);
  const rawRun = driver.run;

  const server = await startServer({ databaseUrl: url });
  const key = await benchViewerKey(db, org.id);
  const cases = {
    trendall: {
      path: `/api/v1/metrics/trend?preset=12m&bucket=month`,
      service: () => getTrends(ctx, analyticsFilters.parse({ preset: "12m", bucket: "month" })),
    },
    trend: {
      path: `/api/v1/metrics/trend?preset=12m&bucket=month&journeyId=${journeyId}&channelId=${channelId}`,
      service: () => getTrends(ctx, analyticsFilters.parse({ preset: "12m", bucket: "month", journeyId, channelId })),
    },
    map: {
      path: `/api/v1/journeys/${journeyId}/map?preset=12m`,
      service: () => getJourneyMap(ctx, journeyId, analyticsFilters.parse({ preset: "12m" })),
    },
    gaps: {
      path: `/api/v1/reports/gaps?preset=12m`,
      service: () => getGapReport(ctx, analyticsFilters.parse({ preset: "12m" })),
    },
    headline: {
      path: `/api/v1/metrics/headline?days=90`,
      service: () => getHeadline(ctx, lastDays(90)),
    },
    summary: {
      path: `/api/v1/metrics/summary?preset=12m`,
      service: () => getSummary(ctx, analyticsFilters.parse({ preset: "12m" })),
    },
  };
  try {
    for (const name of endpoints) {
      const c = cases[name as keyof typeof cases];
      if (!c) throw new Error(`unknown endpoint ${name}`);
      const statements = await capture(c.service);
      // The same figures computed from the full tables: the statements the service builds with the roll-up off.
      const fullStatements = await withRollupsOff(() => capture(c.service));
      const pgid = server.process.pid!;
      let served = 0;
      const get = async () => {
        const res = await fetch(`${server.url}${c.path}`, { headers: { authorization: `Bearer ${key}` } });
        if (!res.ok) throw new Error(`${c.path}: HTTP ${res.status} ${await res.text()}`);
        await res.json();
        served++;
      };
      // Warm-up before the CPU reading starts; retried once, as the kept-alive socket may have been closed
      // by the server (5 s keep-alive timeout) while the previous endpoint's raw queries ran.
      await get().catch(get);
      let cpu0 = groupCpuMs(pgid);
      const servedBefore = served;
      const http = await timeIt(requests, get, 5);
      const httpCpu = (groupCpuMs(pgid) - cpu0) / (served - servedBefore);
      // Rows the statements aggregate (sum of their COUNT(*) columns), to show the work is the same.
      let rows = 0;
      for (const q of statements) for (const r of await rawRun(q)) rows += Number(r.c ?? 0);
      const rawAll = async () => {
        for (const q of statements) await rawRun(q);
      };
      cpu0 = process.cpuUsage().user + process.cpuUsage().system;
      const raw = await timeIt(requests, rawAll, 5);
      const rawCpu = (process.cpuUsage().user + process.cpuUsage().system - cpu0) / 1000 / (requests + 5);
      const full = await timeIt(
        fullRequests,
        async () => {
          for (const q of fullStatements) await rawRun(q);
        },
        1,
      );
      console.log(
        `${provider.padEnd(10)} ${name.padEnd(5)} rows ${String(rows).padStart(7)}  ` +
          `HTTP p50 ${pct(http, 50).toFixed(1)} p99 ${pct(http, 99).toFixed(1)} ms  ` +
          `raw (${statements.length} stmt) p50 ${pct(raw, 50).toFixed(1)} p99 ${pct(raw, 99).toFixed(1)} ms  ` +
          `ratio p50 ${(pct(http, 50) / pct(raw, 50)).toFixed(2)}×  ` +
          `full tables (${fullStatements.length} stmt) p50 ${pct(full, 50).toFixed(1)} p99 ${pct(full, 99).toFixed(1)} ms  ` +
          `CPU/req: server ${httpCpu.toFixed(1)} ms` +
          (provider === "sqlite" ? `, raw ${rawCpu.toFixed(1)} ms` : " (+ PostgreSQL backend)"),
      );
      if (process.argv.includes("--explain")) {
        for (const q of statements) {
          const plan = await driver.explain(q);
          const each = await timeIt(Math.min(requests, 10), () => rawRun(q), 1);
          console.log(
            `  p50 ${pct(each, 50).toFixed(1)} ms: ${provider === "postgresql" ? q.text : q.sql}\n    ${plan.join("\n    ")}`,
          );
        }
      }
    }
  } finally {
    await server.stop();
    await driver.close();
    await db.$disconnect();
  }
}

/** Responses and interactions of the demo organization (0, 0 when there is none or no schema yet). */
function counts(url: string): { responses: number; interactions: number } {
  try {
    const out = execFileSync(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "-e",
        `import("./lib/db").then(async ({ db }) => { const o = await db.organization.findFirst({ where: { slug: "demo" } }); ` +
          `console.log(JSON.stringify(o ? { responses: await db.response.count({ where: { orgId: o.id } }), interactions: await db.interaction.count({ where: { orgId: o.id } }) } : { responses: 0, interactions: 0 })); await db.$disconnect(); })`,
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
    );
    return JSON.parse(out.trim().split("\n").at(-1)!);
  } catch {
    return { responses: 0, interactions: 0 };
  }
}

/**
 * The demo organization at --base-scale (seed.ts), then its Response and Interaction rows copied inside the
 * database (INSERT … SELECT, ids and client ids suffixed "~k") until there are about --responses and
 * --interactions: the copies keep every column, so the time, touchpoint, channel, customer, metric and
 * score distributions are exactly the demo's. (seed.ts --scale=40 builds ~5M rows in memory and writes
 * them in one transaction, which ran past its 10-minute limit on a busy 2-core machine.)
 */
async function generate(url: string, provider: "sqlite" | "postgresql") {
  const env = { ...process.env, DATABASE_URL: url };
  const t = performance.now();
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: root,
    env,
    stdio: "ignore",
  });
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts", `--scale=${baseScale}`], {
    cwd: root,
    env,
    stdio: "ignore",
  });
  const seeded = performance.now();
  const base = counts(url);
  const copies = {
    Response: Math.round(targetResponses / base.responses),
    Interaction: Math.round(targetInteractions / base.interactions),
  };
  let exec: (sql: string) => Promise<unknown>;
  let columns: (table: string) => Promise<string[]>;
  let rows: (sql: string) => Promise<Array<Record<string, unknown>>>;
  let indexes: (table: string) => Promise<Array<{ name: string; sql: string }>>;
  let close: () => Promise<void>;
  if (provider === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    exec = (sql) => client.query(sql);
    rows = async (sql) => (await client.query(sql)).rows;
    columns = async (table) =>
      (
        await client.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((r) => r.column_name);
    // Secondary indexes (not the primary key's), dropped during the copies and made again after.
    indexes = async (table) =>
      (
        await client.query(
          `SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1
             AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
          [table],
        )
      ).rows;
    close = () => client.end();
  } else {
    const { default: Database } = await import("better-sqlite3");
    const sqlite = new Database(url.replace(/^file:/, ""));
    exec = async (sql) => sqlite.exec(sql);
    rows = async (sql) => sqlite.prepare(sql).all() as Array<Record<string, unknown>>;
    columns = async (table) =>
      (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((r) => r.name);
    indexes = async (table) =>
      sqlite
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
        .all(table) as Array<{ name: string; sql: string }>;
    close = async () => {
      sqlite.close();
    };
  }
  if (provider === "sqlite") await exec("PRAGMA cache_size = -1000000"); // 1 GB of page cache for the index inserts
  const timeColumn = { Response: "submittedAt", Interaction: "occurredAt" } as const;
  for (const [table, n] of Object.entries(copies) as Array<[keyof typeof timeColumn, number]>) {
    const cols = await columns(table);
    const T = timeColumn[table];
    // Each copy reads the seeded rows from a temporary table, not the growing table (400 copies make 10M), and
    // the secondary indexes are built once at the end (one sort) instead of row by row.
    await exec(`CREATE TEMP TABLE "seed_${table}" AS SELECT *, row_number() OVER () AS seed_n FROM "${table}"`);
    await exec(
      `CREATE TEMP TABLE "seed_units_${table}" AS SELECT "id", row_number() OVER (ORDER BY "id") - 1 AS n FROM "Unit"
       WHERE "id" IN (SELECT "unitId" FROM "${table}" WHERE "unitId" IS NOT NULL)`,
    );
    const [span] = await rows(
      provider === "postgresql"
        ? `SELECT (SELECT COUNT(*) FROM "seed_units_${table}") AS units, MIN("${T}")::text AS start,
             FLOOR(EXTRACT(EPOCH FROM MAX("${T}") - MIN("${T}")) / 86400) AS days FROM "${table}"`
        : `SELECT (SELECT COUNT(*) FROM "seed_units_${table}") AS units, MIN("${T}") AS start,
             CAST(julianday(MAX("${T}")) - julianday(MIN("${T}")) AS INTEGER) AS days FROM "${table}"`,
    );
    const units = Number(span.units);
    const days = Number(span.days);
    // A copy is not the same row again: it moves 0–60 days back (wrapping round to the end of the data's span, so
    // every day keeps its share) and to another unit, so the copies fill the (day × survey × touchpoint × channel ×
    // unit × score) cells as a larger programme of the same shape would, instead of adding to the original's cell.
    const moved = (k: number) => {
      const d = `((r.seed_n * 7 + ${k * 13}) % 61)`;
      const time =
        provider === "postgresql"
          ? `CASE WHEN r."${T}" - make_interval(days => ${d}::int) < '${span.start}'::timestamp THEN r."${T}" + make_interval(days => (${days} - ${d})::int) ELSE r."${T}" - make_interval(days => ${d}::int) END`
          : `CASE WHEN julianday(r."${T}") - ${d} < julianday('${span.start}') THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', r."${T}", '+' || (${days} - ${d}) || ' days') ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', r."${T}", '-' || ${d} || ' days') END`;
      const unit =
        units === 0
          ? `r."unitId"`
          : `CASE WHEN r."unitId" IS NULL THEN NULL ELSE (SELECT u."id" FROM "seed_units_${table}" u WHERE u.n = (r.seed_n + ${k}) % ${units}) END`;
      return cols
        .map((c) =>
          c === "id" || c === "clientId" ? `r."${c}" || '~${k}'` : c === T ? time : c === "unitId" ? unit : `r."${c}"`,
        )
        .join(", ");
    };
    const secondary = await indexes(table);
    for (const ix of secondary) await exec(`DROP INDEX "${ix.name}"`);
    for (let k = 1; k < n; k++) {
      await exec(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) SELECT ${moved(k)} FROM "seed_${table}" r`,
      );
      if (k % 50 === 0) console.log(`${provider}: ${table} copy ${k} of ${n - 1}`);
    }
    await exec(`DROP TABLE "seed_${table}"`);
    await exec(`DROP TABLE "seed_units_${table}"`);
    for (const ix of secondary) await exec(ix.sql);
  }
  // The copies updated each roll-up row once per copy: on PostgreSQL every update leaves a dead row version until
  // (auto)vacuum, which a steady stream of writes keeps small; compact it as it would be after a bulk load and a vacuum.
  if (provider === "postgresql")
    for (const t of ["ResponseDailyOrg", "ResponseMonthly", "InteractionDaily", "InteractionMonthly"])
      await exec(`VACUUM FULL "${t}"`);
  await exec("ANALYZE"); // fresh planner statistics after bulk writes, as lib/db optimizeDatabase does
  await close();
  const now = counts(url);
  console.log(
    `${provider}: generated scale ${baseScale} (${base.responses} responses, ${base.interactions} interactions) in ${((seeded - t) / 1000).toFixed(0)} s, ` +
      `copied ×${copies.Response} / ×${copies.Interaction} to ${now.responses} responses, ${now.interactions} interactions in ${((performance.now() - seeded) / 1000).toFixed(0)} s`,
  );
}

function runChild(url: string) {
  const args = ["node_modules/tsx/dist/cli.mjs", "bench/analytics-1m.ts", "--child", ...process.argv.slice(2)];
  const rollups = arg("rollups", "on") === "off" ? { ANALYTICS_ROLLUPS: "off" } : {};
  execFileSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...rollups, DATABASE_URL: url },
    stdio: "inherit",
  });
}

if (process.argv.includes("--child")) {
  await child();
} else {
  const rebuild = process.argv.includes("--rebuild");
  const only = arg("only", "");
  const ready = (url: string) => counts(url).responses >= targetResponses * 0.9;
  const sqliteUrl = `file:${sqliteFile}`;
  if (only !== "postgresql") {
    fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
    if (rebuild || !ready(sqliteUrl)) {
      for (const f of [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`]) fs.rmSync(f, { force: true });
      await generate(sqliteUrl, "sqlite");
    }
    if (!prepareOnly) runChild(sqliteUrl);
  }
  const admin = arg("postgres", process.env.DATABASE_URL_POSTGRES ?? "");
  if (admin && only !== "sqlite") {
    const u = new URL(admin);
    u.pathname = `/${PG_DATABASE}`;
    if (rebuild || !ready(u.toString())) {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${PG_DATABASE}`);
      await client.end();
      await generate(u.toString(), "postgresql");
    }
    if (!prepareOnly) runChild(u.toString());
  }
}
