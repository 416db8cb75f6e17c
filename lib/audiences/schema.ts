import { z } from "zod";
import { paginationQuery } from "../http/pagination";
import { definitionSchema } from "./definition";

const name = z.string().trim().min(1, "Name the audience").max(120);

export const createAudienceSchema = z.object({
  name,
  definition: definitionSchema.default({ criteria: [] }),
});
export type CreateAudienceInput = z.infer<typeof createAudienceSchema>;

export const updateAudienceSchema = z
  .object({ name: name.optional(), definition: definitionSchema.optional() })
  .refine((u) => u.name !== undefined || u.definition !== undefined, {
    message: "Change the name, the definition or both",
    path: ["name"],
  });
export type UpdateAudienceInput = z.infer<typeof updateAudienceSchema>;

export const audienceListQuery = paginationQuery;

/** POST /api/v1/audiences/static?name= – the name of a static audience whose members are the CSV body. */
export const staticAudienceQuery = z.object({ name: name.default("Uploaded list") });

/** The live preview of a definition that is not saved yet (the builder). */
export const previewDefinitionSchema = z.object({
  definition: definitionSchema,
  /** The saved audience being edited, if any (a static one's list is what the criteria narrow). */
  audienceId: z.string().min(1).max(64).optional(),
});
