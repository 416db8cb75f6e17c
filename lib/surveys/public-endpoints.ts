// The public survey endpoints themselves, in one place: the app routes under app/api/v1/public/surveys
// export them, and the fast ingestion server (server/fast-routes.ts) calls the very same functions for
// these paths without going through Next.js's request pipeline. One implementation, two doors.
import { clientIp } from "../http/client-ip";
import { publicPreflight, publicRoute } from "../http/public-handler";
import { reply } from "../http/reply";
import { publicIdParams, publicResponseInput, publicSurveyQuery } from "./public-schema";
import { allowedOriginsForSurvey, getPublicSurvey, submitPublicResponse, widgetEligibility } from "./public-service";

const allowedOrigins = ({ publicId }: { publicId: string }) => allowedOriginsForSurvey(publicId);

// GET /api/v1/public/surveys/:publicId – a live survey's questions for respondents, in their language
// (?lang=, else Accept-Language, else the survey's default); 404 unknown or draft, 410 closed. No login.
// ?customer=<external id>&customerToken=<token> of a customer who opted out of surveys → 200 { eligible: false,
// reason: "opted_out" } and no questions; of a customer the organization's frequency cap keeps from this survey now
// → 200 { eligible: false } (no reason, no date: docs/distribution.md "Contact rules"), and an answer with the
// questions counts as that customer's contact; without a valid token the answer is the one an unknown customer
// gets (customer-identity.ts).
export const getSurvey = publicRoute(
  { params: publicIdParams, query: publicSurveyQuery, allowedOrigins },
  async ({ params, query, req }) => {
    const eligibility = await widgetEligibility(params.publicId, query.customer, query.customerToken, {
      name: "customerToken",
      in: "query",
    });
    if (eligibility === "opted_out") return reply({ publicId: params.publicId, eligible: false, reason: "opted_out" });
    if (eligibility === "not_now") return reply({ publicId: params.publicId, eligible: false });
    const survey = await getPublicSurvey(params.publicId, req.headers.get("accept-language"), query.lang);
    return reply(survey, 200, { "content-language": survey.locale, vary: "Accept-Language" });
  },
);

// OPTIONS /api/v1/public/surveys/:publicId – CORS preflight for the survey's allowed origins
export const surveyPreflight = publicPreflight({ params: publicIdParams, methods: ["GET"], allowedOrigins });

// POST /api/v1/public/surveys/:publicId/responses – a respondent's answers, idempotent by clientId: 201 for a
// new response (with its `resumeToken`), 200 `{ clientId, completed }` for continuing a partial one with that
// token or for an identical replay; 409 without the token, or changing a completed one; 400 an unknown channel or touchpointId; 429 rate limited.
export const postResponse = publicRoute(
  { params: publicIdParams, body: publicResponseInput, allowedOrigins },
  async ({ params, body, req }) => {
    const meta = { userAgent: req.headers.get("user-agent"), ip: clientIp(req.headers) };
    const { response, created } = await submitPublicResponse(params.publicId, body, meta);
    return reply(response, created ? 201 : 200);
  },
);

// OPTIONS /api/v1/public/surveys/:publicId/responses – CORS preflight for the survey's allowed origins
export const responsesPreflight = publicPreflight({ params: publicIdParams, methods: ["POST"], allowedOrigins });
