// The "raw" side of the benchmarks that compare a service with its own SQL: the statements a service sends through
// $queryRaw, captured while it runs in this process, then sent straight to the driver (better-sqlite3 / pg, no
// Prisma) bound the way the Prisma adapters bind them.
import path from "node:path";
import pg from "pg";
import { postgresSessionOptions } from "../../lib/db-url";
import type { Prisma } from "../../lib/db";

export type Sql = { sql: string; text: string; values: unknown[] };
export type RawDriver = {
  run: (q: Sql) => Promise<Array<Record<string, unknown>>>;
  /** The statement's query plan, one line per step. */
  explain: (q: Sql) => Promise<string[]>;
  close: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");

/** Every $queryRaw the service issues while fn runs (answered with no rows: only the statements matter). */
export async function captureRawSql(db: unknown, fn: () => Promise<unknown>): Promise<Sql[]> {
  const captured: Sql[] = [];
  const target = db as { $queryRaw: unknown };
  const original = target.$queryRaw;
  target.$queryRaw = (q: Prisma.Sql) => (captured.push(q), Promise.resolve([]));
  try {
    await fn();
  } finally {
    target.$queryRaw = original;
  }
  return captured;
}

/**
 * The driver itself on `url`. SQLite binds dates as ISO text with "+00:00" and compiles each statement once (as
 * lib/db caches them); PostgreSQL binds UTC text for timestamp(3) without time zone.
 */
export async function rawDriver(url: string, provider: "sqlite" | "postgresql"): Promise<RawDriver> {
  if (provider === "postgresql") {
    // The app's session settings (lib/db.ts), so that the raw figure is the same work the app asks for.
    const client = new pg.Client({ connectionString: url, options: postgresSessionOptions() });
    await client.connect();
    const bind = (v: unknown) => (v instanceof Date ? v.toISOString().replace("T", " ").replace("Z", "") : v);
    const run = async (q: Sql) => (await client.query(q.text, q.values.map(bind))).rows;
    return {
      run,
      explain: async (q) =>
        (await run({ ...q, text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}` })).map((r) => String(r["QUERY PLAN"])),
      close: () => client.end(),
    };
  }
  const { default: Database } = await import("better-sqlite3");
  const file = url.replace(/^file:/, "");
  const sqlite = new Database(path.isAbsolute(file) ? file : path.join(root, file), { readonly: true });
  type Statement = { all(...params: unknown[]): Array<Record<string, unknown>> };
  const statements = new Map<string, Statement>();
  const bind = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v);
  const run = async (q: Sql) => {
    let stmt = statements.get(q.sql);
    if (!stmt) statements.set(q.sql, (stmt = sqlite.prepare(q.sql) as unknown as Statement));
    return stmt.all(...q.values.map(bind));
  };
  return {
    run,
    explain: async (q) => (await run({ ...q, sql: `EXPLAIN QUERY PLAN ${q.sql}` })).map((r) => String(r.detail)),
    close: async () => {
      sqlite.close();
    },
  };
}
