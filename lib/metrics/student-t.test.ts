import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  logGamma,
  normalQuantile,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  tCritical95,
} from "./student-t";

describe("tCritical95 — printed t-table values (3 decimals)", () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [4, 2.776],
    [5, 2.571],
    [10, 2.228],
    [20, 2.086],
    [29, 2.045],
    [30, 2.042],
    [60, 2.0],
    [100, 1.984],
    [1000, 1.962],
  ])("df %i → %f", (df, expected) => {
    expect(Math.round(tCritical95(df) * 1000) / 1000).toBe(expected);
  });
  it("tends to the normal 1.959964 as df → ∞", () => {
    expect(tCritical95(Number.POSITIVE_INFINITY)).toBeCloseTo(1.959963984540054, 12);
    expect(tCritical95(1e7)).toBeCloseTo(1.959964, 6);
  });
  it("a whole df is remembered with exactly the solved value; a fractional one (Welch) is solved", () => {
    for (const df of [29, 29, 97.40876770441815, 1e5, 1e5 + 1])
      expect(tCritical95(df)).toBe(studentTQuantile(0.975, df));
  });
});

describe("studentTQuantile — high-precision references (scipy.stats.t.ppf)", () => {
  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 5, 2.5705818356363146],
    [0.975, 30, 2.0422724563012378],
    [0.975, 1000, 1.9623390808264083],
    [0.995, 3, 5.840909309733355],
    [0.9, 7.5, 1.4052118464159533],
    [0.025, 12, -2.1788128296672293],
    [0.001, 1.5, -52.18443000899265],
    [0.6, 40, 0.25503868634581395],
  ])("p %f, df %f → %f", (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 9);
  });
  it("median is 0 and the distribution is symmetric", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.1, 7)).toBeCloseTo(-studentTQuantile(0.9, 7), 12);
  });
  it("rejects p outside (0, 1) and df ≤ 0", () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) expect(() => studentTQuantile(p, 5)).toThrow(RangeError);
    for (const df of [0, -1, Number.NaN]) expect(() => studentTQuantile(0.9, df)).toThrow(RangeError);
  });
  it("inverts the CDF for any p and real df (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 5000, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          expect(Number.isFinite(t)).toBe(true);
          expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThan(1e-10);
        },
      ),
    );
  });
  it("t₀.₉₇₅ decreases as df grows and stays above z (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1.01, max: 10, noNaN: true }),
        (df, k) => {
          expect(tCritical95(df * k)).toBeLessThan(tCritical95(df));
          expect(tCritical95(df)).toBeGreaterThan(1.959963984540054);
        },
      ),
    );
  });
});

describe("studentTCdf / pdf and helpers", () => {
  it.each([
    [2, 5, 0.9490302605850708],
    [-1.5, 3.3, 0.11125159835964593],
    [0.3, 1, 0.5927735790777423],
    [10, 2, 0.9950737714883372],
  ])("cdf(%f; df %f) = %f", (t, df, expected) => {
    expect(studentTCdf(t, df)).toBeCloseTo(expected, 12);
  });
  it("df = 1 is Cauchy: cdf(t) = 1/2 + atan(t)/π, pdf(0) = 1/π", () => {
    expect(studentTCdf(3, 1)).toBeCloseTo(0.5 + Math.atan(3) / Math.PI, 13);
    expect(studentTPdf(0, 1)).toBeCloseTo(1 / Math.PI, 13);
  });
  it("pdf at df = ∞ is the normal density", () => {
    expect(studentTPdf(1, Number.POSITIVE_INFINITY)).toBeCloseTo(Math.exp(-0.5) / Math.sqrt(2 * Math.PI), 14);
  });
  it("logGamma matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
  });
  it("incomplete beta: I_x(1, 1) = x, I_x(a, b) = 1 − I_{1−x}(b, a)", () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.3, 2.5, 4)).toBeCloseTo(1 - regularizedIncompleteBeta(0.7, 4, 2.5), 13);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
  it("normalQuantile(0.975) ≈ 1.959964, symmetric", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});
