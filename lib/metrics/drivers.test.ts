import { describe, expect, it } from "vitest";
import { keyDrivers, neededRows, quantileSorted, relativeWeights } from "./drivers";

// mtcars (R's datasets): mpg ~ cyl + disp + hp + gear. The published relative weights of this model (the R
// package rwa, which implements Johnson 2000 / Tonidandel & LeBreton 2015): cyl 0.2284797, disp 0.2221469,
// hp 0.2321744, gear 0.0963886, R² 0.7791896 (equal to the OLS R², which numpy's lstsq reproduces on these rows).
const MTCARS: [mpg: number, cyl: number, disp: number, hp: number, gear: number][] = [
  [21.0, 6, 160.0, 110, 4],
  [21.0, 6, 160.0, 110, 4],
  [22.8, 4, 108.0, 93, 4],
  [21.4, 6, 258.0, 110, 3],
  [18.7, 8, 360.0, 175, 3],
  [18.1, 6, 225.0, 105, 3],
  [14.3, 8, 360.0, 245, 3],
  [24.4, 4, 146.7, 62, 4],
  [22.8, 4, 140.8, 95, 4],
  [19.2, 6, 167.6, 123, 4],
  [17.8, 6, 167.6, 123, 4],
  [16.4, 8, 275.8, 180, 3],
  [17.3, 8, 275.8, 180, 3],
  [15.2, 8, 275.8, 180, 3],
  [10.4, 8, 472.0, 205, 3],
  [10.4, 8, 460.0, 215, 3],
  [14.7, 8, 440.0, 230, 3],
  [32.4, 4, 78.7, 66, 4],
  [30.4, 4, 75.7, 52, 4],
  [33.9, 4, 71.1, 65, 4],
  [21.5, 4, 120.1, 97, 3],
  [15.5, 8, 318.0, 150, 3],
  [15.2, 8, 304.0, 150, 3],
  [13.3, 8, 350.0, 245, 3],
  [19.2, 8, 400.0, 175, 3],
  [27.3, 4, 79.0, 66, 4],
  [26.0, 4, 120.3, 91, 5],
  [30.4, 4, 95.1, 113, 5],
  [15.8, 8, 351.0, 264, 5],
  [19.7, 6, 145.0, 175, 5],
  [15.0, 8, 301.0, 335, 5],
  [21.4, 4, 121.0, 109, 4],
];

const pearson = (a: number[], b: number[]) => {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
};

