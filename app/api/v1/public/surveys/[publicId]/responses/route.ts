import { reply } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { publicPreflight, publicRoute } from "@/lib/http/public-handler";
import { publicIdParams, publicResponseInput } from "@/lib/surveys/public-schema";
import { allowedOriginsForSurvey, submitPublicResponse } from "@/lib/surveys/public-service";

const allowedOrigins = ({ publicId }: { publicId: string }) => allowedOriginsForSurvey(publicId);

// POST /api/v1/public/surveys/:publicId/responses – a respondent's answers, idempotent by clientId: 201 for a
// new response, 200 for a replay or for continuing a partial one; 409 changing a completed one; 429 rate limited.
export const POST = publicRoute({ params: publicIdParams, body: publicResponseInput, allowedOrigins }, async ({ params, body, req }) => {
  const meta = { userAgent: req.headers.get("user-agent"), ip: clientIp(req.headers) };
  const { response, created } = await submitPublicResponse(params.publicId, body, meta);
  return reply(response, created ? 201 : 200);
});

// OPTIONS /api/v1/public/surveys/:publicId/responses – CORS preflight for the survey's allowed origins
export const OPTIONS = publicPreflight({ params: publicIdParams, methods: ["POST"], allowedOrigins });
