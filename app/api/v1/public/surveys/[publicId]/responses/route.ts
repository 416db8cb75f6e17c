// The functions live in lib/surveys/public-endpoints.ts. In production the custom server (server/index.ts)
// answers these paths itself with the same functions; this route serves them under `next dev` and for any
// request that reaches Next.js.
import { postResponse, responsesPreflight } from "@/lib/surveys/public-endpoints";

// POST /api/v1/public/surveys/:publicId/responses – a respondent's answers, idempotent by clientId: 201 for a
// new response (with its `resumeToken`), 200 `{ clientId, completed }` for continuing a partial one with that
// token or for an identical replay; 409 without the token, or changing a completed one; 400 an unknown channel or touchpointId; 429 rate limited.
export const POST = postResponse;
export const OPTIONS = responsesPreflight;
