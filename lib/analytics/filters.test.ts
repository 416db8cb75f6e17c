import { describe, expect, it } from "vitest";
import { analyticsFilters, parseFiltersLeniently, resolvePeriod } from "./filters";

const NOW = new Date("2026-11-23T16:47:44.000Z"); // a Monday
const parse = (q: Record<string, unknown>) => analyticsFilters.parse(q);
const issues = (q: Record<string, unknown>) => {
  const r = analyticsFilters.safeParse(q);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("resolvePeriod", () => {
  it("defaults to the last 90 days ending now, weekly", () => {
    const p = resolvePeriod(parse({}), NOW);
    expect(p.preset).toBe("90d");
    expect(p.to).toEqual(NOW);
    expect(p.from.toISOString()).toBe("2026-08-25T16:47:44.000Z");
    expect(p.bucket).toBe("week");
    expect(p.previous).toEqual({ from: new Date("2026-05-27T16:47:44.000Z"), to: p.from });
  });

  it("resolves every preset", () => {
    const r = (preset: string) => resolvePeriod(parse({ preset }), NOW);
    expect(r("7d")).toMatchObject({ from: new Date("2026-11-16T16:47:44.000Z"), bucket: "day" });
    expect(r("30d")).toMatchObject({ from: new Date("2026-10-24T16:47:44.000Z"), bucket: "week" });
    expect(r("6m")).toMatchObject({ from: new Date("2026-05-23T16:47:44.000Z"), bucket: "month" });
    expect(r("12m")).toMatchObject({ from: new Date("2025-11-23T16:47:44.000Z"), bucket: "month" });
    expect(r("18m")).toMatchObject({ from: new Date("2025-05-23T16:47:44.000Z"), bucket: "month" });
    const ytd = r("ytd");
    expect(ytd).toMatchObject({ from: new Date("2026-01-01T00:00:00.000Z"), to: NOW, bucket: "month" });
    // the previous period has the same length and ends where this one starts
    expect(ytd.previous.to).toEqual(ytd.from);
    expect(ytd.previous.to.getTime() - ytd.previous.from.getTime()).toBe(ytd.to.getTime() - ytd.from.getTime());
  });

  it("a custom range covers whole UTC days, `to` inclusive", () => {
    const p = resolvePeriod(parse({ from: "2026-01-01", to: "2026-03-31" }), NOW);
    expect(p).toMatchObject({
      preset: "custom",
      from: new Date("2026-01-01T00:00:00Z"),
      to: new Date("2026-04-01T00:00:00Z"),
      bucket: "week",
    });
    expect(p.previous).toEqual({ from: new Date("2025-10-03T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") }); // 90 days
    expect(resolvePeriod(parse({ preset: "custom", from: "2026-02-03", to: "2026-02-03" }), NOW)).toMatchObject({
      from: new Date("2026-02-03T00:00:00Z"),
      to: new Date("2026-02-04T00:00:00Z"),
      bucket: "day",
    });
  });

  it("a named preset wins over from/to; an explicit bucket wins over the default", () => {
    const p = resolvePeriod(parse({ preset: "30d", from: "2020-01-01", to: "2020-02-01", bucket: "day" }), NOW);
    expect(p).toMatchObject({ preset: "30d", to: NOW, bucket: "day" });
  });
});

describe("analyticsFilters validation (each problem on the field to fix)", () => {
  it("treats empty form values as not given", () => {
    expect(parse({ preset: "", from: "", to: "", bucket: "", journeyId: "", segment: " ", compare: "" })).toEqual({});
  });

  it("names bad fields", () => {
    expect(issues({ preset: "5y" })).toEqual(["preset"]);
    expect(issues({ bucket: "hour" })).toEqual(["bucket"]);
    expect(issues({ from: "2026-13-01", to: "2026-12-01" })).toEqual(["from"]);
    expect(issues({ from: "2026-02-30", to: "2026-03-01" })).toEqual(["from"]);
    expect(issues({ from: "01/02/2026", to: "2026-03-01" })).toEqual(["from"]);
    expect(issues({ touchpointId: "x".repeat(65) })).toEqual(["touchpointId"]);
    expect(issues({ journeyId: ["a", "b"] })).toEqual(["journeyId"]);
  });

  it("checks the custom range", () => {
    expect(issues({ preset: "custom" })).toEqual(["from", "to"]);
    expect(issues({ from: "2026-01-01" })).toEqual(["to"]);
    expect(issues({ from: "2026-03-01", to: "2026-02-28" })).toEqual(["to"]);
    expect(issues({ from: "2000-01-01", to: "2026-01-01" })).toEqual(["from"]);
  });

  it("limits the number of buckets", () => {
    expect(issues({ preset: "18m", bucket: "day" })).toEqual(["bucket"]);
    expect(issues({ preset: "12m", bucket: "day" })).toEqual([]);
    expect(issues({ from: "2020-01-01", to: "2026-01-01", bucket: "week" })).toEqual(["bucket"]);
    expect(issues({ from: "2020-01-01", to: "2026-01-01", bucket: "month" })).toEqual([]);
  });

  it("a segment comparison needs two different segments; 'previous' needs none", () => {
    expect(issues({ compare: "vip" })).toEqual(["segment"]);
    expect(issues({ segment: "vip", compare: "vip" })).toEqual(["compare"]);
    expect(issues({ segment: "vip", compare: "smb" })).toEqual([]);
    expect(issues({ compare: "previous" })).toEqual([]);
  });
});

describe("parseFiltersLeniently (the page)", () => {
  it("keeps the valid filters and reports the bad ones", () => {
    const { filters, errors } = parseFiltersLeniently({
      preset: "nope",
      touchpointId: "tp1",
      bucket: "hour",
      other: "x",
    });
    expect(filters).toEqual({ touchpointId: "tp1" });
    expect(Object.keys(errors).sort()).toEqual(["bucket", "preset"]);
  });

  it("drops a broken custom range as a whole, and a comparison without its first segment", () => {
    expect(parseFiltersLeniently({ from: "2026-02-30", to: "2026-03-01", preset: "custom" }).filters).toEqual({});
    const r = parseFiltersLeniently({ compare: "vip", channelId: "c1" });
    expect(r.filters).toEqual({ channelId: "c1" });
    expect(r.errors.segment).toMatch(/segment/i);
  });
});
