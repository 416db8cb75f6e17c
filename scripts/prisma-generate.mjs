#!/usr/bin/env node
// Runs after `npm install`: derive the PostgreSQL schema from the SQLite one and generate both clients,
// so that one build serves either database (lib/db.ts picks at run time from DATABASE_URL).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prisma = path.join(root, "node_modules/prisma/build/index.js");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };

execFileSync(process.execPath, [path.join(root, "scripts/derive-postgres-schema.mjs")], {
  cwd: root,
  stdio: "inherit",
});
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  execFileSync(process.execPath, [prisma, "generate", "--schema", schema], { cwd: root, stdio: "inherit", env });
}
