// Group commit for new survey responses. Requests that arrive while a batch is being written wait and go
// into the next one; each batch is one transaction with a handful of statements whatever its size — the
// rate-limit counters (one upsert per level for all respondents), a freshness check of the surveys, a
// duplicate check, the context lookups, one multi-row insert of responses and one of answers, the case
// rules — instead of a dozen statements per response. At low load a batch holds one response and costs what a single write costs; under load the
// cost per response falls with the batch size. A response is acknowledged only after its batch committed.
//
// The batch only creates responses that are new. Whatever it cannot decide on its own goes back to the
// one-response path of response-store.ts, which owns the idempotency and merge rules: a clientId that is
// already stored (a retry, or the rest of a partial response), the same clientId twice in one batch, a
// survey closed or restructured since it was read, or a batch that failed as a whole (it rolled back, so
// the fallback starts from scratch). `counted` tells the caller whether the rate limits were already
// consumed by a committed batch, so that a request is never counted twice.
import { db, type Prisma } from "../db";
import { insertBatches, newId } from "../db-bulk";
import { openCasesForNewResponses } from "../cases/rules";
import { lockCustomers } from "../customers/lock";
import { enqueueResponsesCreated } from "../webhooks/outbox";
import { consumeMany, retryAfterSeconds, type RateLimit } from "../rate-limit/service";
import type { Answers } from "./answers";
import { attributeAcrossOrgs } from "../units/attribute-rows";
import { newResponseRow, toAnswerData, unknownContext, type CreatedResponse, type LiveSurvey } from "./response-store";
import { resumeTokenForNew } from "./resume-token";
import type { VerifiedResponseInput, ResponseMeta } from "./public-schema";
import { isQuestionType, type QuestionType } from "./question-schema";
import { analyseOnWrite } from "../text-analytics/store";

/** Upper bound of responses per transaction (also bounds the size of the multi-row inserts). */
export const MAX_BATCH = 200;

export type BatchItem = {
  survey: LiveSurvey;
  input: VerifiedResponseInput;
  meta: ResponseMeta;
  /** Validated as a new response (validateAnswers with no previous answers). */
  answers: Answers;
  limits: Array<RateLimit & { key: string }>;
};

export type BatchOutcome =
  | { kind: "created"; response: CreatedResponse }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "unknown_context"; fields: Array<"channel" | "touchpointId"> }
  | { kind: "fallback"; counted: boolean };

type Pending = BatchItem & { resolve: (o: BatchOutcome) => void };
type Tx = Prisma.TransactionClient;

// One queue per process, kept on globalThis: the custom server's bundle (server/index.ts) and Next.js's
// bundle of the app routes each hold a copy of this module, and both must feed the same batches.
type State = { queue: Pending[]; writing: boolean; idle: Array<() => void> };
const state: State = ((globalThis as { __resonanceIngest?: State }).__resonanceIngest ??= {
  queue: [],
  writing: false,
  idle: [],
});

/** Queues a new response for the next batch and resolves once that batch has committed (or failed). */
export function submitToBatch(item: BatchItem): Promise<BatchOutcome> {
  return new Promise((resolve) => {
    state.queue.push({ ...item, resolve });
    if (!state.writing) {
      state.writing = true;
      setImmediate(drain); // let the requests of this turn of the event loop join the batch
    }
  });
}

/** Resolves once every queued response has been written (or handed back): for a graceful shutdown. */
export function batchesIdle(): Promise<void> {
  return state.writing ? new Promise((resolve) => state.idle.push(resolve)) : Promise.resolve();
}

async function drain(): Promise<void> {
  while (state.queue.length > 0) {
    const batch = state.queue.slice(0, MAX_BATCH);
    state.queue = state.queue.slice(batch.length);
    let outcomes: BatchOutcome[];
    try {
      outcomes = await db.$transaction((tx) => writeBatch(tx, batch), { timeout: 30_000 });
    } catch (error) {
      // Rolled back as a whole (e.g. an insert race with another instance): each response is retried alone.
      // One line for the operator: what failed and how many waited on it — no message, ids or answers
      // (a database error's message can quote the values it was given).
      console.error(
        JSON.stringify({
          level: "warn",
          event: "ingest_batch_failed",
          error: errorClass(error),
          batchSize: batch.length,
        }),
      );
      outcomes = batch.map(() => ({ kind: "fallback", counted: false }));
    }
    batch.forEach((item, i) => item.resolve(outcomes[i]));
  }
  state.writing = false;
  for (const resolve of state.idle.splice(0)) resolve();
}

/** "PrismaClientKnownRequestError P2002", "TypeError": the kind of error, never its message. */
function errorClass(error: unknown): string {
  const name = error instanceof Error ? error.constructor.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z0-9_]{1,20}$/.test(code) ? `${name} ${code}` : name;
}

