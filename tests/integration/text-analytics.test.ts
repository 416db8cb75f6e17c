// Stored text analyses (docs/text-analytics.md, "Stored analyses"): every free-text answer and interaction note is
// analysed in the transaction that writes it, on every write path — the ingestion batch, the single path and a partial
// response completed later, response and interaction imports, an interaction logged over the API, demo data — in the
// response's language (English, German; others "unsupported"), with the matched words as offsets into the text.
// History is analysed by a background job that resumes from its cursor and never analyses a text twice under two
// runners; a change of an organization's taxonomy re-analyses history; erasure takes the analyses with the texts.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runJobsTick, startJob } from "@/lib/jobs/runner";
import { TEXT_ANALYSIS_BATCH } from "@/lib/text-analytics/retag";
import { saveResponse } from "@/lib/surveys/response-store";
import { surveyByPublicId } from "@/lib/surveys/survey-cache";
import { eraseCustomer } from "@/lib/privacy/erasure";
import { ANALYSER_VERSION } from "@/lib/text-analytics/store";
import { createTheme, listThemes } from "@/lib/text-analytics/service";
import { MAX_THEMES } from "@/lib/text-analytics/schema";
import { generateDemoOrganization } from "@/lib/demo/generate";
import { DEMO_ORG_SLUG } from "@/lib/demo/generate";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http, respondent } from "./http";
import { postCsv } from "./import-client";

let A: Org;
let B: Org;
let survey: { id: string; publicId: string };

beforeAll(async () => {
  [A, B] = [await createOrg("text-a"), await createOrg("text-b")];
  await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } });
  survey = await createSurvey(A.orgId);
});

const COMPLAINT = "You charged me twice and I waited 40 minutes on hold. Not good at all.";
const GERMAN = "Die Rechnung war falsch und der Kundenservice unfreundlich.";

/** The analyses of a response's texts, with the matched words read back from the text by their offsets. */
async function analysesOf(responseId: string) {
  const rows = await db.textAnalysis.findMany({
    where: { responseId },
    include: { themes: true, answer: { select: { valueText: true } } },
  });
  return rows.map((r) => ({
    ...r,
    words: Object.fromEntries(
      r.themes.map((t) => [
        t.themeKey,
        (t.spans as [number, number][]).map(([s, e]) => r.answer!.valueText!.slice(s, e).toLowerCase()),
      ]),
    ),
  }));
}

const responseOf = (clientId: string) =>
  db.response.findFirstOrThrow({ where: { surveyId: survey.id, clientId }, select: { id: true, comment: true } });
const post = (body: unknown, ua = `Mozilla/5.0 (text ${randomUUID()})`) =>
  http("POST", `/api/v1/public/surveys/${survey.publicId}/responses`, { body, headers: respondent(ua) });

