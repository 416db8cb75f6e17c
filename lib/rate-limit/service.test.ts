// The limiter against a real (throwaway, migrated) SQLite file: the same upsert the app runs. The HTTP
// integration suite exercises it again on PostgreSQL through the public API.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db";
import {
  clientNetwork,
  consume,
  consumeSliding,
  enforce,
  heldUntil,
  perClientLimit,
  purgeExpiredBuckets,
  RateLimitedError,
  takeTurn,
} from "./service";

const file = path.join(process.cwd(), "tmp", "test-dbs", `rate-limit-${process.pid}-${Date.now()}.db`);
let db: Db;

beforeAll(async () => {
  mkdirSync(path.dirname(file), { recursive: true });
  await promisify(execFile)(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  });
  db = createDb(`file:${file}`).db;
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
});

const minute = { limit: 3, windowMs: 60_000 };
const at = (iso: string) => new Date(iso);

describe("consume", () => {
  it("allows up to the limit within a window, then refuses, and starts again in the next window", async () => {
    const deps = { db, cleanupProbability: 0 };
    const now = at("2026-05-01T10:00:10Z");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consume("k:a", minute, { ...deps, now }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results[0].resetAt.toISOString()).toBe("2026-05-01T10:01:00.000Z");
    // the same window a little later still counts; the next window starts afresh
    expect((await consume("k:a", minute, { ...deps, now: at("2026-05-01T10:00:59.999Z") })).allowed).toBe(false);
    expect((await consume("k:a", minute, { ...deps, now: at("2026-05-01T10:01:00Z") })).remaining).toBe(2);
    // keys are independent
    expect((await consume("k:b", minute, { ...deps, now })).remaining).toBe(2);
  });

  it("counts every one of many concurrent calls exactly once", async () => {
    const now = at("2026-05-01T11:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        consume("k:race", { limit: 10, windowMs: 60_000 }, { db, now, cleanupProbability: 0 }),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const bucket = await db.rateLimitBucket.findFirst({ where: { key: "k:race" } });
    expect(bucket?.count).toBe(20);
  });

  it("deletes expired buckets opportunistically, keeping current ones", async () => {
    await consume("k:old", minute, { db, now: at("2026-05-01T08:00:00Z"), cleanupProbability: 0 });
    await consume("k:new", minute, { db, now: at("2026-05-01T12:00:00Z"), cleanupProbability: 1 });
    expect(await db.rateLimitBucket.count({ where: { key: "k:old" } })).toBe(0);
    expect(await db.rateLimitBucket.count({ where: { key: "k:new" } })).toBe(1);
    expect(await purgeExpiredBuckets({ db, now: at("2026-05-01T12:00:30Z") })).toBe(0);
  });
});

describe("consumeSliding", () => {
  it("weighs the previous window by how much of it is still inside the last windowMs, and takes counts back", async () => {
    const deps = (iso: string) => ({ db, now: at(iso), cleanupProbability: 0 });
    for (let i = 0; i < 4; i++) await consumeSliding("k:slide", 60_000, deps("2026-05-02T10:00:30Z"));
    // a quarter into the next window: 3/4 of the previous 4, plus this one
    expect(await consumeSliding("k:slide", 60_000, deps("2026-05-02T10:01:15Z"))).toBe(4);
    expect(await consumeSliding("k:slide", 60_000, deps("2026-05-02T10:01:15Z"), -1)).toBe(3);
    // two windows on, nothing of the first is left
    expect(await consumeSliding("k:slide", 60_000, deps("2026-05-02T10:02:00Z"))).toBe(1);
  });
});

describe("takeTurn", () => {
  it("lets exactly one of many concurrent callers take a free turn, and says until when the others wait", async () => {
    const now = at("2026-05-02T11:00:00Z");
    const until = at("2026-05-02T11:00:04Z");
    const results = await Promise.all(Array.from({ length: 12 }, () => takeTurn("k:turn", until, { db, now })));
    expect(results.filter((r) => r === null)).toHaveLength(1);
    for (const r of results) if (r) expect(r.toISOString()).toBe(until.toISOString());
    expect((await heldUntil("k:turn", { db, now }))?.toISOString()).toBe(until.toISOString());
    // once it has passed, the next caller takes it again
    expect(await takeTurn("k:turn", at("2026-05-02T11:00:10Z"), { db, now: until })).toBeNull();
    expect(await heldUntil("k:turn", { db, now: at("2026-05-02T11:00:10Z") })).toBeNull();
  });
});

describe("enforce", () => {
  it("throws RateLimitedError with the seconds until the window resets", async () => {
    const now = at("2026-05-01T13:00:45Z");
    const limits = [{ key: "k:enforce", limit: 1, windowMs: 60_000 }];
    await enforce(limits, { db, now, cleanupProbability: 0 });
    const error = await enforce(limits, { db, now, cleanupProbability: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).status).toBe(429);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(15);
  });
});

describe("perClientLimit", () => {
  const rule = { limit: 30, windowMs: 60_000 };
  it("keys on the address alone, hashed, never on anything the client picks", () => {
    const [a] = perClientLimit("p", "203.0.113.9", rule);
    expect(a.key).toMatch(/^p:[0-9a-f]{24}$/);
    expect(a.key).not.toContain("203.0.113.9");
    expect(perClientLimit("p", "::ffff:203.0.113.9", rule)[0].key).toBe(a.key);
    expect(perClientLimit("p", "203.0.113.10", rule)[0].key).not.toBe(a.key);
  });
  it("takes an IPv6 client's /64 as one client", () => {
    expect(clientNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:0db8:0001:0002:ffff:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    expect(perClientLimit("p", "2001:db8:1:2::1", rule)[0].key).toBe(
      perClientLimit("p", "2001:db8:1:2:ffff::7", rule)[0].key,
    );
    expect(perClientLimit("p", "2001:db8:1:3::1", rule)[0].key).not.toBe(
      perClientLimit("p", "2001:db8:1:2::1", rule)[0].key,
    );
  });
  it("has no per-client bucket when no address is known (a shared one would lock everyone out)", () => {
    expect(perClientLimit("p", null, rule)).toEqual([]);
    expect(perClientLimit("p", "", rule)).toEqual([]);
  });
});
