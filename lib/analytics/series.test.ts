import { describe, expect, it } from "vitest";
import { npsFromCounts, type CountRow } from "../metrics";
import { buildSeries } from "./series";
import { seriesCsv, csvFilename } from "./csv";

// 5 Aug (Wed) 10:00 → 20 Aug (Thu) 10:00: weeks of 3, 10 and 17 Aug; the first and last are partial.
const period = {
  from: new Date("2026-08-05T10:00:00Z"),
  to: new Date("2026-08-20T10:00:00Z"),
  bucket: "week" as const,
};

const rows: CountRow[] = [
  { key: "2026-08-03", metric: "nps", score: 10, count: 20 },
  { key: "2026-08-03", metric: "nps", score: 8, count: 5 },
  { key: "2026-08-03", metric: "nps", score: 2, count: 15 },
  { key: "2026-08-03", metric: "csat", score: 5, count: 3 },
  { key: "2026-08-17", metric: "ces", score: 6, count: 1 },
];

describe("buildSeries", () => {
  const s = buildSeries(rows, period);

  it("has a point for every bucket, empty ones included, flagged partial at the edges", () => {
    expect(s.nps.map((p) => [p.bucketStart, p.partial])).toEqual([
      ["2026-08-03", true],
      ["2026-08-10", false],
      ["2026-08-17", true],
    ]);
    expect(s.nps[1]).toMatchObject({ n: 0, value: null, low: null, high: null, enough: false, label: "10 Aug 2026" });
  });

  it("computes each bucket with lib/metrics", () => {
    const expected = npsFromCounts([
      { score: 10, count: 20 },
      { score: 8, count: 5 },
      { score: 2, count: 15 },
    ]);
    expect(s.nps[0]).toMatchObject({
      n: 40,
      value: expected.nps,
      low: expected.low,
      high: expected.high,
      enough: true,
      promoters: 20,
      passives: 5,
      detractors: 15,
    });
    expect(s.csat[0]).toMatchObject({ n: 3, value: 100, mean: 5, enough: false });
    expect(s.ces[2]).toMatchObject({ n: 1, value: 6, low: null, high: null, agreePct: 100 });
    expect(s.volume.map((v) => v.total)).toEqual([43, 0, 1]);
  });

  it("refuses rows outside the period instead of dropping them", () => {
    expect(() => buildSeries([{ key: "2026-07-27", metric: "nps", score: 9, count: 1 }], period)).toThrow(
      /outside the period/,
    );
  });

  it("labels months by month", () => {
    const m = buildSeries([], {
      from: new Date("2026-01-15T00:00:00Z"),
      to: new Date("2026-03-01T00:00:00Z"),
      bucket: "month",
    });
    expect(m.nps.map((p) => p.label)).toEqual(["Jan 2026", "Feb 2026"]);
    expect(m.nps.map((p) => p.partial)).toEqual([true, false]);
  });
});

describe("seriesCsv", () => {
  const s = buildSeries(rows, period);
  it("has n, low and high for every metric chart, one line per bucket", () => {
    for (const which of ["nps", "csat", "ces", "nps-split"] as const) {
      const lines = seriesCsv(s, which).trimEnd().split("\r\n");
      const header = lines[0].split(",");
      expect(header).toEqual(expect.arrayContaining(["bucket_start", "n"]));
      expect(header.some((h) => h.endsWith("low"))).toBe(true);
      expect(header.some((h) => h.endsWith("high"))).toBe(true);
      expect(lines).toHaveLength(4);
    }
    const nps = seriesCsv(s, "nps").split("\r\n");
    expect(nps[1]).toMatch(/^2026-08-03,40,12\.5,/);
    expect(nps[2]).toBe("2026-08-10,0,,,,,0,0,0,true,false");
    expect(seriesCsv(s, "volume").split("\r\n")[1]).toBe("2026-08-03,43,40,3,0,true");
  });

  it("names the file after the series and the inclusive dates", () => {
    expect(csvFilename("nps", period)).toBe("resonance-nps-by-week-2026-08-05-to-2026-08-20.csv");
  });
});
