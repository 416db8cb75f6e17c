import { z } from "zod";
import { paginationQuery } from "../http/pagination";

export const CASE_STATUSES = ["open", "in_progress", "resolved"] as const;

export const caseListQuery = paginationQuery.extend({
  status: z.enum(CASE_STATUSES).optional(),
  mine: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseUpdateSchema = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    rootCause: z.string().trim().max(200).nullable().optional(),
    resolution: z.string().trim().max(5000).nullable().optional(),
    ownerId: z.string().min(1).max(64).nullable().optional(),
    dueAt: z.coerce.date().nullable().optional(),
    /** With status "resolved": send the customer a short re-survey (lib/cases/resurvey.ts). */
    resurvey: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" });
export type CaseUpdate = z.infer<typeof caseUpdateSchema>;
