// `npm run restore -- <backup file> [--force]`: a backup made by `npm run backup` into the database DATABASE_URL
// names (default the SQLite file), for a new installation (docs/operations.md, "Backup and restore"). Stop every
// instance first. The database must be empty (a new SQLite file, or a PostgreSQL database without tables) unless
// --force, which replaces what is there after backing it up (`npm run backup`, so the replaced data can come back).
// Nothing is changed until the backup has passed every check: its kind matches the database, it reads whole, and
// it was not taken by a newer version. The backup's kind is read from the file:
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
import { committedMigrations, isPostgres, migrateOrExit, sqliteFile, withMigrationLock } from "./migrate.mjs";
import {
  columns,
  createAtMigrations,
  insertRows,
  root,
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

/** Empties a PostgreSQL database's public schema (a SQLite file is replaced whole by restoreSqlite instead). */
async function clearPostgres(url: string): Promise<void> {
  await withDb(url, async (c) => {
    await c.query("DROP SCHEMA public CASCADE");
    await c.query("CREATE SCHEMA public");
  });
}

/** The migrations a backup was taken at, read from the backup itself before anything is changed. */
type Checked = { migrations: string[] };

function sqliteBackupMigrations(file: string): string[] {
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma("integrity_check", { simple: true });
    if (ok !== "ok") throw new Error(`${file} is damaged: integrity_check says ${String(ok)}`);
    const rows = check
      .prepare(
        "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )
      .all() as { name: string }[];
    return rows.map((r) => r.name);
  } finally {
    check.close();
  }
}

/** Reads the archive's table of contents and its _prisma_migrations rows with pg_restore, changing nothing. */
function pgDumpMigrations(file: string): string[] {
  const list = spawnSync("pg_restore", ["--list", file], { encoding: "utf8" });
  if (list.error) throw new Error(`pg_restore is needed to restore a pg_dump backup: ${list.error.message}`);
  if (list.status !== 0) throw new Error(`${file} is not a readable pg_dump archive:\n${list.stderr}`);
  const data = spawnSync("pg_restore", ["--data-only", "--table=_prisma_migrations", "--file=-", file], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (data.status !== 0) throw new Error(`could not read the migrations in ${file}:\n${data.stderr}`);
  // COPY public._prisma_migrations (id, checksum, finished_at, migration_name, …) FROM stdin; rows; "\."
  const lines = data.stdout.split("\n");
  const start = lines.findIndex((l) => l.startsWith("COPY ") && l.includes("_prisma_migrations"));
  if (start < 0) throw new Error(`${file} holds no _prisma_migrations rows: not a backup made by npm run backup`);
  const cols = lines[start]
    .slice(lines[start].indexOf("(") + 1, lines[start].indexOf(")"))
    .split(",")
    .map((c) => c.trim());
  const at = (name: string) => cols.indexOf(name);
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const cells = line.split("\t");
    if (cells[at("finished_at")] !== "\\N" && cells[at("rolled_back_at")] === "\\N")
      names.push(cells[at("migration_name")]);
  }
  return names;
}

type LogicalHeader = { format?: string; kind?: string; migrations?: string[] };

async function logicalHeader(file: string): Promise<LogicalHeader> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  try {
    for await (const line of lines) return JSON.parse(line) as LogicalHeader;
    return {};
  } catch {
    throw new Error(`${file} is not a logical backup made by npm run backup`);
  } finally {
    lines.close();
  }
}

/** Every check that can fail before the database is touched: kind, readability, version. */
async function preflight(file: string, format: Format, url: string): Promise<Checked> {
  const postgres = isPostgres(url);
  if (format === "sqlite" && postgres)
    throw new Error("a SQLite backup restores into SQLite: set DATABASE_URL to a file: URL");
  if (format !== "sqlite" && !postgres)
    throw new Error(
      `a ${format === "pg_dump" ? "pg_dump" : "logical PostgreSQL"} backup restores into PostgreSQL: set DATABASE_URL to postgres://…`,
    );
  let migrations: string[];
  if (format === "sqlite") migrations = sqliteBackupMigrations(file);
  else if (format === "pg_dump") migrations = pgDumpMigrations(file);
  else {
    const header = await logicalHeader(file);
    if (header.format !== LOGICAL_FORMAT || header.kind !== "postgresql" || !Array.isArray(header.migrations))
      throw new Error(`${file} is not a logical backup made by npm run backup`);
    migrations = header.migrations;
  }
  const known = new Set<string>(committedMigrations(url));
  const unknown = migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new Error(
      `the backup was taken by a newer version (migrations ${unknown.join(", ")}): restore it with that version`,
    );
  return { migrations };
}

