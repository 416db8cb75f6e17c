import { route, reply } from "@/lib/http/handler";
import { saveAssessmentSchema } from "@/lib/maturity/schema";
import { listAssessments, saveAssessment } from "@/lib/maturity/service";

// GET /api/v1/maturity-assessments – the organization's self-assessments, newest first (at most 50)
export const GET = route({ role: "viewer", scope: "org" }, ({ ctx }) => listAssessments(ctx));

// POST /api/v1/maturity-assessments – save a self-assessment: { answers: { <question key>: 1–4 } }
export const POST = route({ role: "manager", scope: "org", body: saveAssessmentSchema }, async ({ ctx, body }) =>
  reply(await saveAssessment(ctx, body), 201),
);
