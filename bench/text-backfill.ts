// Benchmark: analysing history — the background job `text-analysis` (lib/text-analytics/retag.ts on the job runner of
// lib/jobs/runner.ts, with its lease) over 1,000,000 comments that have no analysis yet, on SQLite and PostgreSQL, next
// to the raw speed of the analyser on the same comments (docs/text-analytics.md, "Speed"); then, with --themes=N, the
// themes report over those 1,000,000 analysed comments: GET /api/v1/metrics/themes (12 months) through the production
// build against its own SQL sent straight to the driver.
//   npx tsx bench/text-backfill.ts [--comments=1000000] [--only=sqlite|postgresql] [--postgres=<admin url>]
//                                   [--rebuild] [--prepare-only] [--themes=0] [--seconds=0]
// (--seconds=N stops the job after N seconds and prints the rate so far: for profiles.)
// The data: one organization with `comments` responses over the last 365 days, each with an NPS answer and a comment
// (the evaluation set's comments, tests/text/evaluation.jsonl, English and German, in turn; the score follows the
// comment's labelled sentiment), written by INSERT … SELECT over a generated series (a few seconds per million rows),
// made once into tmp/bench/text-backfill-1m.db and the PostgreSQL database h_textperf_backfill_1m and reused (its
// analyses are deleted before each run; --rebuild makes it anew). The job runs in this process, tick after tick, as an
// instance's worker would without the pause between ticks. Prints figures; asserts only that every comment was
// analysed exactly once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { arg, pct, timeIt } from "./lib/timing";

const root = path.resolve(import.meta.dirname, "..");
const N = Number(arg("comments", "1000000"));
const label = N >= 1e6 ? `${Math.round(N / 1e6)}m` : `${Math.round(N / 1e3)}k`;
const sqliteFile = path.join(root, `tmp/bench/text-backfill-${label}.db`);
const PG_DATABASE = process.env.BENCH_PG_DATABASE || `h_textperf_backfill_${label}`;
if (!/^[a-z_][a-z0-9_]*$/.test(PG_DATABASE)) throw new Error("BENCH_PG_DATABASE: lower-case letters, digits and _");
const SLUG = "text-backfill-bench";
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

function migrate(url: string) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
}

