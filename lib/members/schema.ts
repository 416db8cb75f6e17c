import { z } from "zod";
import { roleSchema } from "../auth/roles";

export const inviteCreateSchema = z.object({
  email: z.string().trim().toLowerCase().email("Not a valid e-mail address").max(320),
  role: roleSchema,
});
export type InviteCreate = z.infer<typeof inviteCreateSchema>;

export const memberUpdateSchema = z.object({ role: roleSchema });

export const newAccountSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  // The rules are the password policy's (lib/account/new-password.ts), checked by the service.
  password: z.string().min(1, "Choose a password").max(1024, "That is far too long for a password"),
});
export type NewAccount = z.infer<typeof newAccountSchema>;

export const organizationCreateSchema = z.object({ name: z.string().trim().min(2, "Name is required").max(120) });