/** With --force: a backup of what is about to be replaced, by `npm run backup`; its path, or an error (then stop). */
function backUpBeforeReplacing(url: string): string {
  const r = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/backup.ts")],
    {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    },
  );
  const written = /backup written: (.+?) \(/.exec(r.stdout ?? "");
  if (r.status !== 0 || !written)
    throw new Error(
      `could not back up the database before replacing it (nothing was changed):\n${r.stderr || r.stdout}`,
    );
  return written[1];
}

function restoreSqlite(file: string, url: string): void {
  const target = sqliteFile(url);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  fs.rmSync(partial, { force: true });
  fs.copyFileSync(file, partial, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(partial, 0o600);
  // The replaced database's write-ahead log must not be replayed into the restored file; then all at once: never a
  // half-copied database under the real name.
  for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(partial, target);
}

function restorePgDump(file: string, url: string): void {
  const { dbname, env } = pgToolConnection(url);
  const r = spawnSync(
    "pg_restore",
    ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", dbname, file],
    { env, encoding: "utf8" },
  );
  if (r.error) throw new Error(`pg_restore is needed to restore a pg_dump backup: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`pg_restore failed (nothing was restored):\n${r.stderr}`);
}

async function restoreLogical(file: string, url: string, migrations: string[]): Promise<void> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const it = lines[Symbol.asyncIterator]();
  await it.next(); // the header, checked by preflight
  // The schema the backup's rows were written for, by the same migrations; the rows; then the upgrade (below). The
  // schema is committed by the migrations before the rows' transaction: if the rows fail, it is removed again.
  createAtMigrations(url, migrations);
  try {
    await loadRows(file, url, it);
  } catch (error) {
    await clearPostgres(url);
    throw error;
  }
}

/**
 * Tables the database keeps itself from other tables: their rows in the file are skipped, because the triggers fill
 * them as the rows they derive from are inserted (the roll-ups of scores, interactions and themes, docs/rollups.md).
 */
const DERIVED = new Set([
  "ResponseDaily", // dropped (the roll-up by unit, read by nothing); still in backups made before its removal
  "ResponseDailyOrg",
  "ResponseMonthly",
  "InteractionDaily",
  "InteractionMonthly",
  "ThemeDaily", // filled by the triggers as "Response", "TextAnalysis" and "TextThemeMatch" are restored, in that order
  "ThemeMonthly",
]);

async function loadRows(file: string, url: string, it: AsyncIterator<string>): Promise<void> {
  const c = await open(url);
  try {
    await transaction(c, async () => {
      let table: { name: string; columns: Column[] } | null = null;
      let batch: Value[][] = [];
      let ended = false;
      // names come from the file: each must be a table and columns of the schema just made from its migrations
      const known = new Set(await tables(c));
      const flush = async () => {
        if (table && batch.length && !DERIVED.has(table.name)) await insertRows(c, table.name, table.columns, batch);
        batch = [];
      };
      for (let line = await it.next(); !line.done; line = await it.next()) {
        const value = JSON.parse(String(line.value)) as Value[] | { table?: string; columns?: Column[]; end?: boolean };
        if (Array.isArray(value)) {
          if (!table) throw new Error(`${file} has rows before any table: not a backup made by npm run backup`);
          batch.push(value);
          if (batch.length >= 1000) await flush();
        } else {
          await flush();
          if (value.end) ended = true;
          else {
            const name = String(value.table);
            const have = known.has(name) ? new Set((await columns(c, name)).map((x) => x.name)) : null;
            const wanted = Array.isArray(value.columns) ? value.columns : [];
            if (!have || !wanted.length || wanted.some((x) => !have.has(x.name)))
              throw new Error(
                `${file} names a table or column this schema does not have (${name}): nothing was restored`,
              );
            table = { name, columns: wanted };
          }
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
  const checked = await preflight(file, format, url);
  await withMigrationLock(
    url,
    async () => {
      const existing = await existingTables(url);
      if (existing.length && !values.force)
        throw new Error(
          `${shown} is not empty (${existing.length} tables): restore into a new database, or add --force to replace what it holds`,
        );
      if (existing.length) {
        const copy = backUpBeforeReplacing(url);
        console.log(
          `--force: replacing the ${existing.length} tables of ${shown}; what they held is backed up to ${copy}`,
        );
        if (isPostgres(url)) await clearPostgres(url);
      }
      if (format === "sqlite") restoreSqlite(file, url);
      else if (format === "pg_dump") restorePgDump(file, url);
      else await restoreLogical(file, url, checked.migrations);
    },
    { onWait: () => console.log("an instance is migrating this database: waiting for it to finish…") },
  );
  console.log(`restored ${file} (${format}) into ${shown}`);
  // An older backup is upgraded to this version's schema here, as npm start would.
  await migrateOrExit(url, ": the backup is upgraded to this version");
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