async function child() {
  const { db, provider } = await import("../lib/db");
  const { loadEvaluationSet } = await import("../lib/text/evaluation");
  const { analyse } = await import("../lib/text/analyse");
  const { startJob, runJobsTick } = await import("../lib/jobs/runner");
  const { TEXT_ANALYSIS_JOB } = await import("../lib/text-analytics/retag");
  const items = loadEvaluationSet();
  const texts = items.map((i) => i.text);
  const locales = items.map((i) => i.language);
  // The score follows the labelled sentiment: negative → detractor (0–6), neutral → passive, positive → promoter.
  const bases = items.map((i) => (i.sentiment === "negative" ? 0 : i.sentiment === "neutral" ? 7 : 9));
  const spans = items.map((i) => (i.sentiment === "negative" ? 7 : 2));

  let org = await db.organization.findFirst({ where: { slug: SLUG } });
  const have = org ? await db.response.count({ where: { orgId: org.id } }) : 0;
  if (!org || have !== N) {
    if (org) throw new Error(`${provider}: the organization has ${have} responses, not ${N}: run with --rebuild`);
    org = await db.organization.create({ data: { name: "Text backfill bench", slug: SLUG } });
    const user = await db.user.create({ data: { email: `bench-${org.id}@example.test`, name: "Bench" } });
    await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "admin" } });
    const survey = await db.survey.create({
      data: {
        orgId: org.id,
        publicId: `backfill${org.id}`,
        name: "Backfill",
        type: "nps",
        status: "live",
        languages: ["en", "de"],
        defaultLocale: "en",
      },
    });
    const nps = await db.surveyQuestion.create({
      data: {
        orgId: org.id,
        surveyId: survey.id,
        key: "nps",
        type: "score",
        required: true,
        headline: true,
        scaleMin: 0,
        scaleMax: 10,
        position: 0,
        text: { en: "How likely are you to recommend us?" },
      },
    });
    const why = await db.surveyQuestion.create({
      data: { orgId: org.id, surveyId: survey.id, key: "why", type: "text", position: 1, text: { en: "Why?" } },
    });
    const t0 = performance.now();
    const CHUNK = 100_000;
    const json = (xs: unknown[]) => JSON.stringify(xs);
    for (let from = 0; from < N; from += CHUNK) {
      const to = Math.min(N, from + CHUNK) - 1;
      await db.$transaction(
        async (tx) => {
          if (provider === "sqlite") {
            // k: the comment; the day: i % 365 days ago, the second of the day from i. Ids random, as newId()'s.
            const pick = (arr: string, k = "i % CAST(? AS INTEGER)") => `json_extract(${arr}, '$[' || (${k}) || ']')`;
            await tx.$executeRawUnsafe(
              `WITH RECURSIVE n(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < CAST(? AS INTEGER))
               INSERT INTO "Response" ("id", "orgId", "surveyId", "surveyVersion", "clientId", "metric", "score", "category",
                 "comment", "hasComment", "completed", "locale", "submittedAt", "completedAt", "createdAt", "updatedAt")
               SELECT 'c' || lower(hex(randomblob(12))), ?, ?, 1, 'bf-' || i, 'nps', s, CASE WHEN s >= 9 THEN 'promoter' WHEN s >= 7 THEN 'passive' ELSE 'detractor' END,
                 t, 1, 1, l, d, d, d, d
               FROM (SELECT i, ${pick("?")} AS t, ${pick("?")} AS l,
                       CAST(${pick("?")} AS INTEGER) + (i / 7) % CAST(${pick("?")} AS INTEGER) AS s,
                       strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2026-12-05T00:00:00', '-' || (i % 365) || ' days', '+' || (i % 86400) || ' seconds') AS d
                     FROM n)`,
              from,
              to,
              org!.id,
              survey.id,
              json(texts),
              texts.length,
              json(locales),
              texts.length,
              json(bases),
              texts.length,
              json(spans),
              texts.length,
            );
          } else {
            await tx.$executeRawUnsafe(
              `INSERT INTO "Response" ("id", "orgId", "surveyId", "surveyVersion", "clientId", "metric", "score", "category",
                 "comment", "hasComment", "completed", "locale", "submittedAt", "completedAt", "createdAt", "updatedAt")
               SELECT 'c' || substr(md5(random()::text || i::text), 1, 24), $3, $4, 1, 'bf-' || i, 'nps', s,
                 CASE WHEN s >= 9 THEN 'promoter' WHEN s >= 7 THEN 'passive' ELSE 'detractor' END, t, true, true, l, d, d, d, d
               FROM (SELECT i, ($5::text[])[i % $9 + 1] AS t, ($6::text[])[i % $9 + 1] AS l,
                       ($7::int[])[i % $9 + 1] + (i / 7) % ($8::int[])[i % $9 + 1] AS s,
                       timestamp '2026-12-05' - (i % 365) * interval '1 day' + (i % 86400) * interval '1 second' AS d
                     FROM generate_series($1::int, $2::int) AS n(i)) g`,
              from,
              to,
              org!.id,
              survey.id,
              texts,
              locales,
              bases,
              spans,
              texts.length,
            );
          }
          // The answers of those responses: the score, and the comment as the text answer (both random ids).
          const id =
            provider === "sqlite"
              ? `'c' || lower(hex(randomblob(12)))`
              : `'c' || substr(md5(random()::text || r."id"), 1, 24)`;
          // SQLite binds "?" in the order of appearance (the question first), PostgreSQL $n by number.
          const p = (k: number) => (provider === "sqlite" ? `?` : `$${k}`);
          const series =
            provider === "sqlite"
              ? `(WITH RECURSIVE m(k) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT k + 1 FROM m WHERE k < CAST(? AS INTEGER)) SELECT k FROM m)`
              : `generate_series($2::int, $3::int) AS m(k)`;
          const chunk = `r."surveyId" = ${p(1)} AND r."clientId" IN (SELECT 'bf-' || k FROM ${series})`;
          await tx.$executeRawUnsafe(
            `INSERT INTO "Answer" ("id", "orgId", "responseId", "questionId", "valueNumber")
             SELECT ${id}, r."orgId", r."id", ${p(4)}, r."score" FROM "Response" r WHERE ${chunk}`,
            ...(provider === "sqlite" ? [nps.id, survey.id, from, to] : [survey.id, from, to, nps.id]),
          );
          await tx.$executeRawUnsafe(
            `INSERT INTO "Answer" ("id", "orgId", "responseId", "questionId", "valueText")
             SELECT ${id}, r."orgId", r."id", ${p(4)}, r."comment" FROM "Response" r WHERE ${chunk}`,
            ...(provider === "sqlite" ? [why.id, survey.id, from, to] : [survey.id, from, to, why.id]),
          );
        },
        { timeout: 600_000 },
      );
      process.stdout.write(`\r${provider.padEnd(10)} seeding ${to + 1}/${N}`);
    }
    if (provider === "postgresql") await db.$executeRawUnsafe(`ANALYZE`);
    console.log(
      `\r${provider.padEnd(10)} seeded ${N} responses with a comment in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  if (process.argv.includes("--prepare-only")) return;
  const orgId = org.id;

  // Fresh start: no analysis, no job, the starter taxonomy (version 0).
  let t = performance.now();
  await db.textAnalysis.deleteMany({ where: { orgId } });
  await db.backgroundJob.deleteMany({ where: { orgId } });
  await db.textTaxonomy.deleteMany({ where: { orgId } });
  if (provider === "postgresql") await db.$executeRawUnsafe(`VACUUM ANALYZE "TextAnalysis"`);
  if (provider === "postgresql") await db.$executeRawUnsafe(`VACUUM ANALYZE "TextThemeMatch"`);
  console.log(`${provider.padEnd(10)} reset (analyses deleted) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The analyser alone on the same comments, this process's CPU (stems cached, as in the job's steady state).
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  for (const i of items) analyse(i.text, i.language);
  let n = 0;
  let c0 = cpu();
  while (cpu() - c0 < 2000) {
    for (const i of items) analyse(i.text, i.language);
    n += items.length;
  }
  const rawRate = (n / (cpu() - c0)) * 1000;
  console.log(
    `${provider.padEnd(10)} analyser alone: ${Math.round(rawRate).toLocaleString("en")} comments per CPU second`,
  );

  const loadBefore = load();
  t = performance.now();
  c0 = cpu();
  const { job } = await startJob(orgId, TEXT_ANALYSIS_JOB, null);
  const totalMs = performance.now() - t;
  let last = performance.now();
  let ticks = 0;
  for (;;) {
    await runJobsTick({ orgId });
    ticks += 1;
    const j = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    if (performance.now() - last > 15_000) {
      const s = (performance.now() - t) / 1000;
      console.log(
        `${provider.padEnd(10)}   ${j.done}/${j.total} after ${s.toFixed(0)} s (${Math.round(j.done / s)}/s), load ${load()}`,
      );
      last = performance.now();
    }
    if (j.status === "failed") throw new Error(`the job failed: ${j.error}`);
    const stopAfter = Number(arg("seconds", "0"));
    if (stopAfter > 0 && performance.now() - t > stopAfter * 1000) {
      const s = (performance.now() - t) / 1000;
      console.log(
        `${provider.padEnd(10)} stopped: ${j.done} comments in ${s.toFixed(1)} s → ${Math.round(j.done / s)}/s; this process ${(((cpu() - c0) / j.done) * 1000).toFixed(0)} µs CPU a comment; load ${load()}`,
      );
      return;
    }
    if (j.status === "done") {
      const wall = (performance.now() - t) / 1000;
      const used = cpu() - c0;
      const analysed = await db.textAnalysis.count({ where: { orgId } });
      const matches = await db.textThemeMatch.count({ where: { orgId } });
      console.log(
        `${provider.padEnd(10)} backfill: ${j.done} comments in ${wall.toFixed(1)} s → ${Math.round(j.done / wall).toLocaleString("en")} comments/s ` +
          `(the job's count of the work ${totalMs.toFixed(0)} ms; ${ticks} ticks; this process ${(used / 1000).toFixed(1)} s CPU = ${((used / j.done) * 1000).toFixed(0)} µs a comment` +
          `${provider === "postgresql" ? " + the PostgreSQL backend's" : ", database included"}); ${analysed} analyses, ${matches} theme matches; ` +
          `load ${loadBefore} → ${load()}`,
      );
      if (analysed !== N || (j.result as { analysed?: number }).analysed !== N)
        throw new Error(`MISMATCH: ${analysed} analyses, the job counted ${JSON.stringify(j.result)}, ${N} comments`);
      break;
    }
  }

  const requests = Number(arg("themes", "0"));
  if (requests > 0) await themes(orgId, requests);
}

