import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { getSurveyDetail, updateSurvey } from "@/lib/surveys/builder";
import { surveyUpdateSchema } from "@/lib/surveys/builder-schema";

// GET /api/v1/surveys/:id – a survey with its questions (each with its answer count and whether it is locked) and distribution settings
export const GET = route({ role: "viewer", scope: "unit", params: idParams }, ({ ctx, params }) =>
  getSurveyDetail(ctx, params.id),
);

// PATCH /api/v1/surveys/:id – name, linked touchpoint, languages, distribution settings
export const PATCH = route(
  { role: "manager", scope: "org", params: idParams, body: surveyUpdateSchema },
  ({ ctx, params, body }) => updateSurvey(ctx, params.id, body),
);
