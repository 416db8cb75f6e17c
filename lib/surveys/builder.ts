// The survey builder for managers: create from a template, edit name/touchpoint/languages/distribution,
// replace the ordered question list, and move a survey draft → live → closed → live. The rules over the
// question list and the versioning policy are in builder-rules.ts; every write records an AuditEvent.
import { randomBytes } from "node:crypto";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { hasRole } from "../auth/roles";
import { recordAudit } from "../audit/service";
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import type { Prisma } from "../generated/sqlite/client";
import { localizedTextSchema, logicSchema, optionsSchema, type QuestionType } from "./question-schema";
import {
  distributionSchema,
  widgetSettingsSchema,
  type QuestionDraft,
  type QuestionsReplace,
  type SurveyCreate,
  type SurveyUpdate,
} from "./builder-schema";
import { isStructuralChange, lockIssues, questionIssues, type StoredQuestion } from "./builder-rules";
import { forgetSurvey } from "./survey-cache";
import { templateQuestions, textsFor, type Texts } from "./templates";
import { scopeWhere } from "../units/scope";

type Tx = Prisma.TransactionClient;

function assertManager(ctx: Ctx) {
  if (!hasRole(ctx.role, "manager")) throw new ForbiddenError("Editing surveys needs the manager role or higher.");
}

function languagesOf(json: unknown, defaultLocale: string): string[] {
  const list = Array.isArray(json) ? json.filter((l): l is string => typeof l === "string" && l.length > 0) : [];
  return list.includes(defaultLocale) ? list : [defaultLocale, ...list];
}

function textsOf(json: unknown, defaultLocale: string): Texts {
  const parsed = localizedTextSchema.safeParse(json);
  if (!parsed.success) return {};
  return typeof parsed.data === "string" ? { [defaultLocale]: parsed.data } : parsed.data;
}

type QuestionRow = {
  id: string;
  key: string;
  type: string;
  required: boolean;
  headline: boolean;
  scaleMin: number | null;
  scaleMax: number | null;
  text: unknown;
  options: unknown;
  logic: unknown;
  servqualDimension: string | null;
  servqualRole: string | null;
  _count: { answers: number };
};

function toDraft(row: QuestionRow, defaultLocale: string): QuestionDraft & StoredQuestion {
  const options = (optionsSchema.safeParse(row.options).data ?? []).map((o) => ({
    key: o.key,
    label: textsOf(o.label, defaultLocale),
  }));
  return {
    id: row.id,
    key: row.key,
    type: row.type as QuestionType,
    required: row.required,
    headline: row.headline,
    scaleMin: row.scaleMin,
    scaleMax: row.scaleMax,
    text: textsOf(row.text, defaultLocale),
    options,
    showIf: logicSchema.safeParse(row.logic).data?.showIf ?? null,
    servqualDimension: row.servqualDimension as QuestionDraft["servqualDimension"],
    servqualRole: row.servqualRole as QuestionDraft["servqualRole"],
    answerCount: row._count.answers,
  };
}

const questionInclude = {
  where: { archivedAt: null },
  orderBy: [{ position: "asc" as const }, { createdAt: "asc" as const }],
  include: { _count: { select: { answers: true } } },
};

async function loadSurvey(ctx: Ctx, id: string, client: Pick<Tx, "survey"> = db) {
  const s = await client.survey.findFirst({
    where: { id, orgId: ctx.orgId },
    include: {
      questions: questionInclude,
      touchpoint: { select: { id: true, name: true } },
      org: { select: { name: true } },
      _count: { select: { responses: true } },
    },
  });
  if (!s) throw new NotFoundError("Survey");
  const languages = languagesOf(s.languages, s.defaultLocale);
  return { ...s, languages, drafts: s.questions.map((q) => toDraft(q, s.defaultLocale)) };
}

