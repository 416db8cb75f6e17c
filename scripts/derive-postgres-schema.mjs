#!/usr/bin/env node
// prisma/schema.prisma (SQLite) is the source of truth; PostgreSQL gets a derived copy that differs in its provider
// and client output folder, and in the lines written `// postgresql: <attribute>`, which are attributes on PostgreSQL
// only (the roll-ups' covering indexes: on SQLite those tables are WITHOUT ROWID, ordered by their key, and need
// none; docs/rollups.md, "Reading fast"). `--check` exits 1 when the committed copy is stale.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");

export function derivePostgresSchema(text) {
  const out = text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgres"')
    .replace(/^(\s*)\/\/ postgresql: (@@.*)$/gm, "$1$2");
  if (out === text || !out.includes('"postgresql"') || !out.includes("generated/postgres"))
    throw new Error("derive-postgres-schema: provider or output line not found in prisma/schema.prisma");
  return "// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.mjs — do not edit.\n" + out;
}

const target = path.join(root, "prisma/postgres/schema.prisma");
const derived = derivePostgresSchema(source);
if (process.argv.includes("--check")) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (current !== derived) {
    console.error("prisma/postgres/schema.prisma is stale: run `node scripts/derive-postgres-schema.mjs`");
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, derived);
}
