import path from "node:path";
import { defineConfig } from "vitest/config";
import DurationSequencer from "./tests/integration/sequencer.ts";

const alias = { "@": path.resolve(import.meta.dirname) };

// Three projects: `unit` (pure code, plus generator tests on throwaway SQLite files), `components` (client
// components rendered into happy-dom with Testing Library) and `integration` (services against the database in
// DATABASE_URL, routes over real HTTP against the production build).
export default defineConfig({
  resolve: { alias },
  test: {
    // `--shard=i/n` (scripts/test.mjs shards the integration suite) splits by measured duration, not file count.
    sequence: { sequencer: DurationSequencer },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "embed/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "components",
          environment: "happy-dom",
          include: ["components/**/*.test.tsx"],
          setupFiles: ["tests/components/setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/file-scope.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // One module graph for all files: the files run one after another in one worker, and each makes its own
          // organizations, so none depends on a fresh import. Re-importing the app (Prisma's client, the services)
          // for every file cost 594 s of a 2,385 s shard on a busy machine; 20 files took 111 CPU-s isolated, 43 not.
          isolate: false,
        },
      },
    ],
  },
});
