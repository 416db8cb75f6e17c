// `npm run restore -- <backup file> [--force]`: a backup made by `npm run backup` into the database DATABASE_URL
// names (default the SQLite file), for a new installation (docs/operations.md, "Backup and restore"). Stop every
// instance first. The database must be empty (a new SQLite file, or a PostgreSQL database without tables) unless
// --force, which replaces what is there. The backup's kind is read from the file:
//   - a SQLite database (.db): checked (integrity_check), then copied into place (mode 600);
//   - a pg_dump archive (.pgdump): pg_restore in one transaction;
//   - a logical export (.ndjson.gz): the schema of the migrations it names, then its rows, in one transaction.
// Then the migrations this version adds are applied (a backup from an older version is upgraded, SQLite copy
// first), exactly as `npm start` does. The restore holds the migration lock, so an instance starting meanwhile waits.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import Database from "better-sqlite3";
// @ts-expect-error plain ESM helpers shared with the npm scripts
import { committedMigrations, explainFailure, isPostgres, migrate, sqliteFile, withMigrationLock } from "./migrate.mjs";
import {
  createAtMigrations,
  insertRows,
  LOGICAL_FORMAT,
  open,
  pgToolConnection,
  rowCounts,
  tables,
  transaction,
  withDb,
  type Column,
  type Value,
} from "./sql-rows";

type Format = "sqlite" | "pg_dump" | "logical";

function formatOf(file: string): Format {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, "r");
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (head.toString("latin1").startsWith("SQLite format 3\0")) return "sqlite";
  if (head.toString("latin1").startsWith("PGDMP")) return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) return "logical";
  throw new Error(`${file} is not a backup made by npm run backup (not SQLite, pg_dump or a logical export)`);
}

/** Names of the tables the database holds (Prisma's migration table included): empty means a new installation. */
async function existingTables(url: string): Promise<string[]> {
  if (!isPostgres(url) && !fs.existsSync(sqliteFile(url))) return [];
  return withDb(url, async (c) => {
    const names = await tables(c);
    const migrations =
      c.kind === "sqlite"
        ? await c.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
        : await c.query(
            `SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '_prisma_migrations'`,
          );
    return [...names, ...(migrations.length ? ["_prisma_migrations"] : [])];
  });
}

async function clear(url: string): Promise<void> {
  if (!isPostgres(url)) {
    const file = sqliteFile(url);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    return;
  }
  await withDb(url, async (c) => {
    await c.query("DROP SCHEMA public CASCADE");
    await c.query("CREATE SCHEMA public");
  });
}

function restoreSqlite(file: string, url: string): void {
  if (isPostgres(url)) throw new Error("a SQLite backup restores into SQLite: set DATABASE_URL to a file: URL");
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma("integrity_check", { simple: true });
    if (ok !== "ok") throw new Error(`${file} is damaged: integrity_check says ${String(ok)}`);
    check.prepare("SELECT COUNT(*) FROM _prisma_migrations").get();
  } finally {
    check.close();
  }
  const target = sqliteFile(url);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  fs.rmSync(partial, { force: true });
  fs.copyFileSync(file, partial, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target); // all at once: never a half-copied database under the real name
}

function restorePgDump(file: string, url: string): void {
  if (!isPostgres(url)) throw new Error("a pg_dump backup restores into PostgreSQL: set DATABASE_URL to postgres://…");
  const { dbname, env } = pgToolConnection(url);
  const r = spawnSync(
    "pg_restore",
    ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", dbname, file],
    { env, encoding: "utf8" },
  );
  if (r.error) throw new Error(`pg_restore is needed to restore a pg_dump backup: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`pg_restore failed (nothing was restored):\n${r.stderr}`);
}

async function restoreLogical(file: string, url: string): Promise<void> {
  if (!isPostgres(url))
    throw new Error("a logical PostgreSQL backup restores into PostgreSQL: set DATABASE_URL to postgres://…");
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  const header = JSON.parse(String(first.value ?? "{}")) as { format?: string; kind?: string; migrations?: string[] };
  if (header.format !== LOGICAL_FORMAT || header.kind !== "postgresql" || !Array.isArray(header.migrations))
    throw new Error(`${file} is not a logical backup made by npm run backup`);
  const known = new Set<string>(committedMigrations(url));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new Error(
      `the backup was taken by a newer version (migrations ${unknown.join(", ")}): restore it with that version`,
    );
  // The schema the backup's rows were written for, by the same migrations; the rows; then the upgrade (below).
  createAtMigrations(url, header.migrations);
  const c = await open(url);
  try {
    await transaction(c, async () => {
      let table: { name: string; columns: Column[] } | null = null;
      let batch: Value[][] = [];
      let ended = false;
      const flush = async () => {
        if (table && batch.length) await insertRows(c, table.name, table.columns, batch);
        batch = [];
      };
      for (let line = await it.next(); !line.done; line = await it.next()) {
        const value = JSON.parse(String(line.value)) as Value[] | { table?: string; columns?: Column[]; end?: boolean };
        if (Array.isArray(value)) {
          batch.push(value);
          if (batch.length >= 1000) await flush();
        } else {
          await flush();
          if (value.end) ended = true;
          else table = { name: value.table!, columns: value.columns! };
        }
      }
      await flush();
      if (!ended) throw new Error(`${file} is cut short (no end marker): nothing was restored`);
    });
  } finally {
    await c.close();
  }
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean" } } });
  const file = positionals[0];
  if (!file) throw new Error("usage: npm run restore -- <backup file> [--force]");
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const url = process.env.DATABASE_URL ?? "file:data/resonance.db";
  const format = formatOf(file);
  const shown = isPostgres(url) ? url.replace(/\/\/[^@]*@/, "//…@") : path.relative(process.cwd(), sqliteFile(url));
  await withMigrationLock(
    url,
    async () => {
      const existing = await existingTables(url);
      if (existing.length && !values.force)
        throw new Error(
          `${shown} is not empty (${existing.length} tables): restore into a new database, or add --force to replace what it holds`,
        );
      if (existing.length) {
        console.log(`--force: replacing the ${existing.length} tables of ${shown}`);
        await clear(url);
      }
      if (format === "sqlite") restoreSqlite(file, url);
      else if (format === "pg_dump") restorePgDump(file, url);
      else await restoreLogical(file, url);
    },
    { onWait: () => console.log("an instance is migrating this database: waiting for it to finish…") },
  );
  console.log(`restored ${file} (${format}) into ${shown}`);
  // An older backup is upgraded to this version's schema here, as npm start would.
  const result = await migrate(url);
  if (!result.ok) {
    console.error(result.output);
    console.error(explainFailure(url, result));
    process.exit(1);
  }
  console.log(
    result.applied.length
      ? `applied ${result.applied.length} migration${result.applied.length === 1 ? "" : "s"}: the backup is upgraded to this version`
      : "the schema is already current",
  );
  const counts = await withDb(url, rowCounts);
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  console.log(
    `${total} rows in ${Object.keys(counts).length} tables; start the server with the same secrets as before`,
  );
}

main().catch((error: unknown) => {
  console.error(`✖ restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
