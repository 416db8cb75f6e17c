#!/usr/bin/env node
// `npm start`: migrate the database (the embedded SQLite file unless DATABASE_URL says otherwise), build when
// the sources changed, and serve on PORT (3000), on loopback unless HOST says otherwise. A new installation
// has no account: the server prints a one-time setup link (lib/setup/service.ts).
//   --dev    run `next dev` instead of a production build
//   --no-build  serve the existing build as it is (never rebuild, even when sources look newer)
//   --demo   (or RESONANCE_DEMO=1) load the demo organization with its published logins into an empty database:
//            for a throwaway evaluation on your own machine, never for real data
// RESONANCE_ADMIN_EMAIL + RESONANCE_ADMIN_PASSWORD: create the first admin headless (scripts/setup.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { bin, must, root, run } from "./lib.mjs";
import { explainFailure, migrate } from "./migrate.mjs";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const databaseUrl = process.env.DATABASE_URL ?? "file:data/resonance.db";
const step = (msg) => console.log(`\x1b[36m▸\x1b[0m ${msg}`);

fs.mkdirSync(path.join(root, "data"), { recursive: true });

// Sessions are JWTs signed with NEXTAUTH_SECRET; on a single machine we make one and keep it in data/.
// Several instances behind a load balancer must all be given the same NEXTAUTH_SECRET.
if (!process.env.NEXTAUTH_SECRET) {
  const file = path.join(root, "data/auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.DATABASE_URL = databaseUrl;

step(`database: ${databaseUrl.startsWith("file:") ? databaseUrl : databaseUrl.replace(/\/\/[^@]*@/, "//…@")}`);
const migrated = await migrate(databaseUrl, { log: step });
if (!migrated.ok) {
  // Not fatal: the server comes up and answers 503 naming the migration until the schema is current
  // (lib/schema-status.ts); an orchestrator restarting a crashed process would only loop.
  console.error(`${migrated.output}\n${explainFailure(databaseUrl, migrated)}`);
} else {
  step(migrated.applied.length ? `applied ${migrated.applied.length} migration(s)` : "the schema is current");
  if (process.argv.includes("--demo") || process.env.RESONANCE_DEMO === "1")
    await must(bin.tsx, [path.join(root, "prisma/seed.ts")]);
  else if (process.env.RESONANCE_ADMIN_EMAIL && process.env.RESONANCE_ADMIN_PASSWORD)
    await must(bin.tsx, [path.join(root, "scripts/setup.ts")]);
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "generated" || e.name.startsWith(".")) continue;
    const full = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

if (!dev && !process.argv.includes("--no-build")) {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const sources = Math.max(
    ...["app", "components", "lib", "embed", "public"]
      .filter((d) => fs.existsSync(path.join(root, d)))
      .map((d) => newestMtime(path.join(root, d))),
  );
  const server = path.join(path.dirname(buildId), "resonance-server.mjs");
  const stale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < sources;
  if (stale || process.argv.includes("--rebuild")) {
    step("building (about a minute the first time)…");
    await must(path.join(root, "scripts/build-embed.mjs"), []);
    await must(bin.next, ["build"]);
  }
  if (
    stale ||
    !fs.existsSync(server) ||
    fs.statSync(server).mtimeMs < Math.max(sources, newestMtime(path.join(root, "server")))
  )
    await must(path.join(root, "scripts/build-server.mjs"), []);
}

step(`serving on ${process.env.NEXTAUTH_URL}`);
// Production: the custom server (server/index.ts: the public survey API answered directly, the rest by Next.js).
const host = process.env.HOST ? ["-H", process.env.HOST] : [];
const code = dev
  ? await run(bin.next, ["dev", "-p", port, ...host])
  : await run(path.join(root, process.env.NEXT_DIST_DIR || ".next", "resonance-server.mjs"), ["-p", port, ...host]);
process.exit(code);
