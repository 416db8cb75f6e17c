// The one database client. DATABASE_URL picks the database: file: → the embedded SQLite file (WAL),
// postgres:// → PostgreSQL. The app is typed against the SQLite client; the PostgreSQL client is generated
// from the derived schema (same models, same API), so one build runs on either.
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "./generated/postgres/client";
import { postgresSessionOptions, resolveDatabaseUrl, type Provider } from "./db-url";

export type Db = PrismaClient;
export { Prisma } from "./generated/sqlite/client";

// @prisma/adapter-better-sqlite3 7.10 holds one connection and a mutex for transactions only: a plain query
// from another request that arrives while a transaction is open runs INSIDE that transaction, so it sees the
// transaction's uncommitted rows and, if the transaction rolls back, its own write is rolled back too — a
// write that was answered 2xx would be lost. Here every statement outside a transaction waits for the open
// transaction to finish, and a transaction waits for statements in flight (one queue for all of them).
// (tests/integration/sqlite-isolation.test.ts pins this.)
export function serializeOnOneConnection(adapter: SqlDriverAdapter): SqlDriverAdapter {
  let queue: Promise<void> = Promise.resolve();
  const lock = async () => {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = queue;
    queue = previous.then(() => turn);
    await previous;
    return release;
  };
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await lock();
      try {
        return await fn(...args);
      } finally {
        release();
      }
    };
  adapter.queryRaw = guarded(adapter.queryRaw.bind(adapter));
  adapter.executeRaw = guarded(adapter.executeRaw.bind(adapter));
  adapter.executeScript = guarded(adapter.executeScript.bind(adapter));
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => {
    const release = await lock();
    try {
      const tx = await start(...args);
      let open = true;
      const finish = () => {
        if (open) {
          open = false;
          release();
        }
      };
      const [commit, rollback] = [tx.commit.bind(tx), tx.rollback.bind(tx)];
      tx.commit = async () => {
        try {
          return await commit();
        } finally {
          finish();
        }
      };
      tx.rollback = async () => {
        try {
          return await rollback();
        } finally {
          finish();
        }
      };
      return tx;
    } catch (error) {
      release();
      throw error;
    }
  };
  return adapter;
}

type SqliteClient = { prepare(sql: string): unknown };
type CompiledStatement = {
  reader: boolean;
  run(...args: unknown[]): unknown;
  columns(): unknown[];
  raw(on: boolean): { all(...args: unknown[]): unknown[] };
};
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 compiles SQL on every prepare(), and the Prisma adapter prepares each query anew; keeping
 * the most recently used compiled statements (an LRU) saves that work on every hot path. The adapter binds
 * its arguments with stmt.bind(args), which in better-sqlite3 is permanent, so the cache hands out a light
 * view that passes the arguments on each call instead. Exported for its test.
 */
export function cacheStatements(client: SqliteClient, size = STATEMENT_CACHE_SIZE): void {
  const compile = client.prepare.bind(client) as (sql: string) => CompiledStatement;
  const cache = new Map<string, CompiledStatement>();
  const get = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) cache.delete(sql);
    else stmt = compile(sql);
    cache.set(sql, stmt); // most recent last
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return stmt;
  };
  const bound = (stmt: CompiledStatement, args: unknown[]) => ({
    reader: stmt.reader,
    run: () => stmt.run(...args),
    columns: () => stmt.columns(),
    raw: () => ({ all: () => stmt.raw(true).all(...args) }),
  });
  client.prepare = (sql: string) => {
    const stmt = get(sql);
    return { ...bound(stmt, []), bind: (args: unknown[]) => bound(stmt, args) };
  };
}

/** The LIKEs Prisma writes for `contains`, `startsWith` and `endsWith` on SQLite: `LIKE ('%' || ? || '%')` and so on. */
const PRISMA_LIKE = /LIKE \(((?:'%' \|\| )?\?(?: \|\| '%')?)\)(?! ESCAPE)/g;

/** Adds ESCAPE '\' to the LIKEs Prisma writes, so a backslash escapes % and _ as on PostgreSQL (lib/db-text.ts). */
export function escapePrismaLikes(sql: string): string {
  return sql.includes("LIKE (") ? sql.replace(PRISMA_LIKE, "LIKE ($1) ESCAPE '\\'") : sql;
}

/**
 * Prisma 7 compiles string filters to LIKE without an ESCAPE clause. PostgreSQL's LIKE takes a backslash as the
 * escape character by default; SQLite's LIKE has none unless the statement names one. Naming it here gives both
 * databases one rule, so user text escaped by lib/db-text.ts matches literally on either.
 */
