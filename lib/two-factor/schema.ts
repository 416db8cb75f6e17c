// Form input of the two-factor actions (app/_actions/two-factor.ts), shared with their forms.
import { z } from "zod";

/** The sign-in error (next-auth passes the thrown message on) that makes the login form ask for a code. */
export const TWO_FACTOR_CODE_REQUIRED = "TwoFactorCodeRequired";

const ENTER_CODE = "Enter the 6-digit code from your authenticator app";

/** A 6-digit TOTP ("123 456" and "123-456" too). */
export const totpCodeField = z
  .string()
  .trim()
  .regex(/^\d{3}[\s-]?\d{3}$/, ENTER_CODE);

/** A TOTP or a recovery code ("7kq2m-x9c4d"). */
export const anyCodeField = z
  .string()
  .trim()
  .min(1, "Enter a code from your authenticator app, or a recovery code")
  .max(64, "That is not a code")
  .regex(/^[0-9A-Za-z\s-]+$/, "That is not a code");

export const enableTwoFactorSchema = z.object({
  pending: z.string().min(20, "Reload the page and scan the new QR code").max(4000),
  code: totpCodeField,
  password: z.string().max(1024).optional(),
});
export const codeOnlySchema = z.object({ code: anyCodeField });
export const disableTwoFactorSchema = z.object({ password: z.string().max(1024).optional(), code: anyCodeField });
export const twoFactorPolicySchema = z.object({
  requireTwoFactor: z.enum(["on", "off"], { error: "Choose whether two-factor is required" }),
});
