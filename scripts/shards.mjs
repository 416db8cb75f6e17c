// Balanced shards of test files by their measured seconds (tests/integration/durations.json, written by
// scripts/integration-durations.mjs): the longest files are dealt first, each to the shard with the least time so
// far; a file without a measurement counts as the median one. Every file lands in exactly one shard, and the same
// input always gives the same shards (every shard's process computes the split on its own).
/** @param {string[]} files @param {number} count @param {Record<string, number>} seconds @returns {string[][]} */
export function balancedShards(files, count, seconds) {
  const times = Object.values(seconds).sort((a, b) => a - b);
  const median = times.length ? times[Math.floor(times.length / 2)] : 1;
  const weight = (f) => seconds[f] ?? median;
  const shards = Array.from({ length: count }, () => ({ total: 0, files: [] }));
  for (const file of [...new Set(files)].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = shards.reduce((min, s) => (s.total < min.total ? s : min));
    lightest.total += weight(file);
    lightest.files.push(file);
  }
  return shards.map((s) => s.files);
}
