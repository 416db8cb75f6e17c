// The survey builder over real HTTP: create from every template, edit, publish, answer through the public
// API, then the versioning policy (answered questions locked, removed ones archived, version bumped, old
// responses keep theirs), bad input that changes nothing, the organization boundary and the roles.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, type Org } from "../factories";
import { http } from "./http";

let A: Org;
let B: Org;

beforeAll(async () => {
  [A, B] = [await createOrg("builder-a"), await createOrg("builder-b")];
});

type Q = {
  id: string;
  key: string;
  text: Record<string, string>;
  scaleMin: number | null;
  scaleMax: number | null;
  locked: boolean;
  answerCount: number;
  [k: string]: unknown;
};
const names = (res: { body: { invalid_params?: { name: string }[] } }) =>
  (res.body.invalid_params ?? []).map((p) => p.name).sort();
const create = (body: unknown, key = A.keys.manager) => http("POST", "/api/v1/surveys", { key, body });
const put = (id: string, questions: unknown[], key = A.keys.manager) =>
  http("PUT", `/api/v1/surveys/${id}/questions`, { key, body: { questions } });
const answer = (publicId: string, answers: Record<string, unknown>) =>
  http("POST", `/api/v1/public/surveys/${publicId}/responses`, {
    body: { clientId: `t-${randomUUID()}`, answers, complete: true },
    headers: { "user-agent": "vitest" },
  });
const auditCount = (id: string) => db.auditEvent.count({ where: { entityType: "Survey", entityId: id } });

describe("creating surveys from templates", () => {
  it.each([
    ["nps", 3, "nps"],
    ["csat", 2, "csat"],
    ["ces", 2, "ces"],
    ["servqual", 10, "exp_tangibles"],
    ["custom", 0, undefined],
  ])("%s → a draft with %i questions in every language", async (template, count, firstKey) => {
    const res = await create({
      name: `${template} survey`,
      template,
      languages: ["en", "de"],
      touchpointId: A.ids.touchpoint,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: template,
      status: "draft",
      version: 1,
      languages: ["en", "de"],
      defaultLocale: "en",
      touchpoint: { id: A.ids.touchpoint },
    });
    expect(res.body.questions).toHaveLength(count);
    expect(res.body.questions[0]?.key).toBe(firstKey);
    for (const q of res.body.questions as Q[]) expect(Object.keys(q.text).sort()).toEqual(["de", "en"]);
    expect(res.body.publicId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await db.auditEvent.findFirst({ where: { entityId: res.body.id, action: "survey.created" } })).toMatchObject(
      { orgId: A.orgId, apiKeyId: expect.any(String) },
    );
  });

  it("refuses another organization's touchpoint and bad fields, naming them, and stores nothing", async () => {
    const before = await db.survey.count({ where: { orgId: A.orgId } });
    const foreign = await create({ name: "x", template: "nps", touchpointId: B.ids.touchpoint });
    expect(foreign.status).toBe(400);
    expect(names(foreign)).toEqual(["touchpointId"]);
    const bad = await create({ name: " ", template: "quiz", languages: ["en", "not a tag"] });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(names(bad)).toEqual(["languages.1", "name", "template"]);
    expect(await db.survey.count({ where: { orgId: A.orgId } })).toBe(before);
  });
});

