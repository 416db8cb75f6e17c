import { z } from "zod";
import { roleSchema } from "../auth/roles";
import { passwordField } from "../auth/password-rules";

export const inviteCreateSchema = z.object({
  email: z.string().trim().toLowerCase().email("Not a valid e-mail address").max(320),
  role: roleSchema,
});
export type InviteCreate = z.infer<typeof inviteCreateSchema>;

export const memberUpdateSchema = z.object({ role: roleSchema });

export const newAccountSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  // Length here; strength against the invite's e-mail, name and organization in registerFromInvite (service.ts).
  password: passwordField,
});
export type NewAccount = z.infer<typeof newAccountSchema>;

export const organizationCreateSchema = z.object({ name: z.string().trim().min(2, "Name is required").max(120) });
