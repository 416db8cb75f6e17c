import { describe, expect, it } from "vitest";
import { Prisma } from "../db";
import { bucketExpression } from "../analytics/sql";
import { monthSafe, splitPeriod } from "./query";

const at = (iso: string) => new Date(iso);

describe("splitPeriod: whole UTC days from the roll-up, the partial days at the edges raw", () => {
  it("splits a rolling period that starts and ends mid-day", () => {
    expect(splitPeriod({ from: at("2026-03-01T10:30:00.000Z"), to: at("2026-03-05T08:00:00.001Z") })).toEqual({
      months: null,
      days: [{ from: at("2026-03-02T00:00:00Z"), to: at("2026-03-05T00:00:00Z") }],
      edges: [
        { from: at("2026-03-01T10:30:00.000Z"), to: at("2026-03-02T00:00:00Z") },
        { from: at("2026-03-05T00:00:00Z"), to: at("2026-03-05T08:00:00.001Z") },
      ],
    });
  });

  it("has no edge where the period starts or ends at midnight (a custom range is whole days)", () => {
    expect(splitPeriod({ from: at("2026-01-01T00:00:00Z"), to: at("2026-07-01T00:00:00Z") })).toEqual({
      months: null,
      days: [{ from: at("2026-01-01T00:00:00Z"), to: at("2026-07-01T00:00:00Z") }],
      edges: [],
    });
  });

  it("counts a period without a whole day raw, and an empty one not at all", () => {
    const p = { from: at("2026-03-01T10:00:00Z"), to: at("2026-03-02T09:59:59.999Z") };
    expect(splitPeriod(p)).toEqual({ months: null, days: [], edges: [p] });
    const within = { from: at("2026-03-01T01:00:00Z"), to: at("2026-03-01T23:00:00Z") };
    expect(splitPeriod(within)).toEqual({ months: null, days: [], edges: [within] });
    const empty = { from: at("2026-03-01T10:00:00Z"), to: at("2026-03-01T10:00:00Z") };
    expect(splitPeriod(empty)).toEqual({ months: null, days: [], edges: [] });
  });
});

describe("splitPeriod with months: whole UTC months from the monthly roll-up, other whole days daily, edges raw", () => {
  it("splits a rolling 12 months into its edges, the days of its two partial months and 11 whole months", () => {
    const p = { from: at("2025-12-05T12:42:40.326Z"), to: at("2026-12-05T12:42:40.326Z") };
    expect(splitPeriod(p, { months: true })).toEqual({
      months: { from: at("2026-01-01T00:00:00Z"), to: at("2026-12-01T00:00:00Z") },
      days: [
        { from: at("2025-12-06T00:00:00Z"), to: at("2026-01-01T00:00:00Z") },
        { from: at("2026-12-01T00:00:00Z"), to: at("2026-12-05T00:00:00Z") },
      ],
      edges: [
        { from: at("2025-12-05T12:42:40.326Z"), to: at("2025-12-06T00:00:00Z") },
        { from: at("2026-12-05T00:00:00Z"), to: at("2026-12-05T12:42:40.326Z") },
      ],
    });
  });

  it("reads a period of whole months from the monthly roll-up alone (December to February over the new year)", () => {
    expect(splitPeriod({ from: at("2025-12-01T00:00:00Z"), to: at("2026-03-01T00:00:00Z") }, { months: true })).toEqual(
      {
        months: { from: at("2025-12-01T00:00:00Z"), to: at("2026-03-01T00:00:00Z") },
        days: [],
        edges: [],
      },
    );
  });

  it("keeps a period without a whole month daily, also across a month's end", () => {
    const p = { from: at("2026-01-20T06:00:00Z"), to: at("2026-02-27T00:00:00Z") };
    expect(splitPeriod(p, { months: true })).toEqual({
      months: null,
      days: [{ from: at("2026-01-21T00:00:00Z"), to: at("2026-02-27T00:00:00Z") }],
      edges: [{ from: p.from, to: at("2026-01-21T00:00:00Z") }],
    });
  });

  it("uses months only for keys that give a whole month one value", () => {
    expect(monthSafe(Prisma.sql`'all'`)).toBe(true);
    expect(monthSafe(Prisma.sql`r."touchpointId"`)).toBe(true);
    expect(monthSafe(bucketExpression("sqlite", "month"))).toBe(true);
    expect(monthSafe(bucketExpression("sqlite", "week"))).toBe(false);
    expect(monthSafe(bucketExpression("sqlite", "day"))).toBe(false);
  });
});
