// What a kind of background job provides (lib/jobs/runner.ts runs it; lib/jobs/kinds.ts lists the kinds).
import type { Prisma } from "../db";

/** One batch of a job: what it examined, where the next batch starts, and whether this was the last. */
export type StepResult = {
  cursor: Prisma.InputJsonValue;
  /** Rows examined in this batch (added to the job's `done`). */
  examined: number;
  /** Counts to add to the job's result (e.g. rows attributed per rule). */
  counts: Record<string, number>;
  finished: boolean;
};

export type JobHandler = {
  /** How many rows there are to examine, for the progress bar (counted when the job starts). */
  total(orgId: string): Promise<number>;
  /** One batch, in the given transaction; `cursor` is null for the first. */
  step(tx: Prisma.TransactionClient, job: { orgId: string; cursor: unknown }): Promise<StepResult>;
  /** The audit event written when the job ends. */
  audit: { action: string; entityType: string };
};
