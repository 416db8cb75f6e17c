// The response inbox over real HTTP: every filter of GET /api/v1/responses against a plain in-memory
// computation over responses created through the public response API, cursor pagination (every row exactly
// once), one response with its readable answers, the streamed CSV export of a filtered set (parsed back,
// formula cells guarded, audited), the customer export's formula guard, bad filters, roles and tenancy.
// Runs on SQLite and PostgreSQL like the rest of the suite.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { createCustomer } from "@/lib/customers/service";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { customerToken } from "./customer-tokens";
import { baseURL, http, respondent } from "./http";

type Spec = {
  survey: "nps" | "csat";
  answers: Record<string, unknown>;
  complete: boolean;
  customer?: number;
  touchpoint?: "call" | "shop";
  channel?: "web" | "email";
  locale?: string;
};
type Expected = {
  id: string;
  submittedAt: number;
  surveyId: string;
  touchpointId: string | null;
  channelId: string | null;
  customerId: string | null;
  metric: string | null;
  score: number | null;
  category: string | null;
  comment: string | null;
  completed: boolean;
};

let A: Org;
let B: Org;
let nps: Awaited<ReturnType<typeof createSurvey>>;
let csat: Awaited<ReturnType<typeof createSurvey>>;
let shopTouchpoint: string;
let channels: Record<"web" | "email", string>;
const customers: { id: string; externalId: string }[] = [];
const signedCustomer = async (publicId: string, externalId: string) => ({
  customerExternalId: externalId,
  customerToken: await customerToken(A, publicId, externalId),
});
let all: Expected[] = [];
const BASE = Date.parse("2026-03-01T12:00:00Z");
const HOUR = 3_600_000;

const CSAT_QUESTIONS = [
  {
    key: "csat",
    type: "score",
    required: true,
    headline: true,
    scaleMin: 1,
    scaleMax: 5,
    text: { en: "How satisfied are you?", de: "Wie zufrieden sind Sie?" },
  },
  { key: "comment", type: "text", text: { en: "Anything else?", de: "Sonst noch etwas?" } },
];

const npsCategory = (s: number) => (s >= 9 ? "promoter" : s >= 7 ? "passive" : "detractor");
const csatCategory = (s: number) => (s >= 4 ? "satisfied" : s === 3 ? "neutral" : "dissatisfied");

/** 41 responses: both surveys, every NPS/CSAT category, with and without comments (some formula-like), partial ones, one without a score. */
function specs(): Spec[] {
  const comments = [
    '=HYPERLINK("http://evil.test","click")',
    "+1 call me",
    "-minus start",
    "@mention",
    "Slow invoice process",
    "slow delivery",
    "Great help",
    null,
    "Fine",
  ];
  const out: Spec[] = [];
  for (let i = 0; i < 40; i++) {
    const comment = comments[i % comments.length];
    const base = {
      customer: i % 3 === 0 ? undefined : i % 3,
      touchpoint: i % 4 === 0 ? undefined : (["call", "shop"] as const)[i % 2],
      channel: (["web", "email"] as const)[i % 2],
      locale: i % 5 === 0 ? "de" : "en",
    };
    if (i % 2 === 0) {
      const score = i % 11;
      const complete = i % 7 !== 3;
      const text =
        score <= 6 ? { why_low: comment ?? undefined } : score >= 9 ? { why_high: comment ?? undefined } : {};
      const answers = complete
        ? {
            nps: score,
            plan: i % 4 === 0 ? "pro" : "basic",
            topics: i % 3 ? ["price", "speed"] : ["speed"],
            renew: i % 4 === 0,
            ...text,
          }
        : { nps: score };
      // a required why_low cannot be left out of a complete detractor response
      if (complete && score <= 6 && !comment) (answers as Record<string, unknown>).why_low = "No reason given";
      out.push({ survey: "nps", answers, complete, ...base });
    } else {
      const score = 1 + (i % 5);
      out.push({
        survey: "csat",
        answers: comment ? { csat: score, comment } : { csat: score },
        complete: i % 9 !== 1,
        ...base,
      });
    }
  }
  // no score yet: only the plan answered (metric and category stay empty)
  out.splice(17, 0, { survey: "nps", answers: { plan: "pro" }, complete: false, customer: 2, channel: "web" });
  return out;
}