/** GET /api/v1/metrics/themes (12 months) over the whole dataset, through HTTP and as its own SQL. */
async function themes(orgId: string, requests: number) {
  const { db, provider } = await import("../lib/db");
  const { startServer } = await import("../tests/server");
  const { benchViewerKey } = await import("./lib/api-key");
  const { captureRawSql, rawDriver } = await import("./lib/raw-sql");
  const { getThemesReport } = await import("../lib/text-analytics/themes-report");
  const { themesQuery } = await import("../lib/text-analytics/themes-csv");
  const ctx = { orgId, userId: "bench", role: "viewer" as const, apiKeyId: null };
  const query = themesQuery.parse({ preset: "12m" });
  const statements = await captureRawSql(db, () => getThemesReport(ctx, query));
  const driver = await rawDriver(process.env.DATABASE_URL!, provider);
  const server = await startServer({ databaseUrl: process.env.DATABASE_URL! });
  try {
    const key = await benchViewerKey(db, orgId);
    const get = async () => {
      const res = await fetch(`${server.url}/api/v1/metrics/themes?preset=12m`, {
        headers: { authorization: `Bearer ${key}` },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status} ${await res.text()}`);
      return res.json();
    };
    const report = (await get()) as { comments?: number; themes?: { key: string; mentions: number }[] };
    const http = await timeIt(requests, get, 2);
    const raw = await timeIt(
      requests,
      async () => {
        for (const q of statements) await driver.run(q);
      },
      2,
    );
    console.log(
      `${provider.padEnd(10)} themes report, 12 months over ${report.comments ?? "?"} comments: HTTP p50 ${pct(http, 50).toFixed(0)} p99 ${pct(http, 99).toFixed(0)} ms; ` +
        `its ${statements.length} raw statements p50 ${pct(raw, 50).toFixed(0)} p99 ${pct(raw, 99).toFixed(0)} ms; ratio p50 ${(pct(http, 50) / pct(raw, 50)).toFixed(2)}×; load ${load()}`,
    );
  } finally {
    await server.stop();
    await driver.close();
  }
}

if (process.argv.includes("--child")) {
  await child();
  const { db } = await import("../lib/db");
  await db.$disconnect();
} else {
  const only = arg("only", "");
  const rebuild = process.argv.includes("--rebuild");
  const run = (url: string) =>
    execFileSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", path.join("bench", "text-backfill.ts"), "--child", ...process.argv.slice(2)],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url },
        stdio: "inherit",
      },
    );
  console.log(`text backfill benchmark: ${N} comments; node ${process.version}; load ${load()}`);
  if (only !== "postgresql") {
    fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
    if (rebuild) for (const f of [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`]) fs.rmSync(f, { force: true });
    migrate(`file:${sqliteFile}`);
    run(`file:${sqliteFile}`);
  }
  const admin = arg("postgres", process.env.DATABASE_URL_POSTGRES ?? "");
  if (admin && only !== "sqlite") {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    if (rebuild) await client.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
    const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [PG_DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${PG_DATABASE}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${PG_DATABASE}`;
    migrate(u.toString());
    run(u.toString());
  }
}
