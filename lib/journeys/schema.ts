import { z } from "zod";

export const TOUCHPOINT_KINDS = ["digital", "human", "physical"] as const;
export const SERVQUAL_DIMENSIONS = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"] as const;

export const journeyCreateSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  description: z.string().trim().max(2000).optional(),
  stages: z
    .array(z.object({ name: z.string().trim().min(1, "Stage name is required").max(120) }))
    .max(30)
    .default([]),
});
export type JourneyCreate = z.infer<typeof journeyCreateSchema>;

export const journeyUpdateSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  archived: z.boolean().optional(),
});
export type JourneyUpdate = z.infer<typeof journeyUpdateSchema>;

export const journeyListQuery = z.object({
  includeArchived: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});
