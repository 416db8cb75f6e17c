#!/usr/bin/env node
// Bundles the custom server (server/index.ts and the lib code it shares with the app routes) into
// <distDir>/resonance-server.mjs with esbuild: our TypeScript and @/ paths compiled in, every npm package
// (next, zod, Prisma, the SQLite driver…) left external and loaded from node_modules as Next.js loads them.
// Runs after `next build` (which empties the dist directory): npm run build, scripts/start.mjs, scripts/test.mjs.
// Also writes <distDir>/api-routes.json, the methods each app/api/v1 route exports, for the server's 405s.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { apiRoutes } from "./gen-openapi-routes.mjs";
import { root } from "./lib.mjs";

export const serverBundle = path.join(root, process.env.NEXT_DIST_DIR || ".next", "resonance-server.mjs");

fs.writeFileSync(path.join(path.dirname(serverBundle), "api-routes.json"), JSON.stringify(apiRoutes()));

await build({
  entryPoints: [path.join(root, "server/index.ts")],
  outfile: serverBundle,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: path.join(root, "tsconfig.json"),
  sourcemap: "linked",
  logLevel: "warning",
});
