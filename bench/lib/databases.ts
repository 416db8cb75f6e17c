// Runs a benchmark once per database: a fresh SQLite file under tmp/bench, then, when an admin URL is given
// (--postgres=<url> or DATABASE_URL_POSTGRES), a throwaway PostgreSQL database that is dropped afterwards
// (resonance_bench_<name>, or BENCH_PG_DATABASE).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { arg } from "./timing";

const root = path.resolve(import.meta.dirname, "../..");

export async function forEachDatabase(
  name: string,
  run: (label: "sqlite" | "postgresql", url: string) => unknown | Promise<unknown>,
): Promise<void> {
  const file = path.join(root, `tmp/bench/${name}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  // --only=postgresql (or sqlite): one database of the two
  const only = arg("only", "");
  if (only !== "postgresql") await run("sqlite", `file:${file}`);
  const admin = arg("postgres", process.env.DATABASE_URL_POSTGRES ?? "");
  if (!admin || only === "sqlite") return;
  // BENCH_PG_DATABASE: another name, where several people share one PostgreSQL server
  const database = process.env.BENCH_PG_DATABASE || `resonance_bench_${name}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
    const u = new URL(admin);
    u.pathname = `/${database}`;
    await run("postgresql", u.toString());
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  }
}

/**
 * `run` once per database (forEachDatabase), each time in a child process of this same script with DATABASE_URL
 * set, because the app's database client reads it once, when first imported. The parent makes and migrates each
 * database; the child (BENCH_CHILD set) measures. `env`: more variables for the child.
 */
export async function inChildPerDatabase(
  name: string,
  run: (label: string, url: string) => unknown | Promise<unknown>,
  env: Record<string, string> = {},
): Promise<void> {
  if (process.env.BENCH_CHILD) {
    await run(process.env.BENCH_CHILD, process.env.DATABASE_URL!);
    return;
  }
  await forEachDatabase(name, (label, url) => {
    const childEnv = { ...process.env, ...env, DATABASE_URL: url, BENCH_CHILD: label };
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      cwd: root,
      env: childEnv,
      stdio: "ignore",
    });
    execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", ...process.argv.slice(1)], {
      cwd: root,
      env: childEnv,
      stdio: "inherit",
    });
  });
}
