import { mailConfigured } from "@/lib/mail/transport";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";
import { AuthNotice } from "@/components/auth/auth-notice";

export const dynamic = "force-dynamic";
export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  if (!mailConfigured()) {
    return (
      <AuthNotice title="Forgot your password?" href="/login" linkLabel="Back to sign in">
        This server cannot send e-mail, so it cannot send you a reset link. Ask an administrator of your organization to
        help you back into your account.
      </AuthNotice>
    );
  }
  return (
    <AuthCard
      title="Forgot your password?"
      description="Enter the e-mail address you sign in with. We will send you a link to choose a new password."
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
