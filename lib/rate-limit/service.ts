// Fixed-window rate limits kept in the database (RateLimitBucket), because the database is the only state
// that several app instances share. Each call adds one to the counter of (key, current window) with an
// upsert — an atomic `count = count + 1` — and compares the new count with the limit. Buckets of past
// windows are deleted now and then by whichever request happens to draw the short straw.
import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { db as defaultDb, Prisma, type Db } from "../db";
import { TooManyRequestsError, type InvalidParam } from "../errors";
import { isUniqueViolation } from "../db-errors";

export type RateLimit = { limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; remaining: number; resetAt: Date };
/** db: the client or an open transaction (a batch counts its requests inside its own transaction). */
type Deps = { db?: Db | Prisma.TransactionClient; now?: Date; cleanupProbability?: number };

/** Share of calls that also delete expired buckets: cheap (indexed on expiresAt), so a small share suffices. */
const CLEANUP_PROBABILITY = 0.05;
const UNIQUE_RETRIES = 3;

export class RateLimitedError extends TooManyRequestsError {
  /** invalidParams: the form field to show the message next to (server actions) and to name in the 429. */
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many requests; try again later.",
    invalidParams?: InvalidParam[],
  ) {
    super(message, invalidParams);
  }
}

/** Adds `by` to the bucket (key, windowStart), creating it if needed, and returns its new count. */
async function addToBucket(
  database: Db | Prisma.TransactionClient,
  key: string,
  windowStart: Date,
  expiresAt: Date,
  by: number,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await database.rateLimitBucket.upsert({
        where: { key_windowStart: { key, windowStart } },
        create: { key, windowStart, expiresAt, count: by },
        update: { count: { increment: by } },
        select: { count: true },
      });
      return row.count;
    } catch (error) {
      // Two instances creating the same new bucket at once: the loser retries and takes the update path.
      if (!isUniqueViolation(error) || attempt >= UNIQUE_RETRIES) throw error;
    }
  }
}

/**
 * Counts `by` requests (default one) against `key` and says whether the last of them is within the limit of
 * the current window; `count` is the window's total after this call.
 */
export async function consume(
  key: string,
  { limit, windowMs }: RateLimit,
  deps: Deps = {},
  by = 1,
): Promise<RateLimitResult & { count: number }> {
  const database = deps.db ?? defaultDb;
  const now = deps.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const resetAt = new Date(windowStart.getTime() + windowMs);
  const count = await addToBucket(database, key, windowStart, resetAt, by);
  if (Math.random() < (deps.cleanupProbability ?? CLEANUP_PROBABILITY))
    await purgeExpiredBuckets({ db: database, now });
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetAt, count };
}

/**
 * consume() for many keys at once, in one statement (an upsert of all their buckets): adds `by` to each
 * key's counter of its current window and returns each key's count after that. The ingestion batch
 * (lib/surveys/ingest-batch.ts) counts all its respondents with one statement per level instead of one
 * upsert each. Keys must be distinct; they are written in sorted order, so that two instances counting
 * overlapping keys lock them in the same order.
 */
