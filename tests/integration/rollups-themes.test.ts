// The theme roll-ups (ThemeDaily, ThemeMonthly: analysed comments and theme mentions per day and month, docs/rollups.md
// "The theme roll-up") against the real database, SQLite or PostgreSQL:
// 1. any random sequence of writes — public ingestion with comments (the batch over HTTP and the one-response path
//    in process, partial responses, partial → complete with a new score), a re-analysis (the single path's and the
//    taxonomy change's background job: delete and insert), updates of a response's score, metric, day, touchpoint,
//    channel or survey, the erasure's anonymisation, retention's deletes, deleting a touchpoint, channel, survey or
//    answer, and hand-made updates of an analysis or a match — leaves it equal to a recomputation from the raw rows;
// 2. without any one of its eight triggers the same kind of write leaves it different (the check can fail);
// 3. the themes report, its trends, the touchpoint themes and the digest's theme changes give the same figures with
//    the roll-up, with `source: "raw"` and with ANALYTICS_ROLLUPS=off, for periods with mid-day edges and filters;
//    a count written only into the roll-up shows in a whole day (it is read) and a rebuild repairs it.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, provider, Prisma } from "@/lib/db";
import { anonymiseResponses } from "@/lib/privacy/erasure";
import { rebuildRollups, rollupDifferences } from "@/lib/rollups/rebuild";
import { saveResponse } from "@/lib/surveys/response-store";
import { surveyByPublicId } from "@/lib/surveys/survey-cache";
import { analyseStoredResponses } from "@/lib/text-analytics/store";
import { createTheme } from "@/lib/text-analytics/service";
import { runJobsTick } from "@/lib/jobs/runner";
import { getThemesReport, getThemeTrends, type ThemesFilters } from "@/lib/text-analytics/themes-report";
import { themesByTouchpoint } from "@/lib/text-analytics/touchpoint-themes";
import { digestThemes } from "@/lib/digest/themes";
import { createOrg, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http, respondent } from "./http";
import { coverage, differencesWithout, pick, rollupDimensions } from "./rollups-world";

const DAY = 86_400_000;
/** The days the runs move responses to: T0 − 2 days … T0 + 4 days. */
const T0 = Date.parse("2026-03-02T00:00:00Z");

const COMMENTS = [
  "You charged me twice and I waited 40 minutes on hold. Not good at all.",
  "Die Rechnung war falsch und der Kundenservice unfreundlich.",
  "Great staff, very friendly and quick delivery.",
  "The app keeps crashing when I pay my bill.",
  "Service rapide et personnel aimable.", // French: unsupported, not a comment in the figures
  "Nothing to add.",
];

let A: Org;
beforeAll(async () => {
  A = await createOrg("rollups-themes");
});

const themeDiff = async (orgId: string) => (await rollupDifferences(orgId)).filter((d) => d.table.startsWith("Theme"));

async function world(orgId: string) {
  const dims = await rollupDimensions(orgId);
  const surveys = [
    await createSurvey(orgId, { touchpointId: dims.touchpointIds[1] }),
    await createSurvey(orgId, { touchpointId: dims.touchpointIds[0] }),
  ];
  return { ...dims, surveys };
}
type World = Awaited<ReturnType<typeof world>>;

const answersOf = (nps: number, comment: number) => ({
  nps,
  ...(nps <= 6 ? { why_low: COMMENTS[comment] } : nps >= 9 ? { why_high: COMMENTS[comment] } : {}),
  plan: "pro",
});

const { tally, kinds } = coverage();

