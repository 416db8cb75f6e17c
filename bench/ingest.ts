// Benchmark: survey response ingestion through the public API of the production build
// (POST /api/v1/public/surveys/:publicId/responses, autocannon on loopback, a fresh clientId and respondent
// per request),
// then a row count that must equal the number of 2xx answers (nothing accepted is lost), next to the raw
// database insert rate of the same rows in the same run.
//   npx tsx bench/ingest.ts [--duration=20] [--connections=16] [--workers=1] [--postgres=<admin url>] [--only=sqlite|postgresql]
//                           [--cpu-prof=<dir>]   (the server writes a V8 CPU profile there when it stops)
//                           [--fast-path=off]    (every request through Next.js's pipeline, for comparison)
//                           [--rollups=off]      (without the daily roll-ups' triggers, docs/rollups.md: their cost)
//                           [--theme-rollups=off] (without the theme roll-ups' triggers, docs/text-analytics.md)
//   BENCH_PG_DATABASE names the scratch PostgreSQL database (default resonance_bench_ingest), dropped after.
//                           [--comments=realistic] (the comments are the English ones of tests/text/evaluation.jsonl,
//                                                   68 characters on average, instead of "Reason 12" and "Fast")
// Text analytics runs on every accepted comment (docs/text-analytics.md); TEXT_ANALYTICS=off in the environment
// turns it off, for the comparison.
//                           [--compare=text-analytics --rounds=4] (text analytics off and on in the same run: servers
//                                   started in turn, off/on then on/off …, each round `duration` s after a warm-up
//                                   of --warm-up=8 s, on one database; prints the server CPU per response of each round with
//                                   the load average, and the medians; no raw-database part)
//                           [--dists=.next,.next-after] (with --compare: each round once per build, NEXT_DIST_DIR,
//                                   so that two builds of the code are compared in the same run)
// Needs `npx next build` first. The built-in public rate limits (30/min per respondent, 1,000/min per
// survey) would stop a load test, so the server runs with RESONANCE_PUBLIC_RATE_LIMITS raised (still counted
// in the database on every request, as in production). Also prints the server's CPU milliseconds per
// accepted response (and per GET /api/health, the cheapest route, for scale): unlike responses/s, that
// figure hardly moves when other work shares the machine. Prints figures; nothing is asserted.
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startServer } from "../tests/server";
import { groupCpuMs } from "./lib/cpu";
import { loadEvaluationSet } from "../lib/text/evaluation";

const arg = (name: string, fallback: string) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split("=")
    .slice(1)
    .join("=") ?? fallback;
const duration = Number(arg("duration", "20"));
const connections = Number(arg("connections", "16"));
const only = arg("only", "");
const workers = Number(arg("workers", "1")); // server processes (RESONANCE_WORKERS, node:cluster)
const profile = arg("cpu-prof", ""); // a directory: the server writes a V8 CPU profile there when it stops
const root = path.resolve(import.meta.dirname, "..");

const QUESTIONS = [
  {
    key: "nps",
    type: "score",
    required: true,
    headline: true,
    scaleMin: 0,
    scaleMax: 10,
    text: { en: "How likely are you to recommend us?" },
  },
  {
    key: "why_low",
    type: "text",
    required: true,
    text: { en: "What went wrong?" },
    logic: { showIf: { question: "nps", lte: 6 } },
  },
  { key: "why_high", type: "text", text: { en: "What did you like?" }, logic: { showIf: { question: "nps", gte: 9 } } },
  {
    key: "plan",
    type: "single_choice",
    required: true,
    text: { en: "Plan" },
    options: [
      { key: "basic", label: "Basic" },
      { key: "pro", label: "Pro" },
    ],
  },
];

const REALISTIC =
  arg("comments", "short") === "realistic"
    ? loadEvaluationSet()
        .filter((c) => c.language === "en")
        .map((c) => c.text)
    : [];
const comment = (i: number, short: string) => (REALISTIC.length ? REALISTIC[i % REALISTIC.length] : short);

/** A complete, valid set of answers (every third one a detractor with a comment). */
function answers(i: number): Record<string, unknown> {
  const nps = i % 11;
  return {
    nps,
    ...(nps <= 6 ? { why_low: comment(i, `Reason ${i}`) } : nps >= 9 ? { why_high: comment(i, "Fast") } : {}),
    plan: i % 2 ? "pro" : "basic",
  };
}

