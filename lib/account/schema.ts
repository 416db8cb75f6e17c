// Forms of the account pages, shared by the server actions and their tests.
import { z } from "zod";

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