function distributionOf(json: unknown) {
  const raw = (json && typeof json === "object" && !Array.isArray(json) ? json : {}) as Record<string, unknown>;
  const part = <T>(schema: { safeParse: (v: unknown) => { data?: T } }, v: unknown) =>
    v === undefined ? undefined : schema.safeParse(v).data;
  const d = distributionSchema.shape;
  return {
    allowedOrigins: part(d.allowedOrigins, raw.allowedOrigins) ?? [],
    rateLimit: part(d.rateLimit, raw.rateLimit) ?? {},
    widget: part(widgetSettingsSchema, raw.widget) ?? widgetSettingsSchema.parse({}),
  };
}

/**
 * A unit-scoped reader's counts: responses and answers per question of their units only. Whether a question is
 * locked stays the organization's (any answer anywhere locks it).
 */
async function scopedCounts(ctx: Ctx, surveyId: string) {
  if (!ctx.scope) return null;
  const inScope = { orgId: ctx.orgId, surveyId, ...scopeWhere(ctx) };
  const [responses, answers] = await Promise.all([
    db.response.count({ where: inScope }),
    db.answer.groupBy({ by: ["questionId"], where: { orgId: ctx.orgId, response: inScope }, _count: { _all: true } }),
  ]);
  return { responses, answers: new Map(answers.map((a) => [a.questionId, a._count._all])) };
}

/** The survey as the editor needs it: every question with its answer count and whether it is locked. */
export async function getSurveyDetail(ctx: Ctx, id: string) {
  const s = await loadSurvey(ctx, id);
  const scoped = await scopedCounts(ctx, s.id);
  return {
    id: s.id,
    publicId: s.publicId,
    name: s.name,
    type: s.type,
    status: s.status,
    version: s.version,
    defaultLocale: s.defaultLocale,
    languages: s.languages,
    touchpoint: s.touchpoint,
    settings: distributionOf(s.settings),
    publishedAt: s.publishedAt,
    closedAt: s.closedAt,
    responseCount: scoped ? scoped.responses : s._count.responses,
    organization: s.org.name,
    questions: s.drafts.map((q) => ({
      ...q,
      answerCount: scoped ? (scoped.answers.get(q.id) ?? 0) : q.answerCount,
      locked: q.answerCount > 0,
    })),
  };
}
export type SurveyDetail = Awaited<ReturnType<typeof getSurveyDetail>>;

async function assertTouchpoint(ctx: Ctx, touchpointId: string | null | undefined) {
  if (!touchpointId) return;
  const tp = await db.touchpoint.findFirst({
    where: { id: touchpointId, orgId: ctx.orgId, archivedAt: null },
    select: { id: true },
  });
  if (!tp)
    throw new ValidationError([
      { name: "touchpointId", reason: "No such touchpoint in this organization", in: "body" },
    ]);
}

function questionData(q: QuestionDraft, position: number) {
  return {
    key: q.key,
    position,
    type: q.type,
    required: q.required,
    headline: q.headline,
    scaleMin: q.scaleMin,
    scaleMax: q.scaleMax,
    text: q.text,
    options: q.options.length ? q.options : undefined,
    logic: q.showIf ? { showIf: q.showIf } : undefined,
    servqualDimension: q.servqualDimension,
    servqualRole: q.servqualRole,
  };
}

export async function createSurvey(ctx: Ctx, input: SurveyCreate) {
  assertManager(ctx);
  await assertTouchpoint(ctx, input.touchpointId);
  const questions = templateQuestions(input.template, input.languages, input.defaultLocale);
  const survey = await db.$transaction(async (tx) => {
    const s = await tx.survey.create({
      data: {
        orgId: ctx.orgId,
        publicId: randomBytes(12).toString("base64url"),
        name: input.name,
        type: input.template,
        touchpointId: input.touchpointId ?? null,
        languages: input.languages,
        defaultLocale: input.defaultLocale,
      },
    });
    if (questions.length)
      await tx.surveyQuestion.createMany({
        data: questions.map((q, i) => ({ ...questionData(q, i), orgId: ctx.orgId, surveyId: s.id })),
      });
    await recordAudit(
      ctx,
      {
        action: "survey.created",
        entityType: "Survey",
        entityId: s.id,
        data: { name: s.name, template: input.template },
      },
      tx,
    );
    return s;
  });
  return getSurveyDetail(ctx, survey.id);
}

