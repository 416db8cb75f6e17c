// Prisma CLI configuration. One config serves both databases: DATABASE_URL decides which schema and
// migrations folder the CLI works on (file: → SQLite, postgres:// → PostgreSQL).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./lib/db-url";

// Prisma 7's CLI downloads a native schema engine; this offline bridge runs the wasm engine instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/prisma-schema-engine.mjs");

const { url, provider } = resolveDatabaseUrl(process.env.DATABASE_URL);
const dir = provider === "postgresql" ? "prisma/postgres" : "prisma";

export default defineConfig({
  schema: `${dir}/schema.prisma`,
  migrations: { path: `${dir}/migrations` },
  datasource: { url },
});
