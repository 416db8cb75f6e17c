// The public survey API's guards over real HTTP: CORS from the survey's allowed origins (never "*"), and
// the database-backed rate limits (a survey's settings may lower the limits, which keeps this test fast
// while the limiter itself is the real one: the same upserts into RateLimitBucket on SQLite and PostgreSQL).
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { baseURL, http } from "./http";

const SHOP = "https://shop.example";
const EVIL = "https://evil.example";
let A: Org;
beforeAll(async () => {
  A = await createOrg("guards");
});

const body = (answers: Record<string, unknown> = { nps: 9 }) => ({
  clientId: `guard-${randomUUID()}`,
  answers,
  complete: false,
});
const post = (publicId: string, headers: Record<string, string>, b: unknown = body()) =>
  http("POST", `/api/v1/public/surveys/${publicId}/responses`, { body: b, headers });

describe("CORS", () => {
  it("lets an allowed origin read and write, with its own origin echoed and never *", async () => {
    const s = await createSurvey(A.orgId, { settings: { allowedOrigins: ["https://SHOP.example/"] } });
    const get = await http("GET", `/api/v1/public/surveys/${s.publicId}`, { headers: { origin: SHOP } });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(get.headers.get("access-control-allow-credentials")).toBeNull();
    expect(get.headers.get("vary")).toMatch(/Origin/i);

    const created = await post(s.publicId, { origin: SHOP });
    expect(created.status).toBe(201);
    expect(created.headers.get("access-control-allow-origin")).toBe(SHOP);
    // errors are readable by the allowed page too, so the widget can show them
    const invalid = await post(s.publicId, { origin: SHOP }, body({ nps: 99 }));
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("access-control-allow-origin")).toBe(SHOP);
  });

  it("gives other origins no CORS header, and refuses their writes before storing anything", async () => {
    const s = await createSurvey(A.orgId, { settings: { allowedOrigins: [SHOP] } });
    const get = await http("GET", `/api/v1/public/surveys/${s.publicId}`, { headers: { origin: EVIL } });
    expect(get.status).toBe(200); // the browser withholds it from the page: no allow-origin header
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    for (const origin of [EVIL, "null"]) {
      const write = await post(s.publicId, { origin });
      expect(write.status).toBe(403);
      expect(write.headers.get("access-control-allow-origin")).toBeNull();
    }
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(0);
  });

  it("allows only the same origin when a survey lists none", async () => {
    const s = await createSurvey(A.orgId);
    expect((await post(s.publicId, { origin: SHOP })).status).toBe(403);
    const sameOrigin = await post(s.publicId, { origin: new URL(baseURL()).origin });
    expect(sameOrigin.status).toBe(201);
    expect(sameOrigin.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers preflight requests for allowed origins only", async () => {
    const s = await createSurvey(A.orgId, { settings: { allowedOrigins: [SHOP] } });
    for (const path of [`/api/v1/public/surveys/${s.publicId}`, `/api/v1/public/surveys/${s.publicId}/responses`]) {
      const headers = {
        origin: SHOP,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      };
      const ok = await http("OPTIONS", path, { headers });
      expect(ok.status).toBe(204);
      expect(ok.headers.get("access-control-allow-origin")).toBe(SHOP);
      expect(ok.headers.get("access-control-allow-methods")).toMatch(path.endsWith("responses") ? /POST/ : /GET/);
      expect(ok.headers.get("access-control-allow-headers")).toMatch(/content-type/);
      const refused = await http("OPTIONS", path, { headers: { ...headers, origin: EVIL } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    }
    expect((await http("OPTIONS", `/api/v1/public/surveys/nope/responses`, { headers: { origin: SHOP } })).status).toBe(
      403,
    );
  });
});

// A fixed window could turn over between two requests; start well inside one so counts cannot reset mid-test.
async function insideWindow() {
  const ms = Date.now() % 60_000;
  if (ms > 50_000) await new Promise((r) => setTimeout(r, 60_000 - ms + 50));
}

describe("rate limits", () => {
  it("answers 429 with Retry-After once a respondent exceeds the survey's limit; others go on", async () => {
    const s = await createSurvey(A.orgId, { settings: { rateLimit: { perClientPerMinute: 3 } } });
    await insideWindow();
    const me = { "user-agent": "Mozilla/5.0 (rate-limit test)", "x-forwarded-for": "203.0.113.7" };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(s.publicId, me)).status);
    expect(statuses).toEqual([201, 201, 201]);
    const limited = await post(s.publicId, me);
    expect(limited.status).toBe(429);
    expect(limited.contentType).toContain("application/problem+json");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(3);

    const someoneElse = await post(s.publicId, { ...me, "x-forwarded-for": "198.51.100.4" });
    expect(someoneElse.status).toBe(201);
    // the counters live in the database, where every app instance sees them
    const buckets = await db.rateLimitBucket.findMany({ where: { key: { startsWith: `public-response:${s.id}` } } });
    expect(buckets.map((b) => b.count).sort((x, y) => x - y)).toEqual([1, 4, 4]);
  });

  it("caps a whole survey, whoever sends", async () => {
    const s = await createSurvey(A.orgId, { settings: { rateLimit: { perSurveyPerMinute: 4 } } });
    await insideWindow();
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await post(s.publicId, { "user-agent": `client ${i}`, "x-forwarded-for": `192.0.2.${i}` })).status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
  });
});

// Issue #13, item 12: what respondents' browsers download on every page view.
describe("transfer and caching", () => {
  /** A GET as sent, body not decoded (fetch would decompress it). */
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      httpGet(baseURL() + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });

  it("compresses a survey's questions (fast path) for clients that accept br or gzip, and only for them", async () => {
    const s = await createSurvey(A.orgId);
    const path = `/api/v1/public/surveys/${s.publicId}`;
    const plain = await raw(path);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await raw(path, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    const gzip = await raw(path, { "accept-encoding": "gzip;q=1, br;q=0" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(Number(gzip.headers["content-length"])).toBe(gzip.body.length);
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    expect((await raw(path, { "accept-encoding": "identity" })).headers["content-encoding"]).toBeUndefined();
  });

  it("serves the embed script under a versioned URL cached for a year; /embed.js for old snippets briefly", async () => {
    const script = readFileSync(join(process.cwd(), "public/embed.js"));
    const version = createHash("sha256").update(script).digest("hex").slice(0, 16);
    const versioned = await raw(`/embed/${version}.js`);
    expect(versioned.status).toBe(200);
    expect(versioned.body.equals(script)).toBe(true);
    expect(versioned.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(versioned.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(versioned.headers["cross-origin-resource-policy"]).toBe("cross-origin");

    const old = await raw("/embed/0123456789abcdef.js"); // a snippet copied before an upgrade
    expect(old.status).toBe(302);
    expect(old.headers.location).toBe(`/embed/${version}.js`);
    expect(old.headers["cache-control"]).toBe("public, max-age=300");
    expect((await raw("/embed/not-a-version.js")).status).toBe(404);

    const unversioned = await raw("/embed.js");
    expect(unversioned.status).toBe(200);
    expect(unversioned.headers["cache-control"]).toBe("public, max-age=300");
  });
});
