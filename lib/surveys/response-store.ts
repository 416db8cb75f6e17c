// Writing a respondent's answers. The rules:
//
// - Idempotent by (survey, clientId): the unique index lets exactly one insert win; a retry or a racing
//   duplicate finds the stored response instead (the loser of an insert race catches P2002 and starts over).
// - Partial completion: complete = false stores what was answered (e.g. the score from an e-mail link); a
//   later submit with the same clientId merges its answers in (a null answer clears one), recomputes the
//   headline and, with complete = true, sets completed/completedAt. Required questions are checked only then.
// - Once complete, a response never changes: a submit that would change it is a 409, while a replay whose
//   answers are already stored (a retried request) is answered 200 with the stored response.
// - Who and where are taken from the first submit: customerExternalId — present here only when a customer
//   token vouched for it (customer-identity.ts; an unvouched one arrives as customerClaim and is only stored)
//   — is attached only when that customer already exists in the survey's organization (never created: a
//   public form must not be able to add rows to the CRM); a touchpointId or channel key of another organization, or unknown, is ignored and the
//   survey's linked touchpoint / the "web" channel is used instead — the answers matter more than the tag.
// - Bad answers: AnswersInvalidError naming each one, and nothing is written.
import { db } from "../db";
import { openCaseForResponse } from "../cases/rules";
import { enqueueResponsesCreated } from "../webhooks/outbox";
import type { Prisma } from "../generated/sqlite/client";
import { ConflictError } from "../http/errors";
import { computeHeadline, validateAnswers, type Answers, type SurveyShape } from "./answers";
import { fromAnswerColumns, sameAnswer, toAnswerColumns } from "./answer-columns";
import { AnswersInvalidError, ResponseCompletedError } from "./errors";
import type { VerifiedResponseInput, ResponseMeta } from "./public-schema";
import { isQuestionType, type QuestionInput, type QuestionType } from "./question-schema";
import { userAgentCategory } from "./user-agent";

type StoredQuestion = QuestionInput & { id: string };
export type LiveSurvey = { id: string; orgId: string; type: string; version: number; touchpointId: string | null; questions: StoredQuestion[] };

export type PublicResponse = {
  clientId: string;
  completed: boolean;
  submittedAt: Date;
  completedAt: Date | null;
  answers: Answers;
};

const MAX_ATTEMPTS = 4;
const RACED = Symbol("raced");
const isUniqueViolation = (e: unknown) => (e as { code?: unknown })?.code === "P2002";

const responseSelect = {
  id: true,
  clientId: true,
  completed: true,
  submittedAt: true,
  completedAt: true,
  answers: { select: { questionId: true, valueNumber: true, valueText: true, valueChoice: true } },
} satisfies Prisma.ResponseSelect;
type StoredResponse = Prisma.ResponseGetPayload<{ select: typeof responseSelect }>;

function storedAnswers(survey: LiveSurvey, row: StoredResponse): Answers {
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  const out: Answers = {};
  for (const a of row.answers) {
    const q = byId.get(a.questionId); // answers to archived questions stay stored, outside the merge
    if (!q || !isQuestionType(q.type)) continue;
    const value = fromAnswerColumns(q.type, a);
    if (value !== null) out[q.key] = value;
  }
  return out;
}

function toDto(row: Pick<StoredResponse, "clientId" | "completed" | "submittedAt" | "completedAt">, answers: Answers): PublicResponse {
  return { clientId: row.clientId, completed: row.completed, submittedAt: row.submittedAt, completedAt: row.completedAt, answers };
}

export function toAnswerData(type: QuestionType, value: Answers[string]) {
  const c = toAnswerColumns(type, value);
  // Only the column the type uses: a Json column cannot take a plain null.
  return c.valueNumber !== null ? { valueNumber: c.valueNumber } : c.valueText !== null ? { valueText: c.valueText } : { valueChoice: c.valueChoice! };
}

function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameAnswer(a[k], b[k]));
}

/** Page URL without query or fragment (they often carry e-mail addresses or tokens). */
function pagePath(url: string | undefined): string | null {
  if (!url) return null;
  const u = new URL(url);
  return (u.origin + u.pathname).slice(0, 2000);
}

async function resolveContext(survey: LiveSurvey, input: VerifiedResponseInput) {
  const orgId = survey.orgId;
  const [customer, touchpoint, channels] = await Promise.all([
    input.customerExternalId ? db.customer.findUnique({ where: { orgId_externalId: { orgId, externalId: input.customerExternalId } }, select: { id: true } }) : null,
    input.touchpointId ? db.touchpoint.findFirst({ where: { id: input.touchpointId, orgId, archivedAt: null }, select: { id: true } }) : null,
    db.channel.findMany({ where: { orgId, archivedAt: null, key: { in: [input.channel ?? "web", "web"] } }, select: { id: true, key: true } }),
  ]);
  const channel = channels.find((c) => c.key === input.channel) ?? channels.find((c) => c.key === "web");
  return { customerId: customer?.id ?? null, touchpointId: touchpoint?.id ?? survey.touchpointId, channelId: channel?.id ?? null };
}

