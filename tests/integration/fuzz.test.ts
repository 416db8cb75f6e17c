// Hostile input at every route of the route table, over real HTTP, as a role that is allowed: random and
// hostile JSON bodies (wrong types, missing and extra fields, prototype-pollution keys, huge strings, deep
// nesting, unicode edge cases, number-like strings, SQL/HTML/formula payloads, invalid JSON, wrong content
// types), hostile query strings and path ids, and hostile CSV files at the import endpoints.
// Asserted for every request: never a 5xx; a 4xx is application/problem+json, and a 400 names its fields; a
// 4xx changes nothing (row count and newest updatedAt of every table, before and after).
// Inputs come from fast-check with fixed seeds and a fixed number per route, so a run is reproducible and
// bounded in time; a failure prints the route and the exact input.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "@/lib/auth/roles";
import { operations, toJsonSchema, type JsonSchema } from "@/lib/openapi/document";
import { ROUTE_MODULES } from "@/app/api/v1/routes.generated";
import { exampleOf } from "@/lib/openapi/schema-table";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { dbSnapshot as snapshot } from "./db-snapshot";
import { baseURL, signIn } from "./http";
import { ROUTES, type RouteCase } from "./route-table";

const RUNS = { body: 24, query: 12, path: 6, csv: 30 };
const SEED = 20_261_123;

let A: Org;
let publicId: string;
let adminSession: string;

beforeAll(async () => {
  A = await createOrg("fuzz");
  publicId = (await createSurvey(A.orgId)).publicId;
  adminSession = (await signIn(A.users.admin.email, TEST_PASSWORD))!;
});

// ---- hostile values -------------------------------------------------------------------------------------

const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "\ud800",
  "\udfff",
  "\u202e\u0041\u0042",
  "\u200b",
  "e\u0301",
  "😀".repeat(64),
  "\ufeff",
  "ǅ",
  "İ",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-0",
  "0x1F",
  "1_000",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  '"><svg onload=alert(1)>',
  "' OR '1'='1",
  '\'; DROP TABLE "Customer"; --',
  "1; SELECT pg_sleep(0)",
  "%' AND 1=1 --",
  '=HYPERLINK("http://evil.test","x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-2+3",
  "\t=1+1",
  "../../etc/passwd",
  "%00",
  "%2e%2e%2f",
  "__proto__",
  "constructor",
  "prototype",
  "{{7*7}}",
  "${7*7}",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31T23:59:59.999Z",
  "2026-13-01T25:61:61Z",
  "a@b",
  "x".repeat(5_000),
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  0,
  -1,
  1.5,
  -0.0001,
  1e308,
  -1e308,
  2 ** 53 + 2,
  2 ** 31,
  true,
  false,
  null,
  [],
  {},
  [null],
  [[[]]],
  { a: 1 },
  ["viewer", "admin"],
  { $gt: "" },
  { $where: "1" },
];
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
);
const PROTO_KEYS = ["__proto__", "constructor", "prototype", "__defineGetter__", "hasOwnProperty", "toString"];

