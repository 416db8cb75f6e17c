import { describe, expect, it } from "vitest";
import { customerTimeZone, inQuietHours, inWindow, isTimeZone, nextInWindow, nextSendSlot, zonedTime } from "./window";
import { suppressionText } from "./suppression-text";

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

describe("quiet hours (the organization's contact rules)", () => {
  const quiet = { startHour: 21, endHour: 8 };
  const any = { startHour: 0, endHour: 0 };

  it("hold a message until they end in the customer's zone, within the campaign's window", () => {
    const at = new Date("2026-12-04T21:30:00Z"); // 22:30 in Berlin (quiet), 06:30 in Tokyo (quiet), 16:30 in New York
    expect(nextSendSlot(at, "Europe/Berlin", any, quiet)?.toISOString()).toBe("2026-12-05T07:00:00.000Z"); // 08:00
    expect(nextSendSlot(at, "Asia/Tokyo", any, quiet)?.toISOString()).toBe("2026-12-04T23:00:00.000Z"); // 08:00
    expect(nextSendSlot(at, "America/New_York", any, quiet)).toEqual(at);
    // window 9–20 and quiet 21–8 in Berlin: the window decides (09:00 local)
    expect(nextSendSlot(at, "Europe/Berlin", w, quiet)?.toISOString()).toBe("2026-12-05T08:00:00.000Z");
    expect(inQuietHours(at, "Europe/Berlin", quiet)).toBe(true);
    expect(inQuietHours(at, "America/New_York", quiet)).toBe(false);
  });

  it("start = end means none; a send window that lies entirely in them has no slot", () => {
    const at = new Date("2026-12-04T21:30:00Z");
    expect(inQuietHours(at, "UTC", { startHour: 5, endHour: 5 })).toBe(false);
    expect(nextSendSlot(at, "UTC", any, null)).toEqual(at);
    expect(nextSendSlot(at, "UTC", { startHour: 22, endHour: 23 }, quiet)).toBeNull();
  });
});

describe("suppression sentences", () => {
  const at = new Date("2026-12-04T12:00:00Z");
  it("count whole days from the contact to the skip", () => {
    expect(suppressionText("recently_invited", new Date("2026-11-22T12:00:00Z"), at)).toBe("invited 12 days ago");
    expect(suppressionText("recently_invited", new Date("2026-11-22T12:00:01Z"), at)).toBe("invited 11 days ago");
    expect(suppressionText("recently_invited", new Date("2026-12-03T11:00:00Z"), at)).toBe("invited 1 day ago");
    expect(suppressionText("recently_invited", new Date("2026-12-04T01:00:00Z"), at)).toBe("invited earlier today");
    expect(suppressionText("opted_out", null, at)).toBe("opted out");
    expect(suppressionText("no_email", null, at)).toBe("no e-mail");
    expect(suppressionText("quiet_hours", null, at)).toBe("quiet hours");
  });
});
