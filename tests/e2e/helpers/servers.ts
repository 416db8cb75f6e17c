// The servers the browser tests run against: one production server per Playwright worker, each on its own port with
// its own copy of the seeded demo database, so two workers never see each other's changes. scripts/test.mjs seeds
// E2E_DATABASE_URL once and copies it for the other workers (E2E_WORKERS); worker i (its parallelIndex) uses server i.
// Run by hand without E2E_WORKERS, there is one server on E2E_PORT with E2E_DATABASE_URL, as before.
export interface E2eServer {
  port: number;
  baseURL: string;
  databaseUrl: string;
}

export const e2eWorkers = Math.max(1, Number(process.env.E2E_WORKERS ?? 1));
const firstPort = Number(process.env.E2E_PORT ?? 3211);
const firstDatabase = process.env.E2E_DATABASE_URL ?? "file:tmp/test-dbs/e2e.db";

/** The database of worker i: the seeded file itself for worker 0, `<name>-w<i>.db` beside it for the others. */
export function workerDatabaseUrl(databaseUrl: string, i: number): string {
  if (i === 0) return databaseUrl;
  if (!/\.db$/.test(databaseUrl))
    throw new Error(`E2E_WORKERS > 1 needs an SQLite file URL ending in .db: ${databaseUrl}`);
  return databaseUrl.replace(/\.db$/, `-w${i}.db`);
}

export const e2eServers: E2eServer[] = Array.from({ length: e2eWorkers }, (_, i) => ({
  port: firstPort + i,
  baseURL: `http://127.0.0.1:${firstPort + i}`,
  databaseUrl: workerDatabaseUrl(firstDatabase, i),
}));

/** The server of the worker with this parallel index (Playwright keeps it in [0, workers)). */
export function e2eServer(parallelIndex: number): E2eServer {
  const server = e2eServers[parallelIndex];
  if (!server) throw new Error(`no e2e server for worker ${parallelIndex} (E2E_WORKERS=${e2eWorkers})`);
  return server;
}
