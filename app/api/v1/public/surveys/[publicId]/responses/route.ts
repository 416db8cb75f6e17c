// POST and OPTIONS /api/v1/public/surveys/:publicId/responses (lib/surveys/public-endpoints.ts). In
// production the custom server (server/index.ts) answers these paths itself with the same functions; this
// route serves them under `next dev` and for any request that reaches Next.js.
import { postResponse, responsesPreflight } from "@/lib/surveys/public-endpoints";

export const POST = postResponse;
export const OPTIONS = responsesPreflight;
