// Benchmark: the theme figures over a year of analysed comments, read from the theme roll-up (ThemeDaily, docs/rollups.md
// "The theme roll-up") next to the raw analyses and matches joined to "Response", in the same run, on SQLite and
// PostgreSQL (docs/text-analytics.md, "Speed of the theme figures"):
//   npx tsx bench/themes-report.ts [--comments=1000000] [--only=sqlite|postgresql] [--postgres=<admin url>]
//                                  [--requests=10] [--rebuild] [--prepare-only]
// The data: one organization with `comments` responses over the 365 days before 2026-12-05, each with an NPS score
// and a comment (the evaluation set's comments, tests/text/evaluation.jsonl, English and German in turn, the score
// following the comment's labelled sentiment), at 10 touchpoints and 3 channels (and none), written by INSERT … SELECT
// over a generated series; their analyses are the analyser's answers for each distinct comment (starter taxonomy),
// written the same way — so every trigger of the roll-ups runs as it would for real writes, in statements of 50,000
// rows. Made once into tmp/bench/themes-report-<n>.db and the PostgreSQL database h_themeroll_bench_<n> and reused
// (--rebuild makes them anew). Then, alternating the two sources call by call, in this process (the report's own
// functions, no HTTP): the themes report (12 months), its trend (12 months by month; 90 days by week), the journey
// map's top themes per touchpoint (90 days) — p50 and p99 of each; and checks that both sources gave the same figures.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { arg, pct } from "./lib/timing";

