// /account/two-factor: turn on TOTP (QR code, manual key, first code → recovery codes), confirm a session
// that began without a code, new recovery codes, turn it off. Outside the app frame on purpose: an
// organization that requires two-factor sends its members here before they may open anything
// (lib/auth/action.ts requireCtx), so this page needs a session but no organization.
import Link from "next/link";
import { requireSession } from "@/lib/auth/action";
import { beginEnrolment, getTwoFactorStatus, type TwoFactorStatus } from "@/lib/two-factor/service";
import { AuthCard } from "@/components/auth/auth-card";
import { FormMessage } from "@/components/ui/form-message";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Enrolment } from "@/components/account/enrolment";
import { DisableTwoFactorForm, RegenerateCodesForm, VerifySessionForm } from "@/components/account/two-factor-forms";

export const dynamic = "force-dynamic";
export const metadata = { title: "Two-factor authentication" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function RequiredNotice({ status }: { status: TwoFactorStatus }) {
  const names = status.requiredBy.map((o) => o.name).join(", ");
  const what = status.enabled
    ? "Enter a code from your authenticator app to confirm this session"
    : "Set it up below to continue";
  return (
    <FormMessage tone="info">
      <strong className="font-semibold">{names || "Your organization"}</strong> requires two-factor authentication for
      every member. {what}; until then its pages and its API refuse this session.
    </FormMessage>
  );
}

async function Enrol({ userId, status }: { userId: string; status: TwoFactorStatus }) {
  const { pending, secretForTyping, qrDataUrl } = await beginEnrolment(userId, status.email);
  return (
    <Enrolment
      enrolment={{ pending, secretForTyping, qrDataUrl }}
      email={status.email}
      hasPassword={status.hasPassword}
    />
  );
}

function Manage({ status }: { status: TwoFactorStatus }) {
  return (
    <div className="flex flex-col gap-8 text-sm text-slate-800">
      <p>
        <Badge tone="ok">On</Badge> since {status.enabledAt ? formatDate(status.enabledAt) : "—"}. You sign in with your
        password and a code from your app.{" "}
        <span data-testid="recovery-codes-left">{status.recoveryCodesLeft} of 10 recovery codes unused.</span>
      </p>
      <section aria-labelledby="regenerate-heading">
        <h2 id="regenerate-heading" className="font-semibold text-slate-900">
          New recovery codes
        </h2>
        <p className="mt-1 mb-3 text-slate-600">Makes ten new codes; the old ones stop working.</p>
        <RegenerateCodesForm email={status.email} />
      </section>
      <section aria-labelledby="disable-heading" className="border-t border-slate-200 pt-6">
        <h2 id="disable-heading" className="font-semibold text-slate-900">
          Turn off two-factor authentication
        </h2>
        <p className="mt-1 mb-3 text-slate-600">
          Your password alone will sign you in again.
          {status.requiredBy.length
            ? " Organizations that require two-factor will ask you to set it up again before you can open them."
            : ""}
        </p>
        <DisableTwoFactorForm hasPassword={status.hasPassword} />
      </section>
    </div>
  );
}

export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession();
  const [status, sp] = await Promise.all([getTwoFactorStatus(session), searchParams]);
  const blocked = status.requiredBy.length > 0 && !status.sessionVerified;
  const needsSessionCode = status.enabled && !status.sessionVerified;
  return (
    <AuthCard
      title="Two-factor authentication"
      description="A code from an app on your phone, asked for after your password, keeps your account safe even if someone learns the password."
    >
      <div className="flex flex-col gap-6">
        {blocked || sp.required === "1" ? <RequiredNotice status={status} /> : null}
        {!status.enabled ? (
          <Enrol userId={session.userId} status={status} />
        ) : needsSessionCode ? (
          <VerifySessionForm />
        ) : (
          <Manage status={status} />
        )}
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 text-sm text-slate-600">
          <span className="min-w-0 truncate">Signed in as {status.email}</span>
          <span className="flex items-center gap-2">
            {blocked ? null : (
              <Link href="/settings" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                Back to Resonance
              </Link>
            )}
            <SignOutButton variant="secondary" />
          </span>
        </div>
      </div>
    </AuthCard>
  );
}