// JSON text built by hand, so that "__proto__" really is a key of the sent object.
const objectText = (entries: [string, unknown][]) =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`;

type Probe = { method: string; path: string; body?: string; contentType?: string; label: string };

function bodyProbes(r: RouteCase, path: string, schema: JsonSchema | null, index: number): Probe[] {
  const keys = Object.keys((schema?.properties as Record<string, unknown>) ?? {});
  const example = (schema ? exampleOf(schema) : {}) as Record<string, unknown>;
  const known = keys.length ? keys : ["name"];
  const arb = fc.oneof(
    // wrong types, missing fields, extra and prototype keys
    fc
      .array(fc.tuple(fc.constantFrom(...known, ...PROTO_KEYS, "extra", ""), hostileValue), { maxLength: 6 })
      .map(objectText),
    // a plausible body with one field replaced by something hostile
    fc
      .tuple(fc.constantFrom(...known), hostileValue)
      .map(([k, v]) => objectText(Object.entries({ ...example, [k]: v }))),
    // a plausible body plus prototype-pollution keys
    fc
      .constantFrom(...PROTO_KEYS)
      .map((k) => objectText([...Object.entries(example), [k, { polluted: true, role: "admin" }]])),
    // not an object at all
    hostileValue.map((v) => JSON.stringify(v) ?? "null"),
  );
  const random = fc
    .sample(arb, { seed: SEED + index, numRuns: RUNS.body })
    .map((body, i) => ({ method: r.method, path, body, label: `body #${i}` }));
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  const fixed: Probe[] = [
    { body: "{", label: "truncated JSON" },
    { body: "{'name': 'single quotes'}", label: "not JSON" },
    { body: "\u0000\u0001\u0002", label: "control bytes" },
    { body: deep(5_000), label: "array nested 5,000 deep" },
    { body: `{"a":`.repeat(2_000) + "1" + "}".repeat(2_000), label: "object nested 2,000 deep" },
    {
      body: objectText(Object.entries({ ...example, [known[0]]: "x".repeat(300_000) })),
      label: "300 kB field (over the body limit)",
    },
    { body: objectText(Object.entries({ ...example, [known[0]]: "x".repeat(100_000) })), label: "100 kB field" },
    { body: JSON.stringify(example), contentType: "text/plain", label: "example as text/plain" },
    { body: "name=x&email=y", contentType: "application/x-www-form-urlencoded", label: "form-encoded" },
    {
      body: '--b\r\ncontent-disposition: form-data; name="name"\r\n\r\nx\r\n--b--\r\n',
      contentType: "multipart/form-data; boundary=b",
      label: "multipart",
    },
    { body: '{"name": NaN, "score": Infinity}', label: "NaN/Infinity literals" },
    { body: '{"a":1,"a":2,"__proto__":{"isAdmin":true}}', label: "duplicate and __proto__ keys" },
  ].map((p) => ({ method: r.method, path, ...p }));
  return [...fixed, ...random];
}

function queryProbes(r: RouteCase, path: string, schema: JsonSchema | null, index: number): Probe[] {
  const keys = Object.keys((schema?.properties as Record<string, unknown>) ?? {});
  const value = fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS.map((s) => s.slice(0, 300))),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.integer().map(String),
  );
  const pairs = fc.array(fc.tuple(fc.constantFrom(...keys, ...PROTO_KEYS, "x"), value), { minLength: 1, maxLength: 8 });
  return fc.sample(pairs, { seed: SEED + 1_000 + index, numRuns: RUNS.query }).map((list, i) => {
    const qs = new URLSearchParams(list).toString();
    return {
      method: r.method,
      path: `${path}?${qs}`,
      body: r.method === "GET" ? undefined : "{}",
      label: `query #${i}`,
    };
  });
}

// ("..", "%2e%2e" are not among them: the client's URL parser resolves them away before anything is sent.)
const HOSTILE_IDS = [
  "x".repeat(65),
  "x".repeat(5_000),
  "%00",
  "%F0%9F%98%80",
  "null",
  "__proto__",
  "constructor",
  "1%20OR%201%3D1",
  "%3Cscript%3E",
  "a.b",
  "%ff",
  "%E0%A4%A",
  "%",
  "-1",
  "0",
];

function pathProbes(r: RouteCase, index: number): Probe[] {
  const param = r.path.includes(":publicId") ? ":publicId" : ":id";
  const random = fc
    .sample(fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }), {
      seed: SEED + 2_000 + index,
      numRuns: RUNS.path,
    })
    .map(encodeURIComponent);
  return [...HOSTILE_IDS, ...random].map((id, i) => ({
    method: r.method,
    path: r.path.replace(param, id),
    body: r.method === "GET" ? undefined : "{}",
    label: `path id #${i}`,
  }));
}

// ---- hostile CSV files --------------------------------------------------------------------------------