describe("analysed when written", () => {
  it("the ingestion batch: sentiment, label and themes with their spans, in the response's language", async () => {
    const en = `en-${uid()}`;
    const de = `de-${uid()}`;
    const fr = `fr-${uid()}`;
    const results = await Promise.all([
      post({ clientId: en, answers: { nps: 2, why_low: COMPLAINT, plan: "basic" }, complete: true, locale: "en" }),
      post({ clientId: de, answers: { nps: 3, why_low: GERMAN, plan: "basic" }, complete: true, locale: "de-AT" }),
      post({
        clientId: fr,
        answers: { nps: 3, why_low: "Service lent.", plan: "basic" },
        complete: true,
        locale: "fr",
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);

    const [english] = await analysesOf((await responseOf(en)).id);
    expect(english).toMatchObject({
      orgId: A.orgId,
      source: "answer",
      isComment: true,
      language: "en",
      label: "negative",
      analyserVersion: ANALYSER_VERSION,
      taxonomyVersion: 0,
    });
    expect(english.sentiment).toBeLessThan(-0.2);
    expect(english.words).toMatchObject({ billing: ["charged"], "waiting-time": expect.arrayContaining(["on hold"]) });
    // The copies that make "mentions of a theme in a period" an index read.
    expect(english.themes.every((t) => t.responseId === english.responseId && t.isComment)).toBe(true);
    expect(english.themes[0].occurredAt).toEqual(english.occurredAt);

    const [german] = await analysesOf((await responseOf(de)).id);
    expect(german).toMatchObject({ language: "de", label: "negative" });
    expect(german.words.billing).toEqual(["rechnung"]);

    const [french] = await analysesOf((await responseOf(fr)).id);
    expect(french).toMatchObject({ language: "unsupported", label: "unsupported", sentiment: null, themes: [] });
  });

  it("the single path, and a partial response whose comment comes later", async () => {
    const live = (await surveyByPublicId(survey.publicId, { fresh: true }))!;
    const meta = { userAgent: "test", ip: "127.0.0.1" };
    const single = `single-${uid()}`;
    await saveResponse(
      live,
      { clientId: single, answers: { nps: 9, why_high: "Friendly staff, easy app.", plan: "pro" }, complete: true },
      meta,
    );
    const [one] = await analysesOf((await responseOf(single)).id);
    // No locale sent: the organization's default language, else English.
    expect(one).toMatchObject({ language: "en", label: "positive" });
    expect(Object.keys(one.words).sort()).toEqual(["app-website", "ease", "staff"]);

    const partial = `partial-${uid()}`;
    const first = await saveResponse(live, { clientId: partial, answers: { nps: 1 }, complete: false }, meta);
    const { id } = await responseOf(partial);
    expect(await db.textAnalysis.count({ where: { responseId: id } })).toBe(0);
    const resumeToken = (first.response as { resumeToken: string }).resumeToken;
    await saveResponse(
      live,
      { clientId: partial, answers: { nps: 1, why_low: COMPLAINT, plan: "pro" }, complete: true, resumeToken },
      meta,
    );
    const [later] = await analysesOf(id);
    expect(later).toMatchObject({ label: "negative", isComment: true });
    expect(Object.keys(later.words)).toEqual(expect.arrayContaining(["billing", "waiting-time"]));
  });

  it("response and interaction imports", async () => {
    const p = uid();
    const responses = [
      "clientId,submittedAt,locale,nps,why_low,plan",
      `${p}-1,2025-04-01T08:00:00Z,de,2,"Die Kontoführungsgebühren sind eine Frechheit.",basic`,
      `${p}-2,2025-04-02T08:00:00Z,en,8,,basic`,
    ].join("\n");
    const r = await postCsv("/api/v1/imports/responses", A.keys.manager, responses, { surveyId: survey.id });
    expect(r.result, JSON.stringify(r.result)).toMatchObject({ inserted: 2 });
    const [imported] = await analysesOf((await responseOf(`${p}-1`)).id);
    expect(imported).toMatchObject({ language: "de", label: "negative", occurredAt: new Date("2025-04-01T08:00:00Z") });
    expect(Object.keys(imported.words)).toEqual(["billing"]);
    expect(await db.textAnalysis.count({ where: { responseId: (await responseOf(`${p}-2`)).id } })).toBe(0);

    const customer = await db.customer.findUniqueOrThrow({ where: { id: A.ids.customer } });
    const notes = [
      "customer,occurredAt,outcome,note,clientId",
      `${customer.externalId},2025-03-01T09:00:00Z,resolved,"Customer was happy, the engineer arrived on time.",${p}-n1`,
      `${customer.externalId},2025-03-02T09:00:00Z,resolved,,${p}-n2`,
    ].join("\n");
    expect((await postCsv("/api/v1/imports/interactions", A.keys.manager, notes)).result).toMatchObject({
      inserted: 2,
    });
    const rows = await db.interaction.findMany({
      where: { orgId: A.orgId, clientId: { in: [`${p}-n1`, `${p}-n2`] } },
      include: { textAnalysis: true },
      orderBy: { clientId: "asc" },
    });
    expect(rows[0].textAnalysis).toMatchObject({ source: "note", language: "en", label: "positive" });
    expect(rows[1].textAnalysis).toBeNull(); // no note, nothing to analyse
  });

  it("an interaction logged over the API (the log form posts there too)", async () => {
    const res = await http("POST", "/api/v1/interactions", {
      key: A.keys.agent,
      body: {
        customerId: A.ids.customer,
        outcome: "follow_up",
        note: "Angry about the late delivery, wants a refund.",
      },
    });
    expect(res.status).toBe(201);
    const analysis = await db.textAnalysis.findUniqueOrThrow({
      where: { interactionId: res.body.id },
      include: { themes: true },
    });
    expect(analysis).toMatchObject({ source: "note", label: "negative", responseId: null });
    expect(analysis.themes.map((t) => t.themeKey).sort()).toEqual(["billing", "delivery-installation"]);
  });

  it("demo data: every comment and note of the generated organization is analysed", async () => {
    await db.organization.deleteMany({ where: { slug: DEMO_ORG_SLUG } });
    const demo = await generateDemoOrganization(db, { seed: 3, scale: 0.02, demoLogins: false });
    const [texts, notes, analyses] = await Promise.all([
      db.answer.count({ where: { orgId: demo.orgId, valueText: { not: null } } }),
      db.interaction.count({ where: { orgId: demo.orgId, note: { not: null } } }),
      db.textAnalysis.count({ where: { orgId: demo.orgId } }),
    ]);
    expect(texts).toBeGreaterThan(20);
    expect(analyses).toBe(texts + notes);
    expect(await db.textThemeMatch.count({ where: { orgId: demo.orgId } })).toBeGreaterThan(0);
    await db.organization.delete({ where: { id: demo.orgId } });
  }, 120_000);
});

describe("an analysis never outlives its text", () => {
  it("erasing a customer takes the analyses of their answers and notes; deleting a response takes its own", async () => {
    const customer = await db.customer.create({ data: { orgId: A.orgId, name: "Erin Erase", externalId: uid() } });
    const clientId = `erase-${uid()}`;
    const live = (await surveyByPublicId(survey.publicId, { fresh: true }))!;
    const meta = { userAgent: "test", ip: "127.0.0.1" };
    await db.customer.update({ where: { id: customer.id }, data: {} });
    await saveResponse(
      live,
      { clientId, answers: { nps: 2, why_low: COMPLAINT, plan: "basic" }, complete: true },
      meta,
    );
    const { id } = await responseOf(clientId);
    await db.response.update({ where: { id }, data: { customerId: customer.id } });
    const logged = await http("POST", "/api/v1/interactions", {
      key: A.keys.agent,
      body: { customerId: customer.id, outcome: "resolved", note: "Complained about the bill." },
    });
    expect(
      await db.textAnalysis.count({ where: { OR: [{ responseId: id }, { interactionId: logged.body.id }] } }),
    ).toBe(2);
    await eraseCustomer(A.ctx("admin"), customer.id, { confirm: "ERASE" });
    expect(
      await db.textAnalysis.count({ where: { OR: [{ responseId: id }, { interactionId: logged.body.id }] } }),
    ).toBe(0);
    expect(
      await db.textThemeMatch.count({ where: { OR: [{ responseId: id }, { interactionId: logged.body.id }] } }),
    ).toBe(0);

    const other = `delete-${uid()}`;
    await saveResponse(
      live,
      { clientId: other, answers: { nps: 2, why_low: COMPLAINT, plan: "basic" }, complete: true },
      meta,
    );
    const gone = await responseOf(other);
    expect(await db.textThemeMatch.count({ where: { responseId: gone.id } })).toBeGreaterThan(0);
    await db.response.delete({ where: { id: gone.id } }); // as the retention policy's "delete" does
    expect(await db.textAnalysis.count({ where: { responseId: gone.id } })).toBe(0);
    expect(await db.textThemeMatch.count({ where: { responseId: gone.id } })).toBe(0);
  });
});

describe("analysing history", () => {
  let H: Org;
  const BULK = TEXT_ANALYSIS_BATCH + 120; // more than one batch (of 1,000)
  let historySurvey: string;

  beforeAll(async () => {
    H = await createOrg("text-history");
    historySurvey = (await createSurvey(H.orgId)).id;
    const question = await db.surveyQuestion.findFirstOrThrow({ where: { surveyId: historySurvey, key: "why_low" } });
    // History written before text analytics (no analyses): responses with a comment, and notes.
    for (let i = 0; i < BULK; i++) {
      const text = i % 2 ? `Hotline kept me on hold, case ${i}.` : `Great staff, thank you (${i}).`;
      await db.response.create({
        data: {
          orgId: H.orgId,
          surveyId: historySurvey,
          clientId: `h-${i}`,
          metric: "nps",
          score: i % 2 ? 3 : 10,
          category: i % 2 ? "detractor" : "promoter",
          comment: text,
          hasComment: true,
          locale: "en",
          answers: { create: { orgId: H.orgId, questionId: question.id, valueText: text } },
        },
      });
    }
    await db.interaction.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        orgId: H.orgId,
        customerId: H.ids.customer,
        occurredAt: new Date(),
        outcome: "resolved",
        note: `Called about the hotline ${i}`,
      })),
    });
  }, 120_000);

  const texts = async () =>
    (await db.answer.count({ where: { orgId: H.orgId, valueText: { not: null } } })) +
    (await db.interaction.count({ where: { orgId: H.orgId, note: { not: null } } }));

  it("managers start and follow it; others are refused; a second start answers the running job", async () => {
    for (const role of ["viewer", "agent"] as const) {
      expect((await http("POST", "/api/v1/text/analysis", { key: H.keys[role] })).status).toBe(403);
      expect((await http("GET", "/api/v1/text/analysis", { key: H.keys[role] })).status).toBe(403);
    }
    const status = await http("GET", "/api/v1/text/analysis", { key: H.keys.manager });
    expect(status.body).toMatchObject({ version: 0, job: null, pending: await texts() });
    const first = await http("POST", "/api/v1/text/analysis", { key: H.keys.manager });
    expect(first.status).toBe(202);
    expect(first.body.job).toMatchObject({ kind: "text-analysis", status: "queued", done: 0, total: await texts() });
    const again = await http("POST", "/api/v1/text/analysis", { key: H.keys.manager });
    expect(again.status).toBe(200);
    expect(again.body.job.id).toBe(first.body.job.id);
  });

  it("resumes after its instance died, never analyses a text twice under two runners, and analyses every text", async () => {
    const total = await texts();
    await runJobsTick({ sliceMs: 0, orgId: H.orgId }); // one batch
    const half = await db.backgroundJob.findFirstOrThrow({ where: { orgId: H.orgId, kind: "text-analysis" } });
    expect(half.done).toBe(TEXT_ANALYSIS_BATCH);
    expect(await db.textAnalysis.count({ where: { orgId: H.orgId } })).toBe(TEXT_ANALYSIS_BATCH);
    // An instance takes the job and dies mid-batch: its lease is held and its batch never committed.
    await db.backgroundJob.update({
      where: { id: half.id },
      data: { leaseOwner: "w-dead#1", leaseExpiresAt: new Date(Date.now() + 60_000) },
    });
    await runJobsTick({ sliceMs: 0, orgId: H.orgId });
    expect((await db.backgroundJob.findUniqueOrThrow({ where: { id: half.id } })).done).toBe(TEXT_ANALYSIS_BATCH); // held: nothing done
    await db.backgroundJob.update({ where: { id: half.id }, data: { leaseExpiresAt: new Date(Date.now() - 1) } });
    // The lease expired: two runners race from the cursor.
    for (let i = 0; i < 20; i++) {
      const job = await db.backgroundJob.findUniqueOrThrow({ where: { id: half.id } });
      if (job.status === "done") break;
      await Promise.all([runJobsTick({ sliceMs: 0, orgId: H.orgId }), runJobsTick({ sliceMs: 0, orgId: H.orgId })]);
    }
    const job = await db.backgroundJob.findUniqueOrThrow({ where: { id: half.id } });
    expect(job).toMatchObject({ status: "done", done: total, total });
    expect(job.result).toEqual({ analysed: total }); // each text exactly once
    expect(await db.textAnalysis.count({ where: { orgId: H.orgId } })).toBe(total);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: H.orgId, action: "text.analysed" } });
    expect(audit).toMatchObject({ entityId: job.id, data: { done: total, result: { analysed: total } } });
    // Nothing left: starting again analyses nothing.
    expect((await http("GET", "/api/v1/text/analysis", { key: H.keys.manager })).body.pending).toBe(0);
  });

  it("a change of the taxonomy re-analyses history: a new theme is found in old comments, an archived one leaves", async () => {
    const total = await texts();
    const created = await http("POST", "/api/v1/text/themes", {
      key: H.keys.manager,
      body: { key: "hotline", name: "Hotline", phrases: { en: ["hotline"], de: ["*hotline*"] } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: "hotline", archived: false, phrases: { en: ["hotline"] } });
    const queued = await db.backgroundJob.findFirstOrThrow({
      where: { orgId: H.orgId, kind: "text-analysis", status: "queued" },
    });
    expect(queued.total).toBe(total); // everything was analysed with version 0
    expect((await http("GET", "/api/v1/text/analysis", { key: H.keys.manager })).body).toMatchObject({
      version: 1,
      pending: total,
    });
    const staff = (await http("GET", "/api/v1/text/themes", { key: H.keys.viewer })).body.themes.find(
      (t: { key: string }) => t.key === "staff",
    );
    // Two managers change it at once: one more version each, still one job.
    const [r1, r2] = await Promise.all([
      http("PATCH", `/api/v1/text/themes/${staff.id}`, { key: H.keys.manager, body: { archived: true } }),
      http("PATCH", `/api/v1/text/themes/${created.body.id}`, {
        key: H.keys.admin,
        body: { phrases: { en: ["hotline", "kept me on hold"], de: [] } },
      }),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(await db.backgroundJob.count({ where: { orgId: H.orgId, status: { in: ["queued", "running"] } } })).toBe(1);
    for (let i = 0; i < 20; i++) {
      if ((await db.backgroundJob.findUniqueOrThrow({ where: { id: queued.id } })).status === "done") break;
      await runJobsTick({ sliceMs: 0, orgId: H.orgId });
    }
    const done = await db.backgroundJob.findUniqueOrThrow({ where: { id: queued.id } });
    expect(done.status).toBe("done");
    expect(await db.textAnalysis.count({ where: { orgId: H.orgId, taxonomyVersion: 3 } })).toBe(total);
    const themes = await db.textThemeMatch.groupBy({
      by: ["themeKey"],
      where: { orgId: H.orgId },
      _count: { _all: true },
    });
    const byKey = Object.fromEntries(themes.map((t) => [t.themeKey, t._count._all]));
    expect(byKey.hotline).toBe(BULK / 2 + 30); // the detractors' comments and every note
    expect(byKey.staff).toBeUndefined(); // archived: matches nothing any more
    const one = await db.textThemeMatch.findFirstOrThrow({
      where: { orgId: H.orgId, themeKey: "hotline", source: "answer" },
    });
    expect(one.spans).toEqual([
      [0, 7],
      [8, 23],
    ]); // "Hotline", "kept me on hold"
  });

  it("a batch takes only the texts not at the current versions: an older analysis is replaced, a current one kept", async () => {
    const before = await db.textAnalysis.findMany({
      where: { orgId: H.orgId, source: "answer" },
      orderBy: { answerId: "asc" },
      select: { id: true, answerId: true },
    });
    const [older, missing] = [before[10]!, before[500]!];
    await db.textAnalysis.update({ where: { id: older.id }, data: { taxonomyVersion: 2 } });
    await db.textAnalysis.delete({ where: { id: missing.id } });
    const { job } = await startJob(H.orgId, "text-analysis", null);
    expect(job.total).toBe(2);
    for (let i = 0; i < 10; i++) {
      if ((await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } })).status === "done") break;
      await runJobsTick({ sliceMs: 0, orgId: H.orgId });
    }
    const done = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "done", done: 2, result: { analysed: 2 } });
    const after = await db.textAnalysis.findMany({
      where: { orgId: H.orgId, source: "answer" },
      orderBy: { answerId: "asc" },
      select: { id: true, answerId: true, taxonomyVersion: true },
    });
    expect(after.map((a) => a.answerId)).toEqual(before.map((a) => a.answerId)); // one analysis per answer again
    const changed = after.filter((a, i) => a.id !== before[i]!.id).map((a) => a.answerId);
    expect(changed).toEqual([older.answerId, missing.answerId]); // every other analysis untouched
    expect(after.every((a) => a.taxonomyVersion === 3)).toBe(true);
  });
});