export async function updateSurvey(ctx: Ctx, id: string, input: SurveyUpdate) {
  assertManager(ctx);
  const s = await loadSurvey(ctx, id);
  await assertTouchpoint(ctx, input.touchpointId);
  const languages = input.languages ?? s.languages;
  const defaultLocale = input.defaultLocale ?? (languages.includes(s.defaultLocale) ? s.defaultLocale : languages[0]);
  if (!languages.includes(defaultLocale))
    throw new ValidationError([
      { name: "defaultLocale", reason: "The default language must be one of the survey's languages", in: "body" },
    ]);
  const added = languages.filter((l) => !s.languages.includes(l));
  const settings = input.settings
    ? { ...((s.settings as Record<string, unknown> | null) ?? {}), ...input.settings }
    : undefined;
  await db.$transaction(async (tx) => {
    await tx.survey.update({
      where: { id },
      data: {
        name: input.name,
        touchpointId: input.touchpointId,
        ...(input.languages || input.defaultLocale ? { languages, defaultLocale } : {}),
        ...(settings ? { settings: settings as Prisma.InputJsonValue } : {}),
      },
    });
    // A new language starts as a copy of the default language's text, so respondents never see a blank
    // question; the editor shows it in that language's tab to translate.
    if (added.length) {
      for (const q of s.drafts) {
        await tx.surveyQuestion.update({
          where: { id: q.id },
          data: {
            text: { ...q.text, ...textsFor(q.text, added, s.defaultLocale) },
            ...(q.options.length
              ? {
                  options: q.options.map((o) => ({
                    key: o.key,
                    label: { ...o.label, ...textsFor(o.label, added, s.defaultLocale) },
                  })),
                }
              : {}),
          },
        });
      }
    }
    await recordAudit(
      ctx,
      {
        action: "survey.updated",
        entityType: "Survey",
        entityId: id,
        data: { fields: Object.keys(input).filter((k) => input[k as keyof SurveyUpdate] !== undefined) },
      },
      tx,
    );
  });
  // Respondents on this instance see the change at once (other instances within survey-cache's FRESH_MS).
  forgetSurvey(s.publicId);
  return getSurveyDetail(ctx, id);
}

/** Refuses a list that breaks a rule: 400 for an invalid list, 409 for a locked question. Pure checks first. */
function checkQuestions(
  s: Awaited<ReturnType<typeof loadSurvey>>,
  questions: readonly QuestionDraft[],
  archivedKeys: Set<string>,
) {
  const problems = questionIssues(questions, {
    surveyType: s.type,
    languages: s.languages,
    existing: s.drafts,
    archivedKeys,
  });
  if (s.status !== "draft" && questions.length === 0)
    problems.push({ name: "questions", reason: "A published survey needs at least one question", in: "body" });
  if (problems.length) throw new ValidationError(problems, "Some questions are invalid.");
  const locked = lockIssues(questions, s.drafts);
  if (locked.length)
    throw new AppError(
      409,
      "Conflict",
      "Questions that already have answers cannot change their key, type, scale or option keys.",
      locked,
    );
}

/**
 * Replaces the survey's ordered question list. Questions keep their id (and answers) when listed with it;
 * one left out is deleted, or archived when it has answers. A structural change to a survey that is or
 * was live increments its version.
 */
