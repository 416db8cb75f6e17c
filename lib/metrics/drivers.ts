// Key-driver analysis: Johnson's (2000) relative weights, with percentile bootstrap intervals.
//
// Regression coefficients of correlated predictors cannot be read as importance (they swap sign and size as
// soon as two drivers move together). Relative weights split R² into non-negative parts, one per predictor:
//   standardize X (n × k) and y; Rxx = Q diag(e) Qᵀ (correlation matrix of X), rxy (correlations with y);
//   Λ = Q diag(√e) Qᵀ = Rxx^½ (correlations of X with its closest orthogonal counterpart Z);
//   β = Λ⁻¹ rxy (regression of y on Z; a pseudo-inverse where Rxx is singular);
//   εj = Σk Λjk² βk²  ≥ 0, and Σj εj = Σk βk² = rxyᵀ Rxx⁻¹ rxy = R² (each column of Λ has Σj Λjk² = Rkk = 1).
// The share of R² (εj / R²) is what the driver view shows. Everything is pure (no I/O); the bootstrap is
// deterministic for a given seed.
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { mulberry32 } from "./random";

/** Fewer complete answers than this per driver in the model → "not enough data" instead of a number. */
export const MIN_RESPONSES_PER_DRIVER = 10;
export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 20000;

/** Eigenvalues below this (relative to the largest) are treated as 0: the predictors are collinear there. */
const EIGEN_TOLERANCE = 1e-10;
/** A predictor whose standard deviation is this small relative to its scale does not vary. */
const CONSTANT_TOLERANCE = 1e-12;

export type RelativeWeights = {
  n: number;
  /** R² of the ordinary least-squares regression of y on all predictors. */
  rSquared: number;
  /** εj per predictor; they sum to R². A constant predictor gets 0. */
  raw: number[];
  /** εj / R² (0 for every predictor when R² is 0). */
  share: number[];
  /** Predictors that do not vary in this sample (left out of the model). */
  constant: boolean[];
};

type Standardized = { z: Float64Array[]; constant: boolean[] } | null;

/** Columns of X (and y as the last one) centred and scaled to unit length; null when y does not vary. */
function standardize(x: readonly (readonly number[])[], y: readonly number[], k: number): Standardized {
  const n = y.length;
  const columns: Float64Array[] = [];
  const constant: boolean[] = [];
  for (let j = 0; j <= k; j++) {
    const col = new Float64Array(n);
    let mean = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      const v = j === k ? y[i] : x[i][j];
      col[i] = v;
      mean += v;
      scale = Math.max(scale, Math.abs(v));
    }
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      col[i] -= mean;
      ss += col[i] * col[i];
    }
    const norm = Math.sqrt(ss);
    const flat = !(norm > CONSTANT_TOLERANCE * Math.max(1, scale) * Math.sqrt(n));
    if (j === k && flat) return null;
    if (j < k) constant.push(flat);
    for (let i = 0; i < n; i++) col[i] = flat ? 0 : col[i] / norm;
    columns.push(col);
  }
  return { z: columns, constant };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Correlations of the standardized columns (y last): (k+1) × (k+1). */
function correlationOf(std: NonNullable<Standardized>, k: number): number[][] {
  return Array.from({ length: k + 1 }, (_, a) =>
    Array.from({ length: k + 1 }, (_, b) => (a === b ? 1 : dot(std.z[a], std.z[b]))),
  );
}

/** Relative weights from the correlation matrix of X and y (y last), leaving out the constant predictors. */
function weightsFromCorrelation(corr: number[][], constant: boolean[], k: number, n: number): RelativeWeights {
  const used = [...Array(k).keys()].filter((j) => !constant[j]);
  const raw = new Array<number>(k).fill(0);
  const m = used.length;
  if (m > 0) {
    const r = used.map((a) => used.map((b) => corr[a][b]));
    const rxy = used.map((a) => corr[a][k]);
    const evd = new EigenvalueDecomposition(new Matrix(r), { assumeSymmetric: true });
    const q = evd.eigenvectorMatrix;
    const ev = evd.realEigenvalues;
    const cutoff = EIGEN_TOLERANCE * Math.max(...ev.map(Math.abs), 1);
    const root = ev.map((e) => (e > cutoff ? Math.sqrt(e) : 0));
    // Λ = Q diag(√e) Qᵀ and β = Q diag(1/√e) Qᵀ rxy (pseudo-inverse: zero where e ≈ 0).
    const qtr = root.map((_, c) =>
      root[c] > 0 ? used.reduce((s, _a, i) => s + q.get(i, c) * rxy[i], 0) / root[c] : 0,
    );
    const beta = used.map((_, i) => root.reduce((s, _e, c) => s + q.get(i, c) * qtr[c], 0));
    used.forEach((_, j) => {
      let e = 0;
      for (let c = 0; c < m; c++) {
        let lambda = 0;
        for (let t = 0; t < m; t++) lambda += q.get(j, t) * root[t] * q.get(c, t);
        e += lambda * lambda * beta[c] * beta[c];
      }
      raw[used[j]] = e;
    });
  }
  const rSquared = raw.reduce((s, e) => s + e, 0);
  return { n, rSquared, raw, share: raw.map((e) => (rSquared > 0 ? e / rSquared : 0)), constant };
}

/**
 * The rows once, centred on their means, in one flat row-major array (y last), for the bootstrap: a resample's
 * correlations then come from one pass of sums and cross-products over the drawn rows (no copies per resample).
 */
export function prepareResampling(x: readonly (readonly number[])[], y: readonly number[]) {
  const n = y.length;
  const k = n > 0 ? x[0].length : 0;
  const p = k + 1;
  const flat = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += j === k ? y[i] : x[i][j];
    mean /= n;
    for (let i = 0; i < n; i++) flat[i * p + j] = (j === k ? y[i] : x[i][j]) - mean;
  }
  return { flat, n, k };
}

