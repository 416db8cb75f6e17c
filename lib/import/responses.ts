// Survey-response CSV import (history from another feedback tool, or our own export): the responses kind
// for the shared pipeline (lib/import/pipeline.ts), for ONE survey of the organization. Each row's answers go
// through validateAnswers, the validation of the public API (type, range — the headline on its metric's scale
// —, option keys, skip logic, required questions when the row is complete), and the stored headline (metric,
// score, category, comment) is computeHeadline's, exactly as for a live response. Cells are read as people
// write them: option keys or labels (any language), "a, b" for several choices, yes/no/true/false/1/0.
// Customer, touchpoint and channel are looked up in this organization only (lib/import/references.ts); the
// touchpoint defaults to the survey's, the channel to the touchpoint's. Imported responses are history: no
// case is opened. Idempotent per survey by clientId (a row without one gets a hash of its content), also when
// the clientId is the id of a stored response of the survey, as in our export.
import { attributeRows } from "../units/attribute-rows";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "../auth/ctx";
import { db } from "../db";
import { insertBatches } from "../db-bulk";
import { unguardCell } from "../csv/stream";
import { NotFoundError } from "../errors";
import { localizedText } from "../surveys/locale";
import { computeHeadline, validateAnswers, type Answers, type SurveyShape } from "../surveys/answers";
import { toAnswerColumns } from "../surveys/answer-columns";
import { publicResponseInput } from "../surveys/public-schema";
import { toQuestionDefs, type QuestionDef, type QuestionInput, type QuestionType } from "../surveys/question-schema";
import type { Source } from "./csv";
import { interactionRowSchema } from "./interactions";
import { prepareImport, type ImportKind, type ImportOptions, type Numbered, type ParsedRow } from "./pipeline";
import {
  customersOf,
  findChannel,
  findTouchpoint,
  lastSeenTracker,
  loadLookups,
  type Lookups,
  type TouchpointRef,
} from "./references";
import { ANSWER_FIELD, responseSpec, type QuestionColumn } from "./response-spec";
import { parseConsent, type CompiledMapping, type RowProblem } from "./row";
import { newId, type BatchResult } from "./write";
import { analyseOnWrite, type AnswerText, type ResponseText } from "../text-analytics/store";

const ref = z.string().trim().min(1).max(300);
export const responseRowSchema = z.object({
  clientId: publicResponseInput.shape.clientId.optional(),
  submittedAt: interactionRowSchema.shape.occurredAt,
  customer: ref.optional(),
  touchpoint: ref.optional(),
  channel: ref.optional(),
  locale: publicResponseInput.shape.locale,
  completed: z.boolean().default(true),
});
export type ResponseRow = Omit<z.infer<typeof responseRowSchema>, "clientId"> & { clientId: string; answers: Answers };

/** The survey an import writes into, with its live questions (what answers are validated against). */
export type ImportSurvey = {
  id: string;
  name: string;
  type: string;
  version: number;
  touchpointId: string | null;
  questions: Array<QuestionInput & { id: string }>;
  columns: QuestionColumn[];
};