type ResponseContext = Awaited<ReturnType<typeof resolveContext>>;

/** The Response row of a new response (without its answers); also what the ingestion batch inserts. */
export function newResponseRow(survey: LiveSurvey, input: VerifiedResponseInput, meta: ResponseMeta, answers: Answers, context: ResponseContext, now: Date) {
  return {
    orgId: survey.orgId,
    surveyId: survey.id,
    surveyVersion: survey.version,
    clientId: input.clientId,
    ...context,
    ...computeHeadline(survey, answers),
    completed: input.complete,
    completedAt: input.complete ? now : null,
    locale: input.locale ?? null,
    pageUrl: pagePath(input.pageUrl),
    customerClaim: input.customerClaim ?? null,
    userAgentCategory: userAgentCategory(meta.userAgent),
    submittedAt: now,
  };
}

async function createResponse(survey: LiveSurvey, input: VerifiedResponseInput, meta: ResponseMeta, answers: Answers): Promise<PublicResponse> {
  const shape: SurveyShape = survey;
  const context = await resolveContext(survey, input);
  const now = new Date();
  const rows = survey.questions
    .filter((q) => Object.hasOwn(answers, q.key) && isQuestionType(q.type))
    .map((q) => ({ orgId: survey.orgId, questionId: q.id, ...toAnswerData(q.type as QuestionType, answers[q.key]) }));
  const row = await db.$transaction(async (tx) => {
    const created = await tx.response.create({
      data: { ...newResponseRow(survey, input, meta, answers, context, now), answers: { createMany: { data: rows } } },
      select: responseSelect,
    });
    if (context.customerId) await tx.customer.update({ where: { id: context.customerId }, data: { lastSeenAt: now } });
    await enqueueResponsesCreated(tx, [{ id: created.id, orgId: survey.orgId }]);
    await openCaseForResponse(tx, { id: created.id, orgId: survey.orgId, customerId: context.customerId, ...computeHeadline(shape, answers) });
    return created;
  });
  return toDto(row, answers);
}

/** Applies the merged answers to a partial response; null when another submit completed it meanwhile. */
async function updateResponse(survey: LiveSurvey, existing: StoredResponse, input: VerifiedResponseInput, previous: Answers, answers: Answers) {
  const now = new Date();
  const changed = survey.questions.filter((q) => Object.hasOwn(answers, q.key) && !sameAnswer(answers[q.key], previous[q.key]));
  const removed = survey.questions.filter((q) => Object.hasOwn(previous, q.key) && !Object.hasOwn(answers, q.key));
  const completedAt = input.complete ? now : null;
  try {
    await db.$transaction(async (tx) => {
      // The guard makes "complete" final even when two submits race: only a partial response is updated.
      const headline = computeHeadline(survey, answers);
      const guard = await tx.response.updateMany({
        where: { id: existing.id, completed: false },
        data: { ...headline, completed: input.complete, completedAt },
      });
      if (guard.count === 0) throw RACED;
      const stored = await tx.response.findUniqueOrThrow({ where: { id: existing.id }, select: { customerId: true } });
      await openCaseForResponse(tx, { id: existing.id, orgId: survey.orgId, customerId: stored.customerId, ...headline });
      if (removed.length) await tx.answer.deleteMany({ where: { responseId: existing.id, questionId: { in: removed.map((q) => q.id) } } });
      for (const q of changed) {
        const data = toAnswerData(q.type as QuestionType, answers[q.key]);
        await tx.answer.upsert({
          where: { responseId_questionId: { responseId: existing.id, questionId: q.id } },
          create: { orgId: survey.orgId, responseId: existing.id, questionId: q.id, ...data },
          update: data,
        });
      }
    });
  } catch (error) {
    if (error === RACED || isUniqueViolation(error)) return null;
    throw error;
  }
  return toDto({ ...existing, completed: input.complete, completedAt }, answers);
}

export async function saveResponse(survey: LiveSurvey, input: VerifiedResponseInput, meta: ResponseMeta): Promise<{ response: PublicResponse; created: boolean }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const existing = await db.response.findUnique({ where: { surveyId_clientId: { surveyId: survey.id, clientId: input.clientId } }, select: responseSelect });
    if (!existing) {
      const result = validateAnswers(survey, input.answers, { complete: input.complete });
      if (!result.ok) throw new AnswersInvalidError(result.issues);
      try {
        return { response: await createResponse(survey, input, meta, result.answers), created: true };
      } catch (error) {
        if (isUniqueViolation(error)) continue; // a racing duplicate won: continue from its row
        throw error;
      }
    }
    const previous = storedAnswers(survey, existing);
    const result = validateAnswers(survey, input.answers, { complete: input.complete && !existing.completed, previous });
    if (!result.ok) throw new AnswersInvalidError(result.issues);
    if (existing.completed) {
      if (sameAnswers(result.answers, previous)) return { response: toDto(existing, previous), created: false };
      throw new ResponseCompletedError();
    }
    const updated = await updateResponse(survey, existing, input, previous, result.answers);
    if (updated) return { response: updated, created: false };
  }
  throw new ConflictError("The response changed while it was being saved; send it again.");
}
