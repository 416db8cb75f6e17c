import { describe, expect, it } from "vitest";
import durations from "../tests/integration/durations.json";
import { balancedShards } from "./shards.mjs";

describe("balanced shards of test files", () => {
  it("deals the longest files first, each to the shard with the least time so far", () => {
    // a 9 → shard 0 (totals 9, 0); b 7 → 1 (9, 7); c 5 → 1 (9, 12); d 4 → 0 (13, 12); e 3 → 1 (13, 15)
    const seconds = { a: 9, b: 7, c: 5, d: 4, e: 3 };
    expect(balancedShards(["e", "d", "c", "b", "a"], 2, seconds)).toEqual([
      ["a", "d"],
      ["b", "c", "e"],
    ]);
  });

  it("counts an unmeasured file as the median one, and puts every file in exactly one shard", () => {
    const seconds = { a: 10, b: 1, c: 2 }; // median 2
    const shards = balancedShards(["a", "b", "c", "new1", "new2"], 2, seconds);
    expect(shards.flat().sort()).toEqual(["a", "b", "c", "new1", "new2"]);
    // a (10) alone; the rest: new1 2, new2 2, c 2, b 1 = 7
    expect(shards).toEqual([["a"], ["c", "new1", "new2", "b"]]);
  });

  it("splits today's integration files within 10 % of each other", () => {
    const seconds: Record<string, number> = durations;
    const totals = balancedShards(Object.keys(seconds), 2, seconds).map((s) =>
      s.reduce((sum, f) => sum + seconds[f], 0),
    );
    expect(Math.abs(totals[0] - totals[1]) / Math.max(...totals)).toBeLessThan(0.1);
  });
});