/** The survey of this organization, or NotFoundError (another organization's survey is not found either). */
export async function getImportSurvey(ctx: Ctx, surveyId: string): Promise<ImportSurvey> {
  const s = await db.survey.findFirst({
    where: { id: surveyId, orgId: ctx.orgId },
    select: {
      id: true,
      name: true,
      type: true,
      version: true,
      touchpointId: true,
      defaultLocale: true,
      questions: { where: { archivedAt: null }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!s) throw new NotFoundError("Survey");
  const columns = s.questions.map((q) => ({
    key: q.key,
    title: localizedText(q.text, s.defaultLocale, s.defaultLocale),
  }));
  return { ...s, columns };
}

/** The option key a cell names: the key itself or a label in any language (case-insensitive). */
function optionKey(q: QuestionDef, cell: string): string | undefined {
  const wanted = cell.trim().toLowerCase();
  for (const o of q.options) {
    if (o.key.toLowerCase() === wanted) return o.key;
    const labels = typeof o.label === "string" ? [o.label] : Object.values(o.label);
    if (labels.some((l) => l.trim().toLowerCase() === wanted)) return o.key;
  }
  return undefined;
}

/**
 * A cell → the value the public API would receive for this question. What cannot be read is passed on as
 * the text it is, so validateAnswers refuses it with its own reason (wrong type, unknown option…).
 */
export function cellToAnswer(q: QuestionDef, cell: string): unknown {
  switch (q.type) {
    case "score":
      return /^[+-]?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    case "yes_no": {
      const v = parseConsent(cell);
      return v === "bad" || v === undefined ? cell : v;
    }
    case "text":
      return cell;
    case "single_choice":
      return optionKey(q, cell) ?? cell;
    case "multi_choice": {
      if (cell.startsWith("[")) {
        try {
          const list: unknown = JSON.parse(cell);
          if (Array.isArray(list)) return list.map((v) => (typeof v === "string" ? (optionKey(q, v) ?? v) : v));
        } catch {
          // not JSON: read as a list below
        }
      }
      // "Label A, Label B" (our export) or "a;b". A label may itself contain a comma, so at each position the
      // longest run of pieces that names an option wins.
      const parts = cell.split(/([,;])/); // pieces at even indexes, separators at odd ones
      const out: string[] = [];
      for (let i = 0; i < parts.length; i += 2) {
        let j = parts.length - 1;
        for (; j > i; j -= 2) if (optionKey(q, parts.slice(i, j + 1).join(""))) break;
        const text = parts
          .slice(i, j + 1)
          .join("")
          .trim();
        if (text) out.push(optionKey(q, text) ?? text);
        i = j;
      }
      return out;
    }
  }
}

const problemsOf = (row: number, issues: z.core.$ZodIssue[]): RowProblem[] => {
  const seen = new Set<string>();
  const out: RowProblem[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "row");
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({
      row,
      field,
      reason: issue.code === "invalid_type" && issue.input === undefined ? "Required" : issue.message,
    });
  }
  return out;
};

/** A clientId for a row without one: the same content gives the same id, so a re-import is recognised. */
function contentId(input: Omit<ResponseRow, "clientId">): string {
  const text = JSON.stringify([
    input.submittedAt.toISOString(),
    input.customer,
    input.touchpoint,
    input.channel,
    input.locale,
    input.completed,
    input.answers,
  ]);
  return `import-${createHash("sha256").update(text).digest("hex").slice(0, 40)}`;
}

export function responseRowParser(survey: SurveyShape) {
  const defs = new Map(toQuestionDefs(survey.questions, survey.type).map((q) => [q.key, q]));
  return (record: string[], columns: CompiledMapping, row: number): ParsedRow<ResponseRow> => {
    const draft: Record<string, unknown> = {};
    const answers: Record<string, unknown> = {};
    const problems: RowProblem[] = [];
    for (const { index, target } of columns) {
      const cell = unguardCell(record[index] ?? "").trim();
      if (cell === "") continue;
      const key = ANSWER_FIELD.exec(target)?.[1];
      const q = key === undefined ? undefined : defs.get(key);
      if (key !== undefined)
        answers[key] = q ? cellToAnswer(q, cell) : cell; // an unknown key: validateAnswers names it
      else if (target === "completed") {
        const v = parseConsent(cell);
        if (v === "bad")
          problems.push({
            row,
            field: "completed",
            reason: `Use yes/no, true/false or 1/0 (got "${cell.slice(0, 40)}")`,
          });
        else draft.completed = v;
      } else draft[target] = cell;
    }
    const base = responseRowSchema.safeParse(draft);
    if (!base.success) problems.push(...problemsOf(row, base.error.issues));
    const checked = validateAnswers(survey, answers, { complete: base.success ? base.data.completed : true });
    if (!checked.ok) {
      for (const i of checked.issues) {
        const got =
          i.code === "wrong_type" && i.key && typeof answers[i.key] === "string"
            ? ` (got "${String(answers[i.key]).slice(0, 40)}")`
            : "";
        problems.push({ row, field: i.name, reason: i.reason + got });
      }
    }
    if (problems.length || !base.success || !checked.ok) return { ok: false, problems };
    const { clientId, ...rest } = base.data;
    const input = { ...rest, answers: checked.answers };
    return { ok: true, input: { ...input, clientId: clientId ?? contentId(input) } };
  };
}

/** A resolved row: what the Response and Answer rows are made of. */
export type ResponseRecord = ResponseRow & {
  customerId: string | null;
  touchpointId: string | null;
  channelId: string | null;
};

function responseSession(ctx: Ctx, survey: ImportSurvey) {
  let lookups: Promise<Lookups> | null = null;
  const lastSeen = lastSeenTracker(ctx);
  const questions = survey.questions.map((q) => ({ id: q.id, key: q.key, type: q.type as QuestionType }));
  return {
    async resolve(rows: Numbered<ResponseRow>[]) {
      const refs = await (lookups ??= loadLookups(ctx));
      const customer = await customersOf(ctx, [
        ...new Set(rows.flatMap((r) => (r.input.customer ? [r.input.customer] : []))),
      ]);
      // Keyed by id too (an id is never ambiguous).
      const surveyTouchpoint = survey.touchpointId
        ? (refs.touchpoints.get(survey.touchpointId) as TouchpointRef | undefined)
        : undefined;
      return rows.map(({ row, input }) => {
        const problems: RowProblem[] = [];
        const c = input.customer ? customer(input.customer) : null;
        if (c && "reason" in c) problems.push({ row, field: "customer", reason: c.reason });
        const tp = input.touchpoint ? findTouchpoint(refs, input.touchpoint, true) : (surveyTouchpoint ?? null);
        if (tp && "reason" in tp) problems.push({ row, field: "touchpoint", reason: tp.reason });
        const channelId = input.channel ? findChannel(refs, input.channel, true) : undefined;
        if (input.channel && !channelId)
          problems.push({
            row,
            field: "channel",
            reason: `No channel with the key or name "${input.channel.slice(0, 60)}"`,
          });
        if (problems.length || (c && "reason" in c) || (tp && "reason" in tp)) return { row, problems };
        const record: ResponseRecord = {
          ...input,
          customerId: c?.id ?? null,
          touchpointId: tp?.id ?? (input.touchpoint ? null : survey.touchpointId),
          channelId: channelId ?? (tp && "channelId" in tp ? tp.channelId : null),
        };
        return { row, input: record };
      });
    },

    /** Each customer was last seen at their newest imported response. */
    finish: lastSeen.finish,

    /** New responses and their answers in multi-row INSERTs; clientIds already stored for the survey are skipped. No cases are opened. */
    async write(rows: ResponseRecord[]): Promise<BatchResult> {
      return db.$transaction(
        async (tx) => {
          // In chunks of 400 (2 parameters each + the survey: under SQLite's 999 bound parameters per query).
          const stored = new Set<string>();
          const clientIds = rows.map((r) => r.clientId);
          for (let i = 0; i < clientIds.length; i += 400) {
            const chunk = clientIds.slice(i, i + 400);
            const found = await tx.response.findMany({
              where: { surveyId: survey.id, OR: [{ clientId: { in: chunk } }, { id: { in: chunk } }] },
              select: { id: true, clientId: true },
            });
            for (const f of found) stored.add(f.id).add(f.clientId);
          }
          const fresh = rows.filter((r) => !stored.has(r.clientId));
          const now = new Date();
          const responses: object[] = [];
          const answers: object[] = [];
          const units = await attributeRows(tx, ctx.orgId, fresh); // docs/hierarchy.md, "Attribution"
          for (const [k, r] of fresh.entries()) {
            const id = newId();
            responses.push({
              id,
              orgId: ctx.orgId,
              surveyId: survey.id,
              surveyVersion: survey.version,
              clientId: r.clientId,
              customerId: r.customerId,
              touchpointId: r.touchpointId,
              channelId: r.channelId,
              unitId: units[k].unitId,
              ...computeHeadline(survey, r.answers),
              completed: r.completed,
              completedAt: r.completed ? r.submittedAt : null,
              locale: r.locale ?? null,
              submittedAt: r.submittedAt,
              createdAt: now,
              updatedAt: now,
            });
            for (const q of questions) {
              if (!Object.hasOwn(r.answers, q.key)) continue;
              const c = toAnswerColumns(q.type, r.answers[q.key]);
              // A Json column takes JSON text: a single choice "pro" is stored as "\"pro\"", as Prisma writes it.
              answers.push({
                id: newId(),
                orgId: ctx.orgId,
                responseId: id,
                questionId: q.id,
                ...c,
                valueChoice: c.valueChoice === null ? null : JSON.stringify(c.valueChoice),
              });
            }
            lastSeen.note(r.customerId, r.submittedAt);
          }
          await insertBatches(tx, "Response", "responses", responses);
          await insertBatches(tx, "Answer", "answers", answers);
          await analyseOnWrite(tx, { responses: responses as ResponseText[], answers: answers as AnswerText[] });
          return { inserted: fresh.length, updated: 0, skipped: rows.length - fresh.length };
        },
        { timeout: 120_000 },
      );
    },
  };
}

export function responseKind(survey: ImportSurvey): ImportKind<ResponseRow, ResponseRecord> {
  return {
    spec: responseSpec(survey.columns),
    audit: { action: "responses.imported", entityType: "Response" },
    parseRow: responseRowParser(survey),
    uniqueKey: (input) => ({ field: "clientId", value: input.clientId }),
    session: (ctx) => responseSession(ctx, survey),
  };
}

/** Checks the survey first (another organization's → NotFoundError, before anything is read or written). */
export async function prepareResponseImport(ctx: Ctx, surveyId: string, source: Source, options: ImportOptions) {
  return prepareImport(responseKind(await getImportSurvey(ctx, surveyId)), ctx, source, options);
}
