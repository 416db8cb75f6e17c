// Every kind of background job (docs/architecture.md, "Resumable jobs"), by the name stored in BackgroundJob.kind.
import { unitBackfill } from "../units/backfill";
import { textAnalysisJob } from "../text-analytics/retag";
import type { JobHandler } from "./types";

export const JOB_KINDS = {
  "unit-backfill": unitBackfill,
  "text-analysis": textAnalysisJob,
} satisfies Record<string, JobHandler>;

export type JobKind = keyof typeof JOB_KINDS;
