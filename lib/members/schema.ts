import { z } from "zod";
import { roleSchema } from "../auth/roles";
import { passwordField } from "../auth/password-rules";

/**
 * A membership's, invite's or API key's scope (docs/hierarchy.md, "Scoped memberships"): a unit of the organization
 * and its subtree, or null for the whole organization ("" from a form's "Whole organization" option means null too).
 */
export const scopeUnitField = z.preprocess(
  (v) => (v === "" ? null : v),
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id")
    .nullable(),
);

export const inviteCreateSchema = z.object({
  email: z.string().trim().toLowerCase().email("Not a valid e-mail address").max(320),
  role: roleSchema,
  unitId: scopeUnitField.optional(),
});
export type InviteCreate = z.infer<typeof inviteCreateSchema>;

export const memberUpdateSchema = z
  .object({ role: roleSchema.optional(), unitId: scopeUnitField.optional() })
  .refine((m) => m.role !== undefined || m.unitId !== undefined, {
    message: "Give a role, a unit (unitId) or both",
    path: ["role"],
  });
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

export const newAccountSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  // Length here; strength against the invite's e-mail, name and organization in registerFromInvite (service.ts).
  password: passwordField,
});
export type NewAccount = z.infer<typeof newAccountSchema>;

export const organizationCreateSchema = z.object({ name: z.string().trim().min(2, "Name is required").max(120) });