const root = path.resolve(import.meta.dirname, "..");
const N = Number(arg("comments", "1000000"));
const label = N >= 1e6 ? `${Math.round(N / 1e6)}m` : `${Math.round(N / 1e3)}k`;
const sqliteFile = path.join(root, `tmp/bench/themes-report-${label}.db`);
const PG_DATABASE = process.env.BENCH_PG_DATABASE || `h_themeroll_bench_${label}`;
if (!/^[a-z_][a-z0-9_]*$/.test(PG_DATABASE)) throw new Error("BENCH_PG_DATABASE: lower-case letters, digits and _");
const SLUG = "themes-report-bench";
const NOW = new Date("2026-12-05T13:17:00Z");
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

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function seed(orgId: string) {
  const { db, provider } = await import("../lib/db");
  const { loadEvaluationSet } = await import("../lib/text/evaluation");
  const { analyse } = await import("../lib/text/analyse");
  const items = loadEvaluationSet();
  const L = items.length;
  const survey = await db.survey.create({
    data: { orgId, publicId: `themes${orgId}`, name: "Themes", type: "nps", status: "live", languages: ["en", "de"] },
  });
  const why = await db.surveyQuestion.create({
    data: { orgId, surveyId: survey.id, key: "why", type: "text", position: 0, text: { en: "Why?" } },
  });
  const journey = await db.journey.create({ data: { orgId, name: "Bench journey" } });
  const stage = await db.stage.create({ data: { orgId, journeyId: journey.id, name: "S", position: 0 } });
  const tps: string[] = [];
  for (let i = 0; i < 10; i++)
    tps.push(
      (
        await db.touchpoint.create({
          data: { orgId, journeyId: journey.id, stageId: stage.id, name: `T${i}`, kind: "service" },
        })
      ).id,
    );
  const chs: string[] = [];
  for (let i = 0; i < 3; i++) chs.push((await db.channel.create({ data: { orgId, key: `c${i}`, name: `C${i}` } })).id);

  // Each distinct comment analysed once: the rows of the generated data take the analysis of their comment.
  const analyses = items.map((it, k) => ({ k, ...analyse(it.text, it.language) }));
  const textRows = items
    .map((it, k) => {
      const base = it.sentiment === "negative" ? 0 : it.sentiment === "neutral" ? 7 : 9;
      const span = it.sentiment === "negative" ? 7 : 2;
      const a = analyses[k];
      return `(${k}, ${sqlText(it.text)}, ${sqlText(it.language)}, ${base}, ${span}, ${sqlText(a.language ?? "unsupported")}, ${a.sentiment ?? "NULL"}, ${sqlText(a.label)})`;
    })
    .join(", ");
  const themeRows = analyses.flatMap((a) => a.themes.map((t) => `(${a.k}, ${sqlText(t.theme)})`)).join(", ");
  const texts = `t(k, txt, lang, base, span, language, sentiment, label) AS (VALUES ${textRows})`;
  const themes = `tt(k, theme) AS (VALUES ${themeRows})`;
  const tpList = `(VALUES ${tps.map((t, i) => `(${i}, ${sqlText(t)})`).join(", ")})`;
  const chList = `(VALUES ${chs.map((c, i) => `(${i}, ${sqlText(c)})`).join(", ")})`;
  const sqlite = provider === "sqlite";
  const id = sqlite
    ? `'c' || lower(hex(randomblob(12)))`
    : `'c' || substr(md5(random()::text || clock_timestamp()::text), 1, 24)`;
  const series = (from: number, to: number) =>
    sqlite
      ? `(WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to}) SELECT i FROM n)`
      : `(SELECT i FROM generate_series(${from}, ${to}) AS g(i))`;
  const day = (i: string) =>
    sqlite
      ? `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2026-12-05T00:00:00', '-' || (${i} % 365 + 1) || ' days', '+' || ((${i} * 7919) % 86400) || ' seconds')`
      : `timestamp '2026-12-05' - (${i} % 365 + 1) * interval '1 day' + ((${i}::bigint * 7919) % 86400) * interval '1 second'`;
  const idx = sqlite ? `CAST(substr(r."clientId", 4) AS INTEGER)` : `CAST(substr(r."clientId", 4) AS INTEGER)`;
  const t0 = performance.now();
  const CHUNK = 50_000;
  for (let from = 0; from < N; from += CHUNK) {
    const to = Math.min(N, from + CHUNK) - 1;
    await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(
          `WITH ${texts}
           INSERT INTO "Response" ("id", "orgId", "surveyId", "surveyVersion", "clientId", "metric", "score", "category",
             "comment", "hasComment", "completed", "locale", "submittedAt", "completedAt", "createdAt", "updatedAt",
             "touchpointId", "channelId")
           SELECT ${id}, ${sqlText(orgId)}, ${sqlText(survey.id)}, 1, 'bf-' || s.i, 'nps', s.score,
             CASE WHEN s.score >= 9 THEN 'promoter' WHEN s.score >= 7 THEN 'passive' ELSE 'detractor' END,
             s.txt, ${sqlite ? 1 : "true"}, ${sqlite ? 1 : "true"}, s.lang, s.d, s.d, s.d, s.d, tp.column2, ch.column2
           FROM (SELECT n.i, t.txt, t.lang, t.base + (n.i / 7) % t.span AS score, ${day("n.i")} AS d
                 FROM ${series(from, to)} n JOIN t ON t.k = n.i % ${L}) s
           JOIN ${tpList} tp ON tp.column1 = s.i % 10
           LEFT JOIN ${chList} ch ON ch.column1 = s.i % 4`,
        );
        const mine = `r."surveyId" = ${sqlText(survey.id)} AND ${idx} BETWEEN ${from} AND ${to}`;
        await tx.$executeRawUnsafe(
          `INSERT INTO "Answer" ("id", "orgId", "responseId", "questionId", "valueText")
           SELECT ${id}, r."orgId", r."id", ${sqlText(why.id)}, r."comment" FROM "Response" r WHERE ${mine}`,
        );
        await tx.$executeRawUnsafe(
          `WITH ${texts}
           INSERT INTO "TextAnalysis" ("id", "orgId", "source", "responseId", "answerId", "isComment", "language",
             "sentiment", "label", "analyserVersion", "taxonomyVersion", "occurredAt")
           SELECT ${id}, r."orgId", 'answer', r."id", a."id", ${sqlite ? 1 : "true"}, t.language, t.sentiment, t.label, 1, 0, r."submittedAt"
           FROM "Response" r JOIN "Answer" a ON a."responseId" = r."id" AND a."valueText" IS NOT NULL
           JOIN t ON t.k = ${idx} % ${L} WHERE ${mine}`,
        );
        await tx.$executeRawUnsafe(
          `WITH ${themes}
           INSERT INTO "TextThemeMatch" ("id", "analysisId", "orgId", "themeKey", "source", "responseId", "isComment",
             "sentiment", "occurredAt", "spans")
           SELECT ${id}, x."id", r."orgId", tt.theme, 'answer', r."id", ${sqlite ? 1 : "true"}, x."sentiment", r."submittedAt", '[]'
           FROM "Response" r JOIN "TextAnalysis" x ON x."responseId" = r."id"
           JOIN tt ON tt.k = ${idx} % ${L} WHERE ${mine}`,
        );
      },
      { timeout: 600_000 },
    );
    process.stdout.write(`\r${provider.padEnd(10)} seeding ${to + 1}/${N}`);
  }
  if (!sqlite) await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  else await db.$executeRawUnsafe(`ANALYZE`);
  console.log(
    `\r${provider.padEnd(10)} seeded ${N} responses with an analysed comment (and the roll-ups by their triggers) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { touchpoints: tps };
}

async function child() {
  const { db, provider } = await import("../lib/db");
  let org = await db.organization.findFirst({ where: { slug: SLUG } });
  const have = org ? await db.response.count({ where: { orgId: org.id } }) : 0;
  if (!org || have !== N) {
    if (org) throw new Error(`${provider}: the organization has ${have} responses, not ${N}: run with --rebuild`);
    org = await db.organization.create({ data: { name: "Themes report bench", slug: SLUG } });
    await seed(org.id);
  }
  if (process.argv.includes("--prepare-only")) return;
  const orgId = org.id;
  const { getThemesReport, getThemeTrends } = await import("../lib/text-analytics/themes-report");
  const { themesByTouchpoint } = await import("../lib/text-analytics/touchpoint-themes");
  const touchpoints = (await db.touchpoint.findMany({ where: { orgId }, select: { id: true } })).map((t) => t.id);
  const [counts] = await db.$queryRawUnsafe<Array<{ rows: bigint | number; comments: bigint | number }>>(
    `SELECT COUNT(*) AS "rows", SUM(CASE WHEN "themeKey" = '' THEN "count" ELSE 0 END) AS "comments" FROM "ThemeDaily" WHERE "orgId" = '${orgId}'`,
  );
  const monthly = await db.themeMonthly.count({ where: { orgId } });
  const matches = await db.textThemeMatch.count({ where: { orgId } });
  console.log(
    `${provider.padEnd(10)} ${N} responses, ${Number(counts.comments)} analysed comments, ${matches} theme matches; ThemeDaily ${Number(counts.rows)} rows, ThemeMonthly ${monthly}; load ${load()}`,
  );
  const ctx = { orgId, userId: "bench", role: "viewer" as const, apiKeyId: null };
  const q90 = { from: new Date(NOW.getTime() - 90 * 86_400_000), to: NOW };
  const cases: Array<[string, (source?: "raw") => Promise<unknown>]> = [
    ["themes report, 12 months", (source) => getThemesReport(ctx, { preset: "12m" }, NOW, { source })],
    ["themes report, 30 days", (source) => getThemesReport(ctx, { preset: "30d" }, NOW, { source })],
    ["theme trends, 12 months by month", (source) => getThemeTrends(ctx, { preset: "12m" }, NOW, { source })],
    ["theme trends, 90 days by week", (source) => getThemeTrends(ctx, { preset: "90d" }, NOW, { source })],
    ["top themes of 10 touchpoints, 90 days", (source) => themesByTouchpoint(ctx, touchpoints, {}, q90, { source })],
  ];
  const requests = Number(arg("requests", "10"));
  for (const [name, fn] of cases) {
    const a = await fn();
    const b = await fn("raw");
    if (!isDeepStrictEqual(a, b)) throw new Error(`${name}: the roll-up and the raw rows gave different figures`);
    const rollup: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < requests; i++) {
      for (const [source, out] of [
        [undefined, rollup],
        ["raw", raw],
      ] as const) {
        const t = performance.now();
        await fn(source);
        out.push(performance.now() - t);
      }
    }
    const f = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(0)} ms, p99 ${pct(xs, 99).toFixed(0)} ms`;
    console.log(
      `${provider.padEnd(10)} ${name.padEnd(40)} roll-up ${f(rollup)} | raw ${f(raw)} | ${(pct(raw, 50) / pct(rollup, 50)).toFixed(1)}× (same figures; load ${load()})`,
    );
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
      ["node_modules/tsx/dist/cli.mjs", path.join("bench", "themes-report.ts"), "--child", ...process.argv.slice(2)],
      { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" },
    );
  console.log(`themes report benchmark: ${N} comments; node ${process.version}; load ${load()}`);
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
