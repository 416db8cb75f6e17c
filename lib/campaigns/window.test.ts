import { describe, expect, it } from "vitest";
import {
  inQuietHours,
  inWindow,
  isTimeZone,
  nextInWindow,
  nextSendSlot,
  quietHoursWarning,
  sendTimeZone,
  windowInQuietHours,
  zonedTime,
} from "./window";
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
    expect(sendTimeZone({ timeZone: "Asia/Tokyo" }, "UTC", "Europe/Paris")).toBe("Asia/Tokyo");
    expect(sendTimeZone({ timezone: "Asia/Tokyo" }, null, null)).toBe("Asia/Tokyo");
    expect(sendTimeZone({ tz: "Mars/Olympus" }, "Europe/Paris", "UTC")).toBe("Europe/Paris");
    expect(isTimeZone("Europe/Zurich")).toBe(true);
    expect(isTimeZone("")).toBe(false);
  });
});

describe("the one order of time zones (sendTimeZone)", () => {
  it("customer's zone → the campaign's or trigger's → the organization's → UTC; unreal zones are skipped", () => {
    const customer = { timeZone: "America/New_York" };
    expect(sendTimeZone(customer, "Asia/Tokyo", "Europe/Zurich")).toBe("America/New_York");
    expect(sendTimeZone({}, "Asia/Tokyo", "Europe/Zurich")).toBe("Asia/Tokyo");
    expect(sendTimeZone({}, null, "Europe/Zurich")).toBe("Europe/Zurich"); // the re-survey: its trigger names none
    expect(sendTimeZone(null, undefined, "Europe/Zurich")).toBe("Europe/Zurich");
    expect(sendTimeZone({ tz: 7 }, "Not/AZone", "Also/Not")).toBe("UTC");
    expect(sendTimeZone([], null, null)).toBe("UTC");
  });

  // Worked examples: quiet hours 21:00–08:00, any send window, a customer without a zone, an organization in Zurich.
  const quiet = { startHour: 21, endHour: 8 };
  const any = { startHour: 0, endHour: 0 };
  const slot = (at: string, sender: string | null) =>
    nextSendSlot(new Date(at), sendTimeZone({}, sender, "Europe/Zurich"), any, quiet)?.toISOString();

  it("a re-survey at 20:30 UTC in winter waits for 08:00 Zurich time (07:00 UTC), not 08:00 UTC", () => {
    // 20:30 UTC = 21:30 in Zurich (UTC+1): inside the quiet hours there, though not in UTC.
    expect(slot("2026-12-04T20:30:00Z", null)).toBe("2026-12-05T07:00:00.000Z");
    // Before the fix the zone was UTC: 20:30 UTC is outside 21–08 UTC, and the e-mail went at 21:30 Zurich time.
    expect(nextSendSlot(new Date("2026-12-04T20:30:00Z"), "UTC", any, quiet)?.toISOString()).toBe(
      "2026-12-04T20:30:00.000Z",
    );
  });

  it("in summer (UTC+2) the quiet hours end at 06:00 UTC", () => {
    expect(slot("2026-07-01T19:30:00Z", null)).toBe("2026-07-02T06:00:00.000Z"); // 21:30 CEST → 08:00 CEST
    expect(slot("2026-07-01T18:30:00Z", null)).toBe("2026-07-01T18:30:00.000Z"); // 20:30 CEST: sent at once
  });

  it("across the spring change (29 March 2026, 02:00 → 03:00) the night is an hour shorter", () => {
    // Saturday 21:00 CET = 20:00 UTC; the quiet hours end Sunday 08:00 CEST = 06:00 UTC.
    expect(slot("2026-03-28T20:00:00Z", null)).toBe("2026-03-29T06:00:00.000Z");
  });

  it("across the autumn change (25 October 2026, 03:00 → 02:00) the night is an hour longer", () => {
    // Saturday 21:00 CEST = 19:00 UTC; the quiet hours end Sunday 08:00 CET = 07:00 UTC.
    expect(slot("2026-10-24T19:00:00Z", null)).toBe("2026-10-25T07:00:00.000Z");
  });

  it("a campaign or trigger that names its own zone keeps it", () => {
    // 20:30 UTC is 05:30 in Tokyo (quiet until 08:00 = 23:00 UTC)
    expect(slot("2026-12-04T20:30:00Z", "Asia/Tokyo")).toBe("2026-12-04T23:00:00.000Z");
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

describe("a send window against the quiet hours", () => {
  const quiet = { startHour: 21, endHour: 8 };
  it("is never, partly or not at all in them, by whole local hours", () => {
    expect(windowInQuietHours({ startHour: 22, endHour: 6 }, quiet)).toBe("never"); // 22:00–06:00 inside 21–08
    expect(windowInQuietHours({ startHour: 21, endHour: 8 }, quiet)).toBe("never"); // exactly the quiet hours
    expect(windowInQuietHours({ startHour: 0, endHour: 1 }, quiet)).toBe("never");
    expect(windowInQuietHours({ startHour: 7, endHour: 9 }, quiet)).toBe("partly"); // 07:00 quiet, 08:00 not
    expect(windowInQuietHours({ startHour: 18, endHour: 22 }, quiet)).toBe("partly");
    expect(windowInQuietHours({ startHour: 0, endHour: 0 }, quiet)).toBe("partly"); // any time: 13 of 24 hours sent
    expect(windowInQuietHours({ startHour: 8, endHour: 21 }, quiet)).toBe("none");
    expect(windowInQuietHours({ startHour: 9, endHour: 20 }, quiet)).toBe("none");
    expect(windowInQuietHours({ startHour: 22, endHour: 6 }, null)).toBe("none");
    expect(windowInQuietHours({ startHour: 22, endHour: 6 }, { startHour: 5, endHour: 5 })).toBe("none");
    // quiet hours that do not span midnight
    expect(windowInQuietHours({ startHour: 12, endHour: 13 }, { startHour: 12, endHour: 14 })).toBe("never");
    expect(windowInQuietHours({ startHour: 12, endHour: 15 }, { startHour: 12, endHour: 14 })).toBe("partly");
    // the worker agrees: a "never" window has no send slot within three days
    expect(
      nextSendSlot(new Date("2026-12-04T12:00:00Z"), "Europe/Zurich", { startHour: 22, endHour: 6 }, quiet),
    ).toBeNull();
  });

  it("is said in one sentence naming the quiet hours", () => {
    expect(quietHoursWarning({ startHour: 22, endHour: 6 }, quiet)).toMatch(
      /entirely .* \(21:00–08:00\): nothing could ever be sent/,
    );
    expect(quietHoursWarning({ startHour: 7, endHour: 9 }, quiet)).toMatch(/^Part of the send window/);
    expect(quietHoursWarning({ startHour: 9, endHour: 20 }, quiet)).toBeNull();
  });
});