beforeAll(async () => {
  [A, B] = [await createOrg("inbox-a"), await createOrg("inbox-b")];
  const web = await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } });
  const email = await db.channel.create({ data: { orgId: A.orgId, key: "email", name: "Email" } });
  channels = { web: web.id, email: email.id };
  const call = await db.touchpoint.findUniqueOrThrow({ where: { id: A.ids.touchpoint } });
  shopTouchpoint = (
    await db.touchpoint.create({
      data: { orgId: A.orgId, journeyId: call.journeyId, stageId: call.stageId, name: "Shop visit", kind: "physical" },
    })
  ).id;
  for (let c = 0; c < 3; c++) {
    const externalId = `INBOX-${uid()}`;
    const created = await createCustomer(A.ctx("agent"), {
      externalId,
      name: `Inbox Person ${c}`,
      email: `inbox${c}-${uid()}@example.test`,
    });
    customers.push({ id: created.id, externalId });
  }
  nps = await createSurvey(A.orgId);
  csat = await createSurvey(A.orgId, { type: "csat", questions: CSAT_QUESTIONS });

  const list = specs();
  const clientIds: string[] = [];
  for (const [i, s] of list.entries()) {
    const clientId = `inbox-${randomUUID()}`;
    clientIds.push(clientId);
    const res = await http("POST", `/api/v1/public/surveys/${(s.survey === "nps" ? nps : csat).publicId}/responses`, {
      // one respondent each (the public API limits submissions per respondent and minute)
      headers: respondent(`inbox-test/${i}`),
      body: {
        clientId,
        answers: s.answers,
        complete: s.complete,
        ...(s.customer !== undefined
          ? await signedCustomer(s.survey === "nps" ? nps.publicId : csat.publicId, customers[s.customer].externalId)
          : {}),
        ...(s.touchpoint ? { touchpointId: s.touchpoint === "call" ? A.ids.touchpoint : shopTouchpoint } : {}),
        channel: s.channel,
        locale: s.locale,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  // Spread them over 41 hours (the public API stamps "now"), newest first in list order.
  const rows = await db.response.findMany({
    where: { clientId: { in: clientIds } },
    select: { id: true, clientId: true },
  });
  const idOf = new Map(rows.map((r) => [r.clientId, r.id]));
  all = [];
  for (const [i, s] of list.entries()) {
    const id = idOf.get(clientIds[i])!;
    const submittedAt = BASE - i * HOUR;
    await db.response.update({ where: { id }, data: { submittedAt: new Date(submittedAt) } });
    const score = ((s.survey === "nps" ? s.answers.nps : s.answers.csat) ?? null) as number | null;
    const comment =
      s.survey === "nps"
        ? ((s.answers.why_low ?? s.answers.why_high ?? null) as string | null)
        : ((s.answers.comment ?? null) as string | null);
    all.push({
      id,
      submittedAt,
      surveyId: s.survey === "nps" ? nps.id : csat.id,
      touchpointId: s.touchpoint === "call" ? A.ids.touchpoint : s.touchpoint === "shop" ? shopTouchpoint : null,
      channelId: s.channel ? channels[s.channel] : null,
      customerId: s.customer !== undefined ? customers[s.customer].id : null,
      metric: score === null ? null : s.survey,
      score,
      category: score === null ? null : s.survey === "nps" ? npsCategory(score) : csatCategory(score),
      comment,
      completed: s.complete,
    });
  }
  // the factory's own response of A (a detractor, an hour after the others)
  const factory = await db.response.update({
    where: { id: A.ids.response },
    data: { submittedAt: new Date(BASE + HOUR) },
  });
  all.push({
    id: factory.id,
    submittedAt: BASE + HOUR,
    surveyId: A.ids.survey,
    touchpointId: null,
    channelId: null,
    customerId: A.ids.customer,
    metric: "nps",
    score: 3,
    category: "detractor",
    comment: null,
    completed: true,
  });
  all.sort((a, b) => b.submittedAt - a.submittedAt || (a.id < b.id ? 1 : -1));
}, 180_000);

/** Every page of the list for a query string, following nextCursor. */
async function listAll(query: string, key = A.keys.viewer, limit = 7) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await http("GET", `/api/v1/responses?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, {
      key,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    ids.push(...res.body.data.map((r: { id: string }) => r.id));
    cursor = res.body.nextCursor;
    if (++pages > 100) throw new Error("pagination does not end");
  } while (cursor);
  return ids;
}

const iso = (ms: number) => new Date(ms).toISOString();

describe("GET /api/v1/responses filters", () => {
  const cases: [string, () => string, (r: Expected) => boolean][] = [
    ["survey", () => `surveyId=${nps.id}`, (r) => r.surveyId === nps.id],
    ["touchpoint", () => `touchpointId=${shopTouchpoint}`, (r) => r.touchpointId === shopTouchpoint],
    ["channel", () => `channelId=${channels.email}`, (r) => r.channelId === channels.email],
    ["customer", () => `customerId=${customers[1].id}`, (r) => r.customerId === customers[1].id],
    ["metric", () => "metric=csat", (r) => r.metric === "csat"],
    ["category", () => "category=detractor", (r) => r.category === "detractor"],
    ["metric + category", () => "metric=csat&category=neutral", (r) => r.metric === "csat" && r.category === "neutral"],
    ["score range", () => "scoreMin=3&scoreMax=6", (r) => r.score !== null && r.score >= 3 && r.score <= 6],
    ["score from", () => "scoreMin=9", (r) => r.score !== null && r.score >= 9],
    [
      "date-time range",
      () => `from=${iso(BASE - 20 * HOUR)}&to=${iso(BASE - 5 * HOUR)}`,
      (r) => r.submittedAt >= BASE - 20 * HOUR && r.submittedAt < BASE - 5 * HOUR,
    ],
    [
      "date range, to inclusive",
      () => "from=2026-02-28&to=2026-02-28",
      (r) => r.submittedAt >= Date.parse("2026-02-28T00:00:00Z") && r.submittedAt < Date.parse("2026-03-01T00:00:00Z"),
    ],
    ["with comment", () => "hasComment=true", (r) => r.comment !== null],
    ["without comment", () => "hasComment=false", (r) => r.comment === null],
    ["completed", () => "status=completed", (r) => r.completed],
    ["partial", () => "status=partial", (r) => !r.completed],
    ["text in comment", () => "q=invoice", (r) => r.comment?.includes("invoice") ?? false],
    [
      "detractors with comments",
      () => "category=detractor&hasComment=true",
      (r) => r.category === "detractor" && r.comment !== null,
    ],
    [
      "everything at once",
      () => `surveyId=${nps.id}&channelId=${channels.web}&scoreMax=8&status=completed&from=${iso(BASE - 30 * HOUR)}`,
      (r) =>
        r.surveyId === nps.id &&
        r.channelId === channels.web &&
        r.score !== null &&
        r.score <= 8 &&
        r.completed &&
        r.submittedAt >= BASE - 30 * HOUR,
    ],
  ];

  it.each(cases)("%s", async (_, query, keep) => {
    const expected = all.filter(keep).map((r) => r.id);
    expect(expected.length, "the data covers this filter").toBeGreaterThan(0);
    expect(expected.length, "the filter narrows").toBeLessThan(all.length);
    expect(await listAll(query())).toEqual(expected);
  });

  it("pages through every response exactly once, newest first", async () => {
    for (const limit of [1, 3, 50]) {
      const ids = await listAll("", A.keys.viewer, limit);
      expect(ids).toEqual(all.map((r) => r.id));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("names each bad filter and lists nothing", async () => {
    const bad = await http("GET", "/api/v1/responses?category=great&scoreMin=x&from=yesterday&status=done", {
      key: A.keys.viewer,
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual([
      "category",
      "from",
      "scoreMin",
      "status",
    ]);
    const crossed = await http("GET", "/api/v1/responses?scoreMin=8&scoreMax=2", { key: A.keys.viewer });
    expect(crossed.status).toBe(400);
    expect(crossed.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["scoreMax"]);
  });

  it("never lists another organization's responses, whatever the filters name", async () => {
    for (const q of ["", `surveyId=${B.ids.survey}`, `customerId=${B.ids.customer}`, "category=detractor"]) {
      const ids = await listAll(q);
      expect(ids).not.toContain(B.ids.response);
    }
    expect(await listAll(`surveyId=${B.ids.survey}`)).toEqual([]);
  });
});

describe("GET /api/v1/responses/:id", () => {
  it("gives the response with customer, survey, touchpoint, channel and every answer, readable, in question order", async () => {
    const r = all.find((x) => x.surveyId === nps.id && x.completed && x.customerId && x.score! >= 9)!;
    const res = await http("GET", `/api/v1/responses/${r.id}`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: r.id,
      survey: { id: nps.id, name: "Public API test survey", type: "nps" },
      customer: { id: r.customerId },
      touchpoint: r.touchpointId ? { id: r.touchpointId } : null,
      channel: { id: r.channelId },
      metric: "nps",
      score: r.score,
      category: "promoter",
      comment: r.comment,
      completed: true,
      submittedAt: iso(r.submittedAt),
    });
    expect(res.body.customer.name).toMatch(/^Inbox Person/);
    const answers = res.body.answers as { key: string; question: string; display: string }[];
    expect(answers.map((a) => a.key)).toEqual(["nps", ...(r.comment ? ["why_high"] : []), "plan", "topics", "renew"]);
    expect(answers[0]).toMatchObject({
      question: "How likely are you to recommend us?",
      display: String(r.score),
      value: r.score,
    });
    const plan = answers.find((a) => a.key === "plan")!;
    expect(plan.question).toBe("Which plan are you on?");
    expect(["Basic", "Pro"]).toContain(plan.display);
    expect(["Speed", "Price, Speed"]).toContain(answers.find((a) => a.key === "topics")!.display);
    expect(["Yes", "No"]).toContain(answers.find((a) => a.key === "renew")!.display);
  });

  it("shows question texts in the survey's default language even for a German respondent", async () => {
    const german = await db.response.findFirstOrThrow({ where: { surveyId: nps.id, locale: "de", completed: true } });
    const res = await http("GET", `/api/v1/responses/${german.id}`, { key: A.keys.viewer });
    expect(res.body.locale).toBe("de");
    expect(res.body.answers.find((a: { key: string }) => a.key === "plan").question).toBe("Which plan are you on?");
  });

  it("names the follow-up case a response opened (and none for a response without one)", async () => {
    const detractor = all.find((x) => x.surveyId === nps.id && x.completed && x.score !== null && x.score <= 6)!;
    const opened =
      (await db.case.findFirst({
        where: { orgId: A.orgId, responseId: detractor.id },
        orderBy: { createdAt: "asc" },
      })) ??
      (await db.case.create({
        data: { orgId: A.orgId, responseId: detractor.id, title: "Call back the detractor", status: "in_progress" },
      }));
    const res = await http("GET", `/api/v1/responses/${detractor.id}`, { key: A.keys.viewer });
    expect(res.body.case).toEqual({ id: opened.id, status: opened.status });
    const listed = await http("GET", `/api/v1/responses?surveyId=${nps.id}&limit=100`, { key: A.keys.viewer });
    expect(listed.body.data.find((r: { id: string }) => r.id === detractor.id).case).toEqual({
      id: opened.id,
      status: opened.status,
    });
    const promoter = all.find((x) => x.surveyId === nps.id && x.score !== null && x.score >= 9)!;
    expect((await db.case.count({ where: { responseId: promoter.id } })) === 0).toBe(true);
    expect((await http("GET", `/api/v1/responses/${promoter.id}`, { key: A.keys.viewer })).body.case).toBeNull();
  });

  it("is 404 for another organization's response and for unknown ids", async () => {
    for (const id of [B.ids.response, "does-not-exist"]) {
      const res = await http("GET", `/api/v1/responses/${id}`, { key: A.keys.admin });
      expect(res.status).toBe(404);
      expect(res.contentType).toContain("application/problem+json");
      expect(JSON.stringify(res.body)).not.toContain(B.ids.survey);
    }
  });
});

async function download(path: string, key = A.keys.viewer) {
  const res = await fetch(`${baseURL()}${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { res, text: await res.text() };
}

describe("GET /api/v1/exports/responses", () => {
  it("streams the filtered set of one survey with a column per question, formula cells guarded", async () => {
    const before = await db.auditEvent.count({ where: { orgId: A.orgId, action: "responses.exported" } });
    const { res, text } = await download(`/api/v1/exports/responses?surveyId=${csat.id}&hasComment=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="responses-\d{4}-\d{2}-\d{2}\.csv"$/);
    const records = parse(text, { columns: true }) as Record<string, string>[];
    const header = Object.keys(records[0]);
    expect(header).toEqual([
      "id",
      "submittedAt",
      "survey",
      "touchpoint",
      "channel",
      "customerId",
      "customerName",
      "customerEmail",
      "locale",
      "completed",
      "metric",
      "score",
      "category",
      "comment",
      "sentiment",
      "sentiment_label",
      "themes",
      "How satisfied are you?",
      "Anything else?",
    ]);
    const expected = all.filter((r) => r.surveyId === csat.id && r.comment !== null);
    expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const guard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    for (const [i, row] of records.entries()) {
      const e = expected[i];
      expect(row).toMatchObject({
        submittedAt: iso(e.submittedAt),
        metric: "csat",
        score: String(e.score),
        category: e.category,
        comment: guard(e.comment!),
        completed: String(e.completed),
        customerId: e.customerId ?? "",
      });
      expect(row["How satisfied are you?"]).toBe(String(e.score));
      expect(row["Anything else?"]).toBe(guard(e.comment!));
    }
    expect(records.some((r) => r.comment.startsWith("'=HYPERLINK"))).toBe(true);
    expect(records.some((r) => r.comment === "'+1 call me")).toBe(true);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, action: "responses.exported" },
      orderBy: { createdAt: "desc" },
    });
    expect(await db.auditEvent.count({ where: { orgId: A.orgId, action: "responses.exported" } })).toBe(before + 1);
    expect(audit).toMatchObject({ data: { filters: { surveyId: csat.id, hasComment: "true" } } });
  });

  it("across surveys puts every answer into one answers column", async () => {
    const { text } = await download("/api/v1/exports/responses?category=detractor");
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]).at(-1)).toBe("answers");
    expect(records.map((r) => r.id)).toEqual(all.filter((r) => r.category === "detractor").map((r) => r.id));
    const oneNps = records.find(
      (r) =>
        r.survey === "Public API test survey" &&
        r.metric === "nps" &&
        r.completed === "true" &&
        r.id !== A.ids.response,
    )!;
    expect(oneNps.answers).toMatch(/^How likely are you to recommend us\?: \d+\n/);
    expect(oneNps.answers).toContain("Which plan are you on?: ");
  });

  it("exports many pages completely (page by page from the database)", async () => {
    const { text } = await download("/api/v1/exports/responses");
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.id)).toEqual(all.map((r) => r.id));
  });

  it("never contains another organization's responses; bad filters are a 400 and audit nothing", async () => {
    const { res, text } = await download(`/api/v1/exports/responses?surveyId=${B.ids.survey}`, A.keys.admin);
    expect(res.status).toBe(200);
    expect(parse(text)).toHaveLength(1); // the header only
    expect((await download("/api/v1/exports/responses", A.keys.admin)).text).not.toContain(B.ids.response);
    const before = await db.auditEvent.count({ where: { orgId: A.orgId, action: "responses.exported" } });
    const bad = await http("GET", "/api/v1/exports/responses?category=great", { key: A.keys.viewer });
    expect(bad.status).toBe(400);
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["category"]);
    expect(await db.auditEvent.count({ where: { orgId: A.orgId, action: "responses.exported" } })).toBe(before);
  });
});

describe("customer export formula guard", () => {
  it("prefixes cells that start with = + - @ and re-imports them unchanged", async () => {
    const org = await createOrg("formula");
    await createCustomer(org.ctx("agent"), {
      externalId: "F-1",
      name: "=cmd|' /C calc'!A0",
      phone: "+44 20 7946 0000",
      attributes: { note: "@SUM(1,2)", plan: "-1" },
    });
    const { text } = await download("/api/v1/exports/customers", org.keys.viewer);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.externalId === "F-1")!;
    expect(row).toMatchObject({
      name: "'=cmd|' /C calc'!A0",
      phone: "'+44 20 7946 0000",
      "attributes.note": "'@SUM(1,2)",
      "attributes.plan": "'-1",
    });

    const dest = await createOrg("formula-dest");
    const imported = await fetch(`${baseURL()}/api/v1/imports/customers?mode=all_or_nothing`, {
      method: "POST",
      headers: { authorization: `Bearer ${dest.keys.manager}`, "content-type": "text/csv" },
      body: text,
    });
    expect(imported.status).toBe(200);
    const result = (await imported.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .at(-1);
    expect(result).toMatchObject({ inserted: 2, invalid: 0 });
    const back = await db.customer.findFirstOrThrow({ where: { orgId: dest.orgId, externalId: "F-1" } });
    expect([back.name, back.phone, back.attributes]).toEqual([
      "=cmd|' /C calc'!A0",
      "+44 20 7946 0000",
      { note: "@SUM(1,2)", plan: "-1" },
    ]);
  });
});
