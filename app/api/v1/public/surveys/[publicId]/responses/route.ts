// The functions live in lib/surveys/public-endpoints.ts. In production the custom server (server/index.ts)
// answers these paths itself with the same functions; this route serves them under `next dev` and for any
// request that reaches Next.js.
import { postResponse, responsesPreflight } from "@/lib/surveys/public-endpoints";

// POST /api/v1/public/surveys/:publicId/responses – a respondent's answers, idempotent by clientId: 201 for a
// new response, 200 for a replay or for continuing a partial one; 409 changing a completed one; 429 rate limited.
export const POST = postResponse;
export const OPTIONS = responsesPreflight;