describe("edit → publish → answer → edit again (versioning)", () => {
  it("locks answered questions, archives removed ones, bumps the version and keeps old responses' version", async () => {
    const created = await create({ name: "Support NPS", template: "nps", languages: ["en", "de"] });
    const id: string = created.body.id;
    const publicId: string = created.body.publicId;
    let questions: Q[] = created.body.questions;

    // Draft edits: wording, a new choice question; no version bump while draft.
    questions[0] = {
      ...questions[0],
      text: { en: "Would you recommend our support?", de: "Würden Sie unseren Support empfehlen?" },
    };
    const plan = {
      key: "plan",
      type: "single_choice",
      required: false,
      text: { en: "Plan?", de: "Tarif?" },
      options: [
        { key: "basic", label: { en: "Basic", de: "Basis" } },
        { key: "pro", label: { en: "Pro", de: "Profi" } },
      ],
    };
    let res = await put(id, [...questions, plan]);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    questions = res.body.questions;
    expect(questions.map((q) => q.key)).toEqual(["nps", "reason", "what_went_wrong", "plan"]);

    expect(
      (
        await http("PATCH", `/api/v1/surveys/${id}`, {
          key: A.keys.manager,
          body: { touchpointId: A.ids.touchpoint, name: "Support NPS 2026" },
        })
      ).status,
    ).toBe(200);
    expect((await http("GET", `/api/v1/public/surveys/${publicId}`)).status).toBe(404); // still a draft
    res = await http("POST", `/api/v1/surveys/${id}/publish`, { key: A.keys.manager });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "live", touchpoint: { id: A.ids.touchpoint }, name: "Support NPS 2026" });
    expect(res.body.publishedAt).toBeTruthy();
    const again = await http("POST", `/api/v1/surveys/${id}/publish`, { key: A.keys.manager });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe("Only a draft survey can be published; this one is live.");

    const served = await http("GET", `/api/v1/public/surveys/${publicId}?lang=de`);
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    expect(served.body.questions[0].text).toBe("Würden Sie unseren Support empfehlen?");
    const answered = await answer(publicId, { nps: 3, reason: "Slow", what_went_wrong: "Waited an hour", plan: "pro" });
    expect(answered.status).toBe(201);
    const oldResponse = await db.response.findFirstOrThrow({ where: { surveyId: id } });
    expect(oldResponse).toMatchObject({ surveyVersion: 1, score: 3, category: "detractor" });

    expect((await http("GET", `/api/v1/surveys/${id}`, { key: A.keys.viewer })).status).toBe(200);
    // A live survey cannot lose all its questions.
    const emptied = await put(id, []);
    expect(emptied.status).toBe(400);
    expect(names(emptied)).toEqual(["questions"]);
    expect(await db.surveyQuestion.count({ where: { surveyId: id, archivedAt: null } })).toBe(4);

    // The editor's view marks answered questions locked.
    const view = (
      await http("PATCH", `/api/v1/surveys/${id}`, { key: A.keys.manager, body: { name: "Support NPS 2026" } })
    ).body;
    questions = view.questions;
    expect(questions.map((q) => [q.key, q.locked])).toEqual([
      ["nps", true],
      ["reason", true],
      ["what_went_wrong", true],
      ["plan", true],
    ]);

    // Structural edits to an answered question are refused with 409 naming each field; nothing changes.
    const snapshot = await db.surveyQuestion.findMany({ where: { surveyId: id }, orderBy: { position: "asc" } });
    const refused = await put(id, [
      questions[0],
      questions[1],
      questions[2],
      {
        ...questions[3],
        key: "tier",
        options: [
          (questions[3].options as unknown[])[1],
          { key: "enterprise", label: { en: "Enterprise", de: "Enterprise" } },
        ],
      },
    ]);
    expect(refused.status).toBe(409);
    expect(names(refused)).toEqual(["questions.3.key", "questions.3.options"]);
    expect(refused.body.invalid_params[0].reason).toContain('"plan"');
    expect(await db.surveyQuestion.findMany({ where: { surveyId: id }, orderBy: { position: "asc" } })).toEqual(
      snapshot,
    );
    expect((await db.survey.findUniqueOrThrow({ where: { id } })).version).toBe(1);

    // Wording only: allowed, no version bump.
    res = await put(id, [
      { ...questions[0], text: { en: "Would you recommend us?", de: "Würden Sie uns empfehlen?" } },
      ...questions.slice(1),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);

    // Remove the answered "plan" and add a new question: plan is archived (its answer stays), version 2.
    questions = res.body.questions;
    res = await put(id, [
      ...questions.slice(0, 3),
      { key: "channel_used", type: "yes_no", text: { en: "Did you call?", de: "Haben Sie angerufen?" } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.questions.map((q: Q) => q.key)).toEqual(["nps", "reason", "what_went_wrong", "channel_used"]);
    const archived = await db.surveyQuestion.findFirstOrThrow({ where: { surveyId: id, key: "plan" } });
    expect(archived.archivedAt).not.toBeNull();
    expect(await db.answer.count({ where: { questionId: archived.id } })).toBe(1);
    // its key stays taken
    const reuse = await put(id, [...res.body.questions, { key: "plan", type: "text", text: { en: "x", de: "y" } }]);
    expect(reuse.status).toBe(400);
    expect(names(reuse)).toEqual(["questions.4.key"]);

    // New answers carry version 2; the old response keeps version 1.
    expect((await answer(publicId, { nps: 10, channel_used: true })).status).toBe(201);
    const versions = (await db.response.findMany({ where: { surveyId: id }, orderBy: { createdAt: "asc" } })).map(
      (r) => r.surveyVersion,
    );
    expect(versions).toEqual([1, 2]);
    expect(
      (await http("GET", `/api/v1/public/surveys/${publicId}`)).body.questions.map((q: { key: string }) => q.key),
    ).toEqual(["nps", "reason", "what_went_wrong", "channel_used"]);

    // close → 410 for respondents; reopen → live again.
    expect((await http("POST", `/api/v1/surveys/${id}/close`, { key: A.keys.manager })).body.status).toBe("closed");
    expect((await answer(publicId, { nps: 9 })).status).toBe(410);
    expect((await http("POST", `/api/v1/surveys/${id}/reopen`, { key: A.keys.admin })).body.status).toBe("live");
    expect((await answer(publicId, { nps: 9 })).status).toBe(201);
    const actions = (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "survey.created",
        "survey.updated",
        "survey.questions_replaced",
        "survey.published",
        "survey.closed",
        "survey.reopened",
      ]),
    );
  });
});

