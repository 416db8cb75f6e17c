// The CEM maturity self-assessment through /api/v1/maturity-assessments against the real database (SQLite or
// PostgreSQL): the evidence snapshot equals counts of data made here (promise targets on active touchpoints,
// live measurement = ≥ 30 responses or interactions in 90 days, detractor responses acted on within 48 h, live
// surveys); the score and level follow lib/maturity/model.ts; bad answers are named one by one and store
// nothing; viewers cannot save; another organization never sees the list.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MATURITY_QUESTIONS } from "@/lib/maturity/model";
import { createOrg, uid, type Org } from "../factories";
import { http } from "./http";

const DAY = 86_400_000;
let A: Org;
let B: Org;

const allAnswers = (value: (key: string, i: number) => number) =>
  Object.fromEntries(MATURITY_QUESTIONS.map((q, i) => [q.key, value(q.key, i)]));

async function touchpoint(org: Org, name: string, extra: { targetNps?: number; archivedAt?: Date } = {}) {
  return db.touchpoint.create({
    data: { orgId: org.orgId, journeyId: org.ids.journey, stageId: org.ids.stage, name, kind: "digital", ...extra },
  });
}

beforeAll(async () => {
  [A, B] = await Promise.all([createOrg("matA"), createOrg("matB")]);
  // A: the factory's touchpoint "Call" (targetCsat, 1 interaction) + t2 (no target) + t3 (NPS target) + an archived one
  const now = Date.now();
  const t2 = await touchpoint(A, "Web form");
  const t3 = await touchpoint(A, "Chat", { targetNps: 40 });
  const gone = await touchpoint(A, "Fax", { targetNps: 10, archivedAt: new Date(now - DAY) });
  const liveOnT2 = await db.survey.create({
    data: {
      orgId: A.orgId,
      publicId: `pub-${uid()}`,
      name: "Web CSAT",
      type: "csat",
      status: "live",
      touchpointId: t2.id,
    },
  });
  await db.survey.create({
    data: {
      orgId: A.orgId,
      publicId: `pub-${uid()}`,
      name: "Chat draft",
      type: "csat",
      status: "draft",
      touchpointId: t3.id,
    },
  });
  const responses = (tp: string, n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({
      orgId: A.orgId,
      surveyId: liveOnT2.id,
      clientId: `${prefix}-${uid()}-${i}`,
      touchpointId: tp,
      score: 4,
      metric: "csat",
      completed: true,
      submittedAt: new Date(now - (i + 1) * DAY),
    }));
  await db.response.createMany({ data: [...responses(t2.id, 30, "t2"), ...responses(gone.id, 40, "gone")] });
  // t3: 29 interactions in the window and 5 older ones → not measured live
  const interactions = (n: number, ageDays: number) =>
    Array.from({ length: n }, (_, i) => ({
      orgId: A.orgId,
      customerId: A.ids.customer,
      touchpointId: t3.id,
      occurredAt: new Date(now - (ageDays + i * 0.5) * DAY),
      outcome: "resolved",
    }));
  await db.interaction.createMany({ data: [...interactions(29, 1), ...interactions(5, 100)] });
  // Detractor responses (lib/cases/loop-closure.ts counts responses, not cases): the factory's (today, its case
  // untouched) and three 5 days ago — one whose case was resolved 3 hours later, one whose case was never
  // touched, one that opened no case but whose customer was phoned 2 hours later: 2 of 4 acted on. A detractor
  // case made by hand, with no response, is not a detractor response and is not counted.
  const opened = new Date(now - 5 * DAY);
  const npsSurvey = await db.survey.create({
    data: { orgId: A.orgId, publicId: `pub-${uid()}`, name: "Old NPS", type: "nps", status: "closed" },
  });
  const phoned = await db.customer.create({ data: { orgId: A.orgId, name: "Phoned back" } });
  await db.interaction.create({
    data: {
      orgId: A.orgId,
      customerId: phoned.id,
      occurredAt: new Date(opened.getTime() + 2 * 3_600_000),
      outcome: "resolved",
    },
  });
  const detractor = (i: number) =>
    db.response.create({
      data: {
        customerId: i === 3 ? phoned.id : null,
        orgId: A.orgId,
        surveyId: npsSurvey.id,
        clientId: `det-${uid()}-${i}`,
        score: 3,
        metric: "nps",
        category: "detractor",
        completed: true,
        submittedAt: opened,
      },
    });
  const [d1, d2] = [await detractor(1), await detractor(2), await detractor(3)];
  await db.case.create({
    data: {
      orgId: A.orgId,
      title: "Detractor 1",
      triggerKey: `detractor:${d1.id}`,
      responseId: d1.id,
      createdAt: opened,
      resolvedAt: new Date(opened.getTime() + 3 * 3_600_000),
      status: "resolved",
    },
  });
  await db.case.create({
    data: {
      orgId: A.orgId,
      title: "Detractor 2",
      triggerKey: `detractor:${d2.id}`,
      responseId: d2.id,
      createdAt: opened,
    },
  });
  await db.case.create({
    data: { orgId: A.orgId, title: "By hand", triggerKey: `detractor:${uid()}`, createdAt: opened },
  });
});