describe("the taxonomy API", () => {
  it("validates every field, refuses other roles, and another organization's theme is a 404", async () => {
    const bad = await http("POST", "/api/v1/text/themes", {
      key: A.keys.manager,
      body: { key: "Bad Key", name: "", phrases: { en: ["ok", "ok"], de: ["*ab", "zwei *wörter"] }, extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual(
      ["body", "key", "name", "phrases.de.0", "phrases.de.1", "phrases.en.1"].sort(),
    );
    const dup = await http("POST", "/api/v1/text/themes", {
      key: A.keys.manager,
      body: { key: "billing", name: "Billing again", phrases: { en: ["invoice"] } },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.invalid_params).toEqual([{ name: "key", reason: "Another theme has this key", in: "body" }]);
    expect((await http("POST", "/api/v1/text/themes", { key: A.keys.agent, body: {} })).status).toBe(403);

    const list = await http("GET", "/api/v1/text/themes", { key: B.keys.viewer });
    const foreign = list.body.themes[0];
    const before = await db.textTheme.findUniqueOrThrow({ where: { id: foreign.id }, include: { phrases: true } });
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const res = await http(method, `/api/v1/text/themes/${foreign.id}`, {
        key: A.keys.admin,
        body: method === "PATCH" ? { name: "Taken over" } : undefined,
      });
      expect(res.status, method).toBe(404);
    }
    expect(await db.textTheme.findUniqueOrThrow({ where: { id: foreign.id }, include: { phrases: true } })).toEqual(
      before,
    );
  });

  it("keeps an organization's taxonomy bounded: the theme past the limit is refused and nothing changes", async () => {
    const C = await createOrg("text-cap");
    const ctx = C.ctx("manager");
    const { themes } = await listThemes(ctx); // the starter taxonomy, copied in
    await db.textTheme.createMany({
      data: Array.from({ length: MAX_THEMES - themes.length }, (_, i) => ({
        orgId: C.orgId,
        key: `filler-${i}`,
        name: `Filler ${i}`,
        position: 1000 + i,
      })),
    });
    const version = (await listThemes(ctx)).version;
    await expect(
      createTheme(ctx, { key: "one-more", name: "One more", phrases: { en: ["more"], de: [] } }),
    ).rejects.toMatchObject({
      status: 400,
      invalidParams: [
        { name: "key", reason: `At most ${MAX_THEMES} themes (archived ones count): delete one first`, in: "body" },
      ],
    });
    expect(await db.textTheme.count({ where: { orgId: C.orgId } })).toBe(MAX_THEMES);
    expect((await listThemes(ctx)).version).toBe(version);
  });

  it("a rename changes nothing stored; a delete re-analyses", async () => {
    const { themes, version } = (await http("GET", "/api/v1/text/themes", { key: A.keys.manager })).body;
    const price = themes.find((t: { key: string }) => t.key === "price");
    const renamed = await http("PATCH", `/api/v1/text/themes/${price.id}`, {
      key: A.keys.manager,
      body: { name: "Prices" },
    });
    expect(renamed.body).toMatchObject({ name: "Prices", key: "price" });
    expect((await http("GET", "/api/v1/text/themes", { key: A.keys.manager })).body.version).toBe(version);
    const deleted = await http("DELETE", `/api/v1/text/themes/${price.id}`, { key: A.keys.manager });
    expect(deleted.status).toBe(204);
    expect((await http("GET", "/api/v1/text/themes", { key: A.keys.manager })).body.version).toBe(version + 1);
    expect((await http("GET", `/api/v1/text/themes/${price.id}`, { key: A.keys.manager })).status).toBe(404);
  });
});

describe("a taxonomy changed by another instance", () => {
  it("is used by the next write here: the INSERT checks the version this process remembered", async () => {
    const live = (await surveyByPublicId(survey.publicId, { fresh: true }))!;
    const meta = { userAgent: "test", ip: "127.0.0.1" };
    const write = async (text: string) => {
      const clientId = `instance-${uid()}`;
      await saveResponse(live, { clientId, answers: { nps: 9, why_high: text, plan: "pro" }, complete: true }, meta);
      return (await analysesOf((await responseOf(clientId)).id))[0];
    };
    const before = await write("A zebra crossing outside the shop."); // this process now remembers the taxonomy
    expect(before.themes).toEqual([]);
    // Another instance adds a theme: rows and the version, nothing this process hears of.
    const theme = await db.textTheme.create({
      data: { orgId: A.orgId, key: `zebra-${uid()}`.toLowerCase(), name: "Zebra", position: 99 },
    });
    await db.textThemePhrase.create({ data: { orgId: A.orgId, themeId: theme.id, language: "en", phrase: "zebra" } });
    const { version } = await db.textTaxonomy.update({
      where: { orgId: A.orgId },
      data: { version: { increment: 1 } },
    });
    const after = await write("Another zebra crossing.");
    expect(after.taxonomyVersion).toBe(version);
    expect(Object.keys(after.words)).toEqual([theme.key]);
  });
});
