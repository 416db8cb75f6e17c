// The embed script under a versioned URL. public/embed.js (built by scripts/build-embed.mjs) is also served
// at /embed/<version>.js, where <version> is the start of its sha256: that URL never changes its content, so
// browsers and CDNs keep it a year without asking again (the snippet the app shows uses it). A version that
// is not the current one — a snippet copied before an upgrade — is redirected to the current one with a
// short cache, so old snippets keep working. /embed.js itself stays for older snippets, cached for 5 minutes
// (next.config.js). Read from disk once per build of the file (its modification time), so `next dev` follows
// rebuilds.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const VERSION = /^([0-9a-f]{16})\.js$/;
const YEAR = 31_536_000;
const REDIRECT_MAX_AGE = 300;

type Asset = { mtimeMs: number; body: Buffer; version: string };
let cached: Asset | null = null;

function embedFile(): string {
  return path.join(process.cwd(), "public", "embed.js");
}

function currentAsset(): Asset | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(embedFile());
  } catch {
    return null; // not built (scripts/build-embed.mjs)
  }
  if (cached?.mtimeMs !== stat.mtimeMs) {
    const body = fs.readFileSync(embedFile());
    cached = { mtimeMs: stat.mtimeMs, body, version: createHash("sha256").update(body).digest("hex").slice(0, 16) };
  }
  return cached;
}

/** The path the snippet should load: /embed/<version>.js, or /embed.js when the script is not built. */
export function embedScriptPath(): string {
  const asset = currentAsset();
  return asset ? `/embed/${asset.version}.js` : "/embed.js";
}

/** GET /embed/<file>: the script (current version), a redirect to it (another version), else 404. */
export function versionedEmbedResponse(file: string): Response {
  const asset = currentAsset();
  const version = VERSION.exec(file)?.[1];
  if (!asset || !version)
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (version !== asset.version) {
    return new Response(null, {
      status: 302,
      headers: { location: `/embed/${asset.version}.js`, "cache-control": `public, max-age=${REDIRECT_MAX_AGE}` },
    });
  }
  return new Response(new Uint8Array(asset.body), {
    status: 200,
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": `public, max-age=${YEAR}, immutable`,
      etag: `"${asset.version}"`,
      // Sites that isolate themselves (COEP) may still load the widget.
      "cross-origin-resource-policy": "cross-origin",
    },
  });
}
