// The functions live in lib/surveys/public-endpoints.ts. In production the custom server (server/index.ts)
// answers these paths itself with the same functions; this route serves them under `next dev` and for any
// request that reaches Next.js.
import { getSurvey, surveyPreflight } from "@/lib/surveys/public-endpoints";

// GET /api/v1/public/surveys/:publicId – a live survey's questions for respondents, in their language
// (?lang=, else Accept-Language, else the survey's default); 404 unknown or draft, 410 closed. No login.
// ?customer=<external id> of a customer who opted out of surveys → 200 { eligible: false } and no questions.
export const GET = getSurvey;
export const OPTIONS = surveyPreflight;
