import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { getSurvey } from "@/lib/surveys/service";

// GET /api/v1/surveys/:id – a survey with its questions
export const GET = route({ role: "viewer", params: idParams }, ({ ctx, params }) => getSurvey(ctx, params.id));
