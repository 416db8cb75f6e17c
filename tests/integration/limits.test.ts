// Limits an outside client cannot talk its way around, over real HTTP on SQLite and PostgreSQL
// (docs/security/limits.md):
// - the public response limit is per client address: 31 requests with a popular User-Agent from one address
//   do not block another address, and neither a new User-Agent nor a forged X-Forwarded-For escapes it;
// - CSV imports refuse files over RESONANCE_IMPORT_MAX_BYTES / RESONANCE_IMPORT_MAX_ROWS with a 413 that names
//   the setting (raw and multipart bodies, declared length or chunked), writing nothing;
// - creating organizations is limited per user, with the message next to the name field.
// A second server with small import limits and the default trust (no proxy: the socket's address is the
// client) answers the requests that come from other loopback addresses (127.0.0.2, 127.0.0.3).
import http from "node:http";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ORG_CREATION_LIMIT } from "@/lib/orgs/service";
import { consume } from "@/lib/rate-limit/service";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { startServer, type RunningServer } from "../server";
import { http as request, signIn } from "./http";
import { callServerAction } from "./server-actions";

const MAX_BYTES = 200_000;
const MAX_ROWS = 1_000;
const POPULAR_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

let A: Org;
let direct: RunningServer;

beforeAll(async () => {
  A = await createOrg("limits");
  direct = await startServer({
    databaseUrl: process.env.DATABASE_URL!,
    env: {
      TRUSTED_PROXIES: "",
      RESONANCE_IMPORT_MAX_BYTES: String(MAX_BYTES),
      RESONANCE_IMPORT_MAX_ROWS: String(MAX_ROWS),
    },
  });
}, 120_000);

afterAll(async () => {
  await direct?.stop();
});

/** A POST from a given local address (the whole of 127.0.0.0/8 is this machine), as a client elsewhere would send it. */
function postFrom(
  from: string,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        localAddress: from,
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const answer = () => JSON.stringify({ clientId: `lim-${randomUUID()}`, answers: { nps: 8 }, complete: false });

/** Fixed one-minute windows: start a burst with at least 25 s of the current one left. */
async function insideWindow() {
  const ms = Date.now() % 60_000;
  if (ms > 35_000) await new Promise((r) => setTimeout(r, 60_000 - ms + 50));
}

describe("public response limit per client address", () => {
  it("counts a client's address, not its User-Agent: others with the same browser go on, a new User-Agent does not escape", async () => {
    const s = await createSurvey(A.orgId);
    const url = `${direct.url}/api/v1/public/surveys/${s.publicId}/responses`;
    await insideWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await postFrom("127.0.0.2", url, answer(), { "user-agent": POPULAR_UA })).status);
    expect(statuses.slice(0, 30).every((x) => x === 201)).toBe(true);
    expect(statuses[30]).toBe(429);

    // Another respondent with the very same browser build, from their own address: not blocked.
    expect((await postFrom("127.0.0.3", url, answer(), { "user-agent": POPULAR_UA })).status).toBe(201);
    // The limited client changes its User-Agent, drops it, or claims another address: still limited.
    expect((await postFrom("127.0.0.2", url, answer(), { "user-agent": `Mozilla/5.0 (${randomUUID()})` })).status).toBe(
      429,
    );
    expect((await postFrom("127.0.0.2", url, answer(), {})).status).toBe(429);
    expect(
      (
        await postFrom("127.0.0.2", url, answer(), {
          "user-agent": POPULAR_UA,
          "x-forwarded-for": "198.51.100.23",
          "x-real-ip": "198.51.100.24",
        })
      ).status,
    ).toBe(429);
    expect(await db.response.count({ where: { surveyId: s.id } })).toBe(31);
  }, 60_000);

  it("behind a trusted proxy, takes the right-most address the proxy vouches for, whatever the client prepended", async () => {
    // The suite's server trusts loopback as its proxy (tests/server.ts): the proxy appends the real address.
    const s = await createSurvey(A.orgId, { settings: { rateLimit: { perClientPerMinute: 3 } } });
    const path = `/api/v1/public/surveys/${s.publicId}/responses`;
    const from = (xff: string, ua = POPULAR_UA) =>
      request("POST", path, { rawBody: answer(), headers: { "x-forwarded-for": xff, "user-agent": ua } });
    await insideWindow();
    for (let i = 0; i < 3; i++) expect((await from("203.0.113.50")).status).toBe(201);
    expect((await from("203.0.113.50")).status).toBe(429);
    expect((await from("203.0.113.50", "curl/8.5.0")).status).toBe(429);
    expect((await from("198.51.100.77, 203.0.113.50")).status).toBe(429);
    expect((await from("203.0.113.51")).status).toBe(201);
  });
});

