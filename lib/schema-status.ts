// Is the database's schema the one this code was built for? Compares the migrations committed with this version
// (prisma/migrations or prisma/postgres/migrations) with those the database records as applied. The server
// refuses to serve while a migration has failed or is still pending (server/index.ts), and GET /api/health
// reports it, so a load balancer sends no traffic to an instance whose database is not ready
// (docs/operations.md, "Upgrading").
import packageJson from "../package.json";
import { db, provider } from "./db";
import { committedMigrations as committedIn } from "./migrations.mjs";

export const VERSION: string = packageJson.version;

export type SchemaStatus = {
  /** Every committed migration applied and none failed. */
  current: boolean;
  /** Committed migrations the database has not applied yet. */
  pending: string[];
  /** Migrations that started and did not finish (recorded by Prisma as failed). */
  failed: string[];
  /** Applied migrations this code does not know: the database was upgraded by a newer version. */
  newer: string[];
};

export function committedMigrations(root = process.cwd()): string[] {
  return committedIn(root, provider);
}

type Row = { name: string; finished: number | bigint | boolean; rolledBack: number | bigint | boolean };

export async function readSchemaStatus(root = process.cwd()): Promise<SchemaStatus> {
  let rows: Row[];
  try {
    rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT migration_name AS name, (finished_at IS NOT NULL) AS finished, (rolled_back_at IS NOT NULL) AS "rolledBack"
       FROM _prisma_migrations`,
    );
  } catch (error) {
    // No migration table yet: nothing is applied. Anything else (the database is unreachable) is the caller's.
    if (/no such table|does not exist|42P01/.test(String((error as Error)?.message ?? error))) rows = [];
    else throw error;
  }
  const committed = committedMigrations(root);
  const applied = new Set(rows.filter((r) => Boolean(r.finished) && !r.rolledBack).map((r) => r.name));
  const failed = [...new Set(rows.filter((r) => !r.finished && !r.rolledBack).map((r) => r.name))]
    .filter((name) => !applied.has(name))
    .sort();
  const pending = committed.filter((m) => !applied.has(m));
  const known = new Set(committed);
  const newer = [...applied].filter((m) => !known.has(m)).sort();
  return { current: pending.length === 0 && failed.length === 0, pending, failed, newer };
}

/** One sentence for people (the 503 page, the log): which migration stops this instance from serving. */
export function schemaProblem(status: SchemaStatus): string | null {
  if (status.current) return null;
  if (status.failed.length)
    return `The database upgrade stopped at migration ${status.failed[0]}: this instance serves again once it is resolved.`;
  return `The database is not upgraded yet: ${status.pending.length} migration${status.pending.length === 1 ? "" : "s"} to apply, starting with ${status.pending[0]} (npm start applies them).`;
}