function migrate(url: string) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  const rollupsOff = arg("rollups", "on") === "off";
  const themeRollupsOff = arg("theme-rollups", "on") === "off";
  if (rollupsOff || themeRollupsOff) {
    // For comparison only: the scratch database without the roll-ups' triggers (nothing reads them here). Responses
    // are what this benchmark ingests; the interaction roll-up's go too, so that "off" means no roll-up at all.
    // --theme-rollups=off drops the theme roll-ups' triggers (docs/text-analytics.md), to see what they cost.
    const triggers = (pairs: string[], kinds: string[]) =>
      pairs.flatMap((pair) => {
        const [rollup, table] = pair.split(":");
        return kinds.map((k) =>
          url.startsWith("file:") ? `DROP TRIGGER "${rollup}_${k}"` : `DROP TRIGGER "${rollup}_${k}" ON "${table}"`,
        );
      });
    const drop = [
      ...(rollupsOff
        ? triggers(
            [
              "ResponseDailyOrg:Response",
              "ResponseMonthly:Response",
              "InteractionDaily:Interaction",
              "InteractionMonthly:Interaction",
            ],
            ["insert", "update", "delete"],
          )
        : []),
      ...(themeRollupsOff
        ? [
            ...triggers(
              ["ThemeRollups_analysis:TextAnalysis", "ThemeRollups_match:TextThemeMatch"],
              ["insert", "update", "delete"],
            ),
            ...triggers(["ThemeRollups_response:Response"], ["update", "delete"]),
          ]
        : []),
    ];
    execFileSync(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "-e",
        `import("./lib/db").then(async ({ db }) => { for (const s of ${JSON.stringify(drop)}) await db.$executeRawUnsafe(s); await db.$disconnect(); })`,
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" },
    );
  }
}