/**
 * The rate limits of every item, as if each request had called enforce() itself in arrival order: limits
 * are consumed in their order and a request stops counting at the first one it exceeds (so a respondent
 * over their own limit does not use up the survey's). One atomic increment per key and level.
 * Per item: null when allowed, else the seconds to wait.
 */
async function countRequests(tx: Tx, batch: Pending[], now: Date): Promise<Array<number | null>> {
  const waits: Array<number | null> = batch.map(() => null);
  const levels = Math.max(0, ...batch.map((b) => b.limits.length));
  for (let level = 0; level < levels; level++) {
    const perKey = new Map<string, { limit: RateLimit; items: number[] }>();
    batch.forEach((item, i) => {
      const l = item.limits[level];
      if (!l || waits[i] !== null) return;
      const entry = perKey.get(l.key) ?? { limit: l, items: [] };
      entry.items.push(i);
      perKey.set(l.key, entry);
    });
    const counts = await consumeMany(
      [...perKey].map(([key, { limit, items }]) => ({ key, windowMs: limit.windowMs, by: items.length })),
      { db: tx, now },
    );
    for (const [key, { limit, items }] of perKey) {
      const count = counts.get(key)!;
      const resetAt = new Date((Math.floor(now.getTime() / limit.windowMs) + 1) * limit.windowMs);
      items.forEach((i, k) => {
        if (count - items.length + k + 1 > limit.limit) waits[i] = retryAfterSeconds(resetAt, now);
      });
    }
  }
  return waits;
}

async function writeBatch(tx: Tx, batch: Pending[]): Promise<BatchOutcome[]> {
  const now = new Date();
  const outcomes: Array<BatchOutcome | null> = batch.map(() => null);
  const waits = await countRequests(tx, batch, now);
  waits.forEach((w, i) => w !== null && (outcomes[i] = { kind: "rate_limited", retryAfterSeconds: w }));

  // Surveys closed or restructured since they were read: their responses take the uncached path.
  const surveyIds = [...new Set(batch.map((b) => b.survey.id))];
  const current = new Map(
    (
      await tx.survey.findMany({ where: { id: { in: surveyIds } }, select: { id: true, status: true, version: true } })
    ).map((s) => [s.id, s]),
  );
  const seen = new Set<string>();
  const wanted: number[] = [];
  batch.forEach((item, i) => {
    if (outcomes[i]) return;
    const s = current.get(item.survey.id);
    const key = `${item.survey.id}\n${item.input.clientId}`;
    if (!s || s.status !== "live" || s.version !== item.survey.version || seen.has(key))
      outcomes[i] = { kind: "fallback", counted: true };
    else {
      seen.add(key);
      wanted.push(i);
    }
  });

  // clientIds already stored: a retry or the continuation of a partial response.
  if (wanted.length > 0) {
    const bySurvey = new Map<string, string[]>();
    for (const i of wanted)
      bySurvey.set(batch[i].survey.id, [...(bySurvey.get(batch[i].survey.id) ?? []), batch[i].input.clientId]);
    const stored = await tx.response.findMany({
      where: { OR: [...bySurvey].map(([surveyId, clientIds]) => ({ surveyId, clientId: { in: clientIds } })) },
      select: { surveyId: true, clientId: true },
    });
    const exists = new Set(stored.map((r) => `${r.surveyId}\n${r.clientId}`));
    for (const i of wanted)
      if (exists.has(`${batch[i].survey.id}\n${batch[i].input.clientId}`))
        outcomes[i] = { kind: "fallback", counted: true };
  }
  const candidates = wanted.filter((i) => !outcomes[i]);
  if (candidates.length === 0) return outcomes.map((o) => o!);

  // Multi-row INSERTs of complete rows (ids and timestamps included, as Prisma would fill them in): createMany
  // spends far more CPU on each value in the client than the database spends storing it.
  const resolved = await resolveContexts(
    tx,
    candidates.map((i) => batch[i]),
  );
  const fresh: number[] = [];
  const contexts: (typeof resolved)[number][] = [];
  candidates.forEach((i, j) => {
    if (resolved[j].unknown.length) outcomes[i] = { kind: "unknown_context", fields: resolved[j].unknown };
    else {
      fresh.push(i);
      contexts.push(resolved[j]);
    }
  });
  if (fresh.length === 0) return outcomes.map((o) => o!);
  const tokens = fresh.map((i) => resumeTokenForNew(batch[i].input.clientId));
  const units = await attributeAcrossOrgs(
    tx,
    fresh.map((i, j) => ({ ...contexts[j], orgId: batch[i].survey.orgId })),
  );
  const rows = fresh.map((i, j) => {
    const { survey, input, meta, answers } = batch[i];
    const { unknown: _, ...context } = contexts[j];
    return {
      id: newId(),
      ...newResponseRow(survey, input, meta, answers, { ...context, unitId: units[j].unitId }, now, tokens[j].hash),
      createdAt: now,
      updatedAt: now,
    };
  });
  await insertBatches(tx, "Response", "responses", rows);

  const answerRows: Array<Prisma.AnswerCreateManyInput & { id: string }> = [];
  fresh.forEach((i, j) => {
    const { survey, answers } = batch[i];
    for (const q of survey.questions) {
      if (!Object.hasOwn(answers, q.key) || !isQuestionType(q.type)) continue;
      const value = toAnswerData(q.type as QuestionType, answers[q.key]);
      // The Json column takes JSON text ("pro" → '"pro"'), as Prisma sends it.
      answerRows.push({
        id: newId(),
        orgId: survey.orgId,
        responseId: rows[j].id,
        questionId: q.id,
        ...value,
        ...("valueChoice" in value ? { valueChoice: JSON.stringify(value.valueChoice) } : {}),
      });
    }
  });
  await insertBatches(tx, "Answer", "answers", answerRows);
  await analyseOnWrite(tx, { responses: rows, answers: answerRows }); // sentiment and themes (docs/text-analytics.md)

  const customers = [...new Set(rows.map((r) => r.customerId).filter((c): c is string => c !== null))];
  if (customers.length > 0) {
    // In id order, as every transaction that locks several customers (contact-rules.ts lockCustomers: no deadlock
    // with a wave being queued or a trigger firing); an UPDATE … IN locks its rows in the order it finds them.
    await lockCustomers(tx, customers);
    await tx.customer.updateMany({ where: { id: { in: customers } }, data: { lastSeenAt: now } });
  }

  const events = rows.map((row) => ({
    id: row.id,
    orgId: row.orgId,
    customerId: row.customerId,
    unitId: row.unitId,
    metric: row.metric,
    score: row.score,
  }));
  await enqueueResponsesCreated(tx, events); // webhooks: in this transaction, so that no accepted response goes unannounced
  for (const orgId of new Set(rows.map((r) => r.orgId))) {
    await openCasesForNewResponses(
      tx,
      orgId,
      events.filter((e) => e.orgId === orgId),
    );
  }
  fresh.forEach((i, j) => {
    const { input, answers } = batch[i];
    const response = {
      clientId: input.clientId,
      completed: input.complete,
      submittedAt: now,
      completedAt: input.complete ? now : null,
      answers,
      resumeToken: tokens[j].token,
    };
    outcomes[i] = { kind: "created", response };
  });
  return outcomes.map((o) => o!);
}

