// Writing a respondent's answers. The rules:
//
// - Idempotent by (survey, clientId): the unique index lets exactly one insert win; a retry or a racing
//   duplicate finds the stored response instead (the loser of an insert race catches P2002 and starts over).
// - Partial completion: complete = false stores what was answered (e.g. the score from an e-mail link); a
//   later submit with the same clientId merges its answers in (a null answer clears one), recomputes the
//   headline and, with complete = true, sets completed/completedAt. Required questions are checked only then.
// - Only the first submitter may continue: the 201 of a new response carries a resume token (stored as its
//   hash, resume-token.ts) and every later submit with that clientId must present it. Without it (or with a
//   wrong one) the answer is ResumeTokenRequiredError, the same whatever the stored response holds — except
//   for an identical replay of a completed response (a retry whose 201 was lost), answered 200. The token is
//   random, except for an invitation's clientId, whose token is derived from the invitation (resumeTokenForNew),
//   so every click of that invitation's e-mail links continues its one response.
// - Once complete, a response never changes: a submit that would change it is a 409, while a replay whose
//   answers are already stored (a retried request) is answered 200. A 200 carries only { clientId,
//   completed }: stored answers are never sent back.
// - Who and where are taken from the first submit: customerExternalId — present here only when a customer
//   token vouched for it (customer-identity.ts; an unvouched one arrives as customerClaim and is only stored)
//   — is attached only when that customer already exists in the survey's organization (never created: a
//   public form must not be able to add rows to the CRM); a touchpointId or channel key that the survey's
//   organization does not have (unknown, archived, another organization's) is refused with a 400 naming the
//   field. Without them the survey's linked touchpoint and the "web" channel are used.
// - Bad answers: AnswersInvalidError naming each one, and nothing is written.
import { db } from "../db";
import { openCaseForResponse, reconcileCaseForScore } from "../cases/rules";
import { attributeRows } from "../units/attribute-rows";
import { enqueueResponsesCreated } from "../webhooks/outbox";
import { analyseStoredResponses } from "../text-analytics/store";
import type { Prisma } from "../generated/sqlite/client";
import { ConflictError } from "../errors";
import { computeHeadline, validateAnswers, type Answers, type SurveyShape } from "./answers";
import { fromAnswerColumns, sameAnswer, toAnswerColumns } from "./answer-columns";
import { AnswersInvalidError, ResponseCompletedError, ResumeTokenRequiredError, UnknownContextError } from "./errors";
import type { VerifiedResponseInput, ResponseMeta } from "./public-schema";
import { isQuestionType, type QuestionInput, type QuestionType } from "./question-schema";
import { resumeTokenForNew, resumeTokenMatches } from "./resume-token";
import { userAgentCategory } from "./user-agent";
import { isUniqueViolation } from "../db-errors";

type StoredQuestion = QuestionInput & { id: string };
export type LiveSurvey = {
  id: string;
  orgId: string;
  type: string;
  version: number;
  touchpointId: string | null;
  questions: StoredQuestion[];
};

/** The 201 of a new response: what was stored, and the token that lets its sender continue it. */
export type CreatedResponse = {
  clientId: string;
  completed: boolean;
  submittedAt: Date;
  completedAt: Date | null;
  answers: Answers;
  resumeToken: string;
};
/** The 200 of any later submit (continued, completed or replayed): never the stored answers. */
export type ResponseStatus = { clientId: string; completed: boolean };
export type PublicResponse = CreatedResponse | ResponseStatus;

const MAX_ATTEMPTS = 4;
const RACED = Symbol("raced");

const responseSelect = {
  id: true,
  clientId: true,
  completed: true,
  submittedAt: true,
  completedAt: true,
  resumeTokenHash: true,
  score: true,
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

const statusOf = (row: { clientId: string; completed: boolean }): ResponseStatus => ({
  clientId: row.clientId,
  completed: row.completed,
});

export function toAnswerData(type: QuestionType, value: Answers[string]) {
  const c = toAnswerColumns(type, value);
  // Only the column the type uses: a Json column cannot take a plain null.
  return c.valueNumber !== null
    ? { valueNumber: c.valueNumber }
    : c.valueText !== null
      ? { valueText: c.valueText }
      : { valueChoice: c.valueChoice! };
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
    input.customerExternalId
      ? db.customer.findUnique({
          where: { orgId_externalId: { orgId, externalId: input.customerExternalId } },
          select: { id: true },
        })
      : null,
    input.touchpointId
      ? db.touchpoint.findFirst({ where: { id: input.touchpointId, orgId, archivedAt: null }, select: { id: true } })
      : null,
    db.channel.findMany({
      where: { orgId, archivedAt: null, key: { in: [input.channel ?? "web", "web"] } },
      select: { id: true, key: true },
    }),
  ]);
  const unknown = unknownContext(input, {
    touchpoint: !!touchpoint,
    channel: channels.some((c) => c.key === input.channel),
  });
  if (unknown.length) throw new UnknownContextError(unknown);
  const channel = channels.find((c) => c.key === (input.channel ?? "web"));
  return {
    customerId: customer?.id ?? null,
    touchpointId: touchpoint?.id ?? survey.touchpointId,
    channelId: channel?.id ?? null,
  };
}

/** The context fields sent but not found in the survey's organization (ingest-batch.ts asks the same). */
export function unknownContext(
  input: VerifiedResponseInput,
  found: { touchpoint: boolean; channel: boolean },
): Array<"channel" | "touchpointId"> {
  const unknown: Array<"channel" | "touchpointId"> = [];
  if (input.channel && !found.channel) unknown.push("channel");
  if (input.touchpointId && !found.touchpoint) unknown.push("touchpointId");
  return unknown;
}

