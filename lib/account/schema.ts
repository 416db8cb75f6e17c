// Forms of the account pages, shared by the server actions and their tests.
import { z } from "zod";
import { LOCALES } from "../i18n/config";

const email = z.string().trim().toLowerCase().email("Not a valid e-mail address").max(320);
const password = z.string().max(1024, "That is far too long for a password");

export const profileSchema = z.object({ name: z.string().trim().min(1, "Name is required").max(120) });
export const emailChangeSchema = z.object({ email, currentPassword: password.min(1, "Enter your current password") });
export const passwordChangeSchema = z.object({
  currentPassword: password.min(1, "Enter your current password"),
  newPassword: password.min(1, "Choose a new password"),
});
export const forgotPasswordSchema = z.object({ email });
export const resetPasswordSchema = z.object({ password: password.min(1, "Choose a new password") });
/** "Sign out everywhere" is a form with this one hidden field, so that a bare POST does nothing. */
export const signOutEverywhereSchema = z.object({ scope: z.literal("everywhere", "Confirm signing out everywhere") });

/** The language picker of the account page: a language, or "browser" (follow the browser; lib/i18n/config.ts). */
export const accountLocaleSchema = z.object({
  locale: z.enum([...LOCALES, "browser"], "Choose a language"),
});
/** The language switch of the signed-out pages: remembered in a cookie only. */
export const browserLocaleSchema = z.object({ locale: z.enum(LOCALES, "Choose a language") });
