// Benchmark: the dashboard's headline NPS/CSAT/CES (last 90 days) through the real HTTP endpoint of the
// production build, next to the same GROUP BY sent straight to the database, in the same run.
//   npx tsx bench/headline.ts [--scale=1] [--requests=300] [--postgres=<admin url>]
// Needs `npx next build` first. Prints p50/p99 in milliseconds; nothing is asserted.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { startServer } from "../tests/server";
import { benchViewerKey } from "./lib/api-key";
import { arg, fmt, pct, timeIt } from "./lib/timing";

const scale = arg("scale", "1");
const requests = Number(arg("requests", "300"));
const root = path.resolve(import.meta.dirname, "..");

function prepare(url: string) {
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: root,
    env,
    stdio: "ignore",
  });
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts", `--scale=${scale}`], {
    cwd: root,
    env,
    stdio: "ignore",
  });
}

async function run(label: string, url: string) {
  const { createDb } = await import("../lib/db");
  const { db } = createDb(url);
  const org = await db.organization.findFirstOrThrow({ where: { slug: "demo" } });
  const total = await db.response.count({ where: { orgId: org.id } });
  const server = await startServer({ databaseUrl: url });
  try {
    const key = await benchViewerKey(db, org.id);
    const http = await timeIt(requests, async () => {
      const res = await fetch(`${server.url}/api/v1/metrics/headline?days=90`, {
        headers: { authorization: `Bearer ${key}` },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      await res.json();
    });
    const from = new Date(Date.now() - 90 * 86_400_000);
    const raw = await timeIt(requests, () =>
      db.$queryRawUnsafe(
        label === "postgresql"
          ? `SELECT metric, score, count(*) FROM "Response" WHERE "orgId" = $1 AND metric IN ('nps','csat','ces') AND "submittedAt" >= $2 AND score IS NOT NULL GROUP BY metric, score`
          : `SELECT metric, score, count(*) FROM Response WHERE orgId = ? AND metric IN ('nps','csat','ces') AND submittedAt >= ? AND score IS NOT NULL GROUP BY metric, score`,
        org.id,
        label === "postgresql" ? from : from.toISOString(),
      ),
    );
    console.log(
      `${label.padEnd(10)} responses ${total}  HTTP headline ${fmt(http)}   raw GROUP BY ${fmt(raw)}   ratio p50 ${(pct(http, 50) / pct(raw, 50)).toFixed(1)}×`,
    );
  } finally {
    await server.stop();
    await db.$disconnect();
  }
}

const sqliteFile = path.join(root, "tmp/bench/headline.db");
fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
for (const f of [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`]) fs.rmSync(f, { force: true });
prepare(`file:${sqliteFile}`);
await run("sqlite", `file:${sqliteFile}`);

const admin = arg("postgres", process.env.DATABASE_URL_POSTGRES ?? "");
if (admin) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query("DROP DATABASE IF EXISTS resonance_bench WITH (FORCE)");
  await client.query("CREATE DATABASE resonance_bench");
  const u = new URL(admin);
  u.pathname = "/resonance_bench";
  prepare(u.toString());
  await run("postgresql", u.toString());
  await client.query("DROP DATABASE IF EXISTS resonance_bench WITH (FORCE)");
  await client.end();
}
