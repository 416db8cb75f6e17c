import { z } from "zod";
import { roleSchema } from "../auth/roles";
import { scopeUnitField } from "../members/schema";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(80),
  role: roleSchema.default("agent"),
  /** The key's own scope (docs/hierarchy.md): a unit and its subtree; none = its creator's. */
  unitId: scopeUnitField.optional(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
