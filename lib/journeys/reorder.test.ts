import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { moveItem, orderProblems, placeAt, positionsFor } from "./reorder";

describe("orderProblems: a new stage order names exactly the active stages", () => {
  const active = ["a", "b", "c"];
  it("accepts any permutation", () => {
    expect(orderProblems(active, ["c", "a", "b"])).toEqual([]);
  });
  it("names a duplicate, an unknown id and a missing stage, all on stageIds", () => {
    const problems = orderProblems(active, ["a", "a", "x"]);
    expect(problems.map((p) => p.name)).toEqual(["stageIds", "stageIds", "stageIds"]);
    expect(problems[0].reason).toContain("more than once: a");
    expect(problems[1].reason).toContain("Not an active stage of this journey: x");
    expect(problems[2].reason).toContain("Leaves out 2 active stages");
  });
  it("refuses a subset", () => {
    expect(orderProblems(active, ["a", "b"])).toHaveLength(1);
  });
  it("is valid exactly when the proposal is a permutation (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 8 }),
        fc.array(fc.string(), { maxLength: 10 }),
        (existing, proposed) => {
          const isPermutation =
            proposed.length === existing.length &&
            new Set(proposed).size === proposed.length &&
            proposed.every((id) => existing.includes(id));
          expect(orderProblems(existing, proposed).length === 0).toBe(isPermutation);
        },
      ),
    );
  });
});

describe("moveItem", () => {
  it("moves one step left and right, clamped at the ends", () => {
    expect(moveItem(["a", "b", "c"], 1, 0)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 2)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 9)).toEqual(["a", "b", "c"]);
  });
  it("keeps the same items and does not change its input (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer()),
        fc.integer({ min: -2, max: 12 }),
        fc.integer({ min: -2, max: 12 }),
        (list, from, to) => {
          const copy = [...list];
          const moved = moveItem(list, from, to);
          expect(list).toEqual(copy);
          expect([...moved].sort()).toEqual([...list].sort());
        },
      ),
    );
  });
});

describe("placeAt and positionsFor", () => {
  it("inserts a moved touchpoint at its index, or last when beyond the end", () => {
    expect(placeAt(["a", "b"], "x", 0)).toEqual(["x", "a", "b"]);
    expect(placeAt(["a", "b"], "x", 1)).toEqual(["a", "x", "b"]);
    expect(placeAt(["a", "b"], "x", 99)).toEqual(["a", "b", "x"]);
    expect(placeAt(["a", "x", "b"], "x", 2)).toEqual(["a", "b", "x"]);
  });
  it("numbers active ids first, archived ones after them", () => {
    expect([...positionsFor(["b", "a"], ["z"])]).toEqual([
      ["b", 0],
      ["a", 1],
      ["z", 2],
    ]);
  });
});