const opArb = fc.oneof(
  fc.record({
    kind: fc.constant("ingest" as const),
    rows: fc.array(fc.record({ nps: fc.integer({ min: 0, max: 10 }), comment: fc.nat(COMMENTS.length - 1) }), {
      minLength: 1,
      maxLength: 4,
    }),
    partial: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("single" as const),
    nps: fc.integer({ min: 0, max: 10 }),
    comment: fc.nat(COMMENTS.length - 1),
    survey: fc.nat(1),
  }),
  fc.record({ kind: fc.constant("resume" as const), nps: fc.integer({ min: 0, max: 10 }), comment: fc.nat(5) }),
  fc.record({ kind: fc.constant("reanalyse" as const), every: fc.integer({ min: 1, max: 3 }) }),
  fc.constant({ kind: "taxonomy" as const }),
  fc.record({
    kind: fc.constant("update" as const),
    every: fc.integer({ min: 1, max: 3 }),
    change: fc.oneof(
      fc.record({ field: fc.constant("score" as const), value: fc.option(fc.integer({ min: 0, max: 10 })) }),
      fc.record({ field: fc.constant("metric" as const), value: fc.constantFrom("nps", "csat", "ces", null) }),
      fc.record({ field: fc.constant("submittedAt" as const), value: fc.integer({ min: -2 * DAY, max: 4 * DAY }) }),
      fc.record({ field: fc.constantFrom("touchpointId" as const, "channelId" as const), value: fc.nat(2) }),
      fc.record({ field: fc.constant("surveyId" as const), value: fc.nat(1) }),
    ),
  }),
  fc.record({ kind: fc.constant("text" as const), every: fc.integer({ min: 1, max: 3 }), sentiment: fc.nat(2) }),
  fc.record({ kind: fc.constant("anonymise" as const), every: fc.integer({ min: 2, max: 4 }) }),
  fc.record({ kind: fc.constant("delete" as const), every: fc.integer({ min: 2, max: 4 }) }),
  fc.record({
    kind: fc.constant("drop" as const),
    what: fc.constantFrom("touchpoint" as const, "channel" as const, "answer" as const, "survey" as const),
    i: fc.nat(1),
  }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;
type Partial = { publicId: string; clientId: string; resumeToken: string };

async function runOp(op: Op, w: World, state: { partial: Partial[]; themes: number }) {
  const ids = async (every: number) =>
    (
      await db.response.findMany({
        where: { surveyId: { in: w.surveys.map((s) => s.id) } },
        select: { id: true },
        orderBy: { id: "asc" },
      })
    )
      .map((r) => r.id)
      .filter((_, i) => i % every === 0);
  switch (op.kind) {
    case "ingest": {
      // Concurrent respondents: the ingestion batch (multi-row inserts of responses, answers, analyses, matches).
      const survey = w.surveys[0];
      await Promise.all(
        op.rows.map(async ({ nps, comment }, i) => {
          const clientId = `ing-${randomUUID()}`;
          const res = await http("POST", `/api/v1/public/surveys/${survey.publicId}/responses`, {
            body: {
              clientId,
              answers: op.partial ? { nps } : answersOf(nps, comment),
              complete: !op.partial,
            },
            headers: respondent(`themes ${clientId} ${i}`),
          });
          if (res.status === 201) tally(op.partial ? "ingest partial" : "ingest complete");
          if (op.partial && res.status === 201)
            state.partial.push({ publicId: survey.publicId, clientId, resumeToken: res.body.resumeToken });
        }),
      );
      return;
    }
    case "single": {
      const live = await surveyByPublicId(w.surveys[op.survey].publicId, { fresh: true });
      if (!live) return; // its survey was deleted
      await saveResponse(
        live,
        { clientId: `one-${randomUUID()}`, answers: answersOf(op.nps, op.comment), complete: true },
        { userAgent: "test", ip: "127.0.0.1" },
      );
      tally("single");
      return;
    }
    case "resume": {
      // A partial response (one ingested earlier in the run, else a new one) completed with its comment.
      if (!state.partial.length)
        await runOp({ kind: "ingest", rows: [{ nps: 5, comment: 0 }], partial: true }, w, state);
      const p = state.partial.shift();
      if (!p) return;
      const res = await http("POST", `/api/v1/public/surveys/${p.publicId}/responses`, {
        body: {
          clientId: p.clientId,
          resumeToken: p.resumeToken,
          answers: answersOf(op.nps, op.comment),
          complete: true,
        },
        headers: respondent(`themes ${p.clientId} resume`),
      });
      if (res.status === 200 || res.status === 201) tally("resume");
      return;
    }
    case "reanalyse": {
      // The single path's re-analysis (a partial response continued): its analyses deleted and written again.
      const list = await ids(op.every);
      await db.$transaction((tx) => analyseStoredResponses(tx, A.orgId, list));
      if (list.length) tally("reanalyse");
      return;
    }
    case "taxonomy": {
      // A new theme: the background job re-analyses history (deletes and inserts in batches).
      const n = ++state.themes;
      await createTheme(A.ctx("manager"), {
        key: `t${n}-${randomUUID().slice(0, 6)}`,
        name: `Theme ${n} ${randomUUID().slice(0, 6)}`,
        phrases: { en: n % 2 ? ["staff", "crash"] : ["waited", "twice"], de: ["rechnung"] },
      });
      for (let i = 0; i < 20; i++) {
        const open = await db.backgroundJob.count({
          where: { orgId: A.orgId, kind: "text-analysis", status: { in: ["queued", "running"] } },
        });
        if (!open) break;
        await runJobsTick({ sliceMs: 0, orgId: A.orgId });
      }
      tally("taxonomy");
      return;
    }
    case "update": {
      const list = await ids(op.every);
      const c = op.change;
      const data =
        c.field === "score"
          ? { score: c.value }
          : c.field === "metric"
            ? { metric: c.value }
            : c.field === "submittedAt"
              ? { submittedAt: new Date(T0 + c.value) }
              : c.field === "surveyId"
                ? { surveyId: w.surveys[c.value].id }
                : { [c.field]: pick(c.field === "touchpointId" ? w.touchpointIds : w.channelIds, c.value) };
      if (c.field === "surveyId") {
        for (const id of list) await db.response.update({ where: { id }, data }).catch(() => undefined);
      } else await db.response.updateMany({ where: { id: { in: list } }, data });
      return;
    }
    case "text": {
      // Hand-made changes of stored analyses (no path of the application updates them): a sentiment, a language.
      const list = await ids(op.every);
      const sentiment = [-0.75, 0.125, 0.5][op.sentiment];
      await db.textThemeMatch.updateMany({ where: { responseId: { in: list } }, data: { sentiment } });
      await db.textAnalysis.updateMany({
        where: { responseId: { in: list.slice(0, 1) } },
        data: op.sentiment === 2 ? { language: "unsupported" } : { sentiment },
      });
      tally("text");
      return;
    }
    case "anonymise": {
      const list = await ids(op.every);
      await db.$transaction((tx) => anonymiseResponses(tx, list, new Date()));
      return;
    }
    case "delete": {
      const list = await ids(op.every);
      await db.response.deleteMany({ where: { id: { in: list } } }); // as the retention's "delete" mode does
      return;
    }
    case "drop": {
      if (op.what === "touchpoint") await db.touchpoint.deleteMany({ where: { id: w.touchpointIds[op.i] } });
      if (op.what === "channel") await db.channel.deleteMany({ where: { id: w.channelIds[op.i] } });
      if (op.what === "survey") await db.survey.deleteMany({ where: { id: w.surveys[1].id } });
      if (op.what === "answer") {
        const one = await db.answer.findFirst({
          where: {
            orgId: A.orgId,
            valueText: { not: null },
            response: { surveyId: { in: w.surveys.map((s) => s.id) } },
          },
          select: { id: true },
        });
        if (one) await db.answer.delete({ where: { id: one.id } }); // its analysis goes by the cascade
      }
      return;
    }
  }
}

describe("the theme roll-up follows every write", () => {
  it("equals a recomputation from the raw rows after any sequence of writes", async () => {
    const state = { partial: [] as Partial[], themes: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const w = await world(A.orgId);
        state.partial = [];
        for (const op of ops) {
          await runOp(op, w, state);
          if (!["ingest", "single", "resume", "reanalyse", "taxonomy", "text"].includes(op.kind)) tally(op.kind);
        }
        expect(await themeDiff(A.orgId)).toEqual([]);
      }),
      { numRuns: 12, seed: 20261205, endOnFailure: true },
    );
    expect(kinds()).toEqual([
      "anonymise",
      "delete",
      "drop",
      "ingest complete",
      "ingest partial",
      "reanalyse",
      "resume",
      "single",
      "taxonomy",
      "text",
      "update",
    ]);
    const [{ n, m }] = await db.$queryRaw<Array<{ n: number | bigint; m: number | bigint }>>`
      SELECT COUNT(*) AS n, SUM(CASE WHEN "themeKey" <> '' THEN 1 ELSE 0 END) AS m FROM "ThemeDaily" WHERE "orgId" = ${A.orgId}`;
    expect(Number(n)).toBeGreaterThan(0);
    expect(Number(m)).toBeGreaterThan(0);
  }, 600_000);

  it("counts racing writers exactly: a response completed while its analyses are replaced, either first", async () => {
    const w = await world(A.orgId);
    const live = (await surveyByPublicId(w.surveys[0].publicId, { fresh: true }))!;
    const clientId = `race-${randomUUID()}`;
    await saveResponse(
      live,
      { clientId, answers: answersOf(2, 0), complete: true },
      { userAgent: "t", ip: "127.0.0.1" },
    );
    const { id } = await db.response.findFirstOrThrow({ where: { surveyId: w.surveys[0].id, clientId } });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The response's new score first, its analyses replaced meanwhile (the job or the single path re-analysing it) …
    await Promise.all([
      db.$transaction(async (tx) => {
        await tx.response.update({ where: { id }, data: { score: 9 } });
        await pause(150); // holds the row while the re-analysis waits for it
      }),
      pause(40).then(() => db.$transaction((tx) => analyseStoredResponses(tx, A.orgId, [id]))),
    ]);
    expect(await themeDiff(A.orgId)).toEqual([]);
    // … and the other way round: without the lock on the response, the update would not see the new analyses.
    await Promise.all([
      db.$transaction(async (tx) => {
        await analyseStoredResponses(tx, A.orgId, [id]);
        await pause(150);
      }),
      pause(40).then(() => db.response.update({ where: { id }, data: { score: 4, touchpointId: w.touchpointIds[0] } })),
    ]);
    expect(await themeDiff(A.orgId)).toEqual([]);
    const rows = await db.themeDaily.findMany({ where: { orgId: A.orgId, surveyId: w.surveys[0].id, themeKey: "" } });
    expect(rows.map((r) => [r.score, r.touchpointId, r.count])).toEqual([[4, w.touchpointIds[0], 1]]);
  });

  it("forgets a deleted organization entirely (cascade)", async () => {
    const B = await createOrg("themes-gone");
    const w = await world(B.orgId);
    const live = (await surveyByPublicId(w.surveys[0].publicId, { fresh: true }))!;
    await saveResponse(
      live,
      { clientId: `gone-${randomUUID()}`, answers: answersOf(2, 0), complete: true },
      { userAgent: "test", ip: "127.0.0.1" },
    );
    const rows = () => db.$queryRaw<unknown[]>`SELECT "themeKey" FROM "ThemeDaily" WHERE "orgId" = ${B.orgId}`;
    expect((await rows()).length).toBeGreaterThan(1); // the comment and its themes
    await db.organization.delete({ where: { id: B.orgId } });
    expect(await rows()).toEqual([]);
  });
});

