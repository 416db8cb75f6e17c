/** Balanced shards of test files by their measured seconds (scripts/shards.mjs). */
export function balancedShards(files: string[], count: number, seconds: Record<string, number>): string[][];
