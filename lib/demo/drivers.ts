// A relationship survey with driver items for the key-driver analysis: "How likely are you to recommend …"
// (0–10) followed by five satisfaction items (1–5). Each item has its own level (performance) and its own pull
// on the recommendation (importance), so the driver view has something true to find: value for money matters
// a lot and scores low ("fix first"), network coverage matters a lot and scores high, the app matters little.
//
// Built after every other demo row, from its own random stream, so the rest of the demo data is unchanged.
import type { Prisma } from "../generated/sqlite/client";
import type { World } from "./build";
import { categoryFor } from "./feedback";
import { createRng, hashString } from "../metrics/random";
import { QUESTION_TEXT } from "./text";

const DAY = 86_400_000;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export const DRIVER_SURVEY_NAME = "Relationship drivers";

/** key, English text (as it continues "How satisfied are you with: …"), mean level on the 1–5 scale, effect on the 0–10 recommendation per point of perception. */
export const DRIVER_ITEMS = [
  { key: "network", text: "network coverage and reliability", level: 4.1, effect: 1.0 },
  { key: "value", text: "value for money", level: 2.9, effect: 0.9 },
  { key: "support", text: "help when something goes wrong", level: 3.4, effect: 0.55 },
  { key: "billing", text: "clear, correct bills", level: 3.9, effect: 0.25 },
  { key: "app", text: "the Northwind app", level: 4.2, effect: 0.1 },
] as const;

/** Responses at scale 1 (about 200 in the last 90 days). */
const RESPONSES_AT_SCALE_1 = 1200;

export function buildDriverSurvey(w: World, seed: number, setupAt: Date) {
  const rng = createRng(hashString(`drivers:${seed}`));
  const { orgId, newId } = w;
  const createdAt = new Date(setupAt.getTime() - DAY); // older than the other surveys: "the newest live NPS survey" stays the same
  const surveyId = newId();
  const survey: Prisma.SurveyCreateManyInput = {
    id: surveyId,
    orgId,
    publicId: w.newPublicId(),
    name: DRIVER_SURVEY_NAME,
    type: "nps",
    status: "live",
    touchpointId: null,
    languages: ["en"],
    defaultLocale: "en",
    version: 1,
    publishedAt: new Date(setupAt.getTime() + 10 * DAY),
    createdAt,
    updatedAt: createdAt,
  };
  const base = { orgId, surveyId, createdAt, type: "score", required: true };
  const headlineId = newId();
  const questions: Prisma.SurveyQuestionCreateManyInput[] = [
    {
      ...base,
      id: headlineId,
      key: "nps",
      position: 0,
      scaleMin: 0,
      scaleMax: 10,
      text: { en: QUESTION_TEXT.nps.en },
      headline: true,
    },
    ...DRIVER_ITEMS.map((item, i) => ({
      ...base,
      id: newId(),
      key: item.key,
      position: i + 1,
      scaleMin: 1,
      scaleMax: 5,
      text: { en: `How satisfied are you with: ${item.text}?` },
      headline: false,
    })),
  ];

  const responses: Prisma.ResponseCreateManyInput[] = [];
  const answers: Prisma.AnswerCreateManyInput[] = [];
  const count = Math.round(RESPONSES_AT_SCALE_1 * w.scale);
  for (let r = 0; r < count; r++) {
    const ms = w.startMs + Math.floor(rng.next() * (w.nowMs - w.startMs));
    const customer = w.customers[w.customerAt(ms)];
    // A general mood shared by all items (so the items correlate, as real ratings do) plus each item's own part.
    const mood = 0.6 * customer.u + (w.trend(ms) - 25) / 40 + rng.normal(0, 0.5);
    let recommend = 7.2;
    const scores = DRIVER_ITEMS.map((item) => {
      const perception = 0.6 * mood + rng.normal(0, 0.9);
      recommend += item.effect * perception;
      return clamp(Math.round(item.level + perception), 1, 5);
    });
    const score = clamp(Math.round(recommend + rng.normal(0, 1.1)), 0, 10);
    const at = new Date(ms);
    const id = newId();
    responses.push({
      id,
      orgId,
      surveyId,
      surveyVersion: 1,
      clientId: w.newClientId(),
      customerId: customer.id,
      touchpointId: null,
      channelId: w.channelIds.email ?? null,
      metric: "nps",
      score,
      category: categoryFor("nps", score),
      comment: null,
      hasComment: false,
      completed: true,
      locale: "en",
      pageUrl: null,
      userAgentCategory: rng.chance(0.5) ? "mobile" : "desktop",
      submittedAt: at,
      completedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    answers.push({ id: newId(), orgId, responseId: id, questionId: headlineId, valueNumber: score, valueText: null });
    scores.forEach((value, i) =>
      answers.push({
        id: newId(),
        orgId,
        responseId: id,
        questionId: questions[i + 1].id!,
        valueNumber: value,
        valueText: null,
      }),
    );
  }
  return { survey, questions, responses, answers };
}
