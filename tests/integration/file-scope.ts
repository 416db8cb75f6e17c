// Set up before every integration test file (vitest.config.ts `setupFiles`). The files share one module graph and
// one process (`isolate: false`), so what a file changes in the process must end with it: the environment it sets
// (a server started by a later file inherits process.env, tests/server.ts) and the spies it installs are put back
// after its last test.
import { afterAll, vi } from "vitest";

const before = { ...process.env };

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
  Object.assign(process.env, before);
  vi.restoreAllMocks();
});
