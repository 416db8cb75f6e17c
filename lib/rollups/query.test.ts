import { describe, expect, it } from "vitest";
import { splitPeriod } from "./query";

const at = (iso: string) => new Date(iso);

describe("splitPeriod: whole UTC days from the roll-up, the partial days at the edges raw", () => {
  it("splits a rolling period that starts and ends mid-day", () => {
    expect(splitPeriod({ from: at("2026-03-01T10:30:00.000Z"), to: at("2026-03-05T08:00:00.001Z") })).toEqual({
      days: { from: at("2026-03-02T00:00:00Z"), to: at("2026-03-05T00:00:00Z") },
      edges: [
        { from: at("2026-03-01T10:30:00.000Z"), to: at("2026-03-02T00:00:00Z") },
        { from: at("2026-03-05T00:00:00Z"), to: at("2026-03-05T08:00:00.001Z") },
      ],
    });
  });

  it("has no edge where the period starts or ends at midnight (a custom range is whole days)", () => {
    expect(splitPeriod({ from: at("2026-01-01T00:00:00Z"), to: at("2026-07-01T00:00:00Z") })).toEqual({
      days: { from: at("2026-01-01T00:00:00Z"), to: at("2026-07-01T00:00:00Z") },
      edges: [],
    });
  });

  it("counts a period without a whole day raw, and an empty one not at all", () => {
    const p = { from: at("2026-03-01T10:00:00Z"), to: at("2026-03-02T09:59:59.999Z") };
    expect(splitPeriod(p)).toEqual({ days: null, edges: [p] });
    const within = { from: at("2026-03-01T01:00:00Z"), to: at("2026-03-01T23:00:00Z") };
    expect(splitPeriod(within)).toEqual({ days: null, edges: [within] });
    const empty = { from: at("2026-03-01T10:00:00Z"), to: at("2026-03-01T10:00:00Z") };
    expect(splitPeriod(empty)).toEqual({ days: null, edges: [] });
  });
});
