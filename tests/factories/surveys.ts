// Surveys with questions for the public API tests, written through the same client the app uses.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { uid } from "./index";

type QuestionSeed = Omit<Prisma.SurveyQuestionCreateManyInput, "orgId" | "surveyId" | "position">;

/** An NPS survey in English and German with every question type and skip logic. */
export const NPS_QUESTIONS: QuestionSeed[] = [
  {
    key: "nps",
    type: "score",
    required: true,
    headline: true,
    scaleMin: 0,
    scaleMax: 10,
    text: { en: "How likely are you to recommend us?", de: "Wie wahrscheinlich empfehlen Sie uns weiter?" },
  },
  {
    key: "why_low",
    type: "text",
    required: true,
    text: { en: "What went wrong?", de: "Was lief schief?" },
    logic: { showIf: { question: "nps", in: [0, 1, 2, 3, 4, 5, 6] } },
  },
  {
    key: "why_high",
    type: "text",
    text: { en: "What did you like?", de: "Was hat Ihnen gefallen?" },
    logic: { showIf: { question: "nps", gte: 9 } },
  },
  {
    key: "plan",
    type: "single_choice",
    required: true,
    text: { en: "Which plan are you on?", de: "Welchen Tarif haben Sie?" },
    options: [
      { key: "basic", label: { en: "Basic", de: "Basis" } },
      { key: "pro", label: { en: "Pro", de: "Profi" } },
    ],
  },
  {
    key: "topics",
    type: "multi_choice",
    text: { en: "Topics", de: "Themen" },
    options: [
      { key: "price", label: "Price" },
      { key: "speed", label: "Speed" },
    ],
  },
  { key: "renew", type: "yes_no", text: { en: "Will you renew?", de: "Verlängern Sie?" } },
];

export async function createSurvey(
  orgId: string,
  opts: {
    status?: string;
    type?: string;
    settings?: Prisma.InputJsonValue;
    touchpointId?: string | null;
    questions?: QuestionSeed[];
    languages?: string[];
  } = {},
) {
  const survey = await db.survey.create({
    data: {
      orgId,
      publicId: `pub${uid()}${uid()}`,
      name: "Public API test survey",
      type: opts.type ?? "nps",
      status: opts.status ?? "live",
      touchpointId: opts.touchpointId ?? null,
      languages: opts.languages ?? ["en", "de"],
      defaultLocale: "en",
      version: 3,
      settings: opts.settings,
    },
  });
  const questions = opts.questions ?? NPS_QUESTIONS;
  await db.surveyQuestion.createMany({
    data: questions.map((q, position) => ({ ...q, orgId, surveyId: survey.id, position })),
  });
  const rows = await db.surveyQuestion.findMany({ where: { surveyId: survey.id }, select: { id: true, key: true } });
  return { id: survey.id, publicId: survey.publicId, questionIds: Object.fromEntries(rows.map((r) => [r.key, r.id])) };
}

/** What is stored for a survey: its responses (with answers keyed by question key). */
export async function storedResponses(surveyId: string) {
  const rows = await db.response.findMany({
    where: { surveyId },
    include: { answers: { include: { question: { select: { key: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ ...r, answers: Object.fromEntries(r.answers.map((a) => [a.question.key, a])) }));
}
