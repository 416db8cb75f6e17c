import { z } from "zod";

/** Path parameter `[id]`: any well-formed id; whether it exists in the caller's organization is the service's question. */
export const idParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id"),
});