describe("bad input changes nothing", () => {
  it("names each invalid question field (skip logic, options, texts, scale) and keeps the stored list", async () => {
    const created = await create({ name: "Bad edits", template: "csat", languages: ["en", "de"] });
    const id: string = created.body.id;
    const qs: Q[] = created.body.questions;
    const before = await db.surveyQuestion.findMany({ where: { surveyId: id }, orderBy: { position: "asc" } });
    const audits = await auditCount(id);
    const res = await put(id, [
      { ...qs[1], showIf: { question: "csat", lte: 2 } }, // refers to a LATER question
      { ...qs[0], scaleMax: 7 }, // CSAT headline off its 1–5 scale
      { key: "pick", type: "multi_choice", text: { en: "Pick" }, options: [{ key: "a", label: { en: "A", de: "A" } }] },
    ]);
    expect(res.status).toBe(400);
    expect(names(res)).toEqual([
      "questions.0.showIf.question",
      "questions.1.scaleMax",
      "questions.2.options",
      "questions.2.text.de",
    ]);
    expect(await db.surveyQuestion.findMany({ where: { surveyId: id }, orderBy: { position: "asc" } })).toEqual(before);
    expect(await auditCount(id)).toBe(audits);

    const emptyPublish = await create({ name: "Empty", template: "custom" });
    const refused = await http("POST", `/api/v1/surveys/${emptyPublish.body.id}/publish`, { key: A.keys.manager });
    expect(refused.status).toBe(400);
    expect(names(refused)).toEqual(["questions"]);
    expect((await db.survey.findUniqueOrThrow({ where: { id: emptyPublish.body.id } })).status).toBe("draft");

    const patch = await http("PATCH", `/api/v1/surveys/${id}`, {
      key: A.keys.manager,
      body: { touchpointId: B.ids.touchpoint, settings: { allowedOrigins: ["ftp://x"] } },
    });
    expect(patch.status).toBe(400);
    expect(names(patch)).toEqual(["settings.allowedOrigins.0"]);
    const foreignTp = await http("PATCH", `/api/v1/surveys/${id}`, {
      key: A.keys.manager,
      body: { touchpointId: B.ids.touchpoint },
    });
    expect(names(foreignTp)).toEqual(["touchpointId"]);
    expect((await db.survey.findUniqueOrThrow({ where: { id } })).touchpointId).toBeNull();
  });

  it("adding a language copies the default text to translate; distribution settings keep what settings.ts reads", async () => {
    const created = await create({ name: "Lang", template: "ces", languages: ["en"] });
    const res = await http("PATCH", `/api/v1/surveys/${created.body.id}`, {
      key: A.keys.manager,
      body: {
        languages: ["en", "fr"],
        settings: {
          allowedOrigins: ["https://Shop.Example.com"],
          rateLimit: { perClientPerMinute: 5 },
          widget: { trigger: "delay", delaySeconds: 10 },
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.questions[0].text).toEqual({
      en: "The company made it easy for me to handle my issue.",
      fr: "The company made it easy for me to handle my issue.",
    });
    expect(res.body.settings).toMatchObject({
      allowedOrigins: ["https://shop.example.com"],
      rateLimit: { perClientPerMinute: 5 },
      widget: { trigger: "delay", delaySeconds: 10, position: "bottom-right" },
    });
  });
});

describe("organization boundary and roles", () => {
  it("another organization's survey is a 404 for every builder write, and unchanged", async () => {
    const theirs = await create({ name: "Theirs", template: "nps" }, B.keys.manager);
    const before = await db.survey.findUniqueOrThrow({ where: { id: theirs.body.id }, include: { questions: true } });
    const id = theirs.body.id;
    const probes = [
      await http("PATCH", `/api/v1/surveys/${id}`, { key: A.keys.admin, body: { name: "Mine now" } }),
      await put(id, [], A.keys.admin),
      await http("POST", `/api/v1/surveys/${id}/publish`, { key: A.keys.admin }),
      await http("POST", `/api/v1/surveys/${id}/close`, { key: A.keys.admin }),
    ];
    expect(probes.map((p) => p.status)).toEqual([404, 404, 404, 404]);
    expect(await db.survey.findUniqueOrThrow({ where: { id }, include: { questions: true } })).toEqual(before);
  });

  it("viewers and agents get 403 and change nothing; managers and admins may edit", async () => {
    const s = await create({ name: "Roles", template: "csat" });
    for (const role of ["viewer", "agent"] as const) {
      const key = A.keys[role];
      expect((await create({ name: "x", template: "nps" }, key)).status).toBe(403);
      expect((await http("PATCH", `/api/v1/surveys/${s.body.id}`, { key, body: { name: "x" } })).status).toBe(403);
      expect((await put(s.body.id, [], key)).status).toBe(403);
      expect((await http("POST", `/api/v1/surveys/${s.body.id}/publish`, { key })).status).toBe(403);
    }
    expect((await db.survey.findUniqueOrThrow({ where: { id: s.body.id } })).status).toBe("draft");
    expect(
      (await http("PATCH", `/api/v1/surveys/${s.body.id}`, { key: A.keys.admin, body: { name: "Admin edit" } })).body
        .name,
    ).toBe("Admin edit");
  });
});
