#!/usr/bin/env node
// `npm test`: every suite, each on a fresh database, then one closing line that sums them all:
//   unit          pure code (metrics, validation) and the demo generator on throwaway SQLite files
//   lint          ESLint (eslint.config.mjs: Next's rules + the import boundaries; a warning fails), Prettier and
//                 dependency-cruiser (.dependency-cruiser.mjs: no runtime import cycles)
//   components    client components (forms, editors, the import wizard) rendered into happy-dom
//   build         the production build (Next.js + the custom server) that the HTTP and browser tests run against
//   integration   services in-process + routes over real HTTP, on SQLite and on PostgreSQL when
//                 DATABASE_URL_POSTGRES names a server we may create databases on (.ci/run starts one); the files are
//                 split into INTEGRATION_SHARDS shards (default 2) per database, each its own database and server
//   e2e           Playwright in Debian's Chromium against the production build with the demo data, in E2E_WORKERS
//                 workers (default 2), each with its own server and its own copy of the seeded database
//
// The suites are jobs that run side by side, up to TEST_JOBS at once (default 6; e2e counts once per worker;
// TEST_SERIAL=1 means one at a time), each as soon as what it needs has finished: the integration and e2e suites
// need the build, so while it runs only one job runs beside it. Measured on the CI machine (2 cores), the suites
// mostly wait — on servers, browsers, timers — rather than compute: all of them used 24 CPU-minutes in a run whose
// suites, one or two at a time, took 30 minutes; the summary prints each job's CPU minutes. Every job has its own
// databases, servers on free ports and uniquely named files, so none sees another. A job's output goes to
// tmp/test-results/<job>.log and is printed, whole, when the job ends. TEST_ONLY=unit,e2e runs only those suites.
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
const capacity = process.env.TEST_SERIAL === "1" ? 1 : Math.max(1, Number(process.env.TEST_JOBS ?? 6));
const e2eWorkers = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));
const shards = Math.max(1, Number(process.env.INTEGRATION_SHARDS ?? 2));
const tally = [];
const started = Date.now();
const clock = () => `${String(Math.round((Date.now() - started) / 1000)).padStart(5)}s`;
const banner = (s) => console.log(`\n\x1b[1m━━ ${s} ━━\x1b[0m`);

function freshSqlite(name) {
  const file = path.join(dbs, `${name}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return `file:${file}`;
}

/** The first line of an error, short enough for the summary that CI shows (the whole text is in the job's log). */
const firstLine = (text) =>
  (text ?? "")
    .split("\n")
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 300) ?? "";

function readVitest(file, suite) {
  if (!fs.existsSync(file)) return tally.push({ suite, passed: 0, failed: 1, note: "no report (crashed?)" });
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  // A file that fails to load fails no test but fails the run: count it, so it cannot pass silently.
  const broken = r.numFailedTests === 0 && (!r.success || r.numTotalTests === 0) ? 1 : 0;
  const failures = r.testResults.flatMap((f) => {
    const file = path.relative(root, f.name);
    const tests = f.assertionResults.filter((a) => a.status === "failed");
    if (tests.length === 0 && f.status === "failed") return [`${file}: ${firstLine(f.message)}`];
    return tests.map((a) => `${file} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  });
  tally.push({
    suite,
    passed: r.numPassedTests,
    failed: r.numFailedTests + broken,
    note: broken ? "suite failed to run" : undefined,
    failures,
  });
}

/** A runner that exits with an error although its report counts no failed test (an unhandled error) still fails. */
function failOnExit(suite, code) {
  const t = tally.findLast((x) => x.suite === suite);
  if (code !== 0 && t && t.failed === 0) Object.assign(t, { failed: 1, note: `exited with code ${code}` });
}

