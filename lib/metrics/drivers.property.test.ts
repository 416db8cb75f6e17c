import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { keyDrivers, prepareResampling, relativeWeights, resampleWeights } from "./drivers";

/** n rows of k predictor scores (1..5, like item ratings) and an outcome (0..10) that depends on them plus noise. */
const dataArb = (minK = 1, maxK = 5, minN = 12, maxN = 60) =>
  fc.integer({ min: minK, max: maxK }).chain((k) =>
    fc
      .record({
        coefficients: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: k, maxLength: k }),
        rows: fc.array(
          fc.record({
            x: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }),
            noise: fc.integer({ min: -3, max: 3 }),
          }),
          { minLength: minN, maxLength: maxN },
        ),
      })
      .map(({ coefficients, rows }) => ({
        x: rows.map((r) => r.x),
        y: rows.map((r) =>
          Math.min(
            10,
            Math.max(0, Math.round(5 + r.x.reduce((s, v, j) => s + coefficients[j] * (v - 3), 0) + r.noise)),
          ),
        ),
      })),
  );

/** Ordinary least-squares R² via the normal equations (Gauss–Jordan), independent of the eigen route. */
function olsRSquared(x: number[][], y: number[]): number {
  const n = y.length;
  const k = x[0].length;
  const cols = [...Array(k).keys()];
  const mean = (f: (i: number) => number) => [...Array(n).keys()].reduce((s, i) => s + f(i), 0) / n;
  const mx = cols.map((j) => mean((i) => x[i][j]));
  const my = mean((i) => y[i]);
  const a = cols.map((p) => [
    ...cols.map((q) => mean((i) => (x[i][p] - mx[p]) * (x[i][q] - mx[q]))),
    mean((i) => (x[i][p] - mx[p]) * (y[i] - my)),
  ]);
  const used: number[] = [];
  for (let c = 0, r = 0; c < k && r < k; c++) {
    let piv = r;
    for (let i = r + 1; i < k; i++) if (Math.abs(a[i][c]) > Math.abs(a[piv][c])) piv = i;
    if (Math.abs(a[piv][c]) < 1e-9) continue;
    [a[r], a[piv]] = [a[piv], a[r]];
    const d = a[r][c];
    for (let j = 0; j <= k; j++) a[r][j] /= d;
    for (let i = 0; i < k; i++) if (i !== r) for (let j = k; j >= 0; j--) a[i][j] -= a[i][c] * a[r][j];
    used.push(c);
    r++;
  }
  const b = new Array<number>(k).fill(0);
  used.forEach((c, r) => (b[c] = a[r][k]));
  const fitted = (i: number) => cols.reduce((s, j) => s + b[j] * (x[i][j] - mx[j]), 0);
  const ssr = mean((i) => (y[i] - my - fitted(i)) ** 2);
  const sst = mean((i) => (y[i] - my) ** 2);
  return 1 - ssr / sst;
}

describe("relativeWeights — properties", () => {
  it("weights are ≥ 0 and sum to R² (within 1e-9), which is the OLS R²", () => {
    fc.assert(
      fc.property(dataArb(), ({ x, y }) => {
        const fit = relativeWeights(x, y);
        fc.pre(fit !== null);
        for (const w of fit!.raw) expect(w).toBeGreaterThanOrEqual(0);
        expect(Math.abs(fit!.raw.reduce((s, w) => s + w, 0) - fit!.rSquared)).toBeLessThan(1e-9);
        expect(fit!.rSquared).toBeLessThanOrEqual(1 + 1e-9);
        expect(Math.abs(fit!.rSquared - olsRSquared(x, y))).toBeLessThan(1e-7);
        const shares = fit!.share.reduce((s, v) => s + v, 0);
        if (fit!.rSquared > 1e-12) expect(Math.abs(shares - 1)).toBeLessThan(1e-9);
      }),
    );
  });

  it("is invariant to the order of the predictors", () => {
    fc.assert(
      fc.property(
        dataArb(2, 5).chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.shuffledSubarray([...d.x[0].keys()], { minLength: d.x[0].length, maxLength: d.x[0].length }),
          ),
        ),
        ([{ x, y }, order]) => {
          const a = relativeWeights(x, y);
          const b = relativeWeights(
            x.map((r) => order.map((j) => r[j])),
            y,
          );
          fc.pre(a !== null);
          order.forEach((j, p) => expect(Math.abs(b!.raw[p] - a!.raw[j])).toBeLessThan(1e-9));
        },
      ),
    );
  });

  it("is invariant to a positive linear rescaling of any predictor and of the outcome", () => {
    fc.assert(
      fc.property(
        dataArb(1, 5),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.nat(),
        ({ x, y }, scale, shift, pick) => {
          const a = relativeWeights(x, y);
          fc.pre(a !== null);
          const j = pick % x[0].length;
          const rescaledX = x.map((r) => r.map((v, c) => (c === j ? scale * v + shift : v)));
          const b = relativeWeights(rescaledX, y)!;
          const c = relativeWeights(
            x,
            y.map((v) => scale * v + shift),
          )!;
          a!.raw.forEach((w, i) => {
            expect(Math.abs(b.raw[i] - w)).toBeLessThan(1e-8);
            expect(Math.abs(c.raw[i] - w)).toBeLessThan(1e-8);
          });
        },
      ),
    );
  });
});

describe("resampleWeights (the bootstrap's one-pass route) — properties", () => {
  it("equals relativeWeights on the same resampled rows, constant columns included", () => {
    fc.assert(
      fc.property(
        dataArb(1, 5, 12, 40).chain((d) =>
          fc.tuple(fc.constant(d), fc.array(fc.nat({ max: d.y.length - 1 }), { minLength: 2, maxLength: 60 })),
        ),
        ([{ x, y }, index]) => {
          const direct = relativeWeights(
            index.map((i) => x[i]),
            index.map((i) => y[i]),
          );
          const fast = resampleWeights(prepareResampling(x, y), index);
          expect(fast === null).toBe(direct === null);
          if (!direct || !fast) return;
          expect(fast.constant).toEqual(direct.constant);
          direct.raw.forEach((w, j) => expect(Math.abs(fast.raw[j] - w)).toBeLessThan(1e-9));
        },
      ),
    );
  });
});

describe("keyDrivers — properties", () => {
  it("each interval is ordered and within [0, 1]; with a real effect it contains the point estimate", () => {
    fc.assert(
      fc.property(dataArb(1, 3, 40, 80), fc.nat(), ({ x, y }, seed) => {
        const r = keyDrivers(x, y, { resamples: 200, seed });
        fc.pre(r.enough);
        if (!r.enough) return;
        for (const d of r.drivers) {
          expect(d.weightInterval.low).toBeLessThanOrEqual(d.weightInterval.high);
          expect(d.weightInterval.low).toBeGreaterThanOrEqual(0);
          expect(d.shareInterval.high).toBeLessThanOrEqual(1 + 1e-12);
          // Weights cannot be negative, so the bootstrap distribution of a near-zero weight lies above it;
          // containment is a property of weights that stand clear of zero.
          if (d.weight > 0.05) {
            expect(d.weightInterval.low).toBeLessThanOrEqual(d.weight);
            expect(d.weightInterval.high).toBeGreaterThanOrEqual(d.weight);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
