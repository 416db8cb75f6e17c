import { findPasswordReset, LINK_NOT_VALID } from "@/lib/account/reset";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { AuthNotice } from "@/components/auth/auth-notice";

export const dynamic = "force-dynamic";
export const metadata = { title: "Choose a new password", referrer: "no-referrer" };

// Opening the page uses nothing up (mail scanners that follow links must not spend it); submitting does.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findPasswordReset(token);
  if (!reset) {
    return (
      <AuthNotice
        title="This reset link does not work"
        href="/forgot-password"
        linkLabel="Ask for a new link"
        variant="primary"
      >
        {LINK_NOT_VALID}
      </AuthNotice>
    );
  }
  return (
    <AuthCard title="Choose a new password" description="Every browser signed in to this account will be signed out.">
      <ResetPasswordForm token={token} email={reset.email} />
    </AuthCard>
  );
}