describe("the migration", () => {
  it("fills the roll-up from the comments already stored exactly as the triggers keep it (an upgrade keeps the figures)", async () => {
    // The fill statement of this database's migration, run on the rows the tests above wrote, in a transaction
    // rolled back afterwards: what an upgrade of an installation holding them would store.
    const dir = path.join(
      process.cwd(),
      provider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations",
    );
    const name = fs.readdirSync(dir).find((d) => d.endsWith("_theme_rollups"))!;
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const fill = sql.slice(sql.indexOf("-- The comments and mentions already stored."));
    expect(fill).toMatch(
      /^-- The comments and mentions already stored\.\nINSERT INTO "ThemeDaily"[^]*INSERT INTO "ThemeMonthly"/,
    );
    const ROLLBACK = new Error("rollback");
    let diff: unknown[] = ["not run"];
    let rows = 0;
    await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`DELETE FROM "ThemeDaily"`);
        await tx.$executeRawUnsafe(`DELETE FROM "ThemeMonthly"`);
        // Its two statements (ThemeDaily, ThemeMonthly), one at a time (PostgreSQL prepares one statement per call).
        for (const statement of fill
          .replace(/^--.*\n/, "")
          .split(/;\n/)
          .filter((q) => q.trim()))
          rows += await tx.$executeRawUnsafe(statement);
        diff = (await rollupDifferences(undefined, tx)).filter((d) => d.table.startsWith("Theme"));
        throw ROLLBACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
    expect(rows).toBeGreaterThan(0);
    expect(diff).toEqual([]);
  });
});

