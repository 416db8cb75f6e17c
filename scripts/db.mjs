#!/usr/bin/env node
// Database chores.
//   node scripts/db.mjs migrate                 apply committed migrations to DATABASE_URL (default: the SQLite file),
//                                               one instance at a time (scripts/migrate.mjs)
//   node scripts/db.mjs new-migration <name>    after editing prisma/schema.prisma: derive the PostgreSQL schema and
//                                               create the migration for BOTH databases (SQLite in a scratch file,
//                                               PostgreSQL in a scratch database on DATABASE_URL_POSTGRES or a local
//                                               test server started by scripts/postgres-test-server.sh)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { bin, must, root } from "./lib.mjs";
import { migrateOrExit } from "./migrate.mjs";

const [command, name] = process.argv.slice(2);

if (command === "migrate") {
  const url = process.env.DATABASE_URL ?? "file:data/resonance.db";
  if (url.startsWith("file:")) fs.mkdirSync(path.join(root, "data"), { recursive: true });
  await migrateOrExit(url);
} else if (command === "new-migration" && /^[a-z0-9_]+$/.test(name ?? "")) {
  await must(path.join(root, "scripts/derive-postgres-schema.mjs"), []);
  const scratch = path.join(root, "tmp/new-migration.db");
  fs.mkdirSync(path.dirname(scratch), { recursive: true });
  fs.rmSync(scratch, { force: true });
  await must(bin.prisma, ["migrate", "dev", "--name", name], { env: { DATABASE_URL: `file:${scratch}` } });
  const admin =
    process.env.DATABASE_URL_POSTGRES ??
    execFileSync("bash", [path.join(root, "scripts/postgres-test-server.sh")])
      .toString()
      .trim()
      .split("\n")
      .pop();
  const dbName = `resonance_new_migration_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${dbName}`);
  try {
    const url = new URL(admin);
    url.pathname = `/${dbName}`;
    await must(bin.prisma, ["migrate", "dev", "--name", name], { env: { DATABASE_URL: url.toString() } });
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await client.end();
  }
  await must(path.join(root, "scripts/prisma-generate.mjs"), [], { quiet: true });
  console.log("created the migration for SQLite (prisma/migrations) and PostgreSQL (prisma/postgres/migrations)");
} else {
  console.error("usage: node scripts/db.mjs migrate | new-migration <snake_case_name>");
  process.exit(2);
}
