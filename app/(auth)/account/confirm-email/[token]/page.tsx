import Link from "next/link";
import { confirmEmailChangeAction } from "@/app/_actions/account";
import { AuthCard } from "@/components/auth/auth-card";
import { ActionForm } from "@/components/ui/action-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Confirm your e-mail address", referrer: "no-referrer" };

// A button rather than confirming on GET: link scanners in mail systems open links, they do not submit forms.
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard
      title="Confirm your new e-mail address"
      description="Your account will use the address this link was sent to. The old address is told."
    >
      <ActionForm
        action={confirmEmailChangeAction.bind(null, token)}
        submitLabel="Confirm this address"
        pendingLabel="Confirming…"
        variant="primary"
        size="md"
        successMessage="Done: sign in with your new address from now on."
      />
      <p className="mt-6 text-sm">
        <Link href="/account" className="font-medium text-brand-700 underline">
          Go to your account
        </Link>
      </p>
    </AuthCard>
  );
}
