import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addUtcMonths, bucketKey, bucketStart, bucketStarts, defaultBucket, nextBucket } from "./buckets";

const at = (iso: string) => new Date(iso);
const key = (d: Date) => bucketKey(d);

describe("bucketStart (UTC; weeks start on Monday)", () => {
  it("days start at 00:00 UTC", () => {
    expect(key(bucketStart(at("2026-03-01T00:00:00.000Z"), "day"))).toBe("2026-03-01");
    expect(key(bucketStart(at("2026-02-28T23:59:59.999Z"), "day"))).toBe("2026-02-28");
  });

  it("weeks start on Monday: Sunday 23:59:59.999 belongs to the week before Monday 00:00", () => {
    // 2026-08-02 is a Sunday, 2026-08-03 a Monday
    expect(key(bucketStart(at("2026-08-02T23:59:59.999Z"), "week"))).toBe("2026-07-27");
    expect(key(bucketStart(at("2026-08-03T00:00:00.000Z"), "week"))).toBe("2026-08-03");
    expect(key(bucketStart(at("2026-08-05T12:00:00.000Z"), "week"))).toBe("2026-08-03");
    // across a month and a year boundary
    expect(key(bucketStart(at("2026-01-01T08:00:00Z"), "week"))).toBe("2025-12-29");
    expect(key(bucketStart(at("2027-01-03T08:00:00Z"), "week"))).toBe("2026-12-28");
  });

  it("months start on the 1st", () => {
    expect(key(bucketStart(at("2026-02-28T23:59:59.999Z"), "month"))).toBe("2026-02-01");
    expect(key(bucketStart(at("2026-03-01T00:00:00.000Z"), "month"))).toBe("2026-03-01");
    expect(key(bucketStart(at("2024-12-31T23:00:00Z"), "month"))).toBe("2024-12-01");
  });

  it("is idempotent, never after the date, and the next bucket is after it (property)", () => {
    const dates = fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T23:59:59Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dates, fc.constantFrom("day" as const, "week" as const, "month" as const), (d, b) => {
        const s = bucketStart(d, b);
        expect(s.getTime()).toBeLessThanOrEqual(d.getTime());
        expect(nextBucket(s, b).getTime()).toBeGreaterThan(d.getTime());
        expect(bucketStart(s, b).getTime()).toBe(s.getTime());
        if (b === "week") expect(s.getUTCDay()).toBe(1);
        if (b === "month") expect(s.getUTCDate()).toBe(1);
      }),
    );
  });
});

describe("bucketStarts", () => {
  it("lists every bucket overlapping [from, to), including partial ones at both ends", () => {
    const weeks = bucketStarts(at("2026-08-05T10:00:00Z"), at("2026-08-20T10:00:00Z"), "week").map(key);
    expect(weeks).toEqual(["2026-08-03", "2026-08-10", "2026-08-17"]);
    const months = bucketStarts(at("2025-11-15T00:00:00Z"), at("2026-02-01T00:00:00Z"), "month").map(key);
    expect(months).toEqual(["2025-11-01", "2025-12-01", "2026-01-01"]);
    const days = bucketStarts(at("2026-02-27T00:00:00Z"), at("2026-03-02T00:00:00Z"), "day").map(key);
    expect(days).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });

  it("is empty for an empty range", () => {
    expect(bucketStarts(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"), "day")).toEqual([]);
  });
});

describe("addUtcMonths", () => {
  it("keeps the time of day and clamps the day to the target month", () => {
    expect(addUtcMonths(at("2026-03-31T16:47:44.123Z"), -1).toISOString()).toBe("2026-02-28T16:47:44.123Z");
    expect(addUtcMonths(at("2024-03-31T00:00:00Z"), -1).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(addUtcMonths(at("2026-11-23T16:00:00Z"), -12).toISOString()).toBe("2025-11-23T16:00:00.000Z");
    expect(addUtcMonths(at("2026-11-23T16:00:00Z"), -18).toISOString()).toBe("2025-05-23T16:00:00.000Z");
  });
});

describe("defaultBucket", () => {
  const days = (n: number) =>
    [at("2026-01-01T00:00:00Z"), new Date(Date.parse("2026-01-01T00:00:00Z") + n * 86_400_000)] as const;
  it("day up to 14 days, week up to 120 days, month beyond", () => {
    expect(defaultBucket(...days(7))).toBe("day");
    expect(defaultBucket(...days(14))).toBe("day");
    expect(defaultBucket(...days(15))).toBe("week");
    expect(defaultBucket(...days(90))).toBe("week");
    expect(defaultBucket(...days(120))).toBe("week");
    expect(defaultBucket(...days(121))).toBe("month");
    expect(defaultBucket(...days(365))).toBe("month");
  });
});
