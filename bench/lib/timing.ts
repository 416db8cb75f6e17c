// Shared by the benchmark scripts: command-line options, sequential timing and percentiles.

/** `--name=value` from the command line, else the fallback. */
export const arg = (name: string, fallback: string) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split("=")
    .slice(1)
    .join("=") ?? fallback;

/** The p-th percentile (nearest rank) of the samples. */
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(2)} ms  p99 ${pct(xs, 99).toFixed(2)} ms`;

/** Milliseconds of each of n sequential calls of fn, after `warmUp` untimed calls. */
export async function timeIt(n: number, fn: () => Promise<unknown>, warmUp = 10) {
  for (let i = 0; i < warmUp; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
