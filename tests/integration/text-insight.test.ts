// Themes and sentiment where comments and notes show (docs/text-analytics.md, "Where themes and sentiment show"), over
// real HTTP: the theme and sentiment filters of GET /api/v1/responses and /api/v1/interactions select exactly the
// rows whose stored analysis matches (computed here from the stored rows), only narrow a unit-scoped key's list and
// never reach another organization; each row carries its sentiment and themes with spans that cut the matched words
// out of its text; the response CSV has sentiment, sentiment_label and themes; bad values are problems naming the field.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/service";
import { createOrg, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { baseURL, http, respondent } from "./http";

let A: Org;
let B: Org;
let survey: { id: string; publicId: string };
let scopedKey: string;
const ids: Record<string, string> = {};

const COMMENTS: Record<string, { nps: number; text: string | null }> = {
  hostile: { nps: 1, text: "You charged me twice <script>alert(1)</script> and nobody answers." },
  fees: { nps: 4, text: "Hidden fees on every bill, terrible." },
  staff: { nps: 10, text: "The staff were lovely and very helpful." },
  app: { nps: 3, text: "The app keeps crashing, useless." },
  plain: { nps: 6, text: "I called on Tuesday." },
  none: { nps: 9, text: null },
  french: { nps: 2, text: "Service lent et facture fausse." },
};

/** The survey's text question a score shows (tests/factories/surveys.ts: none for 7 and 8). */
const textKey = (nps: number) => (nps <= 6 ? "why_low" : "why_high");

async function listAll(path: string, key = A.keys.viewer): Promise<{ id: string }[]> {
  const out: { id: string }[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res = await http("GET", `${path}${sep}limit=2${cursor ? `&cursor=${cursor}` : ""}`, { key });
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  [A, B] = [await createOrg("insight-a"), await createOrg("insight-b")];
  survey = await createSurvey(A.orgId);
  for (const [name, c] of Object.entries(COMMENTS)) {
    const clientId = `${name}-${randomUUID()}`;
    const res = await http("POST", `/api/v1/public/surveys/${survey.publicId}/responses`, {
      body: {
        clientId,
        answers: { nps: c.nps, plan: "basic", ...(c.text ? { [textKey(c.nps)]: c.text } : {}) },
        complete: true,
        locale: name === "french" ? "fr" : "en",
      },
      headers: respondent(`Mozilla/5.0 (insight ${randomUUID()})`),
    });
    expect(res.status).toBe(201);
    ids[name] = (await db.response.findFirstOrThrow({ where: { surveyId: survey.id, clientId } })).id;
  }
  // The hostile and the staff comment belong to the store; a key limited to it sees those two only.
  await db.response.updateMany({ where: { id: { in: [ids.hostile, ids.staff] } }, data: { unitId: A.ids.unit } });
  const ctx = A.ctx("admin");
  scopedKey = (await createApiKey(ctx, { name: "store viewer", role: "viewer", unitId: A.ids.unit })).key;
  // Another organization's comment on the same theme.
  const other = await createSurvey(B.orgId);
  const res = await http("POST", `/api/v1/public/surveys/${other.publicId}/responses`, {
    body: {
      clientId: randomUUID(),
      answers: { nps: 2, why_low: "Charged twice again.", plan: "basic" },
      complete: true,
    },
    headers: respondent(`Mozilla/5.0 (insight ${randomUUID()})`),
  });
  expect(res.status).toBe(201);
});

/** The survey's responses whose comment analysis matches, from the stored rows (the expectation). */
async function expected(f: { theme?: string; sentiment?: string }, unit = false): Promise<string[]> {
  const rows = await db.textAnalysis.findMany({
    where: { orgId: A.orgId, isComment: true, response: { surveyId: survey.id } },
    include: { themes: true, response: { select: { unitId: true } } },
  });
  return rows
    .filter((r) => !f.sentiment || r.label === f.sentiment)
    .filter((r) => !f.theme || r.themes.some((t) => t.themeKey === f.theme))
    .filter((r) => !unit || r.response!.unitId === A.ids.unit)
    .map((r) => r.responseId!)
    .sort();
}

describe("GET /api/v1/responses: theme and sentiment", () => {
  it("the comments were analysed as the fixture means them", async () => {
    expect(await expected({ theme: "billing" })).toEqual([ids.hostile, ids.fees].sort());
    expect(await expected({ sentiment: "negative" })).toEqual([ids.hostile, ids.fees, ids.app].sort());
    expect(await expected({ sentiment: "positive" })).toEqual([ids.staff]);
  });

  it("the filters select exactly the matching responses, alone and together, and only narrow a scoped key", async () => {
    const cases: Record<string, string>[] = [
      { theme: "billing" },
      { theme: "staff" },
      { theme: "app-website" },
      { theme: "delivery-installation" },
      { theme: "no-such-theme" },
      { sentiment: "negative" },
      { sentiment: "neutral" },
      { sentiment: "positive" },
      { theme: "billing", sentiment: "negative" },
      { theme: "staff", sentiment: "negative" },
    ];
    for (const f of cases) {
      const q = new URLSearchParams({ surveyId: survey.id, ...f }).toString();
      const got = (await listAll(`/api/v1/responses?${q}`)).map((r) => r.id).sort();
      expect(got, q).toEqual(await expected(f));
      const scoped = (await listAll(`/api/v1/responses?${q}`, scopedKey)).map((r) => r.id).sort();
      expect(scoped, `scoped ${q}`).toEqual(await expected(f, true));
      // The count the inbox shows agrees (countResponses shares the condition): the CSV lists the same rows.
    }
    expect((await listAll(`/api/v1/responses?theme=billing`, scopedKey)).map((r) => r.id)).toEqual([ids.hostile]);
  });

  it("never reaches another organization's comments", async () => {
    const theirs = (await listAll("/api/v1/responses?theme=billing", B.keys.viewer)).map((r) => r.id);
    expect(theirs).toHaveLength(1);
    expect(theirs).not.toContain(ids.hostile);
    const ours = (await listAll("/api/v1/responses?theme=billing")).map((r) => r.id);
    expect(ours).not.toContain(theirs[0]);
  });

  it("each response carries its comment's sentiment and themes, whose spans cut the matched words out", async () => {
    const res = await http("GET", `/api/v1/responses/${ids.hostile}`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.body.sentiment).toMatchObject({ label: "negative", language: "en" });
    expect(res.body.sentiment.score).toBeLessThan(-0.2);
    const billing = res.body.themes.find((t: { key: string }) => t.key === "billing");
    expect(billing).toMatchObject({ key: "billing", name: "Billing" });
    expect(billing.spans.map(([s, e]: [number, number]) => res.body.comment.slice(s, e))).toEqual(["charged"]);

    const none = await http("GET", `/api/v1/responses/${ids.none}`, { key: A.keys.viewer });
    expect(none.body).toMatchObject({ comment: null, sentiment: null, themes: [] });
    const french = await http("GET", `/api/v1/responses/${ids.french}`, { key: A.keys.viewer });
    expect(french.body).toMatchObject({ sentiment: { label: "unsupported", score: null, language: "unsupported" } });
    expect(french.body.themes).toEqual([]);
  });

  it("a renamed theme shows its new name", async () => {
    const theme = await db.textTheme.findFirstOrThrow({ where: { orgId: A.orgId, key: "staff" } });
    const res = await http("PATCH", `/api/v1/text/themes/${theme.id}`, {
      key: A.keys.manager,
      body: { name: "Our people" },
    });
    expect(res.status).toBe(200);
    const got = await http("GET", `/api/v1/responses/${ids.staff}`, { key: A.keys.viewer });
    expect(got.body.themes).toEqual([expect.objectContaining({ key: "staff", name: "Our people" })]);
  });

  it("names each bad value and lists nothing", async () => {
    const bad = await http("GET", "/api/v1/responses?theme=Billing!&sentiment=angry", { key: A.keys.viewer });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual(["sentiment", "theme"]);
    const unsupported = await http("GET", "/api/v1/responses?sentiment=unsupported", { key: A.keys.viewer });
    expect(unsupported.status).toBe(400);
  });
});

describe("GET /api/v1/exports/responses: sentiment and themes columns", () => {
  it("has sentiment, sentiment_label and themes after the comment, filtered by theme", async () => {
    const res = await fetch(`${baseURL()}/api/v1/exports/responses?surveyId=${survey.id}&theme=billing`, {
      headers: { authorization: `Bearer ${A.keys.viewer}` },
    });
    expect(res.status).toBe(200);
    const records = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const header = Object.keys(records[0]);
    expect(header.slice(header.indexOf("comment"), header.indexOf("comment") + 4)).toEqual([
      "comment",
      "sentiment",
      "sentiment_label",
      "themes",
    ]);
    expect(records.map((r) => r.id).sort()).toEqual(await expected({ theme: "billing" }));
    const stored = await db.textAnalysis.findMany({
      where: { responseId: { in: records.map((r) => r.id) }, isComment: true },
      include: { themes: { orderBy: { themeKey: "asc" } } },
    });
    for (const row of records) {
      const a = stored.find((s) => s.responseId === row.id)!;
      expect(row).toMatchObject({
        sentiment: String(a.sentiment),
        sentiment_label: a.label,
        themes: a.themes.map((t) => t.themeKey).join("; "),
      });
      expect(row.themes.split("; ")).toContain("billing");
    }
  });
});

describe("GET /api/v1/interactions: theme and sentiment", () => {
  it("filters notes by theme and sentiment and carries each note's analysis", async () => {
    const notes = [
      "Angry about the late delivery, wants a refund.",
      "Delivery was on time, customer delighted.",
      "Asked about opening hours.",
    ];
    const created: string[] = [];
    for (const note of notes) {
      const res = await http("POST", "/api/v1/interactions", {
        key: A.keys.agent,
        body: { customerId: A.ids.customer, outcome: "resolved", note },
      });
      expect(res.status).toBe(201);
      created.push(res.body.id);
    }
    const first = await http("GET", `/api/v1/interactions/${created[0]}`, { key: A.keys.viewer });
    expect(first.body.sentiment).toMatchObject({ label: "negative", language: "en" });
    const delivery = first.body.themes.find((t: { key: string }) => t.key === "delivery-installation");
    expect(delivery.spans.map(([s, e]: [number, number]) => notes[0].slice(s, e).toLowerCase())).toContain("delivery");

    const stored = await db.textAnalysis.findMany({
      where: { orgId: A.orgId, source: "note" },
      include: { themes: true },
    });
    const filters: Record<string, string>[] = [
      { theme: "delivery-installation" },
      { sentiment: "negative" },
      { sentiment: "positive", theme: "delivery-installation" },
    ];
    for (const f of filters) {
      const want = stored
        .filter((r) => !f.sentiment || r.label === f.sentiment)
        .filter((r) => !f.theme || r.themes.some((t) => t.themeKey === f.theme))
        .map((r) => r.interactionId!)
        .sort();
      const q = new URLSearchParams(f).toString();
      const got = (await listAll(`/api/v1/interactions?${q}`)).map((r) => r.id).sort();
      expect(got, q).toEqual(want);
      expect(got.length).toBeGreaterThan(0);
    }
    expect(await listAll("/api/v1/interactions?theme=delivery-installation", B.keys.viewer)).toEqual([]);
    const bad = await http("GET", "/api/v1/interactions?theme=%3Cb%3E&sentiment=great", { key: A.keys.viewer });
    expect(bad.status).toBe(400);
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual(["sentiment", "theme"]);
  });

  it("the interactions CSV has each note's sentiment, sentiment_label and themes, as stored, with the list's filters", async () => {
    const res = await fetch(`${baseURL()}/api/v1/exports/interactions?theme=delivery-installation`, {
      headers: { authorization: `Bearer ${A.keys.viewer}` },
    });
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const stored = await db.textAnalysis.findMany({
      where: { orgId: A.orgId, source: "note", themes: { some: { themeKey: "delivery-installation" } } },
      include: { themes: true, interaction: { select: { note: true } } },
    });
    expect(rows).toHaveLength(stored.length);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const a of stored) {
      const row = rows.find((r) => r.note === a.interaction!.note)!;
      expect(row, a.interaction!.note!).toBeDefined();
      expect(Number(row.sentiment)).toBeCloseTo(a.sentiment!, 10);
      expect(row.sentiment_label).toBe(a.label);
      expect(row.themes).toBe(
        a.themes
          .map((t) => t.themeKey)
          .sort()
          .join("; "),
      );
    }
    // A note never analysed (none) has empty cells: the factory's interaction, in the unfiltered export.
    const all = await fetch(`${baseURL()}/api/v1/exports/interactions`, {
      headers: { authorization: `Bearer ${A.keys.viewer}` },
    });
    const everyRow = parse(await all.text(), { columns: true }) as Record<string, string>[];
    const analysed = await db.textAnalysis.count({ where: { orgId: A.orgId, source: "note" } });
    expect(everyRow.filter((r) => r.sentiment_label === "").length).toBe(everyRow.length - analysed);
  });
});

