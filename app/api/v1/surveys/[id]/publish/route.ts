import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { transitionSurvey } from "@/lib/surveys/builder";

// POST /api/v1/surveys/:id/publish – draft → live (needs at least one valid question)
export const POST = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  transitionSurvey(ctx, params.id, "publish"),
);
