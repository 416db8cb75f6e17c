// Which database DATABASE_URL names. Shared by lib/db.ts, prisma.config.ts and the scripts, so that the
// app, the CLI and the tests always agree on where "the embedded SQLite file" is.
import path from "node:path";

export type Provider = "sqlite" | "postgresql";

export const DEFAULT_SQLITE_FILE = "data/resonance.db";

export function resolveDatabaseUrl(raw: string | undefined, cwd = process.cwd()): { url: string; provider: Provider } {
  const value = raw?.trim() || `file:${DEFAULT_SQLITE_FILE}`;
  if (/^postgres(ql)?:\/\//.test(value)) return { url: value, provider: "postgresql" };
  if (value.startsWith("file:")) {
    // Relative SQLite paths are relative to the project root (where every command runs), made absolute
    // so that the CLI, the server and the tests open the same file.
    const file = value.slice("file:".length).replace(/^\/\//, "");
    return { url: `file:${path.resolve(cwd, file)}`, provider: "sqlite" };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "${value.split(":")[0]}:…"`,
  );
}

/**
 * Settings of every PostgreSQL session the app opens (the startup packet's `options`). Parallel query only for
 * statements the planner estimates as huge: PostgreSQL's default (parallel_setup_cost 1000) sends a roll-up read of
 * a few thousand rows to two worker processes, and starting them took 0.5 s on a busy 2-core machine against 30 ms
 * of work (docs/rollups.md, "Reading fast"). A read of millions of raw rows (a segment's 12-month trend) still goes
 * parallel. Also used by the benchmarks' raw driver, so that "raw" is the same work (bench/lib/raw-sql.ts).
 * DATABASE_SESSION_OPTIONS replaces it (postgresSessionOptions).
 */
export const POSTGRES_SESSION_OPTIONS = "-c parallel_setup_cost=100000";

/**
 * The startup options the app's PostgreSQL sessions are opened with: POSTGRES_SESSION_OPTIONS, or what
 * DATABASE_SESSION_OPTIONS says when it is set. Set to nothing (`DATABASE_SESSION_OPTIONS=`) behind a connection
 * pooler that refuses startup options (PgBouncer answers "unsupported startup parameter: options" and no connection
 * opens); then give the role the settings instead: `ALTER ROLE resonance SET parallel_setup_cost = 100000`
 * (docs/operations.md, docs/rollups.md "Reading fast").
 */
export function postgresSessionOptions(env: Record<string, string | undefined> = process.env): string | undefined {
  const set = env.DATABASE_SESSION_OPTIONS;
  if (set === undefined) return POSTGRES_SESSION_OPTIONS;
  return set.trim() === "" ? undefined : set.trim();
}
