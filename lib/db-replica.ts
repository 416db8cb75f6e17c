// Read replicas for the analytics reads (docs/scaling.md, "Read replicas").
//
// With DATABASE_REPLICA_URLS (PostgreSQL streaming replicas, comma-separated), the dashboard's and the reports'
// aggregate reads go to a replica; everything else — every write, and every page that shows what was just written
// (a customer's timeline, the inbox, a case) — stays on the primary, because the default client (lib/db.ts `db`)
// IS the primary. Only the code that asks for `analyticsDb()` can be served by a replica: a page cannot read a
// stale copy of its own write by accident.
//
// How stale a replica is: every REPLICA_POLL_MS each instance notes the primary's WAL position with the time, and
// asks each replica how far it has replayed. A replica that has replayed past the position noted at time t holds
// every transaction committed before t, so its data is "as of t" (to within one poll). A replica more than
// REPLICA_MAX_LAG_SECONDS behind, or one that does not answer, is skipped until it catches up; with none left the
// reads go to the primary. Before the first poll has answered, reads go to the primary too.
import { db, postgresClient, provider, type Db } from "./db";

type Sample = { at: number; lsn: bigint };
type Replica = { name: string; db: Db; asOf: number | null };

export type ReplicaSettings = { urls: string[]; pollMs: number; maxLagMs: number };

/** "16/B374D848" → the byte position it names. */
export function parseLsn(text: string): bigint {
  const m = /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(text.trim());
  if (!m) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

/**
 * The newest time at which the primary had written no more than `replayed`: everything committed before it is on
 * the replica. Samples are oldest first; null when the replica is behind every sample kept.
 */
export function replicaAsOf(samples: readonly Sample[], replayed: bigint): number | null {
  for (let i = samples.length - 1; i >= 0; i--) if (samples[i].lsn <= replayed) return samples[i].at;
  return null;
}

/** Reads DATABASE_REPLICA_URLS, REPLICA_POLL_MS and REPLICA_MAX_LAG_SECONDS; refuses replicas of a SQLite file. */
export function replicaSettings(
  env: Record<string, string | undefined> = process.env,
  onProvider = provider,
): ReplicaSettings {
  const urls = (env.DATABASE_REPLICA_URLS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length && onProvider !== "postgresql")
    throw new Error(
      "DATABASE_REPLICA_URLS needs DATABASE_URL to name a PostgreSQL primary (replicas of SQLite do not exist)",
    );
  for (const url of urls)
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error("DATABASE_REPLICA_URLS: each entry must be a postgres:// URL");
  const pollMs = Number(env.REPLICA_POLL_MS ?? 1000);
  const maxLag = Number(env.REPLICA_MAX_LAG_SECONDS ?? 30);
  if (!(pollMs >= 100)) throw new Error("REPLICA_POLL_MS must be a number of milliseconds, at least 100");
  if (!(maxLag >= 1)) throw new Error("REPLICA_MAX_LAG_SECONDS must be a number of seconds, at least 1");
  return { urls, pollMs, maxLagMs: maxLag * 1000 };
}

/** The replicas of one process and what it last learnt of them. */
class ReplicaSet {
  private readonly replicas: Replica[];
  private samples: Sample[] = [];
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly primary: Db,
    clients: Db[],
    private readonly settings: Pick<ReplicaSettings, "pollMs" | "maxLagMs">,
  ) {
    this.replicas = clients.map((c, i) => ({ name: `replica ${i + 1}`, db: c, asOf: null }));
  }

  /** Polls now and then every pollMs (the timer never holds the process open). */
  start(): void {
    if (this.timer || this.replicas.length === 0) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.settings.pollMs);
    this.timer.unref();
  }

  /** One round: the primary's position, then each replica's replay position. Errors mark a replica unusable. */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = null));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    try {
      const [row] = await this.primary.$queryRawUnsafe<{ lsn: string }[]>("SELECT pg_current_wal_lsn()::text AS lsn");
      const at = Date.now();
      this.samples.push({ at, lsn: parseLsn(row.lsn) });
      // Older samples than the longest lag we would accept cannot make a replica usable: drop them.
      const keepFrom = at - this.settings.maxLagMs - this.settings.pollMs;
      while (this.samples.length > 1 && this.samples[0].at < keepFrom) this.samples.shift();
    } catch {
      return; // the primary is unreachable: the requests will say so; nothing to learn of the replicas
    }
    await Promise.all(
      this.replicas.map(async (r) => {
        try {
          const [row] = await r.db.$queryRawUnsafe<{ lsn: string | null }[]>(
            "SELECT pg_last_wal_replay_lsn()::text AS lsn",
          );
          // Not in recovery (promoted, or not a replica at all): it no longer follows this primary.
          r.asOf = row.lsn ? replicaAsOf(this.samples, parseLsn(row.lsn)) : null;
        } catch {
          r.asOf = null;
        }
      }),
    );
  }

  private usable(): Replica[] {
    const oldest = Date.now() - this.settings.maxLagMs;
    return this.replicas.filter((r) => r.asOf !== null && r.asOf >= oldest);
  }

  /** A replica fresh enough (taken in turn), or the primary. */
  pick(): { db: Db; asOf: Date | null } {
    const usable = this.usable();
    if (!usable.length) return { db: this.primary, asOf: null };
    const r = usable[this.next++ % usable.length];
    return { db: r.db, asOf: new Date(r.asOf!) };
  }

  /** How current analytics reads are: null = the primary's own data; else the oldest usable replica's time. */
  freshness(): Date | null {
    const usable = this.usable();
    if (!usable.length) return null;
    return new Date(Math.min(...usable.map((r) => r.asOf!)));
  }
}

const globalForReplicas = globalThis as unknown as { __resonanceReplicas?: ReplicaSet };

function replicaSet(): ReplicaSet {
  if (!globalForReplicas.__resonanceReplicas) {
    const settings = replicaSettings();
    const set = new ReplicaSet(db, settings.urls.map(postgresClient), settings);
    set.start();
    globalForReplicas.__resonanceReplicas = set;
  }
  return globalForReplicas.__resonanceReplicas;
}

/** Reads the settings (throwing on a wrong one) and starts polling the replicas' lag, if any are configured. */
export function startReplicaPolling(): void {
  replicaSet();
}

/** The client for an aggregate read that may lag the primary by up to REPLICA_MAX_LAG_SECONDS. */
export function analyticsDb(): Db {
  return replicaSet().pick().db;
}

/** When analytics reads may lag: the time their data is as of (null: they read the primary). */
export function analyticsAsOf(): Date | null {
  return replicaSet().freshness();
}
