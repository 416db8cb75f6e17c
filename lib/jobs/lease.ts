// Leases for work that every instance polls for (webhook deliveries, campaign messages and waves): a row is taken
// with a conditional UPDATE that only one instance can win, on SQLite and PostgreSQL alike — a row another
// instance leased first no longer matches (PostgreSQL re-checks the condition after waiting for its lock; SQLite
// runs one writer at a time). The lease owner names the claim, so the rows it won are read back by that name. A
// lease that outlives its holder (the instance died) expires, and the work is taken again.
import { randomUUID } from "node:crypto";

/** This server process, in attempt logs and lease owners: random, so it names no host or process id. */
export const INSTANCE_ID = `w-${randomUUID().slice(0, 8)}`;

/** The `where` of a row nobody holds now (no lease, or an expired one). */
export function leaseFree(now: Date) {
  return { OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] };
}

let claims = 0;

export type Lease = { owner: string; until: Date; now: Date };

/**
 * Takes the lease on those rows that are free: `take` runs the conditional UPDATE (its `where` must include
 * leaseFree(lease.now) and set leaseOwner/leaseExpiresAt from `lease`), `read` reads back the rows of `owner`.
 */
export async function claimLeases<R>(
  leaseMs: number,
  take: (lease: Lease) => Promise<{ count: number }>,
  read: (owner: string) => Promise<R[]>,
): Promise<R[]> {
  const now = new Date();
  const lease = { owner: `${INSTANCE_ID}#${++claims}`, until: new Date(now.getTime() + leaseMs), now };
  const { count } = await take(lease);
  return count === 0 ? [] : read(lease.owner);
}

/**
 * Runs `tick` every `everyMs` in this process (unref'd), never two at once: a slow tick makes the next ones wait
 * instead of piling up. Started once per process (`key`); errors are logged with `name`.
 */
export function startPoller(opts: {
  key: string;
  name: string;
  everyMs: number;
  tick: () => Promise<unknown>;
}): boolean {
  const holder = globalThis as Record<symbol, boolean | undefined>;
  const started = Symbol.for(opts.key);
  if (holder[started]) return false;
  holder[started] = true;
  let busy = false;
  const run = async () => {
    if (busy) return;
    busy = true;
    try {
      await opts.tick();
    } catch (error) {
      console.error(`[${opts.name}] tick failed:`, error instanceof Error ? error.message : error);
    } finally {
      busy = false;
    }
  };
  setInterval(() => void run(), opts.everyMs).unref();
  return true;
}