describe("maturity assessments", () => {
  it("starts empty, then saves an assessment with its score, level, evidence snapshot and an audit event", async () => {
    const empty = await http("GET", "/api/v1/maturity-assessments", { key: A.keys.viewer });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual([]);

    // answers 3,3,3,3,3,2,2,2,2,2 → mean 2.5 → Integrated (the cut point belongs to the upper level)
    const answers = allAnswers((_, i) => (i < 5 ? 3 : 2));
    const saved = await http("POST", "/api/v1/maturity-assessments", { key: A.keys.manager, body: { answers } });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ score: 2.5, level: "integrated", answers });
    // an API key acts for the admin who created it (tests/factories)
    expect(saved.body.createdBy).toMatchObject({ id: A.users.admin.id });

    const figures = Object.fromEntries(
      (
        saved.body.evidence.figures as { key: string; numerator: number; denominator: number; share: number | null }[]
      ).map((f) => [f.key, f]),
    );
    expect(saved.body.evidence.activeTouchpoints).toBe(3);
    expect(figures.promised).toMatchObject({ numerator: 2, denominator: 3 });
    expect(figures.promised.share).toBeCloseTo(2 / 3, 10);
    expect(figures.measured).toMatchObject({ numerator: 1, denominator: 3 });
    expect(figures.closedIn48h).toMatchObject({ numerator: 2, denominator: 4, share: 0.5 });
    expect(saved.body.evidence.figures.find((f: { key: string }) => f.key === "closedIn48h").label).toBe(
      "Detractor responses acted on within 48 hours (last 90 days)",
    );
    expect(figures.liveSurveys).toMatchObject({ numerator: 1, denominator: 3 });
    expect(saved.body.evidence.liveSurveys).toBe(2);
    // measurement_live answered 2, data implies 2 (1 of 3 = 33 %): no disagreement; strategy_promise 3 vs 3: none
    expect(saved.body.disagreements).toEqual([]);

    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, entityType: "MaturityAssessment", entityId: saved.body.id },
    });
    expect(audit).toMatchObject({ action: "maturity.assessed", actorId: A.users.admin.id });
  });

  it("lists assessments newest first and flags answers two levels from the data", async () => {
    const answers = allAnswers((key) => (key === "measurement_live" ? 4 : 1));
    const second = await http("POST", "/api/v1/maturity-assessments", { key: A.keys.admin, body: { answers } });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ score: 1.3, level: "ad_hoc" });
    // measured: 33 % implies 2, answered 4 → disagrees; promised 67 % implies 3, answered 1 → disagrees;
    // loop closure 50 % implies 3, answered 1 → disagrees; live surveys 33 % implies 2, answered 1 → within one level
    expect(second.body.disagreements.map((d: { question: string }) => d.question).sort()).toEqual([
      "governance_loop",
      "measurement_live",
      "strategy_promise",
    ]);

    const list = await http("GET", "/api/v1/maturity-assessments", { key: A.keys.viewer });
    expect(list.status).toBe(200);
    expect(list.body.map((a: { id: string }) => a.id)[0]).toBe(second.body.id);
    expect(list.body).toHaveLength(2);
    expect(list.body[1]).toMatchObject({ level: "integrated", score: 2.5 });
  });

  it("refuses bad answers, naming each one, and stores nothing", async () => {
    const before = await db.maturityAssessment.count({ where: { orgId: A.orgId } });
    const answers: Record<string, unknown> = allAnswers(() => 2);
    answers.strategy_vision = 5;
    answers.culture_people = "three";
    answers.design_changes = 2.5;
    delete answers.measurement_live;
    answers.made_up = 1;
    const res = await http("POST", "/api/v1/maturity-assessments", { key: A.keys.manager, body: { answers } });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain("application/problem+json");
    const names = (res.body.invalid_params as { name: string }[]).map((p) => p.name).sort();
    expect(names).toEqual([
      "answers.culture_people",
      "answers.design_changes",
      "answers.made_up",
      "answers.measurement_live",
      "answers.strategy_vision",
    ]);
    expect(await db.maturityAssessment.count({ where: { orgId: A.orgId } })).toBe(before);

    const missing = await http("POST", "/api/v1/maturity-assessments", { key: A.keys.manager, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["answers"]);
  });

  it("does not let a viewer or an agent save", async () => {
    for (const role of ["viewer", "agent"] as const) {
      const res = await http("POST", "/api/v1/maturity-assessments", {
        key: A.keys[role],
        body: { answers: allAnswers(() => 4) },
      });
      expect(res.status).toBe(403);
    }
    expect(await db.maturityAssessment.count({ where: { orgId: A.orgId, score: 4 } })).toBe(0);
  });

  it("never shows one organization's assessments to another", async () => {
    const other = await http("GET", "/api/v1/maturity-assessments", { key: B.keys.admin });
    expect(other.status).toBe(200);
    expect(other.body).toEqual([]);
    const mine = await http("POST", "/api/v1/maturity-assessments", {
      key: B.keys.manager,
      body: { answers: allAnswers(() => 4) },
    });
    expect(mine.status).toBe(201);
    // B's evidence counts B's data only: the factory's one touchpoint, with a target, not measured live
    const figures = Object.fromEntries(
      (mine.body.evidence.figures as { key: string; numerator: number; denominator: number }[]).map((f) => [f.key, f]),
    );
    expect(figures.promised).toMatchObject({ numerator: 1, denominator: 1 });
    expect(figures.measured).toMatchObject({ numerator: 0, denominator: 1 });
    expect(mine.body.evidence.liveSurveys).toBe(1);
    const listA = await http("GET", "/api/v1/maturity-assessments", { key: A.keys.viewer });
    expect(listA.body.map((a: { id: string }) => a.id)).not.toContain(mine.body.id);
    expect(listA.body).toHaveLength(2);
  });
});