const CSV_HEADERS = [
  "name",
  "email",
  "externalId",
  "phone",
  "tags",
  "customer_email",
  "occurred_at",
  "outcome",
  "note",
  "touchpoint",
  "channel",
  "clientId",
];
const csvCell = fc.oneof(
  fc.constantFrom(
    ...HOSTILE_STRINGS.map((s) => s.slice(0, 500)),
    '"unclosed',
    'a""b',
    '"x""y"',
    "a,b",
    "line\nbreak",
    "\r",
  ),
  fc.string({ maxLength: 20 }),
);
const csvFile = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
  fc
    .tuple(
      fc.boolean(),
      fc.shuffledSubarray(CSV_HEADERS, { minLength: 1 }),
      fc.array(fc.array(csvCell, { maxLength: 14 }), { maxLength: 25 }),
      fc.constantFrom("\n", "\r\n", "\r"),
    )
    .map(([bom, header, rows, eol]) =>
      Buffer.from((bom ? "\ufeff" : "") + [header, ...rows].map((row) => row.join(",")).join(eol)),
    ),
);
const FIXED_CSV: [string, Buffer][] = [
  ["empty", Buffer.alloc(0)],
  ["BOM only", Buffer.from("\ufeff")],
  ["UTF-16 BOM", Buffer.from([0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00])],
  ["header only", Buffer.from("name,email\n")],
  ["field of 1.2 MB", Buffer.from(`name,email\n"${"x".repeat(1_200_000)}",a@b.test\n`)],
  ["ragged rows", Buffer.from("name,email\na\nb,c@d.test,extra,more\n,,,\n")],
  [
    "formula injection",
    Buffer.from(`name,email\n=HYPERLINK("http://evil.test"),f@x.test\n+1+1,g@x.test\n@SUM(A1),h@x.test\n`),
  ],
  ["unclosed quote", Buffer.from('name,email\n"never closed,a@b.test\n')],
  ["NUL bytes", Buffer.from("name,email\nab\u0000c,x@y.test\n")],
  ["10,000 columns", Buffer.from(Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",") + "\n")],
];
const IMPORT_QUERIES = [
  "",
  "?mode=skip_bad_rows",
  "?mode=skip_bad_rows&onExisting=update",
  `?mapping=${encodeURIComponent('{"__proto__":"name","x":"email"}')}`,
  "?mapping=%7B",
  "?mode=__proto__",
];

// ---- the checks ----------------------------------------------------------------------------------------

type Outcome = { status: number; contentType: string; text: string };

const sent = { requests: 0, byStatus: {} as Record<string, number> };
afterAll(() => console.log(`fuzz: ${sent.requests} requests, by status ${JSON.stringify(sent.byStatus)}`));

/** The request headers that authenticate: an API key, or (session-only routes) the admin's signed-in session. */
type Credential = Record<string, string>;

async function send(
  p: Probe | { method: string; path: string; raw: Buffer; contentType: string },
  credential: Credential,
): Promise<Outcome> {
  const headers: Record<string, string> = { ...credential };
  let body: BodyInit | undefined;
  if ("raw" in p) {
    body = new Uint8Array(p.raw);
    headers["content-type"] = p.contentType;
  } else if (p.body !== undefined) {
    body = p.body;
    headers["content-type"] = p.contentType ?? "application/json";
  }
  const res = await fetch(baseURL() + p.path, { method: p.method, headers, body, redirect: "manual" });
  sent.requests++;
  sent.byStatus[res.status] = (sent.byStatus[res.status] ?? 0) + 1;
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text() };
}

/** Problems with one answer; [] when it is fine. */
function judge(o: Outcome): string[] {
  const out: string[] = [];
  if (o.status >= 500) out.push(`status ${o.status}`);
  if (o.status >= 400 && o.status < 500) {
    if (!o.contentType.includes("application/problem+json"))
      out.push(`${o.status} is ${o.contentType || "no content type"}`);
    else {
      const problem = JSON.parse(o.text) as {
        status: number;
        title: string;
        invalid_params?: { name: string; reason: string }[];
      };
      if (problem.status !== o.status) out.push(`problem.status ${problem.status} ≠ ${o.status}`);
      if (
        o.status === 400 &&
        problem.title === "Invalid request" &&
        !problem.invalid_params?.every((p) => p.name && p.reason)
      )
        out.push("400 without named invalid_params");
    }
  }
  if (o.contentType.includes("ndjson")) {
    const last = JSON.parse(o.text.trim().split("\n").at(-1) ?? "{}") as { done?: boolean; error?: string };
    if (!last.done) out.push("NDJSON stream without a final done line");
    if (last.error?.includes("on our side")) out.push(`import failed on our side`);
  }
  return out;
}

type Failure = { route: string; input: string; problems: string[]; status: number; answer: string };

/**
 * The snapshot taken after the last refused request, when it matched the one before: the database is still as it
 * was, so it serves as the next request's "before" — one snapshot per request instead of two. After an accepted
 * request (which may go on writing) and at the start of every test (set-up may write), a fresh one is taken.
 */
let unchanged: string | undefined;
beforeEach(() => {
  unchanged = undefined;
});

/** Sends one request and judges the answer; a 4xx must leave every table as it was. */
async function sendAndJudge(p: Parameters<typeof send>[0], key: Credential) {
  const before = unchanged ?? (await snapshot());
  unchanged = undefined;
  const o = await send(p, key);
  const problems = judge(o);
  if (o.status >= 400 && o.status < 500) {
    const after = await snapshot();
    if (after === before) unchanged = after;
    else problems.push(`${o.status} but the database changed`);
  }
  return { o, problems };
}