export function likeEscapesOnSqlite(client: SqliteClient): void {
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(escapePrismaLikes(sql));
}

const readOnly = new AsyncLocalStorage<true>();

/**
 * Runs `fn`, whose transactions only read: on SQLite they begin DEFERRED (one snapshot, no write lock), so a long
 * report does not hold up other processes' writes. Every other transaction begins IMMEDIATE (writeFirst).
 */
export function readOnlyTransactions<T>(fn: () => Promise<T>): Promise<T> {
  return readOnly.run(true, fn);
}

/**
 * The adapter begins every transaction with a plain (DEFERRED) BEGIN. A deferred transaction that has read cannot
 * take the write lock once another connection — another instance, a worker process — has committed since: SQLite
 * refuses at once with SQLITE_BUSY_SNAPSHOT (the busy timeout does not apply), and the request answers 500. Nearly
 * every transaction here reads before it writes (the unit rules, the idempotency check), so they begin IMMEDIATE:
 * the write lock is taken first, waiting up to the busy timeout for another connection's transaction to end.
 * Readers are never blocked in WAL mode. (tests/integration/sqlite-isolation.test.ts pins both.)
 */
function writeFirst(client: SqliteClient): void {
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" && !readOnly.getStore() ? "BEGIN IMMEDIATE" : sql);
}

function sqliteAdapter(url: string) {
  const factory = new PrismaBetterSqlite3({ url, timeout: 15_000 });
  const connect = factory.connect.bind(factory);
  // WAL lets readers run while one writer commits; NORMAL sync in WAL mode never loses a committed
  // transaction to a process crash (only, at worst, the last ones to a power cut).
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: SqliteClient }).client;
    cacheStatements(client);
    likeEscapesOnSqlite(client);
    writeFirst(client);
    // optimize=0x10002 at open: refresh the planner's statistics where they are missing or stale, so that,
    // e.g., `orgId = ? AND id IN (…)` uses the primary key rather than scanning the organization's rows.
    // wal_autocheckpoint: the log is copied into the database every 10,000 pages (about 40 MB) instead of SQLite's
    // 1,000. A checkpoint copies each page once however often it was written since the last one, and a write
    // rewrites the same few pages every time (the roll-ups' rows of today, the last page of each index), so fewer
    // checkpoints copy less: over HTTP the public API took 4–5 % more responses a second for the same CPU
    // (docs/operations.md, "The SQLite file").
    await adapter.executeScript(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA optimize = 0x10002; " +
        "PRAGMA wal_autocheckpoint = 10000;",
    );
    return serializeOnOneConnection(adapter);
  };
  return factory;
}

/**
 * Refresh the query planner's statistics after bulk writes (imports, demo data, benchmarks) and, for a
 * long-running server, every few hours — what SQLite recommends for long-lived connections.
 */
export async function optimizeDatabase(client: Db = db): Promise<void> {
  await client.$executeRawUnsafe(provider === "postgresql" ? "ANALYZE" : "PRAGMA optimize");
}

/**
 * How long a transaction may wait for its connection and then run, unless it says otherwise. Prisma's defaults (2 s
 * and 5 s) turned a busy moment into a 500: on SQLite every transaction of a process queues for its one connection
 * and then for the file's write lock (held by another process's worker for a while), so a request's short transaction
 * could wait past 2 s or end past 5 s under load. Waiting longer answers late rather than not at all.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/** A client of the PostgreSQL server at `url` (the primary, or a read replica: lib/db-replica.ts). */
export function postgresClient(url: string): Db {
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  const client = new PgPrismaClient({
    adapter: new PrismaPg({ connectionString: url, max, options: postgresSessionOptions() }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  return client as unknown as Db;
}

export function createDb(rawUrl = process.env.DATABASE_URL): { db: Db; provider: Provider } {
  const { url, provider } = resolveDatabaseUrl(rawUrl);
  if (provider === "postgresql") return { db: postgresClient(url), provider };
  return { db: new PrismaClient({ adapter: sqliteAdapter(url), transactionOptions: TRANSACTION_OPTIONS }), provider };
}

// One client per process (and per hot reload in development).
const globalForDb = globalThis as unknown as { __resonanceDb?: { db: Db; provider: Provider } };
const instance = (globalForDb.__resonanceDb ??= createDb());

export const db: Db = instance.db;
export const provider: Provider = instance.provider;

const OPTIMIZE_EVERY_MS = 6 * 60 * 60 * 1000;
if (provider === "sqlite" && process.env.NODE_ENV === "production") {
  setInterval(() => void optimizeDatabase().catch(() => {}), OPTIMIZE_EVERY_MS).unref();
}