/** Where the response came from, and the unit it belongs to (decided by lib/units/attribute-rows.ts). */
type ResponseContext = Awaited<ReturnType<typeof resolveContext>> & { unitId: string | null };

/** The Response row of a new response (without its answers); also what the ingestion batch inserts. */
export function newResponseRow(
  survey: LiveSurvey,
  input: VerifiedResponseInput,
  meta: ResponseMeta,
  answers: Answers,
  context: ResponseContext,
  now: Date,
  resumeTokenHash: string,
) {
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
    resumeTokenHash,
    submittedAt: now,
  };
}

async function createResponse(
  survey: LiveSurvey,
  input: VerifiedResponseInput,
  meta: ResponseMeta,
  answers: Answers,
): Promise<CreatedResponse> {
  const shape: SurveyShape = survey;
  const context = await resolveContext(survey, input);
  const resume = resumeTokenForNew(input.clientId);
  const now = new Date();
  const rows = survey.questions
    .filter((q) => Object.hasOwn(answers, q.key) && isQuestionType(q.type))
    .map((q) => ({ orgId: survey.orgId, questionId: q.id, ...toAnswerData(q.type as QuestionType, answers[q.key]) }));
  const row = await db.$transaction(async (tx) => {
    const [unit] = await attributeRows(tx, survey.orgId, [context]);
    const created = await tx.response.create({
      data: {
        ...newResponseRow(survey, input, meta, answers, { ...context, unitId: unit.unitId }, now, resume.hash),
        answers: { createMany: { data: rows } },
      },
      select: responseSelect,
    });
    if (context.customerId) await tx.customer.update({ where: { id: context.customerId }, data: { lastSeenAt: now } });
    await analyseStoredResponses(tx, survey.orgId, [created.id]); // sentiment and themes (docs/text-analytics.md)
    await enqueueResponsesCreated(tx, [{ id: created.id, orgId: survey.orgId }]);
    await openCaseForResponse(tx, {
      id: created.id,
      orgId: survey.orgId,
      customerId: context.customerId,
      unitId: unit.unitId,
      ...computeHeadline(shape, answers),
    });
    return created;
  });
  return {
    clientId: row.clientId,
    completed: row.completed,
    submittedAt: row.submittedAt,
    completedAt: row.completedAt,
    answers,
    resumeToken: resume.token,
  };
}

/** Applies the merged answers to a partial response; null when another submit completed it meanwhile. */
async function updateResponse(
  survey: LiveSurvey,
  existing: StoredResponse,
  input: VerifiedResponseInput,
  previous: Answers,
  answers: Answers,
) {
  const now = new Date();
  const changed = survey.questions.filter(
    (q) => Object.hasOwn(answers, q.key) && !sameAnswer(answers[q.key], previous[q.key]),
  );
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
      const stored = await tx.response.findUniqueOrThrow({
        where: { id: existing.id },
        select: { customerId: true, unitId: true },
      });
      // A replaced score (another of the e-mail's score links) re-decides the follow-up case (lib/cases/rules.ts).
      await reconcileCaseForScore(
        tx,
        { id: existing.id, orgId: survey.orgId, customerId: stored.customerId, unitId: stored.unitId, ...headline },
        existing.score,
      );
      if (removed.length)
        await tx.answer.deleteMany({
          where: { responseId: existing.id, questionId: { in: removed.map((q) => q.id) } },
        });
      for (const q of changed) {
        const data = toAnswerData(q.type as QuestionType, answers[q.key]);
        await tx.answer.upsert({
          where: { responseId_questionId: { responseId: existing.id, questionId: q.id } },
          create: { orgId: survey.orgId, responseId: existing.id, questionId: q.id, ...data },
          update: data,
        });
      }
      await analyseStoredResponses(tx, survey.orgId, [existing.id]); // a comment added later is analysed now
    });
  } catch (error) {
    if (error === RACED || isUniqueViolation(error)) return null;
    throw error;
  }
  return statusOf({ clientId: existing.clientId, completed: input.complete });
}

export async function saveResponse(
  survey: LiveSurvey,
  input: VerifiedResponseInput,
  meta: ResponseMeta,
): Promise<{ response: PublicResponse; created: boolean }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const existing = await db.response.findUnique({
      where: { surveyId_clientId: { surveyId: survey.id, clientId: input.clientId } },
      select: responseSelect,
    });
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
    if (!resumeTokenMatches(existing.resumeTokenHash, input.resumeToken)) {
      // Not its first submitter: only a retry of a completed response, with exactly its answers, is answered.
      const asSent =
        existing.completed && input.complete ? validateAnswers(survey, input.answers, { complete: true }) : null;
      if (asSent?.ok && sameAnswers(asSent.answers, previous)) return { response: statusOf(existing), created: false };
      throw new ResumeTokenRequiredError();
    }
    const result = validateAnswers(survey, input.answers, {
      complete: input.complete && !existing.completed,
      previous,
    });
    if (!result.ok) throw new AnswersInvalidError(result.issues);
    if (existing.completed) {
      if (sameAnswers(result.answers, previous)) return { response: statusOf(existing), created: false };
      throw new ResponseCompletedError();
    }
    const updated = await updateResponse(survey, existing, input, previous, result.answers);
    if (updated) return { response: updated, created: false };
  }
  throw new ConflictError("The response changed while it was being saved; send it again.");
}