describe("the check can fail", () => {
  const TRIGGERS: Array<{
    name: string;
    table: string;
    write: (tx: Prisma.TransactionClient, id: string) => Promise<unknown>;
  }> = [
    {
      name: "ThemeRollups_analysis_insert",
      table: "TextAnalysis",
      write: (tx, id) => analyseStoredResponses(tx, A.orgId, [id]),
    },
    {
      name: "ThemeRollups_match_insert",
      table: "TextThemeMatch",
      write: (tx, id) => analyseStoredResponses(tx, A.orgId, [id]),
    },
    {
      name: "ThemeRollups_analysis_delete",
      table: "TextAnalysis",
      write: (tx, id) => tx.textAnalysis.deleteMany({ where: { responseId: id } }),
    },
    {
      name: "ThemeRollups_match_delete",
      table: "TextThemeMatch",
      write: (tx, id) => tx.textAnalysis.deleteMany({ where: { responseId: id } }),
    },
    {
      name: "ThemeRollups_analysis_update",
      table: "TextAnalysis",
      write: (tx, id) => tx.textAnalysis.updateMany({ where: { responseId: id }, data: { sentiment: 0.5 } }),
    },
    {
      name: "ThemeRollups_match_update",
      table: "TextThemeMatch",
      write: (tx, id) => tx.textThemeMatch.updateMany({ where: { responseId: id }, data: { sentiment: 0.5 } }),
    },
    {
      name: "ThemeRollups_response_update",
      table: "Response",
      write: (tx, id) => tx.response.update({ where: { id }, data: { score: 9 } }),
    },
    {
      name: "ThemeRollups_response_delete",
      table: "Response",
      write: (tx, id) => tx.response.delete({ where: { id } }),
    },
  ];

  it.each(TRIGGERS)("without $name the same kind of write leaves the roll-up different", async (t) => {
    const w = await world(A.orgId);
    const live = (await surveyByPublicId(w.surveys[0].publicId, { fresh: true }))!;
    const clientId = `fail-${randomUUID()}`;
    await saveResponse(
      live,
      { clientId, answers: answersOf(2, 0), complete: true },
      { userAgent: "test", ip: "127.0.0.1" },
    );
    const { id } = await db.response.findFirstOrThrow({
      where: { surveyId: w.surveys[0].id, clientId },
      select: { id: true },
    });
    expect(await themeDiff(A.orgId)).toEqual([]);
    const diff = await differencesWithout(t, A.orgId, (tx) => t.write(tx, id));
    expect(diff.filter((d) => d.table === "ThemeDaily").length).toBeGreaterThan(0);
    expect(diff.filter((d) => d.table === "ThemeMonthly").length).toBeGreaterThan(0);
    expect(await themeDiff(A.orgId)).toEqual([]); // rolled back
  });
});

