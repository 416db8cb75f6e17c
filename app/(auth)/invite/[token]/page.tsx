import Link from "next/link";
import { findOpenInvite } from "@/lib/members/service";
import { sessionUserId } from "@/lib/auth/ctx";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import { getUserProfile, normalizeEmail } from "@/lib/users/service";
import { acceptInviteAsMember, createAccountAndAccept } from "@/app/_actions/invites";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthNotice } from "@/components/auth/auth-notice";
import { NewAccountForm } from "@/components/auth/new-account-form";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length <= 200 ? await findOpenInvite(token) : null;
  if (!invite) {
    return (
      <AuthNotice title="This invite link does not work" href="/login" linkLabel="Go to sign in">
        It may have expired (links last 7 days), been revoked, or already been used. Ask an admin of the organization to
        send you a new link.
      </AuthNotice>
    );
  }

  const role = isRole(invite.role) ? ROLE_LABELS[invite.role].label : invite.role;
  const path = `/invite/${token}`;
  const description = (
    <>
      You have been invited to <strong className="text-slate-900">{invite.org.name}</strong> as{" "}
      <strong className="text-slate-900">{role}</strong>
      {invite.unitName ? (
        <>
          {" "}
          of <strong className="text-slate-900">{invite.unitName}</strong> and the units below it
        </>
      ) : null}
      .
    </>
  );
  const userId = await sessionUserId();
  const me = userId ? await getUserProfile(userId) : null;

  if (me && normalizeEmail(me.email) === invite.email) {
    return (
      <AuthCard title={`Join ${invite.org.name}`} description={description}>
        <ActionForm
          action={acceptInviteAsMember.bind(null, token)}
          submitLabel={`Join ${invite.org.name} as ${role}`}
          pendingLabel="Joining…"
          variant="primary"
          size="md"
        />
      </AuthCard>
    );
  }

  if (me) {
    return (
      <AuthCard title="This invite is for someone else" description={description}>
        <p className="text-sm text-slate-700">
          You are signed in as <strong>{me.email}</strong>, but the invite was sent to <strong>{invite.email}</strong>.
          Sign out, then open this link again and sign in (or create the account) as {invite.email}.
        </p>
        <div className="mt-6">
          <SignOutButton callbackUrl={path} variant="secondary" />
        </div>
      </AuthCard>
    );
  }

  // Not signed in: the same page whether or not the address has an account (nothing here may tell).
  return (
    <AuthCard title={`Join ${invite.org.name}`} description={description}>
      <p className="text-sm text-slate-700">
        Have a Resonance account for <strong>{invite.email}</strong>? Sign in to accept.
      </p>
      <p className="mt-3">
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(path)}`}
          className={buttonClass("primary", "md", "w-full")}
        >
          Sign in to accept
        </Link>
      </p>
      <h2 className="mt-8 mb-3 border-t border-slate-200 pt-6 text-base font-semibold text-slate-900">
        New here? Create your account
      </h2>
      <NewAccountForm email={invite.email} action={createAccountAndAccept.bind(null, token)} callbackUrl={path} />
    </AuthCard>
  );
}