async function setUp(db: Awaited<ReturnType<typeof import("../lib/db").createDb>>["db"]) {
  const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${randomUUID().slice(0, 8)}` } });
  await db.channel.create({ data: { orgId: org.id, key: "web", name: "Website" } });
  const mk = async (name: string) => {
    const survey = await db.survey.create({
      data: {
        orgId: org.id,
        publicId: `bench${randomUUID().replaceAll("-", "")}`,
        name,
        type: "nps",
        status: "live",
        languages: ["en"],
        defaultLocale: "en",
      },
    });
    await db.surveyQuestion.createMany({
      data: QUESTIONS.map((q, position) => ({ ...q, orgId: org.id, surveyId: survey.id, position })),
    });
    return survey;
  };
  return { org, http: await mk("Bench via HTTP"), raw: await mk("Bench raw inserts") };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** --compare=text-analytics: rounds of the same load with text analytics off and on (and per build, --dists). */
async function compare(label: string, url: string) {
  const { createDb } = await import("../lib/db");
  const { db } = createDb(url);
  const { http } = await setUp(db);
  const rounds = Number(arg("rounds", "4"));
  const dists = arg("dists", process.env.NEXT_DIST_DIR || ".next").split(",");
  const route = `/api/v1/public/surveys/${http.publicId}/responses`;
  const results = new Map<string, number[]>();
  let n = 0;
  const load = async (server: Awaited<ReturnType<typeof startServer>>, seconds: number) =>
    autocannon({
      url: server.url,
      connections,
      duration: seconds,
      requests: [
        {
          method: "POST",
          path: route,
          headers: { "content-type": "application/json", "user-agent": "Mozilla/5.0 (bench) Chrome/126.0" },
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
            body: JSON.stringify({ clientId: randomUUID(), answers: answers(n++), complete: true, channel: "web" }),
          }),
        },
      ],
    });
  try {
    for (let r = 0; r < rounds; r++) {
      const states = r % 2 === 0 ? ["off", "on"] : ["on", "off"];
      for (const dist of r % 2 === 0 ? dists : [...dists].reverse())
        for (const state of states) {
          process.env.NEXT_DIST_DIR = dist;
          const server = await startServer({
            databaseUrl: url,
            env: {
              RESONANCE_PUBLIC_RATE_LIMITS: "100000000,100000000",
              RESONANCE_WORKERS: String(workers),
              RESONANCE_FAST_PATH: arg("fast-path", "on"),
              TEXT_ANALYTICS: state,
              NEXT_DIST_DIR: dist,
            },
            nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [],
          });
          try {
            // Warm-up: JIT (the analyser's first ~2,000 comments in a process run slower, docs/text-analytics.md), caches.
            await load(server, Number(arg("warm-up", "8")));
            const pgid = server.process.pid!;
            const cpu0 = groupCpuMs(pgid);
            const result = await load(server, duration);
            const ok = result["2xx"];
            const cpu = (groupCpuMs(pgid) - cpu0) / Math.max(1, ok);
            const key = `${dists.length > 1 ? `${dist} ` : ""}text analytics ${state}`;
            results.set(key, [...(results.get(key) ?? []), cpu]);
            console.log(
              `${label.padEnd(10)} round ${r + 1} ${key.padEnd(30)} ${cpu.toFixed(3)} ms CPU per accepted response  ` +
                `${(ok / result.duration).toFixed(0)}/s  p50 ${result.latency.p50} ms  non-2xx ${result.non2xx}  load ${os
                  .loadavg()
                  .map((l) => l.toFixed(1))
                  .join(" ")}`,
            );
          } finally {
            await server.stop();
          }
        }
    }
    for (const [key, xs] of results)
      console.log(
        `${label.padEnd(10)} median ${key.padEnd(30)} ${median(xs).toFixed(3)} ms  (${xs.map((x) => x.toFixed(3)).join(" / ")})`,
      );
    for (const dist of dists) {
      const prefix = dists.length > 1 ? `${dist} ` : "";
      const off = results.get(`${prefix}text analytics off`)!;
      const on = results.get(`${prefix}text analytics on`)!;
      const pairs = off.map((o, i) => on[i] / o - 1);
      console.log(
        `${label.padEnd(10)} ${prefix}cost of text analytics: median of rounds ${((median(on) / median(off) - 1) * 100).toFixed(1)} %, ` +
          `round by round ${pairs.map((x) => `${(x * 100).toFixed(1)} %`).join(" / ")}`,
      );
    }
    const stored = await db.response.count({ where: { surveyId: http.id } });
    const analysed = await db.textAnalysis.count({ where: { response: { surveyId: http.id } } });
    console.log(`${label.padEnd(10)} stored ${stored} responses, ${analysed} analyses`);
  } finally {
    await db.$disconnect();
  }
}

async function run(label: string, url: string) {
  if (arg("compare", "") === "text-analytics") return compare(label, url);
  const { createDb } = await import("../lib/db");
  const { db } = createDb(url);
  const { org, http, raw } = await setUp(db);
  const server = await startServer({
    databaseUrl: url,
    env: {
      RESONANCE_PUBLIC_RATE_LIMITS: "100000000,100000000",
      RESONANCE_WORKERS: String(workers),
      RESONANCE_FAST_PATH: arg("fast-path", "on"),
    },
    nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [],
  });
  try {
    const route = `/api/v1/public/surveys/${http.publicId}/responses`;
    // The ceiling: the cheapest route of the same server (no database), for scale.
    const pgid = server.process.pid!;
    let cpu0 = groupCpuMs(pgid);
    const health = await autocannon({ url: `${server.url}/api/health`, connections, duration: Math.min(duration, 5) });
    const healthCpu = (groupCpuMs(pgid) - cpu0) / health["2xx"];
    let n = 0;
    const accepted: string[] = []; // the clientIds the server answered 2xx
    cpu0 = groupCpuMs(pgid);
    const result = await autocannon({
      url: server.url,
      connections,
      duration,
      requests: [
        {
          method: "POST",
          path: route,
          headers: { "content-type": "application/json", "user-agent": "Mozilla/5.0 (bench) Chrome/126.0" },
          // A different respondent each time (X-Forwarded-For, as behind a proxy): each request has its own
          // per-respondent rate-limit counter to update, as in production.
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
            body: JSON.stringify({ clientId: randomUUID(), answers: answers(n++), complete: true, channel: "web" }),
          }),
          onResponse: (status, body) => {
            if (status >= 200 && status < 300) accepted.push(JSON.parse(body).clientId);
          },
        },
      ],
    });
    const ok = result["2xx"];
    const cpuPerResponse = (groupCpuMs(pgid) - cpu0) / Math.max(1, ok);
    const stored = await db.response.count({ where: { surveyId: http.id } });
    let found = 0;
    for (let i = 0; i < accepted.length; i += 500)
      found += await db.response.count({ where: { surveyId: http.id, clientId: { in: accepted.slice(i, i + 500) } } });
    const storedAnswers = await db.answer.count({ where: { response: { surveyId: http.id } } });
    const seconds = result.duration;
    console.log(
      `${label.padEnd(10)} HTTP: ${(ok / seconds).toFixed(0)} accepted responses/s over ${seconds.toFixed(1)} s (${connections} connections, ${workers} server process${workers > 1 ? "es" : ""}${arg("fast-path", "on") === "off" ? ", all through Next.js" : ""})  ` +
        `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  2xx ${ok}  non-2xx ${result.non2xx}  errors ${result.errors}  timeouts ${result.timeouts}`,
    );
    console.log(
      `${"".padEnd(10)} server CPU: ${cpuPerResponse.toFixed(2)} ms per accepted response (→ ${(1000 / cpuPerResponse).toFixed(0)}/s on one free core); ` +
        `GET /api/health for scale: ${(health["2xx"] / health.duration).toFixed(0)} req/s, ${healthCpu.toFixed(2)} ms CPU each (→ ${(1000 / healthCpu).toFixed(0)}/s)`,
    );
    if (result.non2xx)
      console.log(
        `${"".padEnd(10)} status codes: ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])))}`,
      );
    // Requests still in flight when autocannon stops are not counted by it but may be stored: hence ≥.
    console.log(
      `${"".padEnd(10)} stored rows: ${stored} responses, ${storedAnswers} answers; 2xx ${ok}; accepted clientIds found ${found}/${accepted.length} — ` +
        (found === ok && accepted.length === ok
          ? `nothing accepted is lost${stored > ok ? ` (${stored - ok} more stored: in flight when the run stopped)` : ""}`
          : "MISMATCH"),
    );

    // The same rows straight into the database: (a) one Prisma transaction per response (create with nested
    // answers), sequential — what the request path writes, minus HTTP, validation and rate limiting;
    // (b) multi-row INSERTs with insertBatches (lib/db-bulk.ts), the bulk path of imports and demo data.
    const questions = await db.surveyQuestion.findMany({
      where: { surveyId: raw.id },
      select: { id: true, key: true },
    });
    const qid = Object.fromEntries(questions.map((q) => [q.key, q.id]));
    const rows = (i: number) => {
      const a = answers(i);
      return Object.entries(a).map(([k, v]) => ({
        orgId: org.id,
        questionId: qid[k],
        ...(typeof v === "number" ? { valueNumber: v } : k === "plan" ? { valueChoice: v } : { valueText: String(v) }),
      }));
    };
    const single = Math.min(ok || 2000, 3000);
    let t = performance.now();
    for (let i = 0; i < single; i++) {
      const nps = i % 11;
      await db.$transaction((tx) =>
        tx.response.create({
          data: {
            orgId: org.id,
            surveyId: raw.id,
            clientId: randomUUID(),
            metric: "nps",
            score: nps,
            category: nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor",
            completed: true,
            completedAt: new Date(),
            answers: { createMany: { data: rows(i) as never } },
          },
          select: { id: true },
        }),
      );
    }
    const perTx = single / ((performance.now() - t) / 1000);
    const { insertBatches } = await import("../lib/db-bulk");
    const bulkN = Math.max(ok, 10_000);
    const now = new Date();
    const responses: object[] = [];
    const answerRows: object[] = [];
    for (let i = 0; i < bulkN; i++) {
      const id = randomUUID();
      const nps = i % 11;
      responses.push({
        id,
        orgId: org.id,
        surveyId: raw.id,
        surveyVersion: 1,
        clientId: randomUUID(),
        metric: "nps",
        score: nps,
        category: nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor",
        hasComment: false,
        completed: true,
        submittedAt: now,
        completedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      // Json columns take JSON text here ("pro" → '"pro"'), as Prisma would send it.
      for (const r of rows(i))
        answerRows.push({
          id: randomUUID(),
          responseId: id,
          valueNumber: null,
          valueText: null,
          ...r,
          valueChoice: "valueChoice" in r ? JSON.stringify(r.valueChoice) : null,
        });
    }
    t = performance.now();
    await db.$transaction(
      async (tx) => {
        await insertBatches(tx, "Response", "responses", responses);
        await insertBatches(tx, "Answer", "answers", answerRows);
      },
      { timeout: 600_000 },
    );
    const bulk = bulkN / ((performance.now() - t) / 1000);
    console.log(
      `${"".padEnd(10)} raw DB: ${perTx.toFixed(0)} responses/s one transaction per response (${single} sequential, Prisma create + nested answers); ${bulk.toFixed(0)} responses/s bulk (insertBatches, ${bulkN} responses + ${answerRows.length} answers in one transaction)`,
    );
  } finally {
    await server.stop();
    await db.$disconnect();
  }
}

if (only !== "postgresql") {
  const file = path.join(root, arg("sqlite-file", "tmp/bench/ingest.db"));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  migrate(`file:${file}`);
  await run("sqlite", `file:${file}`);
}

const admin = arg("postgres", process.env.DATABASE_URL_POSTGRES ?? "");
if (admin && only !== "sqlite") {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const name = process.env.BENCH_PG_DATABASE || "resonance_bench_ingest";
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("BENCH_PG_DATABASE: lower-case letters, digits and _");
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  try {
    migrate(u.toString());
    await run("postgresql", u.toString());
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}
