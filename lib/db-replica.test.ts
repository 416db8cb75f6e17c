import { describe, expect, it } from "vitest";
import { parseLsn, replicaAsOf, replicaSettings } from "./db-replica";

describe("WAL positions", () => {
  it("reads PostgreSQL's hi/lo notation as one byte position", () => {
    expect(parseLsn("0/0")).toBe(0n);
    expect(parseLsn("2/CC000000")).toBe(2n * 2n ** 32n + 0xcc000000n);
    expect(parseLsn("16/B374D848")).toBeGreaterThan(parseLsn("16/B374D847"));
    expect(parseLsn("1/0")).toBeGreaterThan(parseLsn("0/FFFFFFFF")); // not a text comparison
    expect(() => parseLsn("not a position")).toThrow(/not a WAL position/);
  });
});

describe("how current a replica is", () => {
  const samples = [
    { at: 1_000, lsn: 100n },
    { at: 2_000, lsn: 150n },
    { at: 3_000, lsn: 150n }, // nothing written between 2 s and 3 s
    { at: 4_000, lsn: 400n },
  ];
  it("is as of the last moment the primary had written no more than the replica has replayed", () => {
    expect(replicaAsOf(samples, 400n)).toBe(4_000); // caught up
    expect(replicaAsOf(samples, 399n)).toBe(3_000); // the writes after 3 s are not there yet
    expect(replicaAsOf(samples, 150n)).toBe(3_000); // idle primary: still current at 3 s
    expect(replicaAsOf(samples, 120n)).toBe(1_000);
    expect(replicaAsOf(samples, 99n)).toBeNull(); // behind everything remembered: too old to use
  });
});

describe("replica settings", () => {
  it("reads the comma-separated URLs and the limits, with safe defaults", () => {
    expect(replicaSettings({}, "postgresql")).toEqual({ urls: [], pollMs: 1000, maxLagMs: 30_000 });
    expect(
      replicaSettings(
        {
          DATABASE_REPLICA_URLS: " postgres://a@127.0.0.1:5433/x, postgresql://b@127.0.0.1:5434/x ,",
          REPLICA_MAX_LAG_SECONDS: "5",
        },
        "postgresql",
      ),
    ).toEqual({
      urls: ["postgres://a@127.0.0.1:5433/x", "postgresql://b@127.0.0.1:5434/x"],
      pollMs: 1000,
      maxLagMs: 5000,
    });
  });
  it("refuses what cannot work rather than reading the primary in silence", () => {
    expect(() => replicaSettings({ DATABASE_REPLICA_URLS: "postgres://a@127.0.0.1/x" }, "sqlite")).toThrow(
      /PostgreSQL primary/,
    );
    expect(() => replicaSettings({ DATABASE_REPLICA_URLS: "mysql://a/x" }, "postgresql")).toThrow(/postgres:\/\//);
    expect(() => replicaSettings({ REPLICA_POLL_MS: "10" }, "postgresql")).toThrow(/REPLICA_POLL_MS/);
    expect(() => replicaSettings({ REPLICA_MAX_LAG_SECONDS: "soon" }, "postgresql")).toThrow(/REPLICA_MAX_LAG_SECONDS/);
  });
});
