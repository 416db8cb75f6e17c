import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { erfc, normalQuantile, normalUpperTail } from "./normal";

describe("normal helpers", () => {
  it.each([
    [0, 1],
    [0.1, 0.8875370839817152],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [3, 2.209049699858544e-5],
  ])("erfc(%f) = %f", (x, expected) => {
    expect(erfc(x) / expected).toBeCloseTo(1, 12);
  });
  it("upper tail at 1.959964 is 0.025", () => {
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 14);
  });
  it("quantile inverts the upper tail (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 0.5, noNaN: true, maxExcluded: true }), (q) => {
        const z = -normalQuantile(q);
        expect(normalUpperTail(z) / q).toBeCloseTo(1, 6); // Acklam: rel. error 1.2e-9 in z
      }),
    );
  });
});