async function vitest(project, suite, env, logFile, shard) {
  const out = path.join(results, `${suite}.json`);
  const code = await run(
    bin.vitest,
    [
      "run",
      "--project",
      project,
      ...(shard ? [`--shard=${shard}`] : []),
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${out}`,
    ],
    { env, logFile },
  );
  readVitest(out, suite);
  failOnExit(suite, code);
}

/** A lint tool is one check: it passes when the whole tree is clean. (The type check runs in the build.) */
async function lint(suite, script, args, logFile) {
  const ok = (await run(script, args, { logFile })) === 0;
  tally.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

async function build(logFile) {
  await must(path.join(root, "scripts/build-embed.mjs"), [], { logFile });
  const ok =
    (await run(bin.next, ["build"], { logFile })) === 0 &&
    (await run(path.join(root, "scripts/build-server.mjs"), [], { logFile })) === 0;
  if (!ok) {
    tally.push({ suite: "build", passed: 0, failed: 1 });
    throw new Error("the build failed: the integration and e2e suites need it");
  }
}

async function integrationSqlite(suite, shard, logFile) {
  const url = freshSqlite(suite);
  await migrateDeploy(url);
  await vitest("integration", suite, { DATABASE_URL: url }, logFile, shard);
}

async function integrationPostgres(suite, shard, logFile) {
  const name = `resonance_test_${Date.now()}_${suite.replace(/\W/g, "_")}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL_POSTGRES });
  // The admin connection idles through the whole run: a server that drops it must not crash the summary.
  client.on("error", (err) => fs.appendFileSync(logFile, `\nPostgreSQL admin connection: ${err.message}\n`));
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL_POSTGRES);
    url.pathname = `/${name}`;
    await migrateDeploy(url.toString());
    await vitest("integration", suite, { DATABASE_URL: url.toString() }, logFile, shard);
  } finally {
    // A fresh connection: the first may have been dropped while the suite ran.
    await client.end().catch(() => {});
    const dropper = new pg.Client({ connectionString: process.env.DATABASE_URL_POSTGRES });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  }
}

async function e2e(logFile) {
  // One seeded file, copied for every further worker (tests/e2e/helpers/servers.ts names the copies).
  const url = freshSqlite("e2e");
  await migrateDeploy(url);
  await must(bin.tsx, [path.join(root, "prisma/seed.ts")], { env: { DATABASE_URL: url }, logFile });
  const seeded = url.slice("file:".length);
  for (let i = 1; i < e2eWorkers; i++) {
    const copy = freshSqlite(`e2e-w${i}`).slice("file:".length);
    for (const suffix of ["", "-wal"])
      if (fs.existsSync(seeded + suffix)) fs.copyFileSync(seeded + suffix, copy + suffix);
  }
  const out = path.join(results, "e2e.json");
  const code = await run(bin.playwright, ["test"], {
    env: { E2E_DATABASE_URL: url, E2E_WORKERS: String(e2eWorkers), PLAYWRIGHT_JSON_OUTPUT_NAME: out },
    logFile,
  });
  if (!fs.existsSync(out)) return tally.push({ suite: "e2e", passed: 0, failed: 1, note: "no report" });
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  const s = report.stats;
  tally.push({
    suite: "e2e",
    passed: s.expected + (s.flaky ?? 0),
    failed: s.unexpected + (s.expected + s.unexpected + (s.flaky ?? 0) === 0 ? 1 : 0),
    failures: playwrightFailures(report.suites ?? []),
  });
  failOnExit("e2e", code);
}

/** "file:line › title: first line of the error" for every Playwright test that ended unexpectedly. */
function playwrightFailures(suites) {
  return suites.flatMap((suite) => [
    ...playwrightFailures(suite.suites ?? []),
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === "unexpected")
        .map((t) => {
          const error = t.results.findLast((r) => r.error)?.error?.message;
          return `${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error?.replace(/\x1b\[[0-9;]*m/g, ""))}`;
        }),
    ),
  ]);
}

/** One job per shard of the integration files, each with its own database and server. */
const integrationJobs = (database, runShard) =>
  Array.from({ length: shards }, (_, i) => {
    const name = shards === 1 ? `integration-${database}` : `integration-${database}-${i + 1}`;
    return { name, needs: "build", run: (log) => runShard(name, shards === 1 ? undefined : `${i + 1}/${shards}`, log) };
  });

// In the order they are started when a slot is free: the build first (the long suites wait for it), then the long
// suites, then the short ones that fill the slots left.
const jobs = [
  want("integration") || want("e2e") ? { name: "build", run: build } : null,
  want("e2e") ? { name: "e2e", needs: "build", weight: e2eWorkers, run: e2e } : null,
  ...(want("integration") && process.env.DATABASE_URL_POSTGRES ? integrationJobs("postgres", integrationPostgres) : []),
  ...(want("integration") ? integrationJobs("sqlite", integrationSqlite) : []),
  want("unit") ? { name: "unit", run: (log) => vitest("unit", "unit", {}, log) } : null,
  ...(want("lint")
    ? [
        ["lint-eslint", bin.eslint, [".", "--max-warnings", "0"]],
        ["lint-prettier", bin.prettier, ["--check", "--log-level", "warn", "."]],
        ["lint-cycles", bin.depcruise, ["--config", ".dependency-cruiser.mjs", "."]],
      ].map(([name, script, args]) => ({ name, run: (log) => lint(name, script, args, log) }))
    : []),
  want("components") ? { name: "components", run: (log) => vitest("components", "components", {}, log) } : null,
].filter(Boolean);

