// The production server (`npm start`, the integration tests, the benchmarks and the browser tests all run
// it): a plain Node.js HTTP server in front of Next.js. The public survey API that respondents hit at scale
// (fast-routes.ts) is answered directly by the same functions the app routes export; every other request
// goes to Next.js's own request handler. Why: Next's pipeline costs about 2.7 ms of CPU per request even for
// GET /api/health, which caps any route at a few hundred requests/s per core; the ingestion endpoint must
// take well over a thousand responses/s on one instance (docs/benchmarks.md).
//
// Bundled by scripts/build-server.mjs into <distDir>/resonance-server.mjs (packages stay external), run as
//   node .next/resonance-server.mjs [-p 3000] [-H 0.0.0.0]
// SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish (the ingestion batch they
// wait on commits first), close the database, exit.
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import nextEnv from "@next/env";
import { insecureUrlProblem, normalizeForwardedHeaders, parseTrustedProxies } from "../lib/http/trusted-proxy";

const argOf = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(argOf("-p") ?? process.env.PORT ?? 3000);
// Loopback unless told otherwise (HOST / -H): a new installation is not reachable from the network by accident.
const hostname = argOf("-H") ?? process.env.HOST ?? "127.0.0.1";
const dev = process.argv.includes("--dev");
// RESONANCE_FAST_PATH=off sends every request through Next.js (for comparison and for diagnosis).
const fast = !dev && process.env.RESONANCE_FAST_PATH !== "off";
const SHUTDOWN_GRACE_MS = 15_000;

/** The project directory: the nearest folder above this file with next.config.js. */
function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!fs.existsSync(path.join(dir, "next.config.js"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("next.config.js not found above " + import.meta.dirname);
    dir = up;
  }
  return dir;
}

(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
// Settings that make this instance unsafe stop it here, once, before any worker starts (a worker that exited
// would only be started again by the primary). .env files count, as they do for Next.js.
nextEnv.loadEnvConfig(projectRoot(), dev);
const insecure = insecureUrlProblem(process.env);
if (insecure) {
  console.error(`✖ refusing to start: ${insecure}`);
  process.exit(1);
}
try {
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(`✖ refusing to start: ${(error as Error).message}`);
  process.exit(1);
}
// RESONANCE_WORKERS=n (n > 1): n server processes share the port (node:cluster), for machines with more
// cores than one process can use. They hold no state of their own (rate limits live in the database, the
// survey cache for FRESH_MS), exactly like several instances behind a load balancer.
const workers = dev ? 1 : Math.max(1, Number(process.env.RESONANCE_WORKERS ?? 1) || 1);
if (workers > 1 && cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping) {
      console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
      cluster.fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} else {
  await serve();
}

async function serve() {
  const dir = projectRoot();
  const app = next({ dev, dir, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Imported after Next.js loaded the project's environment (.env files): the database client reads it.
  const { apiRouteTable, fastRoute, headerRules, refuseMethod } = await import("./fast-routes");
  const { batchesIdle } = await import("../lib/surveys/ingest-batch");
  const { db } = await import("../lib/db");
  const trust = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const distDir = path.join(dir, process.env.NEXT_DIST_DIR || ".next");
  const rules = dev ? [] : headerRules(distDir);
  // `next dev` builds routes as they are asked for: no route list to trust, so Next.js answers wrong methods there.
  const apiRoutes = dev ? null : apiRouteTable(distDir);

  const server = http.createServer((req, res) => {
    // Before anything reads a header: the client address and protocol as the socket and TRUSTED_PROXIES vouch.
    normalizeForwardedHeaders(req, trust);
    if (fast && fastRoute(req, res, rules)) return;
    if (apiRoutes && refuseMethod(req, res, apiRoutes, rules)) return;
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000; // above common load balancers' idle timeout (60 s), as next start does

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the requests in flight…`);
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100); // keep-alive sockets once their request is answered
    const timeout = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([closed, timeout]);
    clearInterval(idle);
    server.closeAllConnections();
    await batchesIdle();
    await db.$disconnect().catch(() => {});
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  server.listen(port, hostname, () => {
    console.log(
      `▸ ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}${cluster.isWorker ? ` (worker ${process.pid})` : ""}`,
    );
    if (!cluster.isWorker || cluster.worker?.id === 1) void announceInstallationState();
  });

  // What the operator must know at start: how to create the first admin, and whether demo logins are open.
  async function announceInstallationState() {
    const { setupOpen, setupToken, demoLoginsPresent } = await import("../lib/setup/service");
    const base = process.env.NEXTAUTH_URL ?? `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;
    try {
      if (await setupOpen()) {
        console.log(
          `\n▸ First run: no account exists yet. Create the first admin at\n    ${base}/setup?token=${setupToken()}\n  (or headless: npm run setup -- --email you@example.com). The link works until the first account exists.\n`,
        );
      } else if (await demoLoginsPresent()) {
        const exposed = !/^(127\.|localhost$|::1$)/.test(hostname);
        const line = "!".repeat(78);
        const log = process.env.NODE_ENV === "production" ? console.warn : console.log;
        log(
          `\n${line}\n  DEMO ACCOUNTS ARE OPEN: *@demo.resonance.test sign in with the published password "resonance-demo".\n` +
            `  ${exposed ? `This server listens on ${hostname}: ANYONE WHO REACHES IT CAN SIGN IN AS AN ADMIN.` : "Keep this installation on your own machine."}\n` +
            `  For real data, start from an empty database (no --demo) and use the first-run setup.\n${line}\n`,
        );
      }
    } catch (error) {
      console.error("could not read the installation state", error);
    }
  }
}