describe("relativeWeights", () => {
  it("reproduces the published mtcars example (rwa: mpg ~ cyl + disp + hp + gear)", () => {
    const fit = relativeWeights(
      MTCARS.map((r) => r.slice(1)),
      MTCARS.map((r) => r[0]),
    )!;
    expect(fit.n).toBe(32);
    expect(fit.rSquared).toBeCloseTo(0.7791896, 7);
    const expected = [0.2284797, 0.2221469, 0.2321744, 0.0963886];
    fit.raw.forEach((w, j) => expect(w).toBeCloseTo(expected[j], 7));
    expect(fit.share.map((s) => Math.round(s * 1e5) / 1e3)).toEqual([29.323, 28.51, 29.797, 12.37]);
  });

  it("matches an independent computation for three correlated predictors (numpy eigh, 8 rows)", () => {
    const x = [
      [1, 2, 1],
      [2, 1, 3],
      [3, 4, 2],
      [4, 3, 5],
      [5, 6, 4],
      [6, 5, 6],
      [2, 2, 2],
      [5, 4, 3],
    ];
    const y = [2, 3, 5, 4, 7, 6, 3, 5];
    const fit = relativeWeights(x, y)!;
    [0.305467553988, 0.486891712503, 0.137175240566].forEach((w, j) => expect(fit.raw[j]).toBeCloseTo(w, 11));
    expect(fit.rSquared).toBeCloseTo(0.929534507057, 11);
  });

  it("equals r²(y, xj) for uncorrelated predictors", () => {
    // Two orthogonal, centred columns (a 2² factorial design, replicated) and an outcome that depends on both.
    const x = [
      [-1, -1],
      [1, -1],
      [-1, 1],
      [1, 1],
      [-1, -1],
      [1, -1],
      [-1, 1],
      [1, 1],
    ];
    const y = [1, 4, 2, 6, 2, 3, 3, 5];
    const fit = relativeWeights(x, y)!;
    const r1 = pearson(
      x.map((r) => r[0]),
      y,
    );
    const r2 = pearson(
      x.map((r) => r[1]),
      y,
    );
    expect(fit.raw[0]).toBeCloseTo(r1 * r1, 12);
    expect(fit.raw[1]).toBeCloseTo(r2 * r2, 12);
    expect(fit.rSquared).toBeCloseTo(r1 * r1 + r2 * r2, 12);
  });

  it("matches the closed form for two correlated predictors (Rxx^½ of [[1, r], [r, 1]])", () => {
    const x = [
      [1, 2],
      [2, 2],
      [3, 5],
      [4, 3],
      [5, 6],
      [2, 1],
      [4, 5],
      [6, 4],
      [3, 3],
      [5, 5],
    ];
    const y = [2, 3, 6, 4, 7, 1, 5, 6, 4, 6];
    const r = pearson(
      x.map((v) => v[0]),
      x.map((v) => v[1]),
    );
    const r1 = pearson(
      x.map((v) => v[0]),
      y,
    );
    const r2 = pearson(
      x.map((v) => v[1]),
      y,
    );
    // eigenvalues 1 ± r with eigenvectors (1, ±1)/√2 → Λ = [[a, b], [b, a]]
    const a = (Math.sqrt(1 + r) + Math.sqrt(1 - r)) / 2;
    const b = (Math.sqrt(1 + r) - Math.sqrt(1 - r)) / 2;
    const det = a * a - b * b;
    const beta1 = (a * r1 - b * r2) / det;
    const beta2 = (a * r2 - b * r1) / det;
    const fit = relativeWeights(x, y)!;
    expect(fit.raw[0]).toBeCloseTo(a * a * beta1 ** 2 + b * b * beta2 ** 2, 12);
    expect(fit.raw[1]).toBeCloseTo(b * b * beta1 ** 2 + a * a * beta2 ** 2, 12);
    expect(fit.rSquared).toBeCloseTo((r1 ** 2 + r2 ** 2 - 2 * r * r1 * r2) / (1 - r * r), 12);
  });

  it("gives a constant predictor weight 0 and flags it; the others are fitted without it", () => {
    const x = MTCARS.map((r) => [r[1], 7, r[3]]);
    const y = MTCARS.map((r) => r[0]);
    const fit = relativeWeights(x, y)!;
    const without = relativeWeights(
      MTCARS.map((r) => [r[1], r[3]]),
      y,
    )!;
    expect(fit.constant).toEqual([false, true, false]);
    expect(fit.raw[1]).toBe(0);
    expect(fit.raw[0]).toBeCloseTo(without.raw[0], 12);
    expect(fit.raw[2]).toBeCloseTo(without.raw[1], 12);
  });

  it("splits R² between exact duplicates (a singular Rxx) instead of failing", () => {
    const x = MTCARS.map((r) => [r[1], r[1] * 2 + 1, r[4]]);
    const y = MTCARS.map((r) => r[0]);
    const fit = relativeWeights(x, y)!;
    const single = relativeWeights(
      MTCARS.map((r) => [r[1], r[4]]),
      y,
    )!;
    expect(fit.raw[0]).toBeCloseTo(fit.raw[1], 9);
    expect(fit.rSquared).toBeCloseTo(single.rSquared, 9);
    for (const w of fit.raw) expect(Number.isFinite(w)).toBe(true);
  });

  it("returns null when the outcome does not vary or there are fewer than 2 rows; rejects ragged input", () => {
    expect(relativeWeights([[1], [2], [3]], [5, 5, 5])).toBeNull();
    expect(relativeWeights([[1]], [5])).toBeNull();
    expect(relativeWeights([], [])).toBeNull();
    expect(() => relativeWeights([[1], [2, 3]], [1, 2])).toThrow(/same number/);
    expect(() => relativeWeights([[1]], [1, 2])).toThrow(/rows/);
  });
});

describe("keyDrivers", () => {
  const x = MTCARS.map((r) => r.slice(1));
  const y = MTCARS.map((r) => r[0]);

  it("says 'not enough data' below 10 complete rows per driver", () => {
    expect(neededRows(4)).toBe(40);
    expect(neededRows(0)).toBe(10);
    expect(keyDrivers(x, y)).toEqual({ enough: false, n: 32, k: 4, reason: "too-few-responses", needed: 40 });
    expect(
      keyDrivers(
        x.map((r) => r.slice(0, 3)),
        y,
      ),
    ).toMatchObject({ enough: true, n: 32, k: 3 });
    expect(
      keyDrivers(
        x.map((r) => r.slice(0, 3)),
        y.map(() => 4),
      ),
    ).toMatchObject({ enough: false, reason: "outcome-constant" });
  });

  it("adds percentile bootstrap intervals, deterministic for a seed", () => {
    const three = x.map((r) => [r[0], r[2], r[3]]);
    const a = keyDrivers(three, y, { resamples: 400, seed: 7 });
    const b = keyDrivers(three, y, { resamples: 400, seed: 7 });
    const c = keyDrivers(three, y, { resamples: 400, seed: 8 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    if (!a.enough) throw new Error("expected weights");
    expect(a.resamples).toBe(400);
    expect(a.level).toBe(0.95);
    for (const d of a.drivers) {
      expect(d.weightInterval.low).toBeLessThanOrEqual(d.weight);
      expect(d.weightInterval.high).toBeGreaterThanOrEqual(d.weight);
      expect(d.shareInterval.low).toBeGreaterThanOrEqual(0);
      expect(d.shareInterval.high).toBeLessThanOrEqual(1);
    }
    expect(a.rSquaredInterval.low).toBeLessThan(a.rSquared);
    expect(a.rSquaredInterval.high).toBeGreaterThan(a.rSquared);
  });

  it("quantileSorted interpolates linearly (type 7)", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([10], 0.975)).toBe(10);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
