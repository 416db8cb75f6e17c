import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { replaceQuestions } from "@/lib/surveys/builder";
import { questionsReplaceSchema } from "@/lib/surveys/builder-schema";

// PUT /api/v1/surveys/:id/questions – the whole ordered question list (existing questions keep their id)
export const PUT = route(
  { role: "manager", scope: "org", params: idParams, body: questionsReplaceSchema },
  ({ ctx, params, body }) => replaceQuestions(ctx, params.id, body),
);
