// Environment, read once and validated. NEXTAUTH_SECRET signs the session JWTs: every instance behind a
// load balancer must share it. `npm start` creates one in data/ for the embedded single-machine setup.
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}

export const env = parsed.data;