export async function consumeMany(
  entries: Array<{ key: string; windowMs: number; by: number }>,
  deps: Deps = {},
): Promise<Map<string, number>> {
  const database = deps.db ?? defaultDb;
  const now = deps.now ?? new Date();
  if (entries.length === 0) return new Map();
  const rows = [...entries]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, windowMs, by }) => {
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      return Prisma.sql`(${key}, ${windowStart}, ${new Date(windowStart.getTime() + windowMs)}, ${by})`;
    });
  const counted = await database.$queryRaw<Array<{ key: string; count: number | bigint }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "expiresAt", "count") VALUES ${Prisma.join(rows)}
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + excluded."count"
    RETURNING "key", "count"`;
  if (Math.random() < (deps.cleanupProbability ?? CLEANUP_PROBABILITY))
    await purgeExpiredBuckets({ db: database, now });
  return new Map(counted.map((r) => [r.key, Number(r.count)]));
}

/** The count of `key` in the current window without adding to it. */
export async function currentCount(
  key: string,
  { windowMs }: Pick<RateLimit, "windowMs">,
  deps: Deps = {},
): Promise<{ count: number; resetAt: Date }> {
  const database = deps.db ?? defaultDb;
  const now = deps.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await database.rateLimitBucket.findUnique({
    where: { key_windowStart: { key, windowStart } },
    select: { count: true },
  });
  return { count: row?.count ?? 0, resetAt: new Date(windowStart.getTime() + windowMs) };
}

export async function purgeExpiredBuckets(deps: Pick<Deps, "db" | "now"> = {}): Promise<number> {
  const database = deps.db ?? defaultDb;
  const { count } = await database.rateLimitBucket.deleteMany({
    where: { expiresAt: { lte: deps.now ?? new Date() } },
  });
  return count;
}

/** Seconds until the window of `result` ends (at least one): the Retry-After of a 429. */
export function retryAfterSeconds(resetAt: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}

/** Consumes every limit in order and throws RateLimitedError (→ 429 with Retry-After) at the first one exceeded. */
export async function enforce(limits: Array<RateLimit & { key: string }>, deps: Deps = {}): Promise<void> {
  for (const l of limits) {
    const result = await consume(l.key, l, deps);
    if (!result.allowed) throw new RateLimitedError(retryAfterSeconds(result.resetAt, deps.now));
  }
}

/**
 * The network a client address stands for in rate limits: the address itself for IPv4, the /64 for IPv6 (one
 * subscriber gets a whole /64 and could rotate through it). Never the User-Agent or any other header the
 * client chooses: a bucket keyed on those is escaped by changing them, and shared by everyone who sends the
 * same popular value.
 */
export function clientNetwork(ip: string): string {
  const v4 = ip.replace(/^::ffff:/i, "");
  if (isIPv4(v4)) return v4;
  if (!isIPv6(ip)) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * A per-client limit for `ip` (a hash of its network, so no address is stored), or none when no address is
 * known. No address happens only outside the production server (`next dev`, which has no socket address to
 * give): one shared bucket for "unknown" would let anyone lock everybody out, and any header would be the
 * client's own choice, so then only the limits that are not per client apply (e.g. per survey, per account).
 */
export function perClientLimit(
  prefix: string,
  ip: string | null | undefined,
  rule: RateLimit,
): Array<RateLimit & { key: string }> {
  if (!ip) return [];
  const hash = createHash("sha256")
    .update(`client\n${clientNetwork(ip)}`)
    .digest("hex")
    .slice(0, 24);
  return [{ key: `${prefix}:${hash}`, ...rule }];
}

// Sliding windows: the count over the last `windowMs` is estimated from two fixed buckets — all of the
// current one and the previous one weighted by the share of it still inside the window. Buckets are kept
// for two windows so that the previous one is there to read.
function slidingBuckets(windowMs: number, now: Date) {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    current: new Date(start),
    previous: new Date(start - windowMs),
    keepUntil: new Date(start + 2 * windowMs),
    overlap: 1 - (now.getTime() - start) / windowMs,
  };
}

/** Adds `by` (may be negative, to take back a count) to `key` and returns the sliding count over the last `windowMs`. */
export async function consumeSliding(key: string, windowMs: number, deps: Deps = {}, by = 1): Promise<number> {
  const database = deps.db ?? defaultDb;
  const b = slidingBuckets(windowMs, deps.now ?? new Date());
  const current = await addToBucket(database, key, b.current, b.keepUntil, by);
  const previous = await database.rateLimitBucket.findUnique({
    where: { key_windowStart: { key, windowStart: b.previous } },
    select: { count: true },
  });
  if (Math.random() < (deps.cleanupProbability ?? CLEANUP_PROBABILITY))
    await purgeExpiredBuckets({ db: database, now: deps.now });
  return current + (previous?.count ?? 0) * b.overlap;
}

// Turns and marks: a row of `key` at the epoch whose expiresAt is the time it holds until (then
// purgeExpiredBuckets removes it like any expired bucket).
const HOLD = new Date(0);

/**
 * Takes the turn of `key` if nobody holds it, holding it until `until`: null when taken, else the time the
 * current holder lets go. Atomic across instances (a conditional update, or the insert of a new row).
 */
export async function takeTurn(key: string, until: Date, deps: Deps = {}): Promise<Date | null> {
  const database = deps.db ?? defaultDb;
  const now = deps.now ?? new Date();
  for (let attempt = 0; attempt <= UNIQUE_RETRIES; attempt++) {
    const taken = await database.rateLimitBucket.updateMany({
      where: { key, windowStart: HOLD, expiresAt: { lte: now } },
      data: { expiresAt: until },
    });
    if (taken.count === 1) return null;
    const held = await database.rateLimitBucket.findUnique({
      where: { key_windowStart: { key, windowStart: HOLD } },
      select: { expiresAt: true },
    });
    if (held && held.expiresAt > now) return held.expiresAt;
    if (held) continue; // let go between the update and the read: try again
    try {
      await database.rateLimitBucket.create({ data: { key, windowStart: HOLD, expiresAt: until, count: 0 } });
      return null;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return until; // contended beyond reason: treat as held
}

/** The time `key` is held or marked until, if that is still ahead. */
export async function heldUntil(key: string, deps: Deps = {}): Promise<Date | null> {
  const database = deps.db ?? defaultDb;
  const row = await database.rateLimitBucket.findUnique({
    where: { key_windowStart: { key, windowStart: HOLD } },
    select: { expiresAt: true },
  });
  return row && row.expiresAt > (deps.now ?? new Date()) ? row.expiresAt : null;
}

/** Marks `key` until `until` (later than any earlier mark or not). */
export async function markUntil(key: string, until: Date, deps: Deps = {}): Promise<void> {
  const database = deps.db ?? defaultDb;
  for (let attempt = 0; ; attempt++) {
    try {
      await database.rateLimitBucket.upsert({
        where: { key_windowStart: { key, windowStart: HOLD } },
        create: { key, windowStart: HOLD, expiresAt: until },
        update: { expiresAt: until },
      });
      return;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= UNIQUE_RETRIES) throw error;
    }
  }
}

/** Forgets every bucket, turn and mark of these keys. */
export async function forgetKeys(keys: string[], deps: Pick<Deps, "db"> = {}): Promise<void> {
  await (deps.db ?? defaultDb).rateLimitBucket.deleteMany({ where: { key: { in: keys } } });
}
