// CSV of the filtered responses, streamed page by page (lib/csv/stream.ts: a page is read from the database
// only when the client has taken the previous one). With one survey chosen, every question of that survey
// gets its own column (its text in the survey's default language); across surveys the answers go into one
// "answers" column, one "question: answer" per line. Each export is recorded in the audit trail.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { csvStream, type CsvCell } from "../csv/stream";
import { localizedText } from "../surveys/locale";
import { insightCells } from "../text-analytics/insight";
import { responsePages, type ResponseItem } from "./service";
import type { ResponseFilters } from "./schema";

export const RESPONSE_COLUMNS = [
  "id",
  "submittedAt",
  "survey",
  "touchpoint",
  "channel",
  "customerId",
  "customerName",
  "customerEmail",
  "locale",
  "completed",
  "metric",
  "score",
  "category",
  "comment",
  "sentiment",
  "sentiment_label",
  "themes",
] as const;

function baseCells(r: ResponseItem): CsvCell[] {
  return [
    r.id,
    r.submittedAt.toISOString(),
    r.survey.name,
    r.touchpoint?.name,
    r.channel?.name,
    r.customer?.id,
    r.customer?.name,
    r.customer?.email,
    r.locale,
    r.completed,
    r.metric,
    r.score,
    r.category,
    r.comment,
    ...insightCells(r),
  ];
}

type QuestionColumn = { id: string; title: string };

/** The columns of one survey's questions, in order; a text used twice gets its key added. */
async function questionColumns(ctx: Ctx, surveyId: string): Promise<QuestionColumn[]> {
  const survey = await db.survey.findFirst({
    where: { id: surveyId, orgId: ctx.orgId },
    select: {
      defaultLocale: true,
      questions: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, key: true, text: true } },
    },
  });
  if (!survey) return []; // another organization's (or no) survey: nothing matches either
  const titles = survey.questions.map(
    (q) => localizedText(q.text, survey.defaultLocale, survey.defaultLocale) || q.key,
  );
  return survey.questions.map((q, i) => ({
    id: q.id,
    title:
      titles.indexOf(titles[i]) === i && !titles.includes(titles[i], i + 1) ? titles[i] : `${titles[i]} (${q.key})`,
  }));
}

async function* rows(
  ctx: Ctx,
  filters: ResponseFilters,
  questions: QuestionColumn[] | null,
): AsyncGenerator<CsvCell[][]> {
  for await (const page of responsePages(ctx, filters)) {
    yield page.map((r) => {
      if (!questions) return [...baseCells(r), r.answers.map((a) => `${a.question}: ${a.display}`).join("\n")];
      const byQuestion = new Map(r.answers.map((a) => [a.questionId, a.display]));
      return [...baseCells(r), ...questions.map((q) => byQuestion.get(q.id) ?? "")];
    });
  }
}

export async function exportResponsesCsv(ctx: Ctx, filters: ResponseFilters): Promise<ReadableStream<Uint8Array>> {
  const questions = filters.surveyId ? await questionColumns(ctx, filters.surveyId) : null;
  const header = [...RESPONSE_COLUMNS, ...(questions ? questions.map((q) => q.title) : ["answers"])];
  const applied = Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
  await recordAudit(ctx, { action: "responses.exported", entityType: "response", data: { filters: applied } });
  return csvStream(header, rows(ctx, filters, questions));
}