if (want("integration") && !process.env.DATABASE_URL_POSTGRES)
  console.log("DATABASE_URL_POSTGRES is not set: the PostgreSQL run is skipped (.ci/run always sets it).");

/** The CPU minutes a job used: the sum of the times after each "cpu:" line that scripts/lib.mjs run() logs. */
function cpuMinutes(logFile) {
  let seconds = 0;
  for (const [, line] of fs.readFileSync(logFile, "utf8").matchAll(/^cpu:\n(.+\n.+)$/gm))
    for (const [, m, sec] of line.matchAll(/(\d+)m([\d.]+)s/g)) seconds += Number(m) * 60 + Number(sec);
  return seconds / 60;
}

const state = new Map(jobs.map((j) => [j.name, "waiting"]));
const cpu = new Map();
await new Promise((allDone) => {
  let running = 0; // the weight of the jobs running now
  const startReady = () => {
    for (const job of jobs) {
      if (state.get(job.name) !== "waiting") continue;
      const weight = Math.min(job.weight ?? 1, capacity); // a job heavier than the capacity runs alone
      // While the build runs, one job beside it at most: every long suite waits for the build.
      const limit = state.get("build") === "running" ? Math.min(capacity, 2) : capacity;
      if (running + weight > limit) continue;
      const need = job.needs && state.get(job.needs);
      if (need === "failed") {
        state.set(job.name, "skipped");
        console.log(`${clock()}  ${job.name}: not run (${job.needs} failed)`);
        continue;
      }
      if (need && need !== "passed") continue;
      state.set(job.name, "running");
      running += weight;
      const logFile = path.join(results, `${job.name}.log`);
      fs.writeFileSync(logFile, "");
      console.log(`${clock()}  ${job.name}: started`);
      job
        .run(logFile)
        .then(
          () => "passed",
          (err) => {
            fs.appendFileSync(logFile, `\n${err?.stack ?? err}\n`);
            if (!tally.some((t) => t.suite === job.name)) tally.push({ suite: job.name, passed: 0, failed: 1 });
            return "failed";
          },
        )
        .then((end) => {
          state.set(job.name, end);
          running -= weight;
          const minutes = cpuMinutes(logFile);
          cpu.set(job.name, minutes);
          banner(
            `${job.name} (${end === "passed" ? "ended" : "FAILED"} at ${clock().trim()}, ${minutes.toFixed(1)} CPU-min)`,
          );
          process.stdout.write(fs.readFileSync(logFile, "utf8"));
          startReady();
          if (running === 0 && [...state.values()].every((s) => s !== "waiting" && s !== "running")) allDone();
        });
    }
    if (running === 0 && [...state.values()].every((s) => s !== "waiting" && s !== "running")) allDone();
  };
  startReady();
});

banner(
  `summary (${clock().trim()} in all; CPU-min per job: ${[...cpu].map(([j, m]) => `${j} ${m.toFixed(1)}`).join(", ")})`,
);
for (const t of tally)
  console.log(
    `${t.suite.padEnd(22)} ${String(t.passed).padStart(5)} passed ${String(t.failed).padStart(4)} failed${t.note ? `  (${t.note})` : ""}`,
  );
// What failed, by name, right above the closing line: CI shows the end of the output.
const failures = tally.flatMap((t) => (t.failures ?? []).map((f) => `${t.suite}: ${f}`));
if (failures.length) {
  banner(`failed (${failures.length}; the whole errors are in tmp/test-results/<job>.log)`);
  for (const f of failures.slice(0, 30)) console.log(`✗ ${f}`);
  if (failures.length > 30) console.log(`… and ${failures.length - 30} more`);
}
const passed = tally.reduce((s, t) => s + t.passed, 0);
const failed = tally.reduce((s, t) => s + t.failed, 0) + (tally.length === 0 ? 1 : 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
