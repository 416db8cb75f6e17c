// Single sign-on settings and the sign-in form: zod only, shared by /api/v1/sso-connection and the forms.
import { z } from "zod";
import { roleSchema } from "../auth/roles";

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "acme.com, acme.co.uk" or a list; lower-case, no "@", no duplicates. */
export const allowedDomainsSchema = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v),
    z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .transform((d) => d.replace(/^@/, ""))
          .pipe(z.string().regex(DOMAIN, "Not a domain name (e.g. example.com)")),
      )
      .min(1, "Name at least one e-mail domain (e.g. example.com)")
      .max(50, "At most 50 domains"),
  )
  .transform((list) => [...new Set(list)]);

export const issuerSchema = z
  .string()
  .trim()
  .min(1, "Enter the issuer URL of your identity provider")
  .max(500, "At most 500 characters")
  .refine(
    (v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol),
    "Enter a full URL, e.g. https://login.example.com/realms/acme",
  )
  .refine(
    (v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password && !new URL(v).search && !new URL(v).hash),
    "The issuer URL has no credentials, query or fragment",
  );

export const ssoConnectionSchema = z.object({
  issuer: issuerSchema,
  clientId: z
    .string()
    .trim()
    .min(1, "Enter the client ID the identity provider gave you")
    .max(300, "At most 300 characters"),
  /** Required the first time; left out (or empty) later to keep the stored secret. */
  clientSecret: z.string().trim().max(2000, "At most 2000 characters").optional(),
  allowedDomains: allowedDomainsSchema,
  defaultRole: roleSchema.default("viewer"),
  enabled: z.boolean().default(true),
  ssoRequired: z.boolean().default(false),
});
export type SsoConnectionInput = z.infer<typeof ssoConnectionSchema>;

export const ssoStartSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter your work e-mail address").max(320),
});

/** A DNS check of one of the connection's allowed domains. */
export const domainCheckSchema = z.object({
  domain: z.string().trim().toLowerCase().min(1, "Name the domain to check").max(253, "At most 253 characters"),
});
