// Starts the production server (the custom server of server/index.ts, as `npm start` runs it) on a free
// loopback port against a given database, for the HTTP integration tests and the benchmarks. Requires the
// build (`npm run build`; scripts/test.mjs builds). `process` is the serving process itself (its own process
// group): a SIGKILL to it kills the server that holds the requests.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The session-signing key test servers get unless NEXTAUTH_SECRET is set (in-process code sealing secrets must use it too). */
export const TEST_NEXTAUTH_SECRET = "test-secret-not-for-production-0123456789";

export type RunningServer = { url: string; stop: () => Promise<void>; process: ChildProcess; output: () => string };

export async function startServer(opts: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const dist = path.join(root, process.env.NEXT_DIST_DIR || ".next");
  if (!fs.existsSync(path.join(dist, "BUILD_ID")))
    throw new Error("No production build: run `npm run build` first (npm test does).");
  const server = path.join(dist, "resonance-server.mjs");
  if (!fs.existsSync(server))
    throw new Error("No server bundle: run `node scripts/build-server.mjs` (npm run build does).");
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), server, "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? TEST_NEXTAUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      // The webhook worker only where a test asks for it (webhooks.test.ts), with that test's retry schedule.
      WEBHOOK_WORKER: process.env.WEBHOOK_WORKER ?? "off",
      // Nor the campaign worker: campaign tests drive it themselves (campaigns.test.ts).
      CAMPAIGN_WORKER: process.env.CAMPAIGN_WORKER ?? "off",
      // Nor the background jobs' worker: tests run the jobs' ticks themselves (unit-backfill.test.ts).
      JOBS_WORKER: process.env.JOBS_WORKER ?? "off",
      // Nor the retention scheduler: its first tick (30–90 s after start) would change other tests' data
      // mid-test. The retention job itself is tested through its service (privacy.test.ts).
      RETENTION_TICK_SECONDS: process.env.RETENTION_TICK_SECONDS ?? "0",
      // The tests play the reverse proxy: they speak for many clients through X-Forwarded-For / -Proto, which the
      // server honours only from trusted proxies (lib/http/trusted-proxy.ts). A test of the untrusted default
      // starts its own server with TRUSTED_PROXIES "".
      TRUSTED_PROXIES: "loopback",
      // DNS lookups the server makes for single sign-on domain checks (lib/sso/domains.ts) go to loopback only:
      // a closed port unless a test starts its own resolver (tests/dns-server.ts).
      RESONANCE_DNS_SERVERS: "127.0.0.1:9",
      // The tests' webhook receivers listen on 127.0.0.1, which the outbound guard refuses unless allow-listed
      // (lib/webhooks/address.ts). webhooks.test.ts starts a server with WEBHOOK_ALLOWLIST "" to test the refusal.
      WEBHOOK_ALLOWLIST: "127.0.0.1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
    if (process.env.SERVER_LOG) process.stderr.write(d); // SERVER_LOG=1: show the server's log as it runs
  });
  child.stderr?.on("data", (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    await new Promise((r) => child.once("exit", r));
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, stop, process: child, output: () => output };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the server did not become healthy within 60 s:\n${output}`);
}