describe("GET /api/v1/text/suggestions", () => {
  it("suggests the phrase detractors use in comments no theme covers, with counts, z and examples", async () => {
    const C = await createOrg("insight-c");
    const s = await createSurvey(C.orgId);
    const detractor = [
      "No space in the parking garage again",
      "The parking garage was full again, drove around for ages",
      "Could not find a spot in the parking garage",
      "parking garage is dark and dirty",
    ];
    const promoter = [
      "Lovely bakery corner",
      "Nice music in the store",
      "Cosy corner with nice music",
      "Bakery smells wonderful",
    ];
    const specs: { nps: number; text: string }[] = [];
    for (let i = 0; i < 40; i++) specs.push({ nps: i % 7, text: `${detractor[i % 4]} (${i})` });
    for (let i = 0; i < 40; i++) specs.push({ nps: 9 + (i % 2), text: `${promoter[i % 4]} (${i})` });
    // Covered by a theme (billing): never read by discovery, although they say "parking garage" too.
    for (let i = 0; i < 10; i++)
      specs.push({ nps: 2, text: `Parking garage full and then you charged me twice (${i})` });
    const clientIds = specs.map(() => randomUUID());
    for (let i = 0; i < specs.length; i += 20) {
      const results = await Promise.all(
        specs.slice(i, i + 20).map((sp, j) =>
          http("POST", `/api/v1/public/surveys/${s.publicId}/responses`, {
            body: {
              clientId: clientIds[i + j],
              answers: { nps: sp.nps, [textKey(sp.nps)]: sp.text, plan: "basic" },
              complete: true,
              locale: "en",
            },
            headers: respondent(`Mozilla/5.0 (suggest ${randomUUID()})`),
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    }
    const rows = await db.response.findMany({ where: { surveyId: s.id }, select: { id: true, comment: true } });
    const covered = new Set(rows.filter((r) => r.comment?.includes("charged")).map((r) => r.id));
    const uncoveredParking = rows.filter((r) => /parking garage/i.test(r.comment ?? "") && !covered.has(r.id));
    expect(covered.size).toBe(10);
    expect(uncoveredParking).toHaveLength(40);

    const res = await http("GET", "/api/v1/text/suggestions", { key: C.keys.manager });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ days: 90, capped: false, cap: 20000 });
    // The 10 covered comments are not read: 40 detractors and 40 promoters (the factory's response has no comment).
    expect(res.body.read).toEqual({ detractor: 40, promoter: 40, other: 0 });
    const phrases = res.body.suggestions.map((p: { phrase: string }) => p.phrase);
    expect(phrases).toContain("parking garage");
    const parking = res.body.suggestions.find((p: { phrase: string }) => p.phrase === "parking garage");
    expect(parking).toMatchObject({ language: "en", words: 2, detractors: 40, promoters: 0, comments: 40 });
    expect(parking.z).toBeGreaterThan(1.96);
    // "parking" and "garage" are in exactly the same comments: one finding, the pair leading (lib/text/discovery.ts).
    expect(parking.alternatives.map((a: { phrase: string }) => a.phrase)).toEqual(["garage", "parking"]);
    expect(phrases).not.toContain("parking");
    expect(phrases).not.toContain("garage");
    expect(parking.examples).toHaveLength(3);
    for (const e of parking.examples) {
      expect(covered.has(e.responseId)).toBe(false);
      expect(e.comment).toMatch(/parking garage/i);
    }
    // Nothing promoters say is suggested, and everything suggested is distinctive for detractors.
    expect(phrases.some((p: string) => /bakery|music|corner/.test(p))).toBe(false);
    expect(res.body.suggestions.every((p: { z: number }) => p.z >= 1.96)).toBe(true);

    // A period without those comments suggests nothing; another organization reads none of them.
    const old = await http("GET", "/api/v1/text/suggestions?days=1", { key: C.keys.manager });
    expect(old.status).toBe(200);
    await db.textAnalysis.updateMany({
      where: { orgId: C.orgId },
      data: { occurredAt: new Date(Date.now() - 10 * 86_400_000) },
    });
    const none = await http("GET", "/api/v1/text/suggestions?days=5", { key: C.keys.manager });
    expect(none.body).toMatchObject({ read: { detractor: 0, promoter: 0, other: 0 }, suggestions: [] });
    const b = await http("GET", "/api/v1/text/suggestions", { key: B.keys.manager });
    expect(b.body.suggestions.map((p: { phrase: string }) => p.phrase)).not.toContain("parking garage");

    // Accepting it is creating a theme with that phrase: the comments are then covered (after the re-tag).
    for (const role of ["viewer", "agent"] as const)
      expect((await http("GET", "/api/v1/text/suggestions", { key: C.keys[role] })).status).toBe(403);
    const bad = await http("GET", "/api/v1/text/suggestions?days=0", { key: C.keys.manager });
    expect(bad.status).toBe(400);
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["days"]);
  });
});
