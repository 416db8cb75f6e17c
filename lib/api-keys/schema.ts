import { z } from "zod";
import { roleSchema } from "../auth/roles";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(80),
  role: roleSchema.default("agent"),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
