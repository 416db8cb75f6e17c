import { describe, expect, it } from "vitest";
import {
  DEFAULT_DIGEST_SETTINGS,
  digestSettingsForm,
  digestSettingsFrom,
  isoWeekKey,
  latestSlot,
  weekEndingOf,
} from "./settings";

describe("digest schedule", () => {
  it("finds the latest slot at or before now (UTC)", () => {
    const mon8 = "2026-11-23T08:00:00.000Z"; // a Monday
    expect(latestSlot(new Date(mon8), 1, 8).toISOString()).toBe(mon8);
    expect(latestSlot(new Date("2026-11-23T07:59:59.999Z"), 1, 8).toISOString()).toBe("2026-11-16T08:00:00.000Z");
    expect(latestSlot(new Date("2026-11-25T10:00:00.000Z"), 1, 8).toISOString()).toBe(mon8);
    expect(latestSlot(new Date("2026-11-22T23:00:00.000Z"), 0, 23).toISOString()).toBe("2026-11-22T23:00:00.000Z");
  });

  it("covers the seven days before the slot's day", () => {
    expect(weekEndingOf(new Date("2026-11-23T08:00:00.000Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("keys a run by ISO 8601 week, across year ends", () => {
    expect(isoWeekKey(new Date("2026-11-23T08:00:00Z"))).toBe("2026-W48");
    expect(isoWeekKey(new Date("2026-11-29T23:59:59Z"))).toBe("2026-W48"); // Sunday, same week
    expect(isoWeekKey(new Date("2027-01-01T08:00:00Z"))).toBe("2026-W53");
    expect(isoWeekKey(new Date("2024-12-30T08:00:00Z"))).toBe("2025-W01");
    expect(isoWeekKey(new Date("2021-01-03T08:00:00Z"))).toBe("2020-W53");
  });
});

describe("digest settings", () => {
  it("defaults to on, Monday 08:00 UTC, admins and managers", () => {
    expect(DEFAULT_DIGEST_SETTINGS).toEqual({ enabled: true, weekday: 1, hour: 8, recipients: null });
    expect(digestSettingsFrom(null)).toEqual(DEFAULT_DIGEST_SETTINGS);
    expect(digestSettingsFrom({ caseRules: {}, digest: { weekday: 9 } })).toEqual(DEFAULT_DIGEST_SETTINGS);
    expect(digestSettingsFrom({ digest: { enabled: false, hour: 17 } })).toEqual({
      ...DEFAULT_DIGEST_SETTINGS,
      enabled: false,
      hour: 17,
    });
  });

  it("names each bad field of the form", () => {
    const r = digestSettingsForm.safeParse({
      enabled: true,
      weekday: "7",
      hour: "24",
      recipientsMode: "custom",
      recipients: [],
    });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path.join(".")));
    expect(fields).toEqual(new Set(["weekday", "hour", "recipients"]));
  });
});
