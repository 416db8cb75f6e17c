// Key-driver analysis cost: relative weights with B bootstrap resamples (lib/metrics/drivers.ts) for n responses
// and k drivers, in memory — the part of GET /api/v1/metrics/drivers that grows with the data (the query is one
// indexed join). Synthetic rows from a seeded generator; prints p50/p99 ms per analysis; nothing is asserted.
//   npx tsx bench/drivers.ts [--runs=5] [--resamples=1000]
import { keyDrivers } from "../lib/metrics/drivers";
import { mulberry32 } from "../lib/metrics/random";

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const runs = Number(arg("runs", "5"));
const resamples = Number(arg("resamples", "1000"));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function rows(n: number, k: number) {
  const next = mulberry32(n * 31 + k);
  const u = () => next() / 2 ** 32;
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const mood = u() - 0.5;
    const r = Array.from({ length: k }, () => Math.min(5, Math.max(1, Math.round(3 + 2 * mood + 2 * (u() - 0.5)))));
    x.push(r);
    y.push(Math.min(10, Math.max(0, Math.round(r.reduce((s, v, j) => s + v / (j + 1), 0) + 2 * (u() - 0.5)))));
  }
  return { x, y };
}

for (const [n, k] of [
  [200, 5],
  [1000, 5],
  [5000, 5],
  [20000, 5],
  [1000, 10],
  [5000, 10],
] as const) {
  const { x, y } = rows(n, k);
  keyDrivers(x, y, { resamples: 50 }); // warm-up
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    keyDrivers(x, y, { resamples });
    times.push(performance.now() - t);
  }
  console.log(
    `n=${String(n).padStart(5)} k=${String(k).padStart(2)} B=${resamples}: p50 ${pct(times, 50).toFixed(0)} ms  max ${Math.max(...times).toFixed(0)} ms`,
  );
}
