import { describe, expect, it } from "vitest";
import { formatSchedule, maxAttempts, nextAttemptDelay, parseRetrySchedule, retrySchedule } from "./schedule";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("retry schedule", () => {
  it("by default waits 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h: eight attempts", () => {
    const s = retrySchedule({});
    expect(s).toEqual([MIN, 5 * MIN, 30 * MIN, 2 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR]);
    expect(maxAttempts(s)).toBe(8);
  });

  it("reads as words", () => {
    expect(formatSchedule(retrySchedule({}))).toBe("1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h");
    expect(formatSchedule([400, 1500, 90 * MIN])).toBe("400 ms, 1.5 s, 1.5 h");
    // German separators: 1,5 h (the units read the same)
    expect(formatSchedule([400, 1500, 90 * MIN, 2 * HOUR], "de-DE")).toBe("400 ms, 1,5 s, 1,5 h, 2 h");
    expect(formatSchedule([1250 * 60 * MIN], "de-DE")).toBe("1.250 h");
  });

  it("reads WEBHOOK_RETRY_SCHEDULE with ms, s, m and h", () => {
    expect(retrySchedule({ WEBHOOK_RETRY_SCHEDULE: "200ms, 1.5s,2m,1h" })).toEqual([200, 1500, 2 * MIN, HOUR]);
    expect(() => parseRetrySchedule("1m,soon")).toThrow(/"soon" is not a duration/);
    expect(() => parseRetrySchedule("5")).toThrow(/not a duration/);
  });

  const s = parseRetrySchedule("1m,5m,30m");

  it("after the n-th failed attempt waits the n-th step, ±10 % jitter", () => {
    expect(nextAttemptDelay(1, s, () => 0.5)).toBe(MIN);
    expect(nextAttemptDelay(2, s, () => 0)).toBe(4.5 * MIN);
    expect(nextAttemptDelay(2, s, () => 0.999999)).toBe(Math.round(5 * MIN * 1.0999998));
    expect(nextAttemptDelay(3, s, () => 0.5)).toBe(30 * MIN);
  });

  it("gives up (dead) after the last step", () => {
    expect(maxAttempts(s)).toBe(4);
    expect(nextAttemptDelay(4, s, () => 0.5)).toBeNull();
    expect(nextAttemptDelay(9, s)).toBeNull();
  });

  it("never waits outside the jitter band", () => {
    for (let i = 0; i < 200; i++) {
      const d = nextAttemptDelay(2, s)!;
      expect(d).toBeGreaterThanOrEqual(4.5 * MIN);
      expect(d).toBeLessThanOrEqual(5.5 * MIN);
    }
  });
});
