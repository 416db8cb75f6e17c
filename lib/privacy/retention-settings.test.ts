import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION, retentionCutoff, retentionPeriodKey, retentionSettingsFrom } from "./retention-settings";

describe("retention settings", () => {
  it("are off with 24 months / anonymise when missing or malformed", () => {
    expect(retentionSettingsFrom(null)).toEqual(DEFAULT_RETENTION);
    expect(retentionSettingsFrom({ retention: { enabled: true, months: 0, mode: "delete" } })).toEqual(
      DEFAULT_RETENTION,
    );
    expect(retentionSettingsFrom({ digest: {}, retention: { enabled: true, months: 6, mode: "delete" } })).toEqual({
      enabled: true,
      months: 6,
      mode: "delete",
    });
  });

  it("cut off whole calendar months back, clamping to the month's last day", () => {
    expect(retentionCutoff(new Date("2026-11-23T10:00:00Z"), 12).toISOString()).toBe("2025-11-23T10:00:00.000Z");
    expect(retentionCutoff(new Date("2026-03-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(retentionCutoff(new Date("2026-01-15T00:00:00Z"), 13).toISOString()).toBe("2024-12-15T00:00:00.000Z");
  });

  it("lease one run per UTC day", () => {
    expect(retentionPeriodKey(new Date("2026-11-23T23:59:59Z"))).toBe("2026-11-23");
  });
});
