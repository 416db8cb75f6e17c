import Link from "next/link";
import { mailConfigured } from "@/lib/mail/transport";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  if (!mailConfigured()) {
    return (
      <AuthCard title="Forgot your password?">
        <p className="text-sm text-slate-700">
          This server cannot send e-mail, so it cannot send you a reset link. Ask an administrator of your organization to help you back into your
          account.
        </p>
        <p className="mt-6">
          <Link href="/login" className={buttonClass("secondary")}>
            Back to sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Forgot your password?" description="Enter the e-mail address you sign in with. We will send you a link to choose a new password.">
      <ForgotPasswordForm />
    </AuthCard>
  );
}
