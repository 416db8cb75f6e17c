// Applying the committed migrations safely (docs/operations.md, "Upgrading"):
//   - one instance at a time: several instances starting together against one database take a lock that works on
//     both databases (PostgreSQL: a session advisory lock; SQLite: an exclusive lock on a lock file beside the
//     database, which the operating system releases if the holder dies). The others wait, say so, and then find
//     nothing left to apply. Prisma's own PostgreSQL lock gives up after 10 s; this one waits as long as it takes.
//   - SQLite has no transactional DDL: before applying anything to a file that holds data, a copy is taken with
//     `VACUUM INTO` (consistent even while other processes read and write), so a failed migration can be undone by
//     putting the copy back. PostgreSQL runs each migration script as one implicit transaction: a failure leaves
//     the database as it was.
//   - a failure names the migration and says how to recover, and does not crash: `npm start` goes on to start the
//     server, which refuses to serve until the schema is current (lib/schema-status.ts).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { committedMigrations as committedIn } from "../lib/migrations.mjs";
import { bin, root, run } from "./lib.mjs";

const LOCK_KEY = 7_282_640_369; // pg_advisory_lock key of Resonance's migrations (any bigint; not Prisma's 72707369)
const POLL_MS = 250;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `file:` URLs as lib/db-url.ts resolves them: relative to the project root. */
export function sqliteFile(databaseUrl) {
  return path.resolve(root, databaseUrl.slice("file:".length).replace(/^\/\//, ""));
}
export const isPostgres = (databaseUrl) => /^postgres(ql)?:\/\//.test(databaseUrl);

/**
 * Holds the migration lock of this database while `fn` runs. `onWait` is called once if another holder makes us
 * wait. Returns fn's result; the lock is released even when fn throws.
 */
export async function withMigrationLock(databaseUrl, fn, { onWait = () => {} } = {}) {
  if (isPostgres(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      let waited = false;
      while (!(await client.query("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY])).rows[0].ok) {
        if (!waited) onWait();
        waited = true;
        await sleep(POLL_MS);
      }
      try {
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
      }
    } finally {
      await client.end();
    }
  }
  const file = `${sqliteFile(databaseUrl)}-migrate.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lock = new Database(file, { timeout: 0 });
  try {
    let waited = false;
    for (;;) {
      try {
        lock.exec("BEGIN EXCLUSIVE");
        break;
      } catch (error) {
        if (error?.code !== "SQLITE_BUSY") throw error;
        if (!waited) onWait();
        waited = true;
        await sleep(POLL_MS);
      }
    }
    try {
      return await fn();
    } finally {
      lock.exec("ROLLBACK");
    }
  } finally {
    lock.close();
  }
}

/** Names of the migrations recorded as applied (finished), [] for a database that has none yet. */
export async function appliedMigrations(databaseUrl) {
  const sql = `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  if (isPostgres(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows.map((r) => r.name);
    } catch (error) {
      if (error?.code === "42P01") return []; // undefined_table: nothing migrated yet
      throw error;
    } finally {
      await client.end();
    }
  }
  const file = sqliteFile(databaseUrl);
  if (!fs.existsSync(file)) return [];
  const db = new Database(file, { readonly: true, timeout: 10_000 });
  try {
    return db
      .prepare(sql)
      .all()
      .map((r) => r.name);
  } catch (error) {
    if (/no such table/.test(error?.message)) return [];
    throw error;
  } finally {
    db.close();
  }
}

/** The committed migrations of the database kind, oldest first. */
export function committedMigrations(databaseUrl) {
  return committedIn(root, isPostgres(databaseUrl) ? "postgresql" : "sqlite");
}

/** A time stamp for backup file names: 20261204T161500Z. */
export const fileStamp = (d = new Date()) => d.toISOString().replace(/[-:]/g, "").replace(/\..*/, "") + "Z";

/**
 * A consistent copy of a SQLite database taken while it may be in use (`VACUUM INTO` reads one snapshot while
 * writers go on); returns its path: `target`, or `backups/<name>-<time>-<label>.db` beside the database.
 */
export function backupSqlite(databaseUrl, label, target) {
  const file = sqliteFile(databaseUrl);
  target ??= path.join(path.dirname(file), "backups", `${path.basename(file, ".db")}-${fileStamp()}-${label}.db`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(file, { timeout: 60_000, fileMustExist: true });
  const umask = process.umask(0o077); // mode 600 from the start: it holds everything the database holds
  try {
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    process.umask(umask);
    db.close();
  }
  fs.chmodSync(target, 0o600);
  return target;
}

/** The migration a failed `prisma migrate deploy` names in its output, if it names one. */
export function failedMigrationName(output) {
  return (
    output.match(/migration_name="([^"]+)"/)?.[1] ??
    output.match(/Migration name: (\S+)/)?.[1] ??
    output.match(/The `([^`]+)` migration started at/)?.[1] ??
    output.match(/migration `?(\d{14}_[a-z0-9_]+)`?/i)?.[1] ??
    null
  );
}

/**
 * Applies the pending migrations under the lock. Never throws for a failed migration: returns
 * `{ ok: false, migration, output, backup }` so the caller can explain it; `{ ok: true, applied: [...] }` otherwise.
 */
export async function migrate(databaseUrl, { log = console.log } = {}) {
  return withMigrationLock(
    databaseUrl,
    async () => {
      const before = new Set(await appliedMigrations(databaseUrl));
      const pending = committedMigrations(databaseUrl).filter((m) => !before.has(m));
      let backup = null;
      if (pending.length && before.size && !isPostgres(databaseUrl)) {
        backup = backupSqlite(databaseUrl, `before-${pending[0].slice(0, 14)}`);
        log(`copied the database to ${path.relative(root, backup)} before upgrading it`);
      }
      const { code, out } = await run(bin.prisma, ["migrate", "deploy"], {
        env: { DATABASE_URL: databaseUrl },
        quiet: true,
      });
      const now = new Set(await appliedMigrations(databaseUrl));
      const applied = [...now].filter((m) => !before.has(m));
      if (code === 0) return { ok: true, applied, backup };
      // Migrations apply in order: the first committed one still not applied is where the upgrade stopped.
      const stoppedAt = committedMigrations(databaseUrl).find((m) => !now.has(m)) ?? failedMigrationName(out);
      return { ok: false, applied, backup, migration: stoppedAt, output: out };
    },
    { onWait: () => log("another instance is migrating this database: waiting for it to finish…") },
  );
}

/** What an operator reads when a migration failed: which one, what state the database is in, how to recover. */
/**
 * Applies the migrations (migrate) and says what happened: "applied N migrations<suffix>" or "the schema is already
 * current"; on failure prints what the schema engine said and how to recover, and exits with 1.
 */
export async function migrateOrExit(databaseUrl, suffix = "") {
  const result = await migrate(databaseUrl);
  if (!result.ok) {
    console.error(result.output);
    console.error(explainFailure(databaseUrl, result));
    process.exit(1);
  }
  console.log(
    result.applied.length
      ? `applied ${result.applied.length} migration${result.applied.length === 1 ? "" : "s"}${suffix}`
      : "the schema is already current",
  );
  return result;
}

export function explainFailure(databaseUrl, result) {
  const name = result.migration ?? "(unnamed: see the output above)";
  const lines = [`✖ the database upgrade stopped at migration ${name}.`];
  if (isPostgres(databaseUrl))
    lines.push(
      "  PostgreSQL ran it as one transaction: the database is as it was before this migration.",
      `  After fixing the cause: npx prisma migrate resolve --rolled-back ${name}  and start again.`,
    );
  else if (result.backup)
    lines.push(
      "  SQLite cannot undo schema changes: the database may be partly upgraded. Its state before the upgrade is in",
      `    ${path.relative(root, result.backup)}`,
      "  Stop every instance, copy that file over the database (and delete its -wal and -shm files), fix the cause",
      "  and start again.",
    );
  lines.push(
    "  The server starts but answers 503 (naming the migration) until the schema is current; /api/health says so.",
  );
  return lines.join("\n");
}
