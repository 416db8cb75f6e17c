// A small seeded pseudo-random generator (mulberry32), pure like the rest of lib/metrics: the same seed always
// gives the same sequence, so the drivers' bootstrap is reproducible and a demo organization (lib/demo) can be
// regenerated exactly. Not for anything security-related.

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks one item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Normally distributed number (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** A cuid-like id: "c" followed by 24 lower-case base-36 characters. */
  id(): string;
  /** Lower-case alphanumeric string of the given length. */
  token(length: number): string;
}

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const nextUint = mulberry32(seed);
  let spare: number | null = null;
  const next = () => nextUint() / 4294967296;

  const rng: Rng = {
    next,
    uint32: nextUint,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)];
    },
    weighted: (items, weights) => weightedPicker(items, weights)(rng),
    normal: (mean = 0, sd = 1) => {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return mean + sd * value;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
    id: () => "c" + rng.token(24),
    token: (length) => {
      let out = "";
      while (out.length < length) {
        // 36^6 < 2^32: six base-36 digits per draw.
        let n = nextUint() % 2176782336;
        for (let i = 0; i < 6 && out.length < length; i++) {
          out += BASE36[n % 36];
          n = Math.floor(n / 36);
        }
      }
      return out;
    },
  };
  return rng;
}

/** Precomputes the cumulative weights once; each call then costs one draw and a binary search. */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (rng: Rng) => T {
  if (items.length === 0 || items.length !== weights.length) throw new Error("weighted pick needs one weight per item");
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += Math.max(0, w);
    cumulative.push(total);
  }
  if (total <= 0) throw new Error("weighted pick needs a positive total weight");
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

/** A stable 32-bit hash of a string (FNV-1a), for deriving sub-seeds. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
