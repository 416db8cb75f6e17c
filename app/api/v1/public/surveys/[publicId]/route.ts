import { reply } from "@/lib/http/handler";
import { publicPreflight, publicRoute } from "@/lib/http/public-handler";
import { publicIdParams, publicSurveyQuery } from "@/lib/surveys/public-schema";
import { allowedOriginsForSurvey, customerMayAnswer, getPublicSurvey } from "@/lib/surveys/public-service";

const allowedOrigins = ({ publicId }: { publicId: string }) => allowedOriginsForSurvey(publicId);

// GET /api/v1/public/surveys/:publicId – a live survey's questions for respondents, in their language
// (?lang=, else Accept-Language, else the survey's default); 404 unknown or draft, 410 closed. No login.
// ?customer=<external id> of a customer who opted out of surveys → 200 { eligible: false } and no questions.
export const GET = publicRoute({ params: publicIdParams, query: publicSurveyQuery, allowedOrigins }, async ({ params, query, req }) => {
  if (!(await customerMayAnswer(params.publicId, query.customer))) return reply({ publicId: params.publicId, eligible: false, reason: "opted_out" });
  const survey = await getPublicSurvey(params.publicId, req.headers.get("accept-language"), query.lang);
  return reply(survey, 200, { "content-language": survey.locale, vary: "Accept-Language" });
});

// OPTIONS /api/v1/public/surveys/:publicId – CORS preflight for the survey's allowed origins
export const OPTIONS = publicPreflight({ params: publicIdParams, methods: ["GET"], allowedOrigins });
