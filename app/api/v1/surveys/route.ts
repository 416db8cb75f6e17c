import { route } from "@/lib/http/handler";
import { listSurveys } from "@/lib/surveys/service";

// GET /api/v1/surveys – surveys with status and response counts
export const GET = route({ role: "viewer" }, ({ ctx }) => listSurveys(ctx));
