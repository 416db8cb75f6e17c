// Splits the integration files into balanced shards (`vitest --shard=i/n`; scripts/test.mjs runs one job per shard,
// each with its own database and server). Vitest's own split gives each shard the same NUMBER of files, by hash —
// measured, one shard then ran 60 % longer than the other. scripts/shards.mjs deals them by the seconds in
// durations.json instead. Within a shard, files keep Vitest's order.
import fs from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { balancedShards } from "../../scripts/shards.mjs";

const seconds: Record<string, number> = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "durations.json"), "utf8"),
);

export default class DurationSequencer extends BaseSequencer {
  override async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { index, count } = this.ctx.config.shard!;
    const name = (spec: TestSpecification) =>
      path.relative(this.ctx.config.root, spec.moduleId).split(path.sep).join("/");
    const mine = new Set(balancedShards(files.map(name), count, seconds)[index - 1]);
    return files.filter((spec) => mine.has(name(spec)));
  }
}
