#!/usr/bin/env node
// `npm test`: every suite, in order, each on a fresh database, then one closing line that sums them all:
//   1. unit          pure code (metrics, validation) and the demo generator on throwaway SQLite files
//      lint          ESLint (eslint.config.mjs: Next's rules + the import boundaries; a warning fails) and Prettier
//   2. components    client components (forms, editors, the import wizard) rendered into happy-dom
//   3. build         the production build (Next.js + the custom server) that the HTTP and browser tests run against
//   4. integration   services in-process + routes over real HTTP, on SQLite and, side by side with it, on PostgreSQL
//                    when DATABASE_URL_POSTGRES names a server we may create databases on (.ci/run starts one)
//   5. e2e           Playwright in Debian's Chromium against the production build with the demo data
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { bin, migrateDeploy, must, root, run } from "./lib.mjs";

const results = path.join(root, "tmp/test-results");
const dbs = path.join(root, "tmp/test-dbs");
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
fs.mkdirSync(dbs, { recursive: true });
const only = process.env.TEST_ONLY?.split(",");
const want = (suite) => !only || only.includes(suite);
const tally = [];
const banner = (s) => console.log(`\n\x1b[1m━━ ${s} ━━\x1b[0m`);

function freshSqlite(name) {
  const file = path.join(dbs, `${name}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return `file:${file}`;
}

function readVitest(file, suite) {
  if (!fs.existsSync(file)) return tally.push({ suite, passed: 0, failed: 1, note: "no report (crashed?)" });
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  // A file that fails to load fails no test but fails the run: count it, so it cannot pass silently.
  const broken = r.numFailedTests === 0 && (!r.success || r.numTotalTests === 0) ? 1 : 0;
  tally.push({
    suite,
    passed: r.numPassedTests,
    failed: r.numFailedTests + broken,
    note: broken ? "suite failed to run" : undefined,
  });
}

async function vitest(project, suite, env = {}, logFile) {
  const out = path.join(results, `${suite}.json`);
  await run(
    bin.vitest,
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    { env, logFile },
  );
  readVitest(out, suite);
}

/** One integration run on one database. With a logFile its output is kept there and printed when it ends. */
async function integration(suite, databaseUrl, logFile) {
  if (!logFile) banner(`integration (${suite})`);
  await migrateDeploy(databaseUrl);
  await vitest("integration", suite, { DATABASE_URL: databaseUrl }, logFile);
}

if (want("unit")) {
  banner("unit");
  await vitest("unit", "unit");
}

if (want("lint")) {
  banner("lint (ESLint, Prettier)");
  // Each tool is one check: it passes when the whole tree is clean. (The type check runs in the build.)
  for (const [suite, script, args] of [
    ["lint-eslint", bin.eslint, [".", "--max-warnings", "0"]],
    ["lint-prettier", bin.prettier, ["--check", "--log-level", "warn", "."]],
  ]) {
    const ok = (await run(script, args)) === 0;
    tally.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  }
}

if (want("components")) {
  banner("components");
  await vitest("components", "components");
}

if (want("integration") || want("e2e")) {
  banner("production build");
  await must(path.join(root, "scripts/build-embed.mjs"), []);
  const code = await run(bin.next, ["build"]);
  if (code !== 0 || (await run(path.join(root, "scripts/build-server.mjs"), [])) !== 0)
    tally.push({ suite: "build", passed: 0, failed: 1 });
}

if (want("integration") && !tally.some((t) => t.suite === "build")) {
  // SQLite and PostgreSQL: each run has its own database and its own server on a free port, and the suites write
  // only to uniquely named files, so the two run side by side (TEST_SERIAL=1: one after the other). Side by side,
  // each one's output goes to tmp/test-results/<suite>.log and is printed when both have ended.
  const runs = [{ suite: "integration-sqlite", url: freshSqlite("integration") }];
  const admin = process.env.DATABASE_URL_POSTGRES;
  let dropPostgres = async () => {};
  if (admin) {
    const name = `resonance_test_${Date.now()}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    runs.push({ suite: "integration-postgres", url: url.toString() });
    dropPostgres = async () => {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    console.log("DATABASE_URL_POSTGRES is not set: the PostgreSQL run is skipped (.ci/run always sets it).");
  }
  try {
    if (process.env.TEST_SERIAL === "1" || runs.length === 1) {
      for (const r of runs) await integration(r.suite, r.url);
    } else {
      banner(`integration (${runs.map((r) => r.suite).join(" and ")}, side by side)`);
      const logs = runs.map((r) => path.join(results, `${r.suite}.log`));
      await Promise.all(runs.map((r, i) => integration(r.suite, r.url, logs[i])));
      runs.forEach((r, i) => {
        banner(`integration (${r.suite})`);
        process.stdout.write(fs.readFileSync(logs[i], "utf8"));
      });
    }
  } finally {
    await dropPostgres();
  }
}

if (want("e2e") && !tally.some((t) => t.suite === "build")) {
  banner("e2e (Playwright, Chromium)");
  const url = freshSqlite("e2e");
  await migrateDeploy(url);
  await must(bin.tsx, [path.join(root, "prisma/seed.ts")], { env: { DATABASE_URL: url } });
  const out = path.join(results, "e2e.json");
  await run(bin.playwright, ["test"], { env: { E2E_DATABASE_URL: url, PLAYWRIGHT_JSON_OUTPUT_NAME: out } });
  if (!fs.existsSync(out)) tally.push({ suite: "e2e", passed: 0, failed: 1, note: "no report" });
  else {
    const s = JSON.parse(fs.readFileSync(out, "utf8")).stats;
    tally.push({
      suite: "e2e",
      passed: s.expected + (s.flaky ?? 0),
      failed: s.unexpected + (s.expected + s.unexpected + (s.flaky ?? 0) === 0 ? 1 : 0),
    });
  }
}

banner("summary");
for (const t of tally)
  console.log(
    `${t.suite.padEnd(22)} ${String(t.passed).padStart(5)} passed ${String(t.failed).padStart(4)} failed${t.note ? `  (${t.note})` : ""}`,
  );
const passed = tally.reduce((s, t) => s + t.passed, 0);
const failed = tally.reduce((s, t) => s + t.failed, 0) + (tally.length === 0 ? 1 : 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
