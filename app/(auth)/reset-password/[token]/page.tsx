import Link from "next/link";
import { findPasswordReset, LINK_NOT_VALID } from "@/lib/account/reset";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Choose a new password", referrer: "no-referrer" };

// Opening the page uses nothing up (mail scanners that follow links must not spend it); submitting does.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findPasswordReset(token);
  if (!reset) {
    return (
      <AuthCard title="This reset link does not work">
        <p className="text-sm text-slate-700">{LINK_NOT_VALID}</p>
        <p className="mt-6">
          <Link href="/forgot-password" className={buttonClass("primary")}>
            Ask for a new link
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" description="Every browser signed in to this account will be signed out.">
      <ResetPasswordForm token={token} email={reset.email} />
    </AuthCard>
  );
}
