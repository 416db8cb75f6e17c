import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prisma } from "../db";
import { bucketExpression } from "../analytics/sql";
import { DAY_MS } from "../analytics/buckets";
import { monthSafe, splitPeriod } from "./query";

const at = (iso: string) => new Date(iso);

describe("splitPeriod: whole UTC days from the roll-up, the partial days at the edges raw", () => {
  it("splits a rolling period that starts and ends mid-day", () => {
    expect(splitPeriod({ from: at("2026-03-01T10:30:00.000Z"), to: at("2026-03-05T08:00:00.001Z") })).toEqual({
      months: null,
      days: [{ from: at("2026-03-02T00:00:00Z"), to: at("2026-03-05T00:00:00Z") }],
      minus: [],
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
      minus: [],
      edges: [],
    });
  });

  it("counts a period without a whole day raw, and an empty one not at all", () => {
    const p = { from: at("2026-03-01T10:00:00Z"), to: at("2026-03-02T09:59:59.999Z") };
    expect(splitPeriod(p)).toEqual({ months: null, days: [], minus: [], edges: [p] });
    const within = { from: at("2026-03-01T01:00:00Z"), to: at("2026-03-01T23:00:00Z") };
    expect(splitPeriod(within)).toEqual({ months: null, days: [], minus: [], edges: [within] });
    const empty = { from: at("2026-03-01T10:00:00Z"), to: at("2026-03-01T10:00:00Z") };
    expect(splitPeriod(empty)).toEqual({ months: null, days: [], minus: [], edges: [] });
  });
});

describe("splitPeriod with months: whole UTC months from the monthly roll-up, other whole days daily, edges raw", () => {
  it("reads a rolling 12 months ending on the 5th as 12 months minus the first one's 5 outside days, 4 days and the edges", () => {
    const p = { from: at("2025-12-05T12:42:40.326Z"), to: at("2026-12-05T12:42:40.326Z") };
    expect(splitPeriod(p, { months: true })).toEqual({
      // December 2025 has 26 days in the period and 5 outside it: the month minus 1–5 December.
      months: { from: at("2025-12-01T00:00:00Z"), to: at("2026-12-01T00:00:00Z") },
      // December 2026 has 4 whole days in the period and 27 outside it: those 4 days.
      days: [{ from: at("2026-12-01T00:00:00Z"), to: at("2026-12-05T00:00:00Z") }],
      minus: [{ from: at("2025-12-01T00:00:00Z"), to: at("2025-12-06T00:00:00Z") }],
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
        minus: [],
        edges: [],
      },
    );
  });

  it("reads each partial month as its days inside or as the month minus its fewer days outside", () => {
    // 21–31 January (11 days in, 20 out): days. 1–26 February (26 in, 2 out): February minus 27–28 February.
    const p = { from: at("2026-01-20T06:00:00Z"), to: at("2026-02-27T00:00:00Z") };
    expect(splitPeriod(p, { months: true })).toEqual({
      months: { from: at("2026-02-01T00:00:00Z"), to: at("2026-03-01T00:00:00Z") },
      days: [{ from: at("2026-01-21T00:00:00Z"), to: at("2026-02-01T00:00:00Z") }],
      minus: [{ from: at("2026-02-27T00:00:00Z"), to: at("2026-03-01T00:00:00Z") }],
      edges: [{ from: p.from, to: at("2026-01-21T00:00:00Z") }],
    });
    // Inside one month: 3–28 March (26 days in, 5 out) is March minus 1–2 and 29–31 March; 10–20 March is days.
    expect(splitPeriod({ from: at("2026-03-03T00:00:00Z"), to: at("2026-03-29T00:00:00Z") }, { months: true })).toEqual(
      {
        months: { from: at("2026-03-01T00:00:00Z"), to: at("2026-04-01T00:00:00Z") },
        days: [],
        minus: [
          { from: at("2026-03-01T00:00:00Z"), to: at("2026-03-03T00:00:00Z") },
          { from: at("2026-03-29T00:00:00Z"), to: at("2026-04-01T00:00:00Z") },
        ],
        edges: [],
      },
    );
    expect(splitPeriod({ from: at("2026-03-10T00:00:00Z"), to: at("2026-03-20T00:00:00Z") }, { months: true })).toEqual(
      {
        months: null,
        days: [{ from: at("2026-03-10T00:00:00Z"), to: at("2026-03-20T00:00:00Z") }],
        minus: [],
        edges: [],
      },
    );
  });

  it("covers every whole day of any period exactly once, counting a month as its days and a minus day as −1", () => {
    const start = Date.parse("2025-11-01T00:00:00Z");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 * DAY_MS }),
        fc.integer({ min: 0, max: 400 * DAY_MS }),
        fc.boolean(),
        (offset, length, months) => {
          const p = { from: new Date(start + offset), to: new Date(start + offset + length) };
          const split = splitPeriod(p, { months });
          const cover = new Map<number, number>();
          const add = (r: { from: Date; to: Date }, sign: number) => {
            for (let t = r.from.getTime(); t < r.to.getTime(); t += DAY_MS) cover.set(t, (cover.get(t) ?? 0) + sign);
          };
          if (split.months) add(split.months, 1);
          for (const r of split.days) add(r, 1);
          for (const r of split.minus) add(r, -1);
          const first = Math.ceil(p.from.getTime() / DAY_MS) * DAY_MS;
          const last = Math.floor(p.to.getTime() / DAY_MS) * DAY_MS;
          for (const [t, n] of cover) expect(n).toBe(t >= first && t < last ? 1 : 0);
          for (let t = first; t < last; t += DAY_MS) expect(cover.get(t)).toBe(1);
          // Never more daily rows than the plain split, and no minus without months.
          const daysRead = [...split.days, ...split.minus].reduce((n, r) => n + (r.to.getTime() - r.from.getTime()), 0);
          if (months) {
            const plain = splitPeriod(p, { months: false }).days.reduce(
              (n, r) => n + (r.to.getTime() - r.from.getTime()),
              0,
            );
            expect(daysRead).toBeLessThanOrEqual(plain);
            // At most half of each partial month (two of them) is read day by day.
            expect(daysRead).toBeLessThanOrEqual(31 * DAY_MS);
          } else expect(split.minus).toEqual([]);
          // The edges are the partial days, as before.
          expect(split.edges).toEqual(splitPeriod(p).edges);
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });

  it("uses months only for keys that give a whole month one value", () => {
    expect(monthSafe(Prisma.sql`'all'`)).toBe(true);
    expect(monthSafe(Prisma.sql`r."touchpointId"`)).toBe(true);
    expect(monthSafe(bucketExpression("sqlite", "month"))).toBe(true);
    expect(monthSafe(bucketExpression("sqlite", "week"))).toBe(false);
    expect(monthSafe(bucketExpression("sqlite", "day"))).toBe(false);
  });
});