async function probeAll(label: string, probes: Probe[], key: Credential, failures: Failure[]) {
  for (const p of probes) {
    const { o, problems } = await sendAndJudge(p, key);
    if (problems.length)
      failures.push({
        route: label,
        input: `${p.label}: ${p.path} ${p.body?.slice(0, 300) ?? ""}`,
        problems,
        status: o.status,
        answer: o.text.slice(0, 300),
      });
  }
}

const minRole = (r: RouteCase): Role => r.minRole ?? "viewer";
const keyFor = (r: RouteCase): Credential =>
  r.public
    ? {}
    : r.sessionOnly
      ? { cookie: adminSession, origin: baseURL() }
      : { authorization: `Bearer ${A.keys[ROLES.find((role) => hasRole(role, minRole(r)))!]}` };
const isCsv = (r: RouteCase) => r.csv === true || r.path.startsWith("/api/v1/imports/");

/** The path with a real id of this organization, so that bodies reach validation and the service. */
function realPath(r: RouteCase): string {
  if (r.path.includes(":publicId")) return r.path.replace(":publicId", publicId);
  return r.entity ? r.path.replace(":id", A.ids[r.entity]) : r.path;
}

const ops = new Map(operations(ROUTE_MODULES).map((o) => [`${o.method} ${o.path}`, o]));
const schemaOf = (r: RouteCase, part: "body" | "query") => {
  const s = ops.get(`${r.method} ${r.path}`)?.meta[part];
  return s ? toJsonSchema(s) : null;
};

describe("hostile input at every route", () => {
  const cases = ROUTES.map((r, i) => [`${r.method} ${r.path}`, r, i] as const);

  it.each(cases)("%s: never a 5xx, problem+json 4xx that change nothing", async (name, r, i) => {
    const failures: Failure[] = [];
    const key = keyFor(r);
    // DELETE with a real id would just delete it; deletes get hostile ids only.
    const bodyTarget = r.method === "DELETE" ? r.path.replace(":id", "no-such-id") : realPath(r);
    if (r.method !== "GET" && !isCsv(r))
      await probeAll(name, bodyProbes(r, bodyTarget, schemaOf(r, "body"), i), key, failures);
    if (r.method === "GET" || schemaOf(r, "query"))
      await probeAll(
        name,
        queryProbes(r, r.method === "DELETE" ? bodyTarget : realPath(r), schemaOf(r, "query"), i),
        key,
        failures,
      );
    if (r.path.includes("/:")) await probeAll(name, pathProbes(r, i), key, failures);
    if (isCsv(r)) {
      const files = [
        ...FIXED_CSV.map(([label, raw]) => ({ label, raw })),
        ...fc
          .sample(csvFile, { seed: SEED + 3_000 + i, numRuns: RUNS.csv })
          .map((raw, j) => ({ label: `csv #${j}`, raw })),
      ];
      for (const [j, f] of files.entries()) {
        // surveyId: the response import needs one (the others ignore it), so that files reach the parser.
        const q = `${IMPORT_QUERIES[j % IMPORT_QUERIES.length] || "?"}&surveyId=${A.ids.survey}`;
        const multipart = j % 5 === 4;
        const probe = multipart
          ? {
              method: r.method,
              path: r.path + q,
              raw: multipartFile(f.raw),
              contentType: "multipart/form-data; boundary=fuzzboundary",
            }
          : { method: r.method, path: r.path + q, raw: f.raw, contentType: "text/csv" };
        const { o, problems } = await sendAndJudge(probe, key);
        if (problems.length)
          failures.push({
            route: name,
            input: `${f.label}${multipart ? " (multipart)" : ""} ${q}`,
            problems,
            status: o.status,
            answer: o.text.slice(0, 300),
          });
      }
    }
    // The first problems in the message itself: the summary of a CI run shows only an error's first line.
    const gist = failures.map((f) => `${f.input.slice(0, 80)} → ${f.problems.join("; ")}`).join(" | ");
    expect(failures, gist.slice(0, 200)).toEqual([]);
  });
});

function multipartFile(raw: Buffer): Buffer {
  const head = Buffer.from(
    '--fuzzboundary\r\ncontent-disposition: form-data; name="file"; filename="x.csv"\r\ncontent-type: text/csv\r\n\r\n',
  );
  return Buffer.concat([head, raw, Buffer.from("\r\n--fuzzboundary--\r\n")]);
}
