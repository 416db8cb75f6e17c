// Throwaway SQLite files migrated with the committed migrations, for the demo generator's tests.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { createDb, type Db } from "../db";

const run = promisify(execFile);
const root = process.cwd();
const dir = path.join(root, "tmp", "test-dbs");
const files: string[] = [];
const clients: Db[] = [];

export async function freshDb(label: string): Promise<Db> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `demo-${label}-${process.pid}-${Date.now()}-${files.length}.db`);
  files.push(file);
  await run(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  });
  const { db } = createDb(`file:${file}`);
  clients.push(db);
  return db;
}

/** Disconnects and deletes every database `freshDb` made. */
export async function dropDbs(): Promise<void> {
  await Promise.all(clients.map((c) => c.$disconnect()));
  for (const file of files)
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}
