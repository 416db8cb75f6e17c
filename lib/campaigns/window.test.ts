import { describe, expect, it } from "vitest";
import { customerTimeZone, inWindow, isTimeZone, nextInWindow, zonedTime } from "./window";

const w = { startHour: 9, endHour: 20 };

describe("send window", () => {
  it("is the customer's local hours, across time zones", () => {
    const at = new Date("2026-12-04T07:30:00Z"); // 08:30 in Berlin, 16:30 in Tokyo, 02:30 in New York
    expect(inWindow(at, "Europe/Berlin", w)).toBe(false);
    expect(inWindow(at, "Asia/Tokyo", w)).toBe(true);
    expect(nextInWindow(at, "Europe/Berlin", w).toISOString()).toBe("2026-12-04T08:00:00.000Z");
    expect(nextInWindow(at, "America/New_York", w).toISOString()).toBe("2026-12-04T14:00:00.000Z");
    expect(nextInWindow(at, "Asia/Tokyo", w)).toEqual(at);
  });

  it("after the window closes, waits for the next morning", () => {
    const at = new Date("2026-12-04T11:05:00Z"); // 20:05 in Tokyo
    expect(nextInWindow(at, "Asia/Tokyo", w).toISOString()).toBe("2026-12-05T00:00:00.000Z");
  });

  it("follows daylight saving time (Berlin, last Sunday of March)", () => {
    // 2027-03-28: clocks go from 02:00 to 03:00, so 09:00 local is 07:00Z, not 08:00Z
    expect(nextInWindow(new Date("2027-03-28T03:00:00Z"), "Europe/Berlin", w).toISOString()).toBe(
      "2027-03-28T07:00:00.000Z",
    );
  });

  it("a window over midnight, and an always-open window", () => {
    const night = { startHour: 22, endHour: 6 };
    expect(inWindow(new Date("2026-12-04T23:00:00Z"), "UTC", night)).toBe(true);
    expect(inWindow(new Date("2026-12-04T12:00:00Z"), "UTC", night)).toBe(false);
    expect(inWindow(new Date("2026-12-04T12:00:00Z"), "UTC", { startHour: 0, endHour: 0 })).toBe(true);
  });

  it("takes the customer's time zone from their attributes when it is a real one", () => {
    expect(customerTimeZone({ timeZone: "Asia/Tokyo" }, "UTC")).toBe("Asia/Tokyo");
    expect(customerTimeZone({ tz: "Mars/Olympus" }, "Europe/Paris")).toBe("Europe/Paris");
    expect(customerTimeZone(null, "UTC")).toBe("UTC");
    expect(isTimeZone("Europe/Zurich")).toBe(true);
    expect(isTimeZone("")).toBe(false);
  });
});

describe("a wall-clock time in a time zone", () => {
  it("is the instant it names there", () => {
    expect(zonedTime("2026-12-04T09:00", "Europe/Zurich")?.toISOString()).toBe("2026-12-04T08:00:00.000Z");
    expect(zonedTime("2027-07-01T09:00", "Europe/Zurich")?.toISOString()).toBe("2027-07-01T07:00:00.000Z");
    expect(zonedTime("2026-12-04T09:00", "America/New_York")?.toISOString()).toBe("2026-12-04T14:00:00.000Z");
    expect(zonedTime("2026-12-04T09:00", "UTC")?.toISOString()).toBe("2026-12-04T09:00:00.000Z");
    expect(zonedTime("tomorrow", "UTC")).toBeNull();
  });
});