/** Relative weights of the rows named by `index` (with repeats); null when y does not vary in them. */
export function resampleWeights(
  prepared: ReturnType<typeof prepareResampling>,
  index: ArrayLike<number>,
): RelativeWeights | null {
  const { flat, k } = prepared;
  const p = k + 1;
  const n = index.length;
  const sums = new Float64Array(p);
  const cross = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const row = index[i] * p;
    for (let a = 0; a < p; a++) {
      const v = flat[row + a];
      sums[a] += v;
      for (let b = a; b < p; b++) cross[a * p + b] += v * flat[row + b];
    }
  }
  const cov = (a: number, b: number) => cross[Math.min(a, b) * p + Math.max(a, b)] / n - (sums[a] / n) * (sums[b] / n);
  // Centred on the full sample's means, so a column that is constant in this resample has a variance of 0 up
  // to rounding relative to its mean square.
  const flatCol = (a: number) => !(cov(a, a) > 1e-12 * (cross[a * p + a] / n) && cov(a, a) > 0);
  if (flatCol(k)) return null;
  const constant = Array.from({ length: k }, (_, a) => flatCol(a));
  const sd = Array.from({ length: p }, (_, a) => (a < k && constant[a] ? 0 : Math.sqrt(cov(a, a))));
  const corr = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (_, b) => (a === b ? 1 : sd[a] && sd[b] ? cov(a, b) / (sd[a] * sd[b]) : 0)),
  );
  return weightsFromCorrelation(corr, constant, k, n);
}

/**
 * Johnson's relative weights of the k predictors in x (n rows × k columns, complete) for the outcome y.
 * null when there are fewer than 2 rows or the outcome does not vary (no variance to explain).
 */
export function relativeWeights(x: readonly (readonly number[])[], y: readonly number[]): RelativeWeights | null {
  const n = y.length;
  if (x.length !== n) throw new Error(`x has ${x.length} rows but y has ${n}`);
  const k = n > 0 ? x[0].length : 0;
  if (x.some((row) => row.length !== k)) throw new Error("every row of x needs the same number of predictors");
  if (n < 2) return null;
  const std = standardize(x, y, k);
  return std ? weightsFromCorrelation(correlationOf(std, k), std.constant, k, n) : null;
}

/** Linear-interpolation quantile (type 7) of sorted values. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export type Interval = { low: number; high: number };

export type DriverWeight = {
  /** εj (part of R² this driver carries) and its share of R², each with its bootstrap interval. */
  weight: number;
  weightInterval: Interval;
  share: number;
  shareInterval: Interval;
  constant: boolean;
};

export type KeyDrivers =
  | { enough: false; n: number; k: number; reason: "too-few-responses" | "outcome-constant"; needed: number }
  | {
      enough: true;
      n: number;
      k: number;
      rSquared: number;
      rSquaredInterval: Interval;
      drivers: DriverWeight[];
      /** Resamples whose outcome did not vary (left out of the intervals). */
      resamples: number;
      level: number;
    };

export type KeyDriverOptions = { resamples?: number; seed?: number; level?: number; minPerDriver?: number };

/** How many complete rows k drivers need before weights are shown. */
export const neededRows = (k: number, minPerDriver = MIN_RESPONSES_PER_DRIVER) =>
  Math.max(minPerDriver * Math.max(k, 1), minPerDriver);

/**
 * Relative weights with percentile bootstrap intervals (B resamples of the rows with replacement, seeded).
 * Below `minPerDriver` complete rows per predictor the answer is "not enough data" rather than a number.
 * A percentile interval reflects the sampling distribution, which for a weight near 0 lies above it (weights
 * cannot be negative), so such an interval may not contain the point estimate; it is reported as it is.
 */
export function keyDrivers(
  x: readonly (readonly number[])[],
  y: readonly number[],
  opts: KeyDriverOptions = {},
): KeyDrivers {
  const n = y.length;
  const k = n > 0 ? x[0].length : 0;
  const needed = neededRows(k, opts.minPerDriver);
  if (n < needed) return { enough: false, n, k, reason: "too-few-responses", needed };
  const fit = relativeWeights(x, y);
  if (!fit) return { enough: false, n, k, reason: "outcome-constant", needed };
  const level = opts.level ?? 0.95;
  const B = opts.resamples ?? DEFAULT_RESAMPLES;
  const next = mulberry32(opts.seed ?? DEFAULT_SEED);
  const raws: number[][] = Array.from({ length: k }, () => []);
  const shares: number[][] = Array.from({ length: k }, () => []);
  const r2: number[] = [];
  const prepared = prepareResampling(x, y);
  const index = new Uint32Array(n);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) index[i] = next() % n;
    const w = resampleWeights(prepared, index);
    if (!w) continue;
    r2.push(w.rSquared);
    for (let j = 0; j < k; j++) {
      raws[j].push(w.raw[j]);
      shares[j].push(w.share[j]);
    }
  }
  const alpha = (1 - level) / 2;
  const interval = (values: number[], point: number): Interval => {
    if (values.length === 0) return { low: point, high: point };
    values.sort((a, b) => a - b);
    return { low: quantileSorted(values, alpha), high: quantileSorted(values, 1 - alpha) };
  };
  return {
    enough: true,
    n,
    k,
    rSquared: fit.rSquared,
    rSquaredInterval: interval(r2, fit.rSquared),
    drivers: fit.raw.map((weight, j) => ({
      weight,
      weightInterval: interval(raws[j], weight),
      share: fit.share[j],
      shareInterval: interval(shares[j], fit.share[j]),
      constant: fit.constant[j],
    })),
    resamples: r2.length,
    level,
  };
}