describe("the figures are the same with the roll-up and without", () => {
  let E: Org;
  let w: World;
  afterEach(() => {
    delete process.env.ANALYTICS_ROLLUPS;
  });

  beforeAll(async () => {
    E = await createOrg("themes-equal");
    w = await world(E.orgId);
    const live = await Promise.all(w.surveys.map((s) => surveyByPublicId(s.publicId, { fresh: true })));
    // 120 responses spread over 9 days, mid-day times, both surveys, touchpoints, channels and every comment.
    for (let i = 0; i < 120; i++) {
      const clientId = `eq-${i}`;
      const nps = (i * 7) % 11;
      await saveResponse(
        live[i % 2]!,
        { clientId, answers: answersOf(nps, i % COMMENTS.length), complete: true },
        {
          userAgent: "test",
          ip: "127.0.0.1",
        },
      );
      await db.response.updateMany({
        where: { surveyId: w.surveys[i % 2].id, clientId },
        data: {
          submittedAt: new Date(T0 - 3 * DAY + ((i * 1_777_777_777) % (9 * DAY))),
          channelId: pick(w.channelIds, i % 3),
          touchpointId: pick(w.touchpointIds, (i >> 1) % 3),
          customerId: i % 4 === 0 ? E.ids.customer : null,
          ...(i % 10 === 9 ? { metric: "csat", score: 1 + (i % 5) } : {}),
        },
      });
    }
    await db.customerTag.create({ data: { orgId: E.orgId, customerId: E.ids.customer, tag: "vip" } });
    expect(await themeDiff(E.orgId)).toEqual([]);
  }, 300_000);

  const filterArb = fc.record({
    // Around the data, and at the end of March: a 30-day period then covers most of March and is read as the month
    // minus its days outside the period (lib/rollups/query.ts splitPeriod), which hold answers.
    now: fc.oneof(fc.integer({ min: -1 * DAY, max: 7 * DAY }), fc.integer({ min: 29 * DAY, max: 31 * DAY })),
    preset: fc.constantFrom("7d" as const, "30d" as const, "90d" as const, "12m" as const),
    metric: fc.constantFrom("nps" as const, "csat" as const),
    filter: fc.nat(5),
    i: fc.nat(1),
  });

  it("themes report, trends, touchpoint themes and digest: auto = raw = ANALYTICS_ROLLUPS=off", async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, async ({ now: at, preset, metric, filter, i }) => {
        const now = new Date(T0 + at + 12_345); // never a midnight
        const filters: ThemesFilters = {
          preset,
          metric,
          ...[
            {},
            { touchpointId: w.touchpointIds[i] },
            { channelId: w.channelIds[i] },
            { surveyId: w.surveys[i].id },
            { journeyId: w.journeyId },
            { segment: "vip" },
          ][filter],
        };
        const ctx = E.ctx("viewer");
        const period = { from: new Date(now.getTime() - 5 * DAY), to: now };
        const previous = { from: new Date(now.getTime() - 10 * DAY), to: period.from };
        const all = async (source?: "raw") => ({
          report: await getThemesReport(ctx, filters, now, { source }),
          trends: await getThemeTrends(ctx, filters, now, { source }),
          touchpoints: [
            ...(await themesByTouchpoint(
              ctx,
              w.touchpointIds,
              { channelId: filters.channelId, segment: filters.segment },
              period,
              {
                source,
              },
            )),
          ],
          digest: await digestThemes(ctx, period, previous),
        });
        const auto = await all();
        const raw = await all("raw");
        process.env.ANALYTICS_ROLLUPS = "off";
        const off = await all();
        delete process.env.ANALYTICS_ROLLUPS;
        expect(raw).toEqual(auto);
        expect(off).toEqual(auto);
      }),
      { numRuns: 25, seed: 51205 },
    );
    // Sanity: the figures are not empty.
    const report = await getThemesReport(E.ctx("viewer"), { preset: "30d" }, new Date(T0 + 6 * DAY));
    expect(report.comments).toBeGreaterThan(50);
    expect(report.themes.some((t) => t.mentions > 10)).toBe(true);
  }, 300_000);

  it("reads the roll-up for whole days (a count written only there shows) and a rebuild repairs it", async () => {
    const now = new Date(T0 + 5 * DAY + 3_600_000);
    const ctx = E.ctx("viewer");
    const before = await getThemesReport(ctx, { preset: "7d" }, now);
    // One more analysed comment on a whole day, in the roll-up only.
    await db.$executeRaw`INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId",
      "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
      VALUES (${E.orgId}, ${new Date(T0 + DAY)}, ${w.surveys[0].id}, 'nps', '', '', 10, '', 1, 500, 250000)`;
    expect((await getThemesReport(ctx, { preset: "7d" }, now)).comments).toBe(before.comments + 1);
    expect((await getThemesReport(ctx, { preset: "7d" }, now, { source: "raw" })).comments).toBe(before.comments);
    expect((await themeDiff(E.orgId)).length).toBe(1);
    await rebuildRollups(E.orgId);
    expect(await themeDiff(E.orgId)).toEqual([]);
    expect(await getThemesReport(ctx, { preset: "7d" }, now)).toEqual(before);
  });
});