export async function replaceQuestions(ctx: Ctx, id: string, input: QuestionsReplace) {
  assertManager(ctx);
  const s = await loadSurvey(ctx, id);
  const archived = await db.surveyQuestion.findMany({
    where: { surveyId: id, archivedAt: { not: null } },
    select: { key: true },
  });
  checkQuestions(s, input.questions, new Set(archived.map((a) => a.key)));
  const structural = isStructuralChange(s.drafts, input.questions);
  const keptIds = new Set(input.questions.flatMap((q) => (q.id ? [q.id] : [])));
  const removed = s.drafts.filter((q) => !keptIds.has(q.id)).map((q) => q.id);
  const bump = structural && s.status !== "draft";
  await db.$transaction(async (tx) => {
    // Answered questions are archived, never deleted (deleting would cascade to their answers); the
    // answer check runs inside the transaction so an answer that arrived meanwhile is kept too.
    const archivedNow = await tx.surveyQuestion.updateMany({
      where: { id: { in: removed }, answers: { some: {} } },
      data: { archivedAt: new Date() },
    });
    await tx.surveyQuestion.deleteMany({ where: { id: { in: removed }, answers: { none: {} } } });
    // Keys are unique per survey: park renamed keys first so that swapping two keys cannot collide.
    const renamed = input.questions.filter((q) => q.id && s.drafts.find((d) => d.id === q.id)?.key !== q.key);
    for (const q of renamed) await tx.surveyQuestion.update({ where: { id: q.id }, data: { key: `~${q.id}` } });
    for (const [position, q] of input.questions.entries()) {
      if (q.id)
        await tx.surveyQuestion.update({
          where: { id: q.id },
          data: {
            ...questionData(q, position),
            options: q.options.length ? q.options : [],
            logic: q.showIf ? { showIf: q.showIf } : {},
          },
        });
      else await tx.surveyQuestion.create({ data: { ...questionData(q, position), orgId: ctx.orgId, surveyId: id } });
    }
    await tx.survey.update({ where: { id }, data: bump ? { version: { increment: 1 } } : { updatedAt: new Date() } });
    await recordAudit(
      ctx,
      {
        action: "survey.questions_replaced",
        entityType: "Survey",
        entityId: id,
        data: {
          count: input.questions.length,
          removed: removed.length,
          archived: archivedNow.count,
          structural,
          versionBumped: bump,
        },
      },
      tx,
    );
  });
  forgetSurvey(s.publicId);
  return getSurveyDetail(ctx, id);
}

const TRANSITIONS = {
  publish: { from: "draft", to: "live", action: "survey.published", done: "published" },
  close: { from: "live", to: "closed", action: "survey.closed", done: "closed" },
  reopen: { from: "closed", to: "live", action: "survey.reopened", done: "reopened" },
} as const;
export type SurveyTransition = keyof typeof TRANSITIONS;

/** draft → live (needs a valid, non-empty question list), live → closed, closed → live. */
export async function transitionSurvey(ctx: Ctx, id: string, transition: SurveyTransition) {
  assertManager(ctx);
  const t = TRANSITIONS[transition];
  const s = await loadSurvey(ctx, id);
  if (s.status !== t.from)
    throw new ConflictError(`Only a ${t.from} survey can be ${t.done}; this one is ${s.status}.`);
  if (transition === "publish") {
    if (s.drafts.length === 0)
      throw new ValidationError(
        [{ name: "questions", reason: "Add at least one question before publishing", in: "body" }],
        "The survey has no questions.",
      );
    checkQuestions(s, s.drafts, new Set());
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    // The status condition makes two racing transitions apply once.
    const updated = await tx.survey.updateMany({
      where: { id, orgId: ctx.orgId, status: t.from },
      data: {
        status: t.to,
        ...(transition === "publish" ? { publishedAt: now } : {}),
        closedAt: transition === "close" ? now : null,
      },
    });
    if (updated.count === 0) throw new ConflictError("The survey's status changed meanwhile; reload and try again.");
    await recordAudit(
      ctx,
      { action: t.action, entityType: "Survey", entityId: id, data: { from: t.from, to: t.to } },
      tx,
    );
  });
  forgetSurvey(s.publicId);
  return getSurveyDetail(ctx, id);
}
