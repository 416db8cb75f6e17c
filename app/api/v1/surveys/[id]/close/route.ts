import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { transitionSurvey } from "@/lib/surveys/builder";

// POST /api/v1/surveys/:id/close – live → closed (the link and widget stop taking answers)
export const POST = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  transitionSurvey(ctx, params.id, "close"),
);
