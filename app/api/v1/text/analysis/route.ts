import { route, reply } from "@/lib/http/handler";
import { startTextAnalysis, textAnalysisStatus } from "@/lib/text-analytics/service";

// GET /api/v1/text/analysis – the analysis of history: texts not yet analysed with the current analyser and taxonomy
// (`pending`), the taxonomy version, and the latest job (status, done of total; { job: null } before the first). Managers.
export const GET = route({ role: "manager", scope: "org" }, ({ ctx }) => textAnalysisStatus(ctx));

// POST /api/v1/text/analysis – analyses every free-text answer and note not yet analysed with the current analyser and
// taxonomy, in the background: 202 with the job, or 200 with the one already queued or running. Managers.
export const POST = route({ role: "manager", scope: "org" }, async ({ ctx }) => {
  const { job, started } = await startTextAnalysis(ctx);
  return reply({ job }, started ? 202 : 200);
});
