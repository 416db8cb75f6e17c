/**
 * Student t distribution: CDF via the regularized incomplete beta function, and quantile via
 * Hill's algorithm (CACM Algorithm 396, 1970) as a starting point, polished with safeguarded
 * Newton steps on the exact CDF (|CDF(t) − p| < 1e-10 in tests). Works for any real df > 0,
 * including df = ∞ (normal), since Welch–Satterthwaite df are not integers.
 */
import { normalQuantile, normalUpperTail } from "./normal";

export { normalQuantile } from "./normal";

// Lanczos approximation (g = 7, n = 9), relative error ~1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xm = x - 1;
  let a = LANCZOS[0]!;
  const t = xm + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (xm + i);
  return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * ln B(a, b). For B(a, ½) with large a (the t distribution at large df) the difference
 * lnΓ(a + ½) − lnΓ(a) = ½ln a − 1/(8a) + 1/(192a³) + O(a⁻⁵) avoids cancelling two huge values.
 */
export function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  if (Math.min(a, b) === 0.5 && big >= 500) {
    return 0.5 * Math.log(Math.PI) - (0.5 * Math.log(big) - 1 / (8 * big) + 1 / (192 * big ** 3));
  }
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Continued fraction for the incomplete beta (modified Lentz; Numerical Recipes `betacf`). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b), a, b > 0, 0 ≤ x ≤ 1. Pass `y` = 1 − x when it is
 * known more precisely than 1 − x can be computed (x close to 1).
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, y: number = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(y) - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

function assertDf(df: number): void {
  if (!(df > 0) || Number.isNaN(df)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
}

/** P(T > t) for t ≥ 0 (upper tail), computed without cancellation. */
function upperTail(t: number, df: number): number {
  if (!Number.isFinite(df)) return normalUpperTail(t);
  const denom = df + t * t;
  return 0.5 * regularizedIncompleteBeta(df / denom, df / 2, 0.5, (t * t) / denom);
}

/** CDF of Student t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  const tail = upperTail(Math.abs(t), df);
  return t >= 0 ? 1 - tail : tail;
}

/** Density of Student t with `df` degrees of freedom. */
export function studentTPdf(t: number, df: number): number {
  assertDf(df);
  if (!Number.isFinite(df)) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  // Γ((ν+1)/2) / (Γ(ν/2)·√(νπ)) = 1 / (√ν · B(ν/2, ½))
  const lnC = -logBeta(df / 2, 0.5) - 0.5 * Math.log(df);
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Hill (1970) Algorithm 396: t such that P(|T| > t) = `twoTail` (0 < twoTail ≤ 1). */
function hillStart(twoTail: number, n: number): number {
  if (n === 1) return Math.cos((twoTail * Math.PI) / 2) / Math.sin((twoTail * Math.PI) / 2);
  if (n === 2) return Math.sqrt(2 / (twoTail * (2 - twoTail)) - 2);
  const a = 1 / (n - 0.5);
  const b = 48 / (a * a);
  let c = (((20700 * a) / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * n;
  let x = d * twoTail;
  let y = Math.pow(x, 2 / n);
  if (y > 0.05 + a) {
    x = normalQuantile(0.5 * twoTail);
    y = x * x;
    if (n < 5) c += 0.3 * (n - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = a * y * y;
    y = y > 0.002 ? Math.exp(y) - 1 : 0.5 * y * y + y;
  } else {
    y =
      ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1) * ((n + 1) / (n + 2)) +
      1 / y;
  }
  return Math.sqrt(n * y);
}

/** Quantile (inverse CDF) of Student t: the t with P(T ≤ t) = p, for 0 < p < 1 and df > 0. */
export function studentTQuantile(p: number, df: number): number {
  assertDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be within (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  const q = p > 0.5 ? 1 - p : p; // one-sided tail we solve for
  const sign = p > 0.5 ? 1 : -1;
  const start = Number.isFinite(df) ? hillStart(2 * q, df) : -normalQuantile(q);
  if (df === 1 || df === 2) return sign * start; // Hill's closed forms are exact here
  return sign * solveUpperTail(q, df, start);
}

/**
 * Solves P(T > t) = q for t > 0 (0 < q < 1/2): Newton steps on ln P(T > t) against ln t (nearly
 * linear even in the heavy tails of small df), safeguarded by a bracket [lo, hi] that every
 * evaluation narrows; a step leaving the bracket is replaced by bisection.
 */
function solveUpperTail(q: number, df: number, start: number): number {
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let t = start > 0 && Number.isFinite(start) ? start : 1;
  for (let i = 0; i < 200; i++) {
    const tail = upperTail(t, df);
    if (tail === q) return t;
    if (tail > q) lo = t;
    else hi = t;
    const slope = (-studentTPdf(t, df) * t) / tail; // d ln(tail) / d ln(t), negative
    let next = t * Math.exp((Math.log(q) - Math.log(tail)) / slope);
    if (!(next > lo && next < hi)) {
      if (hi === Number.POSITIVE_INFINITY) next = 2 * t;
      else next = lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    }
    if (Math.abs(next - t) <= 1e-14 * t) return next;
    t = next;
  }
  return t;
}

/** t₀.₉₇₅ of the whole degrees of freedom met so far (n − 1 of every CES interval): each is solved once per process. */
const T95_BY_DF = new Map<number, number>();
const T95_CACHED = 100_000;

/**
 * Two-sided 95 % critical value t₀.₉₇₅(df). A whole df up to 100,000 is remembered (a trend's CES intervals ask for
 * the same few dozen again on every request, each an iterative solve); a fractional df (Welch) is solved each time.
 */
export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1 || df > T95_CACHED) return studentTQuantile(0.975, df);
  let t = T95_BY_DF.get(df);
  if (t === undefined) T95_BY_DF.set(df, (t = studentTQuantile(0.975, df)));
  return t;
}
