// A SERVQUAL survey (the builder's template: one expectation and one perception item per dimension, 1–7) answered
// at four service touchpoints, so the experience-gap report's SERVQUAL heatmap has something true to show:
// small gaps around zero almost everywhere, and responsiveness clearly short at "Phone support call back"
// (the callback that does not come when promised).
//
// Built after every other demo row (after the driver survey), from its own random stream, so the rest of the
// demo data is unchanged.
import type { Prisma } from "../generated/sqlite/client";
import { SERVQUAL_DIMENSIONS } from "../journeys/schema";
import { TEMPLATES } from "../surveys/templates";
import type { World } from "./build";
import { createRng, hashString } from "../metrics/random";

const DAY = 86_400_000;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export const SERVQUAL_SURVEY_NAME = "Service quality (SERVQUAL)";

/** The touchpoints asked, and the true gap (perception − expectation) per dimension beyond the common one. */
export const SERVQUAL_TOUCHPOINTS: {
  name: string;
  extra: Partial<Record<(typeof SERVQUAL_DIMENSIONS)[number], number>>;
}[] = [
  { name: "Phone support call back", extra: { responsiveness: -1.8, reliability: -0.4 } },
  { name: "Live chat support", extra: { responsiveness: 0.3 } },
  { name: "Store walk-in advice", extra: { tangibles: 0.4, assurance: 0.2 } },
  { name: "Engineer home visit", extra: { reliability: -0.2, empathy: 0.2 } },
];
/** The gap every touchpoint shares per dimension. */
const COMMON_GAP: Record<(typeof SERVQUAL_DIMENSIONS)[number], number> = {
  tangibles: 0.1,
  reliability: -0.2,
  responsiveness: -0.2,
  assurance: 0,
  empathy: -0.1,
};

/** Responses at scale 1 (about 100 per touchpoint in the last 90 days). */
const RESPONSES_AT_SCALE_1 = 600;
/** Answered over the last 150 days. */
const SPAN_DAYS = 150;

export function buildServqualSurvey(w: World, seed: number, setupAt: Date) {
  const rng = createRng(hashString(`servqual:${seed}`));
  const { orgId, newId } = w;
  const createdAt = new Date(setupAt.getTime() - 2 * DAY); // older than the other surveys, like the driver survey
  const surveyId = newId();
  const survey: Prisma.SurveyCreateManyInput = {
    id: surveyId,
    orgId,
    publicId: w.newPublicId(),
    name: SERVQUAL_SURVEY_NAME,
    type: "servqual",
    status: "live",
    touchpointId: null,
    languages: ["en"],
    defaultLocale: "en",
    version: 1,
    publishedAt: new Date(setupAt.getTime() + 10 * DAY),
    createdAt,
    updatedAt: createdAt,
  };
  const questions: Prisma.SurveyQuestionCreateManyInput[] = TEMPLATES.servqual.questions.map((q, position) => ({
    id: newId(),
    orgId,
    surveyId,
    key: q.key,
    position,
    type: q.type,
    required: q.required,
    scaleMin: q.scaleMin,
    scaleMax: q.scaleMax,
    text: { en: q.text.en },
    headline: false,
    servqualDimension: q.servqualDimension,
    servqualRole: q.servqualRole,
    createdAt,
  }));
  const questionId = (dimension: string, role: string) =>
    questions.find((q) => q.servqualDimension === dimension && q.servqualRole === role)!.id!;

  const places = SERVQUAL_TOUCHPOINTS.map((p) => ({
    ...p,
    tp: w.touchpoints.find((t) => t.def.name === p.name),
  })).filter((p) => p.tp);
  const responses: Prisma.ResponseCreateManyInput[] = [];
  const answers: Prisma.AnswerCreateManyInput[] = [];
  const count = places.length === 0 ? 0 : Math.round(RESPONSES_AT_SCALE_1 * w.scale);
  const fromMs = Math.max(w.startMs, w.nowMs - SPAN_DAYS * DAY);
  for (let r = 0; r < count; r++) {
    const place = places[r % places.length];
    const ms = fromMs + Math.floor(rng.next() * (w.nowMs - fromMs));
    const customer = w.customers[w.customerAt(ms)];
    const at = new Date(ms);
    const id = newId();
    responses.push({
      id,
      orgId,
      surveyId,
      surveyVersion: 1,
      clientId: w.newClientId(),
      customerId: customer.id,
      touchpointId: place.tp!.id,
      channelId: place.tp!.channelId,
      metric: null,
      score: null,
      category: null,
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
    // A respondent's general standard (expectations correlate across dimensions), each item its own part.
    const standard = rng.normal(0, 0.5);
    for (const dimension of SERVQUAL_DIMENSIONS) {
      const expected = clamp(5.9 + standard + rng.normal(0, 0.6), 1, 7);
      const perceived = expected + COMMON_GAP[dimension] + (place.extra[dimension] ?? 0) + rng.normal(0, 0.9);
      answers.push({
        id: newId(),
        orgId,
        responseId: id,
        questionId: questionId(dimension, "expectation"),
        valueNumber: Math.round(expected),
        valueText: null,
      });
      answers.push({
        id: newId(),
        orgId,
        responseId: id,
        questionId: questionId(dimension, "perception"),
        valueNumber: clamp(Math.round(perceived), 1, 7),
        valueText: null,
      });
    }
  }
  return { survey, questions, responses, answers };
}