// ── imports ───────────────────────────────────────────────────────────────────────────────────────────

const header = "externalId,name,email\n";
const csvOfRows = (n: number, tag = randomUUID().slice(0, 6)) =>
  header + Array.from({ length: n }, (_, k) => `L-${tag}-${k},Name ${k},l${k}-${tag}@limits.example\n`).join("");
/** A CSV of about `bytes` bytes. */
const csvOfBytes = (bytes: number, tag = randomUUID().slice(0, 6)) => {
  const row = (k: number) => `L-${tag}-${k},${"n".repeat(180)},l${k}@limits.example\n`;
  let out = header;
  for (let k = 0; out.length < bytes; k++) out += row(k);
  return out;
};
const customersOf = (org: Org) => db.customer.count({ where: { orgId: org.orgId } });

function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += 16 * 1024)));
    },
  });
}

async function post(path: string, key: string, body: BodyInit, contentType?: string) {
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, ...(contentType ? { "content-type": contentType } : {}) },
    body,
  };
  if (body instanceof ReadableStream) init.duplex = "half";
  const res = await fetch(`${direct.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text, json: () => JSON.parse(text) };
}

/** What a refused import said: the 413's reason, or the final NDJSON line's error when the body was chunked. */
function refusal(r: Awaited<ReturnType<typeof post>>): string {
  if (r.status === 413) {
    expect(r.contentType).toContain("application/problem+json");
    const p = r.json();
    expect(p.status).toBe(413);
    return p.invalid_params[0].reason;
  }
  expect(r.status).toBe(200);
  const last = JSON.parse(r.text.trim().split("\n").at(-1)!);
  expect(last.done).toBe(true);
  return last.error;
}

const IMPORT = "/api/v1/imports/customers?mode=all_or_nothing&onExisting=skip";

describe("CSV import limits", () => {
  it("refuses a body whose declared length is over the limit with 413 naming the setting, before reading it", async () => {
    const before = await customersOf(A);
    const r = await post(IMPORT, A.keys.manager, csvOfBytes(MAX_BYTES + 10_000), "text/csv");
    expect(r.status).toBe(413);
    expect(r.contentType).toContain("application/problem+json");
    expect(r.json().invalid_params[0]).toMatchObject({ name: "body" });
    expect(r.json().invalid_params[0].reason).toMatch(/0\.2 MB \(200,000 bytes, RESONANCE_IMPORT_MAX_BYTES\)/);
    expect(await customersOf(A)).toBe(before);
    // the preview too
    expect(
      (await post("/api/v1/imports/customers/preview", A.keys.manager, csvOfBytes(MAX_BYTES + 10_000), "text/csv"))
        .status,
    ).toBe(413);
  });

  it("stops a chunked body (no declared length) once it grows past the limit, writing nothing", async () => {
    const before = await customersOf(A);
    const r = await post(IMPORT, A.keys.manager, chunked(csvOfBytes(MAX_BYTES * 3)), "text/csv");
    expect(refusal(r)).toContain("RESONANCE_IMPORT_MAX_BYTES");
    expect(await customersOf(A)).toBe(before);
    const preview = await post(
      "/api/v1/imports/customers/preview",
      A.keys.manager,
      chunked(csvOfBytes(MAX_BYTES * 3)),
      "text/csv",
    );
    expect(preview.status).toBe(413);
    expect(preview.json().invalid_params[0].reason).toContain("RESONANCE_IMPORT_MAX_BYTES");
  });

  it("streams a multipart upload: a file within the limits imports, one over them is refused", async () => {
    const before = await customersOf(A);
    const ok = new FormData();
    ok.set("note", "a text field before the file");
    ok.set("file", new Blob([csvOfRows(20)], { type: "text/csv" }), "customers.csv");
    const imported = await post(IMPORT, A.keys.manager, ok);
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.text.trim().split("\n").at(-1)!)).toMatchObject({ done: true, inserted: 20 });
    expect(await customersOf(A)).toBe(before + 20);

    const big = new FormData();
    big.set("file", new Blob([csvOfBytes(MAX_BYTES * 2)], { type: "text/csv" }), "big.csv");
    expect((await post(IMPORT, A.keys.manager, big)).status).toBe(413);

    // The same form sent chunked: the file part is cut off by the multipart parser as it streams.
    const encoded = new Response(big);
    const chunkedBig = await post(IMPORT, A.keys.manager, encoded.body!, encoded.headers.get("content-type")!);
    expect(refusal(chunkedBig)).toContain("RESONANCE_IMPORT_MAX_BYTES");
    expect(await customersOf(A)).toBe(before + 20);

    const noFile = new FormData();
    noFile.set("other", "x");
    const missing = await post(IMPORT, A.keys.manager, noFile);
    expect(missing.status).toBe(400);
    expect(missing.json().invalid_params[0]).toMatchObject({ name: "file" });
  });

  it("refuses more rows than RESONANCE_IMPORT_MAX_ROWS: the preview with 413, the import writes nothing", async () => {
    const before = await customersOf(A);
    const preview = await post(
      "/api/v1/imports/customers/preview",
      A.keys.manager,
      csvOfRows(MAX_ROWS + 1),
      "text/csv",
    );
    expect(preview.status).toBe(413);
    expect(preview.json().invalid_params[0]).toMatchObject({ name: "rows" });
    expect(preview.json().invalid_params[0].reason).toContain("1,000 rows (RESONANCE_IMPORT_MAX_ROWS)");
    const r = await post(IMPORT, A.keys.manager, csvOfRows(MAX_ROWS + 1), "text/csv");
    expect(refusal(r)).toContain("RESONANCE_IMPORT_MAX_ROWS");
    expect(await customersOf(A)).toBe(before);
    // exactly at the limit is fine
    const atLimit = await post(IMPORT, A.keys.manager, csvOfRows(MAX_ROWS), "text/csv");
    expect(JSON.parse(atLimit.text.trim().split("\n").at(-1)!)).toMatchObject({ done: true, inserted: MAX_ROWS });
  });
});

// ── organization creation ─────────────────────────────────────────────────────────────────────────────

describe("organization creation limit", () => {
  const create = { file: "app/_actions/organizations.ts", name: "createOrganizationAction" };

  it("lets one user create a day's share of organizations, then says why next to the name field", async () => {
    const cookie = await signIn(A.users.viewer.email, TEST_PASSWORD);
    expect(cookie).not.toBeNull();
    const userId = A.users.viewer.id;
    const owned = () => db.membership.count({ where: { userId, role: "admin" } });
    // All but one of today's share used up (the limiter's own counter, as earlier creations leave it).
    await consume(`org-create:${userId}`, ORG_CREATION_LIMIT, {}, ORG_CREATION_LIMIT.limit - 1);

    const last = await callServerAction(create, {
      cookie: cookie!,
      form: { name: `Allowed ${randomUUID().slice(0, 6)}` },
    });
    expect(last.redirect).toMatch(/^\/(;|$)/); // to the new organization's dashboard
    expect(await owned()).toBe(1);

    const refused = await callServerAction(create, {
      cookie: cookie!,
      form: { name: `One too many ${randomUUID().slice(0, 6)}` },
    });
    expect(refused.redirect).toBeNull();
    // The action's result carries the reason as the name field's error (CreateOrgForm shows it under the field).
    expect(refused.text).toMatch(
      /"fieldErrors":\{"name":"You have created 10 organizations today, the most one account may\. Try again in (an hour|\d+ hours)\."\}/,
    );
    expect(await owned()).toBe(1);
  });
});
