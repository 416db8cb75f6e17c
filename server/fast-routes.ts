// The paths the custom server (index.ts) answers without Next.js: the public survey API that embeds and
// hosted pages call at respondent scale — a survey's questions, the responses, and their CORS preflights.
// Each is answered by the very function the app route exports (lib/surveys/public-endpoints.ts), handed a
// light view of the Node.js request instead of a Web Request; the response it returns is written out with
// the headers next.config.js gives every response (read from the build's routes-manifest.json, so the two
// cannot drift apart). Everything else — other methods, trailing slashes, odd encodings — goes to Next.js,
// except a method an /api/v1 route does not export at all: refuseMethod() answers that 405 (with `Allow`).
// A survey's questions (GET) are compressed for clients that accept it, as Next.js would compress them.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { allowedMethods, compileRoutes, methodNotAllowed, type ApiRoute } from "../lib/http/allowed-methods";
import { bodyText } from "../lib/http/reply";
import { MAX_JSON_BODY_BYTES, payloadTooLarge, type ApiRequest } from "../lib/http/request";
import { getSurvey, postResponse, responsesPreflight, surveyPreflight } from "../lib/surveys/public-endpoints";

type Endpoint = (req: ApiRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const SURVEY = /^\/api\/v1\/public\/surveys\/([^/?]+)(\/responses)?(?:\?|$)/;
const endpoints: Record<string, Record<string, Endpoint>> = {
  survey: { GET: getSurvey, OPTIONS: surveyPreflight },
  responses: { POST: postResponse, OPTIONS: responsesPreflight },
};

type CompiledRoutes = ReturnType<typeof compileRoutes>;
type HeaderRule = { regex: RegExp; headers: Array<{ key: string; value: string }> };

/** next.config.js headers() as the build compiled them; rules with conditions (has/missing) never match here. */
export function headerRules(distDir: string): HeaderRule[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as {
    headers?: Array<{ regex: string; headers: HeaderRule["headers"]; has?: unknown; missing?: unknown }>;
  };
  return (manifest.headers ?? [])
    .filter((r) => !r.has && !r.missing)
    .map((r) => ({ regex: new RegExp(r.regex), headers: r.headers }));
}

/** Below this size compression saves less than its headers and CPU cost. */
const COMPRESS_MIN_BYTES = 1024;

/** br or gzip when Accept-Encoding allows it (q > 0), br first; null for identity. */
export function pickEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [coding, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (coding && !(q && Number(q.slice(2)) === 0)) accepted.add(coding.trim());
  }
  return accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : null;
}

function compress(body: Buffer, encoding: "br" | "gzip"): Buffer {
  // Brotli at quality 5 and gzip at level 6: most of the saving for a few hundred microseconds of CPU.
  return encoding === "br"
    ? zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      })
    : zlib.gzipSync(body, { level: 6 });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_JSON_BODY_BYTES) chunks.push(chunk); // beyond: read on, keep nothing, answer 413
    });
    req.on("end", () => {
      if (size > MAX_JSON_BODY_BYTES) return reject(payloadTooLarge());
      const text = Buffer.concat(chunks).toString("utf8");
      resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // as Request.text() decodes
    });
    req.on("error", reject);
  });
}

function apiRequest(req: IncomingMessage): ApiRequest {
  return {
    method: req.method!,
    url: `http://localhost${req.url}`,
    headers: {
      get(name: string) {
        const v = req.headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
      },
    },
    text: () => readBody(req),
  };
}

/**
 * Answers the request when it is one of the fast paths and returns true; false leaves it to Next.js.
 * `rules`: next.config.js's headers, applied as Next.js would.
 */
export function fastRoute(req: IncomingMessage, res: ServerResponse, rules: HeaderRule[]): boolean {
  const m = SURVEY.exec(req.url ?? "");
  if (!m) return false;
  const endpoint = endpoints[m[2] ? "responses" : "survey"][req.method ?? ""];
  if (!endpoint) return false;
  let publicId: string;
  try {
    publicId = decodeURIComponent(m[1]);
  } catch {
    return false;
  }
  void answer(req, res, endpoint, publicId, rules);
  return true;
}

/**
 * 405 problem+json (with `Allow`) for a method an /api/v1 route does not export, answered here because
 * Next.js's own 405 has neither body nor `Allow`; true when answered. `routes`: compiled from the build's
 * api-routes.json (lib/http/allowed-methods.ts).
 */
export function refuseMethod(
  req: IncomingMessage,
  res: ServerResponse,
  routes: CompiledRoutes,
  rules: HeaderRule[],
): boolean {
  const pathname = (req.url ?? "").split("?")[0];
  const allow = allowedMethods(routes, pathname);
  if (!allow || allow.includes(req.method ?? "")) return false;
  const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 64) || randomUUID();
  void write(req, res, methodNotAllowed(req.method ?? "", pathname, allow, requestId), rules).catch((error) =>
    socketError(req, res, error),
  );
  return true;
}

/** The build's route list (scripts/build-server.mjs), or null without one (then Next.js answers as it does). */
export function apiRouteTable(distDir: string): CompiledRoutes | null {
  const file = path.join(distDir, "api-routes.json");
  return fs.existsSync(file) ? compileRoutes(JSON.parse(fs.readFileSync(file, "utf8")) as ApiRoute[]) : null;
}

/** Writes a Response out with next.config.js's headers for its path, as Next.js would (compressed if asked). */
async function write(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
  rules: HeaderRule[],
  compressible = false,
) {
  const pathname = req.url!.split("?")[0];
  const headers: Record<string, string> = {};
  for (const rule of rules)
    if (rule.regex.test(pathname)) for (const h of rule.headers) headers[h.key.toLowerCase()] = h.value;
  response.headers.forEach((value, key) => (headers[key] = value));
  const text = bodyText.get(response);
  let body: Buffer | null =
    text !== undefined ? Buffer.from(text) : response.body ? Buffer.from(await response.arrayBuffer()) : null;
  if (compressible) {
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
    const encoding = body && body.length >= COMPRESS_MIN_BYTES ? pickEncoding(req.headers["accept-encoding"]) : null;
    if (body && encoding) {
      body = compress(body, encoding);
      headers["content-encoding"] = encoding;
    }
  }
  if (body) headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

function socketError(req: IncomingMessage, res: ServerResponse, error: unknown) {
  // The endpoints answer every error themselves (problem+json); this is only a broken socket or the like.
  console.error(
    JSON.stringify({ level: "error", path: req.url, error: error instanceof Error ? error.stack : String(error) }),
  );
  if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
  res.end();
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: Endpoint,
  publicId: string,
  rules: HeaderRule[],
) {
  try {
    await write(
      req,
      res,
      await endpoint(apiRequest(req), { params: Promise.resolve({ publicId }) }),
      rules,
      req.method === "GET",
    );
  } catch (error) {
    socketError(req, res, error);
  }
}
