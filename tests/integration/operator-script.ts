// A node script run as an operator runs it (`npm start`, `npm run db:migrate`, backup, restore), in its own process
// group, with its output: `printed` resolves once the output matches, `stop` sends SIGTERM to the whole group (the
// server start.mjs started included) and resolves with the exit code and output.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type Ran = { code: number | null; out: string };

export function script(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true, // its own process group: the test can stop the server start.mjs starts
  });
  let out = "";
  const waiters: Array<{ re: RegExp; resolve: () => void }> = [];
  const onData = (d: Buffer) => {
    out += d;
    for (const w of [...waiters])
      if (w.re.test(out)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const done = new Promise<Ran>((resolve) => child.on("exit", (code) => resolve({ code, out })));
  return {
    child,
    done,
    output: () => out,
    printed: (re: RegExp) => new Promise<void>((resolve) => (re.test(out) ? resolve() : waiters.push({ re, resolve }))),
    stop: () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      return done;
    },
  };
}

export const migrateScript = (url: string) => script(["scripts/db.mjs", "migrate"], { DATABASE_URL: url });

/** `npm start --no-build` on a database and port, as the upgrade tests run it; resolves once it serves. */
export async function startScript(url: string, port: number, env: Record<string, string> = {}) {
  // --no-build: the suite's build is the one to test; a rebuild in the middle of the suite would change the
  // server-action ids the other tests read from it.
  const start = script(["scripts/start.mjs", "--no-build"], {
    DATABASE_URL: url,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: "upgrade-test-secret-0123456789abcdef",
    WEBHOOK_WORKER: "off",
    CAMPAIGN_WORKER: "off",
    RETENTION_TICK_SECONDS: "0",
    DIGEST_TICK_SECONDS: "0",
    ...env,
  });
  await Promise.race([
    start.printed(/ready on/),
    start.done.then((r) => {
      throw new Error(`npm start exited (${r.code}):\n${r.out}`);
    }),
  ]);
  return start;
}