/**
 * Who and where, for many responses at once, by the rules of response-store.ts: a customer only when the
 * external id exists in the survey's organization, a touchpoint only when it is a live one of that
 * organization (none sent: the survey's own), a channel by key (none sent: "web"); `unknown` names a
 * touchpoint or channel that was sent but is not the organization's (that response is refused with a 400).
 */
async function resolveContexts(tx: Tx, items: BatchItem[]) {
  const orgs = [...new Set(items.map((i) => i.survey.orgId))];
  const externalIds = [
    ...new Set(items.flatMap((i) => (i.input.customerExternalId ? [i.input.customerExternalId] : []))),
  ];
  const touchpointIds = [...new Set(items.flatMap((i) => (i.input.touchpointId ? [i.input.touchpointId] : [])))];
  const channelKeys = [...new Set(["web", ...items.flatMap((i) => (i.input.channel ? [i.input.channel] : []))])];
  // One after the other: a transaction is one connection.
  const customers = externalIds.length
    ? await tx.customer.findMany({
        where: { orgId: { in: orgs }, externalId: { in: externalIds } },
        select: { id: true, orgId: true, externalId: true },
      })
    : [];
  const touchpoints = touchpointIds.length
    ? await tx.touchpoint.findMany({
        where: { orgId: { in: orgs }, id: { in: touchpointIds }, archivedAt: null },
        select: { id: true, orgId: true },
      })
    : [];
  const channels = await tx.channel.findMany({
    where: { orgId: { in: orgs }, archivedAt: null, key: { in: channelKeys } },
    select: { id: true, orgId: true, key: true },
  });
  const customer = new Map(customers.map((c) => [`${c.orgId}\n${c.externalId}`, c.id]));
  const touchpoint = new Set(touchpoints.map((t) => `${t.orgId}\n${t.id}`));
  const channel = new Map(channels.map((c) => [`${c.orgId}\n${c.key}`, c.id]));
  return items.map(({ survey: { orgId, touchpointId }, input }) => ({
    customerId: (input.customerExternalId && customer.get(`${orgId}\n${input.customerExternalId}`)) || null,
    touchpointId:
      input.touchpointId && touchpoint.has(`${orgId}\n${input.touchpointId}`) ? input.touchpointId : touchpointId,
    channelId: (input.channel && channel.get(`${orgId}\n${input.channel}`)) || channel.get(`${orgId}\nweb`) || null,
    unknown: unknownContext(input, {
      touchpoint: touchpoint.has(`${orgId}\n${input.touchpointId}`),
      channel: channel.has(`${orgId}\n${input.channel}`),
    }),
  }));
}
