import { reply, route } from "@/lib/http/handler";
import { listSurveys } from "@/lib/surveys/service";
import { createSurvey } from "@/lib/surveys/builder";
import { surveyCreateSchema } from "@/lib/surveys/builder-schema";

// GET /api/v1/surveys – surveys with status and response counts
export const GET = route({ role: "viewer", scope: "unit" }, ({ ctx }) => listSurveys(ctx));

// POST /api/v1/surveys – a new draft survey from a template (nps, csat, ces, servqual, custom)
export const POST = route({ role: "manager", scope: "org", body: surveyCreateSchema }, async ({ ctx, body }) =>
  reply(await createSurvey(ctx, body), 201),
);
