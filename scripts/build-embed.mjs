// Bundles the embeddable survey widget (embed/index.ts) into public/embed.js: one minified ES2019 IIFE
// without dependencies, served by the app at /embed.js. Run by `npm run build`, scripts/start.mjs and
// scripts/test.mjs before `next build`; embed/embed.size.test.ts builds it in memory with the same options.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const embedBuildOptions = {
  entryPoints: [path.join(root, "embed/index.ts")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  platform: "browser",
  legalComments: "none",
  logLevel: "warning",
};

export async function buildEmbed({ write = true } = {}) {
  const result = await build({ ...embedBuildOptions, outfile: path.join(root, "public/embed.js"), write });
  return write ? null : result.outputFiles[0].contents;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildEmbed();
}
