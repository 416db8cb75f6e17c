import { z } from "zod";

export const headlineQuery = z.object({ days: z.coerce.number().int().min(1).max(3650).default(90) });
